//! Normalisation for analysis, with a map back to the original text.
//!
//! Two things pasted news text needs before a dictionary can match it:
//! * **width folding**: full-width ASCII (`２０２４`, `ＡＩ`) becomes half-width, so numbers
//!   and Latin words are matched as units, as jieba does for ASCII;
//! * **line-wrap repair**: OCR'd and copied newspaper columns break sentences, even words,
//!   across lines (`自主研發能` / `力`). A line break (with any blank lines and spaces
//!   around it) between two Han characters is removed when the line before it does not end
//!   a sentence, so analysis sees the joined sentence.
//!
//! Folding maps one char to one char; repair only removes chars. So every analysis char
//! has exactly one original char, and [`Normalized::original_span`] maps spans back.

use crate::lexicon::is_han;

/// The text the engine analyses, and where each of its chars came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The text to analyse.
    pub text: String,
    /// `origin[i]` is the original char offset of analysis char `i`.
    origin: Vec<usize>,
}

impl Normalized {
    /// The original char span of the analysis span `start..end` (end exclusive). A span
    /// that crosses a repaired line break covers the break in the original.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin[start], self.origin[end - 1] + 1)
    }

    /// Number of chars in the analysis text.
    pub fn len(&self) -> usize {
        self.origin.len()
    }

    /// Whether there is nothing to analyse.
    pub fn is_empty(&self) -> bool {
        self.origin.is_empty()
    }
}

/// Whether `c` separates tokens without being one: whitespace, and the invisible
/// zero-width space, word joiner and byte-order mark that copied text often carries.
pub fn is_gap(c: char) -> bool {
    is_space(c) || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// `char::is_whitespace`, with Han text (most of what is tested) answered by one range
/// test instead of the Unicode table lookup: nothing from U+3001 to U+FEFE is whitespace.
fn is_space(c: char) -> bool {
    !('\u{3001}'..='\u{FEFE}').contains(&c) && c.is_whitespace()
}

/// Folds a full-width ASCII variant (U+FF01–U+FF5E) to ASCII; other chars are kept.
/// The ideographic space stays: it separates words like a space and jieba treats it so.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A line this short before a break is more likely a headline or a list item than a
/// wrapped column line, so its break is kept.
const MIN_WRAPPED_LINE: usize = 6;

/// Normalises `original` for analysis (see the module docs).
pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len() / 3 + 1);
    normalize_each(original, |c, i| {
        text.push(c);
        origin.push(i);
    });
    Normalized { text, origin }
}

impl Normalized {
    /// A normalised text whose chars a caller collected from [`normalize_each`].
    pub(crate) fn from_parts(text: String, origin: Vec<usize>) -> Self {
        Normalized { text, origin }
    }
}

/// Hands each char of the normalised text, with the original char offset it came from,
/// to `emit`, in order. Analysis builds its own tables in the same pass: one walk over a
/// long text instead of three (normalise, map to Simplified, index).
pub(crate) fn normalize_each(original: &str, mut emit: impl FnMut(char, usize)) {
    let mut chars = original.chars();
    let mut i = 0; // the original char offset of the next char of `chars`
    let mut line_len = 0; // non-space chars on the current line so far
    let mut before = None; // the last char emitted
    while let Some(c) = chars.next() {
        let at = i;
        i += 1;
        if c == '\n' || c == '\r' {
            // The whole whitespace run around this break: `run` chars from `c` on.
            let mut ahead = chars.clone();
            let mut run = 1;
            let after = loop {
                match ahead.next() {
                    Some(w) if is_space(w) => run += 1,
                    other => break other,
                }
            };
            let wrapped = line_len >= MIN_WRAPPED_LINE
                && before.is_some_and(is_han)
                && after.is_some_and(is_han);
            if wrapped {
                // line_len carries on: the joined line continues.
                chars = ahead_of(chars, run - 1);
                i += run - 1;
                continue;
            }
            let mut w = c;
            let mut k = at;
            loop {
                emit(w, k);
                before = Some(w);
                if w == '\n' {
                    line_len = 0;
                }
                if k + 1 == at + run {
                    break;
                }
                // Inside the run just measured: the iterator has these chars.
                w = chars.next().unwrap_or(' ');
                k += 1;
                i += 1;
            }
            continue;
        }
        if !is_space(c) {
            line_len += 1;
        }
        let c = fold_width(c);
        emit(c, at);
        before = Some(c);
    }
}

/// `chars` advanced by `n` chars.
fn ahead_of(mut chars: std::str::Chars<'_>, n: usize) -> std::str::Chars<'_> {
    for _ in 0..n {
        chars.next();
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_text(original: &str, n: &Normalized, s: usize, e: usize) -> String {
        let (a, b) = n.original_span(s, e);
        original.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn gaps_are_whitespace_and_the_invisible_three() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
            let gap = c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}');
            assert_eq!(is_gap(c), gap, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn table() {
        // (original, analysis text)
        let cases = [
            ("２０２４年ＡＩ", "2024年AI"),
            (
                "激發本地企業的自主研發能\n力。",
                "激發本地企業的自主研發能力。",
            ),
            (
                "激發本地企業的自主研發能\n\n  力。",
                "激發本地企業的自主研發能力。",
            ),
            (
                "科創合作成效顯著。\n深港兩地",
                "科創合作成效顯著。\n深港兩地",
            ),
            ("深港合作\n記者報道", "深港合作\n記者報道"), // a short line: a headline, kept
            ("【香港商報訊】\n記者", "【香港商報訊】\n記者"),
            ("one\r\ntwo", "one\r\ntwo"),
            ("", ""),
            ("𠝹\u{3000}𨋢", "𠝹\u{3000}𨋢"),
        ];
        for (original, expected) in cases {
            assert_eq!(normalize(original).text, expected, "{original:?}");
        }
    }

    #[test]
    fn spans_map_back_across_a_repaired_break() {
        let original = "自主研發能力的企業能\n力";
        let n = normalize(original);
        assert_eq!(n.text, "自主研發能力的企業能力");
        let end = n.len();
        assert_eq!(span_text(original, &n, end - 2, end), "能\n力");
        assert_eq!(span_text(original, &n, 0, 2), "自主");
    }
}
