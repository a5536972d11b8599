//! Long texts and the text box.
//!
//! Chromium lays out a text box's whole text whenever it changes: with a 1 MB article in
//! it the page froze for 700 ms after the paste, and again after every change (measured
//! in headless Chromium, `scripts/bench/browser_latency.mjs`). So a text longer than
//! [`LONG_TEXT_CHARS`] is analysed and shown in the reader, but not put in the box; the
//! box then says so, and a paste into it replaces the long text.

/// Texts up to this many chars go in the text box (laid out in about 70 ms).
pub const LONG_TEXT_CHARS: usize = 100_000;

/// Whether `text` is too long for the text box.
pub fn is_long(text: &str) -> bool {
    // Counting a megabyte's chars takes a millisecond; most texts are decided by bytes.
    text.len() > LONG_TEXT_CHARS && text.chars().count() > LONG_TEXT_CHARS
}

/// `value` with the UTF-16 range `start..end` (a text box's selection) replaced by
/// `insert`. Offsets inside a surrogate pair or past the end are moved to the next char
/// boundary, so any selection gives a valid text.
pub fn splice_utf16(value: &str, start: u32, end: u32, insert: &str) -> String {
    let byte_at = |unit: u32| {
        let mut units = 0u32;
        for (b, c) in value.char_indices() {
            if units >= unit {
                return b;
            }
            units += c.len_utf16() as u32;
        }
        value.len()
    };
    let (s, e) = (byte_at(start.min(end)), byte_at(end.max(start)));
    let mut out = String::with_capacity(value.len() - (e - s) + insert.len());
    out.push_str(&value[..s]);
    out.push_str(insert);
    out.push_str(&value[e..]);
    out
}

/// What a paste into the text box makes the text, when that is too long for the box:
/// the box's text with the paste spliced in, or, when the box stands for a long text it
/// does not hold (`box_holds_text` false), the paste alone, which replaces that text.
/// `None`: the box takes the paste as usual.
pub fn long_paste(ev: &web_sys::ClipboardEvent, box_holds_text: bool) -> Option<String> {
    let pasted = ev.clipboard_data()?.get_data("text/plain").ok()?;
    if !box_holds_text {
        return Some(pasted);
    }
    let (area, start, end) = pasted_into(ev)?;
    // Chars never outnumber bytes: most pastes are decided without counting.
    if area.text_length() as usize + pasted.len() <= LONG_TEXT_CHARS {
        return None;
    }
    let spliced = splice_utf16(&area.value(), start, end, &pasted);
    is_long(&spliced).then_some(spliced)
}

/// The text box a paste event is for, and its selection (UTF-16 units).
fn pasted_into(ev: &web_sys::ClipboardEvent) -> Option<(web_sys::HtmlTextAreaElement, u32, u32)> {
    use wasm_bindgen::JsCast;
    let area = ev
        .target()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    Some((area, start, end))
}

/// Whether the paste `ev` replaces the whole of the box's text: see [`replaces_all`].
pub fn replaces_whole_text(ev: &web_sys::ClipboardEvent, box_holds_text: bool) -> bool {
    pasted_into(ev)
        .is_some_and(|(area, start, end)| replaces_all(box_holds_text, &area.value(), start, end))
}

/// Whether a paste replaces the whole of the box's text (or the long text the box
/// stands for): then it is another article, to be kept as a document of its own, not
/// written over the one open. `value` is the box's text and `start..end` its selection,
/// in UTF-16 units (as the box gives it); a blank box replaces nothing.
pub fn replaces_all(box_holds_text: bool, value: &str, start: u32, end: u32) -> bool {
    if !box_holds_text {
        return true;
    }
    let len = value.encode_utf16().count() as u32;
    !value.trim().is_empty() && start.min(end) == 0 && start.max(end) >= len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_over_the_whole_text_is_another_article() {
        let text = "甲新聞：律政司司長林定國今日出席活動。𠮷";
        let len = text.encode_utf16().count() as u32;
        let cases = [
            // (box holds the text, text, selection start, end, replaces all)
            (true, text, 0, len, true),
            (true, text, len, 0, true),
            (true, text, 0, len - 1, false),
            (true, text, 1, len, false),
            (true, text, len, len, false),
            (true, "", 0, 0, false),
            (true, "  \n", 0, 3, false),
            (false, "", 0, 0, true),
        ];
        for (holds, value, start, end, expected) in cases {
            assert_eq!(
                replaces_all(holds, value, start, end),
                expected,
                "{value:?} {start}..{end}"
            );
        }
    }

    #[test]
    fn splices_at_utf16_offsets() {
        let cases = [
            ("", 0, 0, "深圳", "深圳"),
            ("香港", 1, 1, "與", "香與港"),
            ("香港", 0, 2, "深圳", "深圳"),
            ("𠝹𨋢", 2, 2, "和", "𠝹和𨋢"),
            ("𠝹𨋢", 1, 1, "和", "𠝹和𨋢"), // inside a pair: after it
            ("ab", 5, 9, "c", "abc"),
            ("ab", 2, 0, "c", "c"), // a backwards selection
        ];
        for (value, start, end, insert, want) in cases {
            assert_eq!(
                splice_utf16(value, start, end, insert),
                want,
                "{value} {start}..{end}"
            );
        }
    }

    #[test]
    fn long_texts_are_counted_in_chars() {
        assert!(!is_long(&"字".repeat(LONG_TEXT_CHARS)));
        assert!(is_long(&"字".repeat(LONG_TEXT_CHARS + 1)));
        assert!(!is_long(&"a".repeat(LONG_TEXT_CHARS)));
    }
}
