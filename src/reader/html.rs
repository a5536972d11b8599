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
pub fn slice_html(
    shown: &Shown,
    bytes: &[usize],
    first: usize,
    last_token: usize,
    facts: &HashMap<EntityKey, Arc<Facts>>,
    lang: Lang,
    script: Option<Script>,
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
        let _ = write!(
            out,
            "<span data-token data-pos=\"{}\">{}</span>",
            escape_html(&t.pos),
            shown_text(&t.text)
        );
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
