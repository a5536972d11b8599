//! The reading view: the text as the user gave it, each token an element carrying its
//! part of speech, entities marked with their type.

use jiexi_engine::EntityType;
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

    let mut entities = shown.analysis.entities.iter().peekable();
    let mut out = Vec::with_capacity(shown.analysis.tokens.len() * 2);
    let mut pos = 0;
    for token in &shown.analysis.tokens {
        if token.start > pos {
            out.push(slice(pos, token.start).into_any());
        }
        let word = view! {
            <span class="tok" data-token="" data-pos=token.pos.clone()>{token.text.clone()}</span>
        };
        while entities.next_if(|e| e.end <= token.start).is_some() {}
        let entity = entities
            .peek()
            .filter(|e| e.start == token.start && e.end == token.end)
            .map(|e| e.kind);
        out.push(match entity {
            Some(kind) => entity_mark(kind, word).into_any(),
            None => word.into_any(),
        });
        pos = token.end;
    }
    if pos < bytes.len() - 1 {
        out.push(slice(pos, bytes.len() - 1).into_any());
    }
    out
}

fn entity_mark(kind: EntityType, inner: impl IntoView + 'static) -> impl IntoView {
    let label = kind.as_str();
    view! {
        <mark class="ent" data-entity=label title=label>{inner}</mark>
    }
}
