//! Landing on a place in the reader: a concordance line, or a story's headline in its page,
//! opens its document there, with the passage selected and scrolled into view.
//!
//! The reader's text nodes hold the text char for char (labels and parts of speech are
//! drawn by CSS), so a char offset is found by walking them; tokens carry no offsets of
//! their own, which keeps the markup of long texts small.

use wasm_bindgen::JsCast;

/// Where to land once a text is shown: char offsets, and what identifies the text (its
/// length and what stands at the place), so a place is never landed in another text that
/// happens to share it (a story and its page start alike).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goto {
    pub start: usize,
    pub end: usize,
    /// The whole text's length in bytes.
    bytes: usize,
    there: String,
}

impl Goto {
    /// A place in `text`.
    pub fn within(text: &str, start: usize, end: usize) -> Option<Goto> {
        let there: String = text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        (start < end && there.chars().count() == end - start).then_some(Goto {
            start,
            end,
            bytes: text.len(),
            there,
        })
    }

    /// Whether `text` is the text this place was taken from.
    pub fn fits(&self, text: &str) -> bool {
        text.len() == self.bytes
            && text
                .chars()
                .skip(self.start)
                .take(self.end - self.start)
                .eq(self.there.chars())
    }
}

/// UTF-16 length of the first `chars` chars of `text` (DOM offsets count UTF-16 units).
fn utf16_len(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

/// Selects chars `start..end` of the text under `root` and scrolls them to the middle of
/// the view; false if the text under `root` is shorter.
pub fn land(root: &web_sys::Element, start: usize, end: usize) -> bool {
    try_land(root, start, end).unwrap_or(false)
}

fn try_land(root: &web_sys::Element, start: usize, end: usize) -> Option<bool> {
    let document = root.owner_document()?;
    // NodeFilter.SHOW_TEXT
    let walker = document
        .create_tree_walker_with_what_to_show(root, 0x4)
        .ok()?;
    let range = document.create_range().ok()?;
    let mut at = 0;
    let mut started = false;
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.node_value().unwrap_or_default();
        let n = text.chars().count();
        if !started && start < at + n {
            range.set_start(&node, utf16_len(&text, start - at)).ok()?;
            started = true;
        }
        if started && end <= at + n {
            range.set_end(&node, utf16_len(&text, end - at)).ok()?;
            // Focus moves to the reader (the link that asked may be gone), then the place
            // is selected and scrolled to the middle.
            if let Some(reader) = root.dyn_ref::<web_sys::HtmlElement>() {
                let _ = reader.focus();
            }
            let selection = web_sys::window()?.get_selection().ok()??;
            selection.remove_all_ranges().ok()?;
            selection.add_range(&range).ok()?;
            let element = range
                .start_container()
                .ok()?
                .parent_element()
                .or_else(|| root.clone().dyn_into().ok())?;
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            return Some(true);
        }
        at += n;
    }
    Some(false)
}
