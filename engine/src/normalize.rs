//! Normalisation for analysis, with a map back to the original text.
//!
//! Two things pasted news text needs before a dictionary can match it:
//! * **width folding**: full-width ASCII (`２０２４`, `ＡＩ`) becomes half-width, so numbers
//!   and Latin words are matched as units, as jieba does for ASCII;
//! * **line-wrap repair**: OCR'd and copied newspaper columns break sentences, even words,
//!   across lines (`自主研發能` / `力`). A line break (with any blank lines and spaces
//!   around it) between two Han characters is removed when the line before it does not end
//!   a sentence, so analysis sees the joined sentence.
//! * **wrap-space repair**: text copied from a PDF or an e-paper page often keeps a column's
//!   line ends as single spaces, inside words and names (`南 方科技大學`, `樞 紐`). Chinese
//!   running text puts no spaces between Han characters, so on a line that reads as running
//!   text (it has a comma, full stop, semicolon, `!` or `?`) a single space between two Han
//!   characters is removed. Headlines and bylines have no such punctuation and keep theirs
//!   (`深港穗科技集群 創新指數全球第二`, `大公報記者 胡永愛`), where a space separates.
//!
//! Folding maps one char to one char; both repairs only remove chars. So every analysis char
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
    /// that crosses a repaired line break or space covers it in the original.
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
                          // The last char emitted.
    let mut before = None;
    // Whether the current line reads as running text: known once a clause mark has been seen
    // on it, or once a wrap space made the rest of the line (across the breaks this loop
    // will join) be read ahead.
    let mut running: Option<bool> = None;
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
            if joins(line_len, before, after) {
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
                if w == '\n' || w == '\r' {
                    line_len = 0;
                    running = None;
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
        if c == ' '
            && before.is_some_and(is_han)
            && chars.clone().next().is_some_and(is_han)
            && *running.get_or_insert_with(|| line_is_running_text(chars.clone(), line_len))
        {
            continue;
        }
        if !is_space(c) {
            line_len += 1;
        }
        let c = fold_width(c);
        if ends_clause(c) {
            running = Some(true);
        }
        emit(c, at);
        before = Some(c);
    }
}

/// Whether line-wrap repair removes a break (with the whitespace around it) that ends a
/// line of `line_len` non-space chars, between `before` and `after`.
fn joins(line_len: usize, before: Option<char>, after: Option<char>) -> bool {
    line_len >= MIN_WRAPPED_LINE && before.is_some_and(is_han) && after.is_some_and(is_han)
}

/// Marks that end a clause in running text and that headlines and bylines go without.
fn ends_clause(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | ';' | '!' | '?')
}

/// Whether the rest of the line has a clause mark (`rest` is after a space that has no mark
/// before it on its line, which has `line_len` non-space chars so far). The line goes on
/// across a break that line-wrap repair will remove, judged as [`normalize_each`] judges
/// it (the char before the break, spaces included, and the first one after its run), so
/// the answer holds for the whole joined line and is never asked again on it.
fn line_is_running_text(mut rest: std::str::Chars<'_>, mut line_len: usize) -> bool {
    let mut before = ' ';
    while let Some(c) = rest.next() {
        if c == '\n' || c == '\r' {
            // The whitespace run after the break, as the normaliser measures it.
            while rest.clone().next().is_some_and(is_space) {
                rest.next();
            }
            if !joins(line_len, Some(before), rest.clone().next()) {
                return false;
            }
            continue;
        }
        let c = fold_width(c);
        if ends_clause(c) {
            return true;
        }
        if !is_space(c) {
            line_len += 1;
        }
        before = c;
    }
    false
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
            // Wrap spaces: removed in running text, kept where a space separates.
            (
                "該項目是南 方科技大學和河套深度合作的又一里程碑,將匯聚優 勢資源。",
                "該項目是南方科技大學和河套深度合作的又一里程碑,將匯聚優勢資源。",
            ),
            ("爲推動 橫琴發展提供支持，", "爲推動橫琴發展提供支持,"),
            (
                "深港穗科技集群 創新指數全球第二",
                "深港穗科技集群 創新指數全球第二",
            ),
            ("大公報記者 胡永愛報道", "大公報記者 胡永愛報道"),
            ("香港 AI 企業，", "香港 AI 企業,"), // Latin beside Han: a real space
            ("深圳  南山，", "深圳  南山,"),     // two spaces: laid out on purpose
            ("首批 廣東\n省中試平台，", "首批 廣東\n省中試平台,"), // short line: a headline
            (
                "深港兩地加快建設科創走廊的 首批\n項目，推動合作",
                "深港兩地加快建設科創走廊的首批項目,推動合作",
            ),
            // A byline's space stays when its line ends in a space and the next is a
            // sentence: the break is kept, so the line is no running text.
            (
                "大公報記者 胡永愛報道 \n深港兩地合作加快推進，效果顯著。",
                "大公報記者 胡永愛報道 \n深港兩地合作加快推進,效果顯著。",
            ),
            // A lone carriage return ends a line as a line feed does.
            (
                "深港兩地合作加快推進，效果顯著。\r大公報記者 胡永愛報道",
                "深港兩地合作加快推進,效果顯著。\r大公報記者 胡永愛報道",
            ),
        ];
        for (original, expected) in cases {
            assert_eq!(normalize(original).text, expected, "{original:?}");
        }
    }

    #[test]
    fn lines_without_clause_marks_are_read_ahead_once() {
        // Unpunctuated wrapped lines (a table, a list, text from a PDF): each wrap space
        // once read to the end of the joined paragraph, so the time grew with its square.
        let text = "一二三四 五六七八\n".repeat(40_000); // 400,000 chars
        let started = std::time::Instant::now();
        let n = normalize(&text);
        assert_eq!(n.text.chars().filter(|&c| c == ' ').count(), 40_000);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn names_broken_by_a_wrap_space_are_found_where_they_stand() {
        use crate::{Analyzer, EntityType::*};
        let analyzer = Analyzer::new();
        // (text, entity, type, its original slice)
        let cases = [
            (
                "該實驗室由南 方科技大學牽頭建設，明年投入使用。",
                "南方科技大學",
                Org,
                "南 方科技大學",
            ),
            (
                "兩地將在河 套合作區共建研發中心，吸引人才。",
                "河套合作區",
                Loc,
                "河 套合作區",
            ),
            (
                "記者昨日在深 圳灣口岸看到，旅客排隊過關。",
                "深圳灣口岸",
                Fac,
                "深 圳灣口岸",
            ),
        ];
        for (text, want, kind, slice) in cases {
            let analysis = analyzer.analyze(text);
            analysis.check(text).unwrap();
            let found = analysis.entities.iter().find(|e| e.text == want);
            let Some(e) = found else {
                panic!("{text}: no {want} in {:?}", analysis.entities);
            };
            assert_eq!(e.kind, kind, "{text}");
            let got: String = text.chars().skip(e.start).take(e.end - e.start).collect();
            assert_eq!(got, slice, "{text}");
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
