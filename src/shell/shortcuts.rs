//! Keyboard shortcuts for the views, the search boxes and the mention stepper, and the
//! list of them that `?` opens. A key typed into a text field is text, never a shortcut.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shell::i18n::{tr, I18n};
use crate::state::route::{CorpusView, Pane, Route, Router};

/// What a key does, for the list and for the handlers.
pub const LIST: [(&str, &str, &str); 8] = [
    ("?", "顯示或關閉這個列表", "Show or close this list"),
    ("1", "閱讀", "Read"),
    ("2", "實體", "Entities"),
    ("3", "語料分析", "Explore the corpus"),
    ("4", "文件庫", "Library"),
    (
        "/",
        "搜尋：篩選實體，或在語料分析中搜尋字詞",
        "Search: filter entities, or the concordance when exploring",
    ),
    (
        "n  j",
        "所選實體的下一處",
        "Next mention of the selected entity",
    ),
    (
        "p  k",
        "所選實體的上一處",
        "Previous mention of the selected entity",
    ),
];

/// The key of `ev` when it is meant as a shortcut: no Ctrl, Alt or Meta (the browser's
/// and the system's), and not typed into a field, where keys are text.
pub fn shortcut_key(ev: &web_sys::KeyboardEvent) -> Option<String> {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.is_composing() {
        return None;
    }
    let typing = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.is_content_editable()
        });
    (!typing).then(|| ev.key())
}

/// Listens to `keydown` on the window for as long as the calling component lives.
pub fn on_shortcut(handler: impl Fn(&str, &web_sys::KeyboardEvent) + 'static) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        if let Some(key) = shortcut_key(&ev) {
            handler(&key, &ev);
        }
    });
    on_cleanup(move || handle.remove());
}

fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The pane shortcuts and the list behind `?` (the mention keys are the entity panel's,
/// where the stepper lives).
#[component]
pub fn Shortcuts() -> impl IntoView {
    let router = expect_context::<Router>();
    let i18n = I18n::get();
    let open = RwSignal::new(false);
    let close_ref = NodeRef::<leptos::html::Button>::new();
    on_shortcut(move |key, ev| {
        let go = |pane| {
            ev.prevent_default();
            router.go(Route::pane(pane));
        };
        match key {
            "?" => {
                ev.prevent_default();
                open.update(|o| *o = !*o);
            }
            "Escape" if open.get_untracked() => open.set(false),
            "1" => go(Pane::Read),
            "2" => go(Pane::Entities),
            "3" => go(Pane::Corpus(CorpusView::Kwic)),
            "4" => go(Pane::Library),
            "/" => {
                ev.prevent_default();
                let exploring = router
                    .route
                    .with_untracked(|r| matches!(r.pane, Pane::Corpus(_)));
                focus(if exploring {
                    "kwic-input"
                } else {
                    "entity-filter"
                });
            }
            _ => {}
        }
    });
    // The list takes the focus when it opens, so Escape and Tab work from there.
    Effect::new(move |_| {
        if open.get() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <button type="button" class="shortcuts-open" data-testid="shortcuts-open"
            aria-keyshortcuts="?" on:click=move |_| open.set(true)>
            {tr("快捷鍵", "Shortcuts")} " ?"
        </button>
        {move || open.get().then(|| view! {
            <div class="shortcuts" role="dialog" aria-modal="false" aria-labelledby="shortcuts-heading"
                data-testid="shortcuts"
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { open.set(false) }>
                <h2 id="shortcuts-heading">{tr("鍵盤快捷鍵", "Keyboard shortcuts")}</h2>
                <dl>
                    {LIST.iter().map(|(keys, zh, en)| view! {
                        <div class="shortcut" data-testid="shortcut">
                            <dt>{keys.split_whitespace().map(|k| view! { <kbd>{k}</kbd> }).collect_view()}</dt>
                            <dd>{move || i18n.tr(zh, en)}</dd>
                        </div>
                    }).collect_view()}
                    <div class="shortcut">
                        <dt><kbd>"←"</kbd><kbd>"→"</kbd></dt>
                        <dd>{tr("在閱讀區內：上一個、下一個標註", "In the reader: previous, next highlight")}</dd>
                    </div>
                </dl>
                <button type="button" node_ref=close_ref data-testid="shortcuts-close" on:click=move |_| open.set(false)>
                    {tr("關閉", "Close")}
                </button>
            </div>
        })}
    }
}
