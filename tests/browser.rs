//! In-browser tests of wasm-only code: components mounted into a real DOM in
//! headless Chromium (`scripts/test.sh` runs them through wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use jiexi::reader::{Reader, ReaderView};
use jiexi::state::client::Shown;
use jiexi_engine::Analyzer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container(id: &str) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    div.set_id(id);
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// Lets effects run and frames pass: the reader renders from an effect, a frame at a time.
async fn settle() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let window = web_sys::window().unwrap();
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Mounts a reader for `shown` (entities grouped as the app groups them) into `root`.
fn mount_reader(
    root: &web_sys::HtmlElement,
    shown: Signal<Option<Shown>>,
    view: ReaderView,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    let groups = Signal::derive(move || {
        shown.with(|s| s.as_ref().map(|s| s.groups.clone()).unwrap_or_default())
    });
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(view);
        view! { <Reader shown groups /> }
    })
}

/// The engine runs in wasm32 and the reader renders its tokens: every token an
/// element with its POS, the text read back exactly as given, entities marked.
#[wasm_bindgen_test]
async fn reader_renders_tokens_with_pos_and_keeps_the_text() {
    let text = "記者羅柳斌報道：深圳市政府與香港特區政府簽署協議。\n\n昨日雙方表示，合作將加快。";
    let analysis = Analyzer::new().analyze(text);
    assert!(!analysis.tokens.is_empty());
    let shown = Signal::stored(Some(Shown::local(text, analysis.clone())));
    let root = container("reader-test");
    let view = ReaderView::new();
    let _handle = mount_reader(&root, shown, view);
    settle().await;

    let reader = root
        .query_selector("[data-testid=reader]")
        .unwrap()
        .unwrap();
    assert_eq!(reader.text_content().unwrap(), text);
    // Plain text until a view draws the words.
    assert!(all(&root, "[data-token]").is_empty());
    assert!(!all(&root, "[data-entity]").is_empty());
    view.show_tokens.set(true);
    settle().await;
    assert_eq!(reader.text_content().unwrap(), text);
    let tokens = all(&root, "[data-token]");
    assert_eq!(tokens.len(), analysis.tokens.len());
    for (el, token) in tokens.iter().zip(&analysis.tokens) {
        assert_eq!(el.text_content().unwrap(), token.text);
        assert_eq!(el.get_attribute("data-pos").unwrap(), token.pos.as_ref());
    }
    let marks = all(&root, "[data-entity]");
    assert!(!analysis.entities.is_empty(), "the byline name at least");
    assert_eq!(
        marks.len(),
        analysis.entities.len(),
        "every entity is marked"
    );
    for (el, entity) in marks.iter().zip(&analysis.entities) {
        assert_eq!(el.text_content().unwrap(), entity.text);
        assert_eq!(
            el.get_attribute("data-entity").unwrap(),
            entity.kind.as_str()
        );
    }
}

/// A sentence the newspaper column wrapped mid-word reads joined, and its text still
/// holds the break, char for char, for landing on a place by its offsets.
#[wasm_bindgen_test]
async fn reader_joins_wrapped_lines() {
    for (text, joined) in [
        (
            "激發本地企業的自主研發能\n力。",
            "激發本地企業的自主研發能力。",
        ),
        (
            "該實驗室由南 方科技大學牽頭建設，明年投入使用。",
            "該實驗室由南方科技大學牽頭建設，明年投入使用。",
        ),
    ] {
        let shown = Signal::stored(Some(Shown::local(text, Analyzer::new().analyze(text))));
        let root = container("reader-wrap");
        let _handle = mount_reader(&root, shown, ReaderView::new());
        settle().await;
        let reader: web_sys::HtmlElement = root
            .query_selector("[data-testid=reader]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        assert_eq!(reader.inner_text(), joined);
        assert_eq!(reader.text_content().unwrap(), text);
    }
}

/// An empty analysis renders an empty reader, not an error.
#[wasm_bindgen_test]
async fn reader_is_empty_without_a_text() {
    let root = container("reader-empty");
    let shown = Signal::stored(None::<Shown>);
    let _handle = mount_reader(&root, shown, ReaderView::new());
    settle().await;
    let reader = root
        .query_selector("[data-testid=reader]")
        .unwrap()
        .unwrap();
    assert_eq!(reader.text_content().unwrap(), "");
}
