//! The reading view: the text as the user gave it, each token an element carrying its
//! part of speech, entities marked with their type, how often they occur and their other
//! forms.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

use jiexi_corpus::export::html::escape_html;
use jiexi_corpus::identity::{entity_key, EntityGroup};
use jiexi_engine::script::{to_simplified, to_traditional, Script};
use jiexi_engine::{EntityType, Token};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::Shown;
use crate::i18n::{type_label, I18n, Lang};
use crate::landing::{land, Goto};

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

impl Default for ReaderView {
    fn default() -> Self {
        Self::new()
    }
}

/// A block of the reader holds whole paragraphs, at least this many tokens of them
/// (or one very long paragraph cut here). Blocks off screen are neither laid out nor
/// painted (`content-visibility: auto`): laying out every token of a 10,000-char
/// article took most of the time from paste to highlights.
const BLOCK_TOKENS: usize = 400;
const MAX_BLOCK_TOKENS: usize = 4000;
/// Tokens mounted per animation frame: a frame of this many stays under the 100 ms a task
/// may take before the page feels frozen (~50 ms measured); a 10,000-char article is
/// one frame. The first frame shows the start of a long text at once.
const FRAME_TOKENS: usize = 6_000;
/// When a new text is on its way and the reader shows more tokens than this, its blocks
/// are emptied at most this many tokens per frame, from the end, while the worker
/// analyses (see [`retire`]): removing a 1 MB text's 600,000 token elements at once took
/// 85 ms, a tenth of them 9 ms.
const RETIRE_TOKENS: usize = 40_000;

/// Token ranges of the reader's blocks: cut before a token that starts a paragraph, or
/// inside a very long paragraph, but never inside an entity (its tokens share a `<mark>`).
fn slices(shown: &Shown) -> Vec<(usize, usize)> {
    let tokens = &shown.analysis.tokens;
    let entities = &shown.analysis.entities;
    let mut out = Vec::new();
    let mut from = 0;
    let mut e = 0;
    // Walks the text once: char offset `at` is at byte `byte`.
    let mut chars = shown.text.chars();
    let mut at = 0;
    let mut line_break_in = |gap_start: usize, gap_end: usize| -> bool {
        let mut found = false;
        while at < gap_end {
            let Some(c) = chars.next() else { break };
            found |= at >= gap_start && c == '\n';
            at += 1;
        }
        found
    };
    for (i, pair) in tokens.windows(2).enumerate() {
        let (prev, token) = (&pair[0], &pair[1]);
        let i = i + 1; // the index of `token`
        while e < entities.len() && entities[e].end <= token.start {
            e += 1;
        }
        let inside = entities.get(e).is_some_and(|x| x.start < token.start);
        let paragraph = line_break_in(prev.end, token.start);
        let long = i - from >= BLOCK_TOKENS;
        if !inside && ((long && paragraph) || i - from >= MAX_BLOCK_TOKENS) {
            out.push((from, i));
            from = i;
        }
    }
    if from < tokens.len() {
        out.push((from, tokens.len()));
    }
    out
}

/// Renders `shown` token by token; whitespace between tokens is kept as text so
/// paragraphs stay as they were. Long texts are rendered a slice per animation frame
/// (`data-rendering` is `true` meanwhile), so the page stays responsive.
///
/// Each slice is built as one escaped HTML string and set with `innerHTML`, and the
/// reader handles clicks and keys for all marks at once (event delegation): creating
/// 6,000 token elements one by one through the view layer took ~180 ms for a
/// 10,000-char article, the string ~10 ms. Every piece of the text and every attribute
/// goes through `escape_html`, so pasted markup is only ever shown as text. A token is
/// only `<span data-token data-pos>` (CSS selects the attribute): the markup of a 1 MB
/// text is 40 million chars of short-lived strings, and each char less per token is
/// 600,000 fewer for the garbage collector.
#[component]
pub fn Reader(
    shown: Signal<Option<Shown>>,
    groups: Signal<Arc<Vec<EntityGroup>>>,
    view: ReaderView,
    /// A new text is being analysed: a long text shown now is taken down meanwhile.
    #[prop(into, default = Signal::stored(false))]
    pending: Signal<bool>,
) -> impl IntoView {
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

    Effect::new(move |_| {
        i18n.0.track(); // Titles are in the interface language.
        view.script.track();
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
        // The first blocks mount at once (a 10,000-char article is all there), the rest a
        // frame at a time.
        let first = ranges.with_value(|r| next_batch(r, 0));
        mounted.set(first);
        rendering.set(first < total);
        view.progress.set((first, total));
        if total > 0 {
            // The result is shown: the first frame of it is painted.
            after_paint(move || {
                crate::client::measure("jiexi:analyze", "jiexi:input");
                if first == total {
                    crate::client::measure("jiexi:rendered", "jiexi:input");
                }
            });
        }
        advance(
            g,
            generation,
            mounted,
            ranges,
            total,
            rendering,
            view.progress,
        );
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
            data-testid="reader"
            lang="zh-Hant"
            aria-live="polite"
            node_ref=root
            aria-busy=move || rendering.get().to_string()
            data-rendering=move || rendering.get().to_string()
            data-landed=move || landed.get()
            tabindex="-1"
            data-hidden=hidden
            data-show-tokens=move || view.show_tokens.get().to_string()
            data-show-pos=move || view.show_pos.get().to_string()
            on:click=move |ev| {
                toggle_at(ev.target());
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if (ev.key() == "Enter" || ev.key() == " ") && toggle_at(ev.target()) {
                    ev.prevent_default();
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
                    let html = shown.with_untracked(|s| {
                        s.as_ref()
                            .map(|s| slice_html(s, &bytes, a, b, &facts, lang, script))
                            .unwrap_or_default()
                    });
                    view! { <div class="block" inner_html=html></div> }
                }
            />
        </div>
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

/// How many blocks to mount when `from` are mounted: up to [`FRAME_TOKENS`] more tokens,
/// at least one block.
fn next_batch(ranges: &[(usize, usize)], from: usize) -> usize {
    let mut to = from;
    let mut tokens = 0;
    while to < ranges.len() && (to == from || tokens + ranges[to].1 - ranges[to].0 <= FRAME_TOKENS)
    {
        tokens += ranges[to].1 - ranges[to].0;
        to += 1;
    }
    to
}

/// Tokens in the first `mounted` blocks.
fn mounted_tokens(ranges: &[(usize, usize)], mounted: usize) -> usize {
    mounted
        .checked_sub(1)
        .and_then(|last| ranges.get(last))
        .map_or(0, |r| r.1)
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
            after_paint(|| crate::client::measure("jiexi:rendered", "jiexi:input"));
        } else {
            advance(g, generation, mounted, ranges, total, rendering, progress);
        }
    });
}

/// Runs `f` once the next frame has been painted (a frame, then a task after it).
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Tooltip facts of one entity: its count and its forms.
struct Facts {
    count: usize,
    forms: String,
}

fn facts_of(groups: &[EntityGroup]) -> HashMap<EntityKey, Arc<Facts>> {
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
fn slice_html(
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
                     data-key=\"{}\" title=\"{}\" tabindex=\"0\">",
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

    fn shown(text: &str) -> Shown {
        Shown::local(text, Analyzer::new().analyze(text))
    }

    #[test]
    fn blocks_cover_every_token_and_never_split_an_entity() {
        let paragraph =
            "記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快。\n";
        let s = shown(&paragraph.repeat(120));
        let blocks = slices(&s);
        assert!(blocks.len() > 1, "a long text is cut into blocks");
        assert_eq!(blocks.first().map(|b| b.0), Some(0));
        assert_eq!(blocks.last().map(|b| b.1), Some(s.analysis.tokens.len()));
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "blocks are contiguous");
            let start = s.analysis.tokens[pair[1].0].start;
            assert!(
                !s.analysis
                    .entities
                    .iter()
                    .any(|e| e.start < start && start < e.end),
                "no cut inside an entity"
            );
            // Cut at a paragraph: the text before the block's first token ends a line.
            let before: String = s.text.chars().take(start).collect();
            assert!(before.ends_with('\n'), "cut at a paragraph break");
        }
        assert!(slices(&shown("")).is_empty());
    }
}
