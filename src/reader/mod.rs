//! The reading view: the text as the user gave it, each token an element carrying its
//! part of speech, entities marked with their type, how often they occur and their other
//! forms.

pub mod blocks;
pub mod doc_banner;
pub mod html;
pub mod landing;
pub mod legend;

use std::collections::HashMap;
use std::sync::Arc;

use jiexi_corpus::identity::EntityGroup;
use jiexi_engine::script::Script;
use jiexi_engine::EntityType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shell::i18n::I18n;
use crate::state::client::Shown;
use blocks::{first_batch, mounted_tokens, next_batch, slices};
use html::{facts_of, slice_html, Facts};
use landing::{land, Goto};

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
    /// Show the text mapped to this script, char for char (offsets unchanged); `None`
    /// shows it as written.
    pub script: RwSignal<Option<Script>>,
    /// Blocks mounted and blocks in all, while a long text is being rendered.
    pub progress: RwSignal<(usize, usize)>,
    /// A place to land on once its text is shown (a concordance line, a headline).
    pub goto: RwSignal<Option<Goto>>,
}

impl ReaderView {
    pub fn new() -> Self {
        ReaderView {
            hidden: RwSignal::new(Vec::new()),
            selected: RwSignal::new(None),
            show_tokens: RwSignal::new(false),
            show_pos: RwSignal::new(false),
            progress: RwSignal::new((0, 0)),
            script: RwSignal::new(None),
            goto: RwSignal::new(None),
        }
    }
}

/// `text` mapped to `script`, char for char (offsets unchanged).
pub fn in_script(script: Script, text: &str) -> String {
    match script {
        Script::Simplified => jiexi_engine::script::to_simplified(text),
        Script::Traditional => jiexi_engine::script::to_traditional(text),
    }
}

impl ReaderView {
    /// `text` in the display script chosen (as written, Traditional or Simplified): one
    /// switch for every place a name or a line of text is shown. Tracks the choice.
    pub fn shown(&self, text: &str) -> String {
        match self.script.get() {
            Some(script) => in_script(script, text),
            None => text.to_string(),
        }
    }
}

impl Default for ReaderView {
    fn default() -> Self {
        Self::new()
    }
}

/// When a new text is on its way and the reader shows more tokens than this, its blocks
/// are emptied at most this many tokens per frame, from the end, while the worker
/// analyses (see [`retire`]): removing a 1 MB text's 600,000 token elements at once took
/// 85 ms, a tenth of them 9 ms.
const RETIRE_TOKENS: usize = 40_000;

/// Renders `shown` token by token; whitespace between tokens is kept as text so
/// paragraphs stay as they were. Long texts are rendered a slice per animation frame
/// (`data-rendering` is `true` meanwhile), so the page stays responsive.
///
/// Each slice is built as one escaped HTML string and set with `innerHTML`, and the
/// reader handles clicks and keys for all marks at once (event delegation): creating
/// 6,000 token elements one by one through the view layer took ~180 ms for a
/// 10,000-char article, the string ~10 ms. Every piece of the text and every attribute
/// goes through `escape_html`, so pasted markup is only ever shown as text. Tokens are
/// elements only in the word-boundary and part-of-speech views, and then only
/// `<span data-token data-pos>` (CSS selects the attribute): the markup of a 1 MB text
/// is 40 million chars of short-lived strings, and each char less per token is 600,000
/// fewer for the garbage collector.
#[component]
pub fn Reader(
    shown: Signal<Option<Shown>>,
    groups: Signal<Arc<Vec<EntityGroup>>>,
    /// A new text is being analysed: a long text shown now is taken down meanwhile.
    #[prop(into, default = Signal::stored(false))]
    pending: Signal<bool>,
) -> impl IntoView {
    let view = expect_context::<ReaderView>();
    let i18n = I18n::get();
    let hidden = move || {
        view.hidden
            .with(|h| h.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(" "))
    };
    // Which text (generation), its slices and how many of them are mounted.
    let generation = RwSignal::new(0u64);
    let mounted = RwSignal::new(0usize);
    let ranges = StoredValue::new(Vec::<(usize, usize)>::new());
    let facts = StoredValue::new(Arc::new(HashMap::<EntityKey, Arc<Facts>>::new()));
    // Byte offset of every char of the text (and its length): slices by char offsets.
    let bytes = StoredValue::new(Arc::new(Vec::<usize>::new()));
    let rendering = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    // Tokens are elements only while a view draws them (see `slice_html`): a change of
    // view redraws the text only when it changes that.
    let tokens_shown = Memo::new(move |_| view.show_tokens.get() || view.show_pos.get());
    // The text drawn last (its length and hash): drawn again, it mounts as before.
    let drawn = StoredValue::new(None::<(usize, u64)>);

    Effect::new(move |_| {
        i18n.0.track(); // Titles are in the interface language.
        view.script.track();
        tokens_shown.track();
        let r = shown.with(|s| s.as_ref().map(slices).unwrap_or_default());
        bytes.set_value(Arc::new(shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    let mut b: Vec<usize> = s.text.char_indices().map(|(b, _)| b).collect();
                    b.push(s.text.len());
                    b
                })
                .unwrap_or_default()
        })));
        facts.set_value(Arc::new(facts_of(&groups.get_untracked())));
        let total = r.len();
        ranges.set_value(r);
        let g = generation.get_untracked() + 1;
        generation.set(g);
        // The first blocks mount at once (a screenful), the rest a frame at a time. Progress
        // is shown only for a text that takes more than one frame more: a bar for a frame
        // would only push the text down and back.
        let text_key = shown.with(|s| s.as_ref().map(|s| (s.text.len(), text_hash(&s.text))));
        let same_text = text_key.is_some() && drawn.get_value() == text_key;
        drawn.set_value(text_key);
        let first = ranges.with_value(|r| first_batch(r, same_text));
        let quick = ranges.with_value(|r| next_batch(r, first)) >= total;
        mounted.set(first);
        rendering.set(first < total);
        view.progress
            .set((if quick { total } else { first }, total));
        if total > 0 {
            // The result is shown: the first frame of it is painted.
            after_paint(move || {
                crate::state::client::measure("jiexi:analyze", "jiexi:input");
                if first == total {
                    crate::state::client::measure("jiexi:rendered", "jiexi:input");
                }
            });
        }
        // The rest from the frame after next: a frame asked for now would run before the
        // first one is painted, and the screenful would wait for the whole text.
        let progress = view.progress;
        request_animation_frame(move || {
            advance(g, generation, mounted, ranges, total, rendering, progress);
        });
    });
    Effect::new(move |_| {
        if !pending.get() {
            return;
        }
        let tokens = ranges.with_value(|r| mounted_tokens(r, mounted.get_untracked()));
        if tokens > RETIRE_TOKENS {
            rendering.set(true);
            let g = generation.get_untracked();
            let filled = mounted.get_untracked();
            retire(
                Retiring {
                    g,
                    generation,
                    mounted,
                    ranges,
                    rendering,
                    root,
                },
                filled,
            );
        }
    });
    // Marks of the selected entity get `.selected` (also those of blocks mounted later).
    // Nothing to do while nothing is or was selected: a long text mounts many blocks.
    Effect::new(move |was_selected: Option<bool>| {
        mounted.track();
        let selected = view.selected.get();
        if selected.is_some() || was_selected == Some(true) {
            if let Some(root) = root.get() {
                mark_selected(&root, selected.as_ref());
            }
        }
        selected.is_some()
    });
    // Lands on the place asked for once its text is all mounted (`data-landed` says where).
    let landed = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (Some(goto), false) = (view.goto.get(), rendering.get()) else {
            return;
        };
        mounted.track();
        if !shown.with(|s| s.as_ref().is_some_and(|s| goto.fits(&s.text))) {
            return;
        }
        after_paint(move || {
            let Some(root) = root.get_untracked() else {
                return;
            };
            if view.goto.get_untracked().as_ref() == Some(&goto)
                && land(&root, goto.start, goto.end)
            {
                view.goto.set(None);
                landed.set(Some(format!("{}-{}", goto.start, goto.end)));
            }
        });
    });
    Effect::new(move |_| {
        shown.track();
        landed.set(None);
    });
    let toggle_at = move |target: Option<web_sys::EventTarget>| -> bool {
        let mark = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("mark.ent").ok().flatten());
        let Some(mark) = mark else { return false };
        let kind = mark
            .get_attribute("data-entity")
            .and_then(|t| EntityType::parse(&t));
        let (Some(kind), Some(text)) = (kind, mark.get_attribute("data-key")) else {
            return false;
        };
        let key = (kind, text);
        view.selected.update(|s| {
            *s = if s.as_ref() == Some(&key) {
                None
            } else {
                Some(key)
            }
        });
        true
    };

    view! {
        <div
            class="reader"
            id="reader"
            data-testid="reader"
            lang="zh-Hant"
            aria-live="polite"
            node_ref=root
            aria-busy=move || rendering.get().to_string()
            data-rendering=move || rendering.get().to_string()
            data-landed=move || landed.get()
            tabindex="0"
            aria-keyshortcuts="ArrowLeft ArrowRight Home End"
            data-hidden=hidden
            data-show-tokens=move || view.show_tokens.get().to_string()
            data-show-pos=move || view.show_pos.get().to_string()
            on:click=move |ev| {
                toggle_at(ev.target());
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                let key = ev.key();
                if (key == "Enter" || key == " ") && toggle_at(ev.target()) {
                    ev.prevent_default();
                } else if let (Some(step), Some(root)) = (Step::of(&key), root.get_untracked()) {
                    if step_focus(&root, ev.target(), step) {
                        ev.prevent_default();
                    }
                }
            }
        >
            <For
                each=move || {
                    let g = generation.get();
                    (0..mounted.get()).map(move |i| (g, i)).collect::<Vec<_>>()
                }
                key=|k| *k
                children=move |(_, i)| {
                    let (a, b) = ranges.with_value(|r| r.get(i).copied().unwrap_or((0, 0)));
                    let facts = facts.get_value();
                    let bytes = bytes.get_value();
                    let lang = i18n.0.get_untracked();
                    let script = view.script.get_untracked();
                    let tokens_shown = tokens_shown.get_untracked();
                    let html = shown.with_untracked(|s| {
                        s.as_ref()
                            .map(|s| {
                                slice_html(s, &bytes, (a, b), &facts, lang, script, tokens_shown)
                            })
                            .unwrap_or_default()
                    });
                    view! { <div class="block" inner_html=html></div> }
                }
            />
        </div>
    }
}

/// A move between highlights with the keyboard. The reader is one tab stop (a long
/// article has hundreds of highlights, and each a tab stop kept the entity list 288 Tab
/// presses away); the arrow keys move between its highlights (a roving focus).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Next,
    Previous,
    First,
    Last,
}

impl Step {
    fn of(key: &str) -> Option<Step> {
        match key {
            "ArrowRight" => Some(Step::Next),
            "ArrowLeft" => Some(Step::Previous),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

/// Focuses the highlight `step` from the one focused (from the reader itself: the first
/// or the last). Whether a highlight was focused.
fn step_focus(
    root: &web_sys::HtmlDivElement,
    target: Option<web_sys::EventTarget>,
    step: Step,
) -> bool {
    let Ok(marks) = root.query_selector_all("mark.ent") else {
        return false;
    };
    let n = marks.length();
    if n == 0 {
        return false;
    }
    let current = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("mark.ent").ok().flatten());
    let at = current.and_then(|c| {
        let c: &web_sys::Node = c.as_ref();
        (0..n).find(|&i| marks.item(i).is_some_and(|m| m == *c))
    });
    let to = match (step, at) {
        (Step::First, _) | (Step::Next, None) => 0,
        (Step::Last, _) | (Step::Previous, None) => n - 1,
        (Step::Next, Some(i)) => (i + 1).min(n - 1),
        (Step::Previous, Some(i)) => i.saturating_sub(1),
    };
    match marks
        .item(to)
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(mark) => mark.focus().is_ok(),
        None => false,
    }
}

/// Adds `.selected` to the marks of `selected` under `root` and removes it from others.
fn mark_selected(root: &web_sys::HtmlDivElement, selected: Option<&EntityKey>) {
    let Ok(marks) = root.query_selector_all("mark.ent") else {
        return;
    };
    for i in 0..marks.length() {
        let Some(mark) = marks
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let on = selected.is_some_and(|(kind, text)| {
            mark.get_attribute("data-entity").as_deref() == Some(kind.as_str())
                && mark.get_attribute("data-key").as_deref() == Some(text.as_str())
        });
        // A failed class change only loses the highlight of the selection.
        let _ = mark.class_list().toggle_with_force("selected", on);
    }
}

/// What [`retire`] works on: text `g`'s blocks in the reader `root`.
#[derive(Clone, Copy)]
struct Retiring {
    g: u64,
    generation: RwSignal<u64>,
    mounted: RwSignal<usize>,
    ranges: StoredValue<Vec<(usize, usize)>>,
    rendering: RwSignal<bool>,
    root: NodeRef<leptos::html::Div>,
}

/// Takes down the text shown while a new one is analysed: the blocks from `filled` on
/// are already empty; empties more from the end, up to [`RETIRE_TOKENS`] tokens per frame,
/// and unmounts them all once none holds anything (or stops if a new text replaced it).
///
/// Blocks are emptied, not unmounted, one by one: Chromium answers the removal of a
/// `content-visibility: auto` element with work over every element still inside such
/// blocks (~25 ms per frame with 1 MB shown, ~0 once they are empty), while emptying a
/// block costs only its own elements. Removing the empty blocks at the end costs ~nothing.
fn retire(r: Retiring, filled: usize) {
    request_animation_frame(move || {
        if r.generation.get_untracked() != r.g {
            return;
        }
        let keep = r.ranges.with_value(|ranges| {
            let end = mounted_tokens(ranges, filled);
            let mut keep = filled;
            while keep > 0 && end - ranges[keep - 1].0 <= RETIRE_TOKENS {
                keep -= 1;
            }
            // At least one block goes, however long.
            keep.min(filled.saturating_sub(1))
        });
        // The reader's element children are its blocks, in order. Without the element
        // (never, while mounted) the blocks go at once at the end, as they would anyway.
        if let Some(root) = r.root.get_untracked() {
            let blocks = root.children();
            for i in keep..filled {
                if let Some(block) = u32::try_from(i).ok().and_then(|i| blocks.item(i)) {
                    block.set_inner_html("");
                }
            }
        }
        if keep > 0 {
            retire(r, keep);
        } else {
            r.mounted.set(0);
            r.rendering.set(false);
        }
    });
}

/// Mounts the next blocks of text `g` on the next frame, until `total` are mounted.
fn advance(
    g: u64,
    generation: RwSignal<u64>,
    mounted: RwSignal<usize>,
    ranges: StoredValue<Vec<(usize, usize)>>,
    total: usize,
    rendering: RwSignal<bool>,
    progress: RwSignal<(usize, usize)>,
) {
    if mounted.get_untracked() >= total {
        return;
    }
    request_animation_frame(move || {
        if generation.get_untracked() != g {
            return; // A newer text replaced this one.
        }
        let next = ranges.with_value(|r| next_batch(r, mounted.get_untracked()));
        mounted.set(next);
        progress.set((next, total));
        if next >= total {
            rendering.set(false);
            after_paint(|| crate::state::client::measure("jiexi:rendered", "jiexi:input"));
        } else {
            advance(g, generation, mounted, ranges, total, rendering, progress);
        }
    });
}

/// A hash of a text shown, to tell the same text drawn again from a new one.
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Runs `f` once the next frame has been painted (a frame, then a task after it).
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}
