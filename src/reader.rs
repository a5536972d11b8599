//! The reading view: the text as the user gave it, each token an element carrying its
//! part of speech, entities marked with their type, how often they occur and their other
//! forms.

use std::collections::HashMap;
use std::sync::Arc;

use jiexi_engine::export::{entity_key, EntityGroup};
use jiexi_engine::{Entity, EntityType, Token};
use leptos::prelude::*;

use crate::client::Shown;
use crate::i18n::{type_label, I18n};

/// An entity as the user selects it: its type and its Simplified, width-folded text.
pub type EntityKey = (EntityType, String);

/// What the reader shows besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ReaderView {
    /// Types whose highlights are switched off in the legend.
    pub hidden: RwSignal<Vec<EntityType>>,
    /// The entity whose mentions are marked.
    pub selected: RwSignal<Option<EntityKey>>,
    pub show_tokens: RwSignal<bool>,
    pub show_pos: RwSignal<bool>,
}

impl ReaderView {
    pub fn new() -> Self {
        ReaderView {
            hidden: RwSignal::new(Vec::new()),
            selected: RwSignal::new(None),
            show_tokens: RwSignal::new(false),
            show_pos: RwSignal::new(false),
        }
    }
}

impl Default for ReaderView {
    fn default() -> Self {
        Self::new()
    }
}

/// Renders `shown` token by token; whitespace between tokens is kept as text so
/// paragraphs stay as they were.
#[component]
pub fn Reader(
    shown: Signal<Option<Shown>>,
    groups: Signal<Arc<Vec<EntityGroup>>>,
    view: ReaderView,
) -> impl IntoView {
    let hidden = move || {
        view.hidden
            .with(|h| h.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" "))
    };
    view! {
        <div
            class="reader"
            data-testid="reader"
            lang="zh-Hant"
            aria-live="polite"
            data-hidden=hidden
            data-show-tokens=move || view.show_tokens.get().to_string()
            data-show-pos=move || view.show_pos.get().to_string()
        >
            {move || {
                let groups = groups.get();
                shown.with(|s| s.as_ref().map(|s| render(s, &groups, view.selected)))
            }}
        </div>
    }
}

/// Tooltip facts of one entity: its count and its forms.
struct Facts {
    count: usize,
    forms: String,
}

fn render(
    shown: &Shown,
    groups: &[EntityGroup],
    selected: RwSignal<Option<EntityKey>>,
) -> Vec<AnyView> {
    let facts: HashMap<EntityKey, Arc<Facts>> = groups
        .iter()
        .map(|g| {
            let key = (g.kind, entity_key_of_group(g));
            let facts = Facts {
                count: g.count,
                forms: g.forms.join(" / "),
            };
            (key, Arc::new(facts))
        })
        .collect();
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
                (last > i && tokens[last - 1].end == e.end).then_some((*e, last))
            });
        match run {
            Some((entity, last)) => {
                let mut inner = Vec::with_capacity((last - i) * 2);
                for (k, t) in tokens[i..last].iter().enumerate() {
                    if k > 0 && t.start > tokens[i + k - 1].end {
                        inner.push(slice(tokens[i + k - 1].end, t.start).into_any());
                    }
                    inner.push(word(t).into_any());
                }
                let key = entity_key(entity);
                let fact = facts.get(&key).cloned();
                out.push(entity_mark(entity, key, fact, selected, inner).into_any());
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

/// The key shared by a group's mentions (all forms fold to the same key).
fn entity_key_of_group(g: &EntityGroup) -> String {
    let probe = Entity {
        start: 0,
        end: 0,
        kind: g.kind,
        text: g.text.clone(),
        confidence: 0.0,
    };
    entity_key(&probe).1
}

fn word(token: &Token) -> impl IntoView {
    view! {
        <span class="tok" data-token="" data-pos=token.pos.to_string()>{token.text.clone()}</span>
    }
}

fn entity_mark(
    entity: &Entity,
    key: EntityKey,
    facts: Option<Arc<Facts>>,
    selected: RwSignal<Option<EntityKey>>,
    inner: Vec<AnyView>,
) -> impl IntoView {
    let kind = entity.kind;
    let label = kind.as_str();
    let i18n = I18n::get();
    let title = move || {
        let lang = i18n.0.get();
        match &facts {
            Some(f) => format!(
                "{} {label} · {}× · {}",
                type_label(kind, lang),
                f.count,
                f.forms
            ),
            None => format!("{} {label}", type_label(kind, lang)),
        }
    };
    let is_selected = {
        let key = key.clone();
        move || selected.with(|s| s.as_ref() == Some(&key))
    };
    let toggle = move || {
        selected.update(|s| {
            *s = if s.as_ref() == Some(&key) {
                None
            } else {
                Some(key.clone())
            }
        })
    };
    view! {
        <mark
            class="ent"
            class:selected=is_selected
            data-entity=label
            data-start=entity.start
            data-end=entity.end
            title=title
            tabindex="0"
            on:click={
                let toggle = toggle.clone();
                move |_| toggle()
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    toggle();
                }
            }
        >
            {inner}
        </mark>
    }
}
