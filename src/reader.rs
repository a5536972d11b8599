//! The reading view: the text as the user gave it, each token an element carrying its
//! part of speech, entities marked with their type.

use jiexi_engine::{EntityType, Token};
use leptos::prelude::*;

use crate::client::Shown;

/// Renders `shown` token by token; whitespace between tokens is kept as text so
/// paragraphs stay as they were.
#[component]
pub fn Reader(shown: Signal<Option<Shown>>) -> impl IntoView {
    view! {
        <div class="reader" data-testid="reader" lang="zh-Hant" aria-live="polite">
            {move || shown.with(|s| s.as_ref().map(render))}
        </div>
    }
}

fn render(shown: &Shown) -> Vec<AnyView> {
    // Byte offset of every char, so char offsets from the engine slice the text.
    let mut bytes: Vec<usize> = shown.text.char_indices().map(|(b, _)| b).collect();
    bytes.push(shown.text.len());
    let slice = |start: usize, end: usize| shown.text[bytes[start]..bytes[end]].to_string();
    let tokens = &shown.analysis.tokens;

    let mut entities = shown.analysis.entities.iter().peekable();
    let mut out = Vec::with_capacity(tokens.len() * 2);
    let mut pos = 0;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if token.start > pos {
            out.push(slice(pos, token.start).into_any());
        }
        while entities.next_if(|e| e.start < token.start).is_some() {}
        // The engine splits tokens at entity boundaries, so an entity is a run of tokens.
        let run = entities
            .peek()
            .filter(|e| e.start == token.start)
            .and_then(|e| {
                let last = i + tokens[i..].iter().take_while(|t| t.end <= e.end).count();
                (last > i && tokens[last - 1].end == e.end).then_some((e.kind, last))
            });
        match run {
            Some((kind, last)) => {
                let mut inner = Vec::with_capacity((last - i) * 2);
                for (k, t) in tokens[i..last].iter().enumerate() {
                    if k > 0 && t.start > tokens[i + k - 1].end {
                        inner.push(slice(tokens[i + k - 1].end, t.start).into_any());
                    }
                    inner.push(word(t).into_any());
                }
                out.push(entity_mark(kind, inner).into_any());
                pos = tokens[last - 1].end;
                i = last;
                entities.next();
            }
            None => {
                out.push(word(token).into_any());
                pos = token.end;
                i += 1;
            }
        }
    }
    if pos < bytes.len() - 1 {
        out.push(slice(pos, bytes.len() - 1).into_any());
    }
    out
}

fn word(token: &Token) -> impl IntoView {
    view! {
        <span class="tok" data-token="" data-pos=token.pos.to_string()>{token.text.clone()}</span>
    }
}

fn entity_mark(kind: EntityType, inner: Vec<AnyView>) -> impl IntoView {
    let label = kind.as_str();
    view! {
        <mark class="ent" data-entity=label title=label>{inner}</mark>
    }
}
