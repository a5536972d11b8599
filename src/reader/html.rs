//! The reader's markup: one escaped HTML string per block, built here as a pure function
//! of the analysis (see `Reader` for why strings and not view nodes).

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

use jiexi_corpus::export::html::escape_html;
use jiexi_corpus::identity::{entity_key, EntityGroup};
use jiexi_engine::script::{to_simplified, to_traditional, Script};
use jiexi_engine::Token;

use super::EntityKey;
use crate::shell::i18n::{type_label, Lang};
use crate::state::client::Shown;

/// Tooltip facts of one entity: its count and its forms.
pub struct Facts {
    count: usize,
    forms: String,
}

pub fn facts_of(groups: &[EntityGroup]) -> HashMap<EntityKey, Arc<Facts>> {
    groups
        .iter()
        .map(|g| {
            let key = (g.kind, g.key.clone());
            let facts = Facts {
                count: g.count,
                forms: g.forms.join(" / "),
            };
            (key, Arc::new(facts))
        })
        .collect()
}

/// The HTML of tokens `first..last_token` of `shown` and the text around them: from the
/// start of the text (first slice) or of token `first`, to the start of token
/// `last_token` or the end. Every text and attribute value is escaped.
///
/// Each token is an element (`<span data-token data-pos>`) only when `tokens_shown` is set,
/// for the word-boundary and part-of-speech views: plain text otherwise. A 10,000-char
/// article is ~6,000 tokens, and their elements were about a quarter of the time from
/// paste to highlights (parsing, styling and laying out that many inline boxes), for
/// nothing a reader sees with both views off. Either way the text nodes hold the text
/// as written, char for char (a repaired line break or wrap space inside a token is
/// there, hidden), which is what [`super::landing`] counts on.
pub fn slice_html(
    shown: &Shown,
    bytes: &[usize],
    (first, last_token): (usize, usize),
    facts: &HashMap<EntityKey, Arc<Facts>>,
    lang: Lang,
    script: Option<Script>,
    tokens_shown: bool,
) -> String {
    // The script views map char for char, so every offset still holds.
    let shown_text = |t: &str| match script {
        Some(Script::Simplified) => escape_html(&to_simplified(t)),
        Some(Script::Traditional) => escape_html(&to_traditional(t)),
        None => escape_html(t),
    };
    let tokens = &shown.analysis.tokens;
    let text = &shown.text;
    let from_char = if first == 0 { 0 } else { tokens[first].start };
    let to_char = tokens.get(last_token).map(|t| t.start);
    let mut out =
        String::with_capacity((bytes[to_char.unwrap_or(bytes.len() - 1)] - bytes[from_char]) * 4);
    let gap = |out: &mut String, start: usize, end: usize| {
        out.push_str(&shown_text(&text[bytes[start]..bytes[end]]));
    };
    let word = |out: &mut String, t: &Token| {
        let slice = &text[bytes[t.start]..bytes[t.end]];
        // A token holds whitespace only where normalisation repaired a column's wrap (a
        // line break or a space inside a word): it is kept in the text, so offsets count
        // as written, but hidden, so the word reads joined.
        let written = if slice.len() == t.text.len() {
            shown_text(slice)
        } else {
            let mut w = String::with_capacity(slice.len() + 32);
            let mut rest = slice;
            while let Some(at) = rest.find(|c: char| c.is_whitespace()) {
                let end = rest[at..]
                    .find(|c: char| !c.is_whitespace())
                    .map_or(rest.len(), |e| at + e);
                w.push_str(&shown_text(&rest[..at]));
                let _ = write!(w, "<span hidden>{}</span>", escape_html(&rest[at..end]));
                rest = &rest[end..];
            }
            w.push_str(&shown_text(rest));
            w
        };
        if tokens_shown {
            let _ = write!(
                out,
                "<span data-token data-pos=\"{}\">{written}</span>",
                escape_html(&t.pos),
            );
        } else {
            out.push_str(&written);
        }
    };
    let start_of = |i: usize| shown.analysis.entities.partition_point(|e| e.start < i);
    let mut entities = shown.analysis.entities[start_of(from_char)..]
        .iter()
        .peekable();
    let mut pos = from_char;
    let mut i = first;
    while i < last_token {
        let token = &tokens[i];
        if token.start > pos {
            gap(&mut out, pos, token.start);
        }
        while entities.next_if(|e| e.start < token.start).is_some() {}
        // The engine splits tokens at entity boundaries, so an entity is a run of tokens.
        let run = entities
            .peek()
            .filter(|e| e.start == token.start)
            .and_then(|e| {
                let last = i + tokens[i..last_token]
                    .iter()
                    .take_while(|t| t.end <= e.end)
                    .count();
                (last > i && tokens[last - 1].end == e.end).then_some((*e, last))
            });
        match run {
            Some((entity, last)) => {
                let key = entity_key(entity);
                let label = type_label(entity.kind, lang);
                let title = match facts.get(&key) {
                    Some(f) => format!(
                        "{label} {} · {}× · {}",
                        entity.kind.as_str(),
                        f.count,
                        f.forms
                    ),
                    None => format!("{label} {}", entity.kind.as_str()),
                };
                let _ = write!(
                    out,
                    "<mark class=\"ent\" data-entity=\"{}\" data-start=\"{}\" data-end=\"{}\" \
                     data-key=\"{}\" title=\"{}\" tabindex=\"-1\">",
                    entity.kind.as_str(),
                    entity.start,
                    entity.end,
                    escape_html(&key.1),
                    escape_html(&title)
                );
                for (k, t) in tokens[i..last].iter().enumerate() {
                    if k > 0 && t.start > tokens[i + k - 1].end {
                        gap(&mut out, tokens[i + k - 1].end, t.start);
                    }
                    word(&mut out, t);
                }
                out.push_str("</mark>");
                pos = tokens[last - 1].end;
                i = last;
                entities.next();
            }
            None => {
                word(&mut out, token);
                pos = token.end;
                i += 1;
            }
        }
    }
    let end = to_char.unwrap_or(bytes.len() - 1);
    if pos < end {
        gap(&mut out, pos, end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiexi_engine::Analyzer;

    /// The text of `html` as a browser shows it: tags dropped, entities decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&#13;", "\r")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    fn html(text: &str, tokens_shown: bool) -> (String, usize) {
        let shown = Shown::local(text, Analyzer::new().analyze(text));
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let facts = facts_of(&shown.groups);
        let n = shown.analysis.tokens.len();
        let html = slice_html(&shown, &bytes, (0, n), &facts, Lang::En, None, tokens_shown);
        (html, n)
    }

    #[test]
    fn the_text_is_shown_as_written_with_tokens_as_elements_only_when_asked() {
        let cases = [
            "記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港合作將加快。",
            // A wrap space and a wrapped line break inside names: kept as written.
            "該實驗室由南 方科技大學牽頭建設，與香港中文大學（深\n圳）合作。\n\n第二段。",
            "<b>標題</b> & \"引號\" 'single' 😀 𠝹",
            "深港合作\r\n加快推進，\t效果\u{a0}顯著。\r舊式行尾",
            "",
        ];
        for text in cases {
            let (plain, _) = html(text, false);
            assert_eq!(text_of(&plain), text, "{text:?}");
            assert!(!plain.contains("data-token"), "{plain}");
            let (spans, n) = html(text, true);
            assert_eq!(text_of(&spans), text, "{text:?}");
            assert_eq!(spans.matches("<span data-token").count(), n, "{text:?}");
            assert!(!spans.contains("<b>"), "pasted markup stays text");
        }
        let (plain, _) = html(cases[0], false);
        assert!(plain.contains("data-entity=\"PERSON\""), "{plain}");
        // A wrap repaired inside a word is kept but hidden: the word reads joined.
        let (wrapped, _) = html("激發本地企業的自主研發能\n力。", false);
        assert!(wrapped.contains("能<span hidden>\n</span>力"), "{wrapped}");
    }
}
