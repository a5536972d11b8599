//! The page: input, status, reader with its legend and views, the entity panel,
//! exports and the bundled documents.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::library_panel::CorpusPanel;
use crate::corpus::views::CorpusViews;
use crate::panels::corrections::{pick_selection, CorrectionBar, DictionaryPanel};
use crate::panels::entities::EntityPanel;
use crate::panels::export_bar::ExportBar;
use crate::reader::doc_banner::DocBanner;
use crate::reader::landing::Goto;
use crate::reader::legend::Legend;
use crate::reader::{Reader, ReaderView};
use crate::shell::file_input::{dropped_files, open_many, FileInput};
use crate::shell::i18n::{tr, I18n, Lang};
use crate::shell::paste;
use crate::shell::shortcuts::Shortcuts;
use crate::state::client::AnalysisClient;
use crate::state::corrections::Corrections;
use crate::state::library::LibraryState;
use crate::state::route::{CorpusView, Pane, Route, Router};
use jiexi_corpus::export::json::About;
use jiexi_engine::Script;
use jiexi_worker::bundled::{self, Bundled};

/// A view that is on or off: a labelled checkbox.
fn bool_toggle(
    on: RwSignal<bool>,
    testid: &'static str,
    zh: &'static str,
    en: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || on.get()
                on:change=move |ev| on.set(event_target_checked(&ev))
            />
            {tr(zh, en)}
        </label>
    }
}

/// One choice of the display script (`None`: as written): one radio group, so the three
/// read as the one either/or choice they are.
fn script_choice(
    shown: RwSignal<Option<Script>>,
    script: Option<Script>,
    testid: &'static str,
    zh: &'static str,
    en: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="radio"
                name="display-script"
                data-testid=testid
                prop:checked=move || shown.get() == script
                on:change=move |_| shown.set(script)
            />
            {tr(zh, en)}
        </label>
    }
}

/// A link to a pane; `aria-current` on the one shown.
fn pane_link(
    router: Router,
    to: Pane,
    testid: &'static str,
    zh: &'static str,
    en: &'static str,
) -> impl IntoView {
    let here = move || {
        let pane = router.route.with(|r| r.pane);
        matches!((pane, to), (Pane::Corpus(_), Pane::Corpus(_))) || pane == to
    };
    view! {
        <a
            href=Route::pane(to).to_hash(|q| q.to_string())
            data-testid=testid
            data-pane=to.as_str()
            aria-current=move || here().then_some("page")
        >
            {tr(zh, en)}
        </a>
    }
}

/// A skip link: moves the focus to the element with `id` (a button, not an anchor: the
/// URL's hash holds the route).
fn skip_to(
    id: &'static str,
    testid: &'static str,
    zh: &'static str,
    en: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="skip"
            data-testid=testid
            on:click=move |_| {
                let target = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(id))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(target) = target {
                    let _ = target.focus();
                    target.scroll_into_view();
                }
            }
        >
            {tr(zh, en)}
        </button>
    }
}

/// Removes the static shell `index.html` paints while the app's wasm loads (so the first
/// paint does not wait for it); the app draws the same header in its place.
pub fn remove_boot_shell() {
    let shell = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"));
    if let Some(shell) = shell {
        shell.remove();
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let client = AnalysisClient::spawn();
    provide_context(client);
    let router = Router::start();
    provide_context(router);
    let pane = Memo::new(move |_| router.route.with(|r| r.pane));
    let in_corpus = move || matches!(pane.get(), Pane::Corpus(_));
    // Opening a document shows it: from the corpus views or (on a phone) the library,
    // the reading pane comes forward.
    let to_reader = move || {
        if pane.get_untracked() != Pane::Read {
            router.go(Route::pane(Pane::Read));
        }
    };
    let text = RwSignal::new(String::new());
    // What the text box shows: the text, or `None` when it is too long for the box (see
    // `paste`). Set only when the text comes from elsewhere than the box, so typing never
    // writes the box's own text back into it.
    let boxed = RwSignal::new(Some(String::new()));
    let in_box = move || boxed.with(Option::is_some);
    let view_state = ReaderView::new();
    provide_context(view_state);
    let notice = RwSignal::new(None::<String>);
    let analyze_typed = move |value: String| {
        text.set(value.clone());
        client.analyze(value);
    };
    let analyze = move |value: String| {
        boxed.set((!paste::is_long(&value)).then(|| value.clone()));
        analyze_typed(value);
    };
    let shown: Signal<Option<crate::state::client::Shown>> = (*client.shown).into();
    let groups = Signal::derive(move || {
        shown.with(|s| s.as_ref().map(|s| s.groups.clone()).unwrap_or_default())
    });
    let entity_counts = Signal::derive(move || {
        shown.with(|s| {
            s.as_ref()
                .map(|s| s.stats.entities.clone())
                .unwrap_or_default()
        })
    });
    // A new text starts with nothing selected; the same text analysed again (after a
    // correction, or a merge made from the entity's card) keeps the entity chosen.
    Effect::new(move |before: Option<Option<u64>>| {
        let now = shown.with(|s| {
            s.as_ref().map(|s| {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                s.text.hash(&mut h);
                h.finish()
            })
        });
        if before.is_some_and(|b| b != now) {
            view_state.selected.set(None);
        }
        now
    });

    let reanalyze = Callback::new(move |_| {
        let current = text.get_untracked();
        if !current.trim().is_empty() {
            client.analyze(current);
        }
    });
    let corrections = Corrections::load(client, reanalyze, notice);
    provide_context(corrections);
    provide_context(crate::state::authority::AuthorityStore::load(
        client, reanalyze, notice,
    ));
    // The bundled document shown, if one is: read-only, so the text box stays free for the
    // user's own article, and a line above the reader says what it is.
    let showing = RwSignal::new(None::<&'static Bundled>);
    let show_bundled = move |doc: &'static Bundled| {
        if showing.get_untracked().is_some_and(|d| d.id == doc.id) {
            return; // already shown: a jump within it needs no new analysis
        }
        showing.set(Some(doc));
        boxed.set(Some(String::new()));
        client.set_date(&doc.date);
        analyze_typed(doc.text.to_string());
    };
    // The library, once loaded: what it restores is analysed with its document's date.
    let loaded_library = StoredValue::new_local(None::<LibraryState>);
    let library = LibraryState::load(
        notice,
        Callback::new(move |t: String| {
            showing.set(None);
            if let Some(library) = loaded_library.get_value() {
                client.set_date(&library.current_date());
            }
            analyze(t)
        }),
        Callback::new(move |id: String| {
            // Storage answers after the page is up: what the user began meanwhile stays.
            let began = text.with_untracked(|t| !t.is_empty()) || showing.get_untracked().is_some();
            if let (false, Some(doc)) = (began, bundled::find(&id)) {
                show_bundled(doc);
            }
        }),
    );
    loaded_library.set_value(Some(library));
    provide_context(library);
    // The user's open document's date, for the analysis (relative dates resolve
    // against it).
    let use_current_date = move || client.set_date(&library.current_date());
    // A new date for the open document analyses it again at once: its relative dates
    // (昨日, 上週五) now mean other days. Opening another document is analysed by itself.
    let open_dated = Memo::new(move |_| library.open_dated());
    Effect::new(move |before: Option<Option<(String, String)>>| {
        let now = open_dated.get();
        if let (Some(Some((was, then))), Some((id, date))) = (&before, &now) {
            if was == id && then != date {
                use_current_date();
                reanalyze.run(());
            }
        }
        now
    });
    // What the user types, pastes or opens is theirs: kept in the library as they go.
    let edit = move |value: String| {
        showing.set(None);
        library.edited(value.clone());
        use_current_date();
        analyze(value);
    };
    let type_in_box = move |value: String| {
        showing.set(None);
        library.edited(value.clone());
        use_current_date();
        analyze_typed(value);
    };
    // A paste over the whole text is another article: the open document stays in the
    // library as it was, and the paste becomes a new one (written over, it was lost
    // with no word and no undo). A paste that makes the text too long for the box goes
    // straight to the analysis.
    let paste_into_box = move |ev: web_sys::ClipboardEvent| {
        let box_holds_text = boxed.with_untracked(Option::is_some);
        // Asked only with a document open: the box's text is copied to be measured.
        if library.current.with_untracked(Option::is_some)
            && paste::replaces_whole_text(&ev, box_holds_text)
        {
            library.close();
            notice.set(Some(
                match i18n.0.get_untracked() {
                    Lang::ZhHant => "已另存為新文件；原來的文件仍在文件庫。",
                    Lang::En => {
                        "Pasted as a new document; the one it replaced is still in the library."
                    }
                }
                .to_string(),
            ));
        }
        if let Some(new_text) = paste::long_paste(&ev, box_holds_text) {
            ev.prevent_default();
            edit(new_text);
        }
    };
    let open_bundled = Callback::new(move |doc: &'static Bundled| {
        to_reader();
        view_state.goto.set(None);
        library.open_bundled(&doc.id);
        show_bundled(doc);
    });
    let open_user = Callback::new(move |id: String| {
        to_reader();
        view_state.goto.set(None);
        if let Some(text) = library.open(&id) {
            showing.set(None);
            use_current_date();
            analyze(text);
        }
    });
    // A document opened at a place (a concordance line, a headline in its page).
    let open_at = Callback::new(move |(id, at): (String, Option<(usize, usize)>)| {
        let text = match bundled::find(&id) {
            Some(doc) => {
                open_bundled.run(doc);
                doc.text.to_string()
            }
            None => {
                open_user.run(id.clone());
                library.text_of(&id).unwrap_or_default()
            }
        };
        view_state
            .goto
            .set(at.and_then(|(start, end)| Goto::within(&text, start, end)));
    });
    // A decoded file is a new document of the user's, analysed at once.
    Effect::new(move |_| {
        if let Some((_, file)) = client.opened_file.get() {
            library.close();
            edit(file.text);
        }
    });
    // Files imported together go to the library once all are decoded.
    Effect::new(move |_| {
        if client
            .batch
            .with(|b| b.as_ref().is_some_and(|b| b.finished()))
        {
            if let Some(b) = client.batch.try_update(Option::take).flatten() {
                library.add_many(b.texts, b.failed);
            }
        }
    });
    let picked = RwSignal::new(None::<crate::panels::corrections::Picked>);
    Effect::new(move |_| {
        shown.track();
        picked.set(None);
    });
    // What the open document is, for exports: a bundled story as the parser found it, a
    // document of the user's as described, else a title from the text.
    let about = Signal::derive(move || {
        if let Some(doc) = showing.get() {
            return About {
                title: doc.title.clone(),
                source: doc.source.clone(),
                date: Some(doc.date.clone()).filter(|d| !d.is_empty()),
            };
        }
        let described = library.current.get().and_then(|id| {
            library
                .docs
                .with(|docs| docs.iter().find(|d| d.id == id).cloned())
        });
        match described {
            Some(d) => About {
                title: d.title,
                source: d.source,
                date: Some(d.date).filter(|d| !d.is_empty()),
            },
            None => About {
                title: text.with(|t| jiexi_corpus::library::title_of(t, 60)),
                ..About::default()
            },
        }
    });
    let update_ready = crate::shell::pwa::register();
    let status = client.status;
    let pending =
        Signal::derive(move || status.with(|s| matches!(s, crate::state::status::Status::Working)));
    let dragging = RwSignal::new(false);

    view! {
        <div class="skips">
            {skip_to("article-input", "skip-input", "跳到文字框", "Skip to the text box")}
            {skip_to("reader", "skip-reader", "跳到閱讀區", "Skip to the reader")}
            {skip_to("entity-filter", "skip-entities", "跳到實體", "Skip to the entities")}
        </div>
        <header class="top">
            <div>
                <h1>"解析 " <span class="brand">"jiexi"</span></h1>
                <p class="tagline">
                    {tr(
                        "在瀏覽器內分析中文新聞：分詞與實體標註，文字不會離開此裝置。",
                        "Chinese news text, analysed in your browser. Nothing leaves this device.",
                    )}
                </p>
            </div>
            <nav class="panes" aria-label=tr("檢視", "Views") data-testid="nav">
                {pane_link(router, Pane::Read, "nav-read", "閱讀", "Read")}
                {pane_link(router, Pane::Entities, "nav-entities", "實體", "Entities")}
                {pane_link(router, Pane::Corpus(CorpusView::Kwic), "nav-corpus", "語料", "Explore")}
                {pane_link(router, Pane::Library, "nav-library", "文件庫", "Library")}
            </nav>
            <Shortcuts />
            <button
                type="button"
                class="lang"
                data-testid="lang-toggle"
                lang=move || if i18n.0.get() == Lang::En { "zh-Hant" } else { "en" }
                on:click=move |_| i18n.0.update(|l| *l = if *l == Lang::En { Lang::ZhHant } else { Lang::En })
            >
                {move || if i18n.0.get() == Lang::En { "繁體中文" } else { "English" }}
            </button>
        </header>
        {move || update_ready.get().then(|| view! {
            <div class="update-banner" data-testid="update-banner" role="status">
                {tr("有新版本可用。", "A new version of jiexi is ready.")}
                <button type="button" data-testid="update-reload" on:click=move |_| crate::shell::pwa::apply_update()>
                    {tr("重新載入", "Reload")}
                </button>
            </div>
        })}
        <main class="layout" data-pane=move || pane.get().as_str()>
            <section
                class="input"
                class:dragging=move || dragging.get()
                aria-labelledby="input-label"
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    open_many(client, dropped_files(&ev));
                }
            >
                <label id="input-label" for="article-input">
                    {tr("貼上文章，或把 .txt 檔案拖到這裏", "Paste an article, or drop a .txt file here")}
                </label>
                <textarea
                    id="article-input"
                    data-testid="article-input"
                    rows="8"
                    placeholder="例如：記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示……"
                    prop:value=move || boxed.get().unwrap_or_default()
                    aria-describedby=move || (!in_box()).then_some("long-text")
                    on:paste=paste_into_box
                    on:beforeinput=move |ev: web_sys::InputEvent| {
                        // The box stands for a long text it does not hold: typing would
                        // replace the text with a few chars. Pasting or "New article" does.
                        if boxed.with_untracked(Option::is_none) && !ev.input_type().starts_with("insertFrom") {
                            ev.prevent_default();
                        }
                    }
                    on:input=move |ev| type_in_box(event_target_value(&ev))
                ></textarea>
                <p id="long-text" class="long-text" data-testid="long-text" hidden=in_box>
                    {move || {
                        // Counted only while shown: the paragraph is hidden for short texts.
                        let chars = if in_box() { 0 } else { text.with(|t| t.chars().count()) };
                        match i18n.0.get() {
                            Lang::ZhHant => format!("這篇文章有 {chars} 字，文字框放不下；全文在下方閱讀區。在文字框貼上新文章會取代它，或按「新文章」。"),
                            Lang::En => format!("This article has {chars} characters, too many for the text box; the reader below shows all of it. Paste a new article into the box to replace it, or press New article."),
                        }
                    }}
                </p>
                <div class="input-bar">
                    <FileInput />
                    <button
                        type="button"
                        data-testid="new-doc"
                        on:click=move |_| {
                            showing.set(None);
                            library.close();
                            analyze(String::new());
                        }
                    >
                        {tr("新文章", "New article")}
                    </button>
                    <p
                        class="status"
                        data-testid="status"
                        role="status"
                        data-state=move || status.with(|s| s.as_str())
                    >
                        {move || status.with(|s| s.message(i18n.0.get()))}
                    </p>
                    {move || status.with(|s| matches!(s, crate::state::status::Status::Error(_))).then(|| view! {
                        <button type="button" data-testid="retry" on:click=move |_| reanalyze.run(())>
                            {tr("重試", "Retry")}
                        </button>
                    })}
                </div>
            </section>
            <section
                class="output"
                aria-label=tr("分析結果", "Analysis")
                on:mouseup=move |ev: web_sys::MouseEvent| {
                    // A click on a button (a link to a place, the popover's own) is no
                    // selection made by hand, as with the keyboard below.
                    let on_button = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|e| e.closest("button").ok().flatten()).is_some();
                    if !on_button {
                        pick_selection(picked)
                    }
                }
                on:keyup=move |ev: web_sys::KeyboardEvent| {
                    // A key on a button (a link to a place) is no selection made by hand:
                    // the place it lands on is selected, and is not offered as a correction.
                    let on_button = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok()).is_some();
                    if !on_button {
                        pick_selection(picked)
                    }
                }
            >
                <div class="toolbar">
                    <Legend counts=entity_counts hidden=view_state.hidden />
                    <div class="views" role="group" aria-label=tr("顯示", "Show")>
                        {bool_toggle(view_state.show_tokens, "view-tokens", "詞界", "Word boundaries")}
                        {bool_toggle(view_state.show_pos, "view-pos", "詞性", "Parts of speech")}
                    </div>
                    <div class="views" role="radiogroup" aria-label=tr("顯示字體", "Script shown")>
                        {script_choice(view_state.script, None, "view-as-written", "原文", "As written")}
                        {script_choice(view_state.script, Some(Script::Traditional), "view-traditional", "繁體", "Traditional")}
                        {script_choice(view_state.script, Some(Script::Simplified), "view-simplified", "簡體", "Simplified")}
                    </div>
                </div>
                {move || {
                    let (done, total) = view_state.progress.get();
                    (done < total).then(|| {
                        view! {
                            <div class="render-progress" data-testid="render-progress" role="status">
                                <progress max=total value=done></progress>
                                <span>{tr("顯示中…", "Showing…")} {done * 100 / total.max(1)} "%"</span>
                            </div>
                        }
                    })
                }}
                <DocBanner showing=showing open_at=open_at />
                <CorrectionBar picked=picked />
                <Reader shown=shown groups=groups pending=pending />
                <ExportBar shown=shown about=about groups=groups notice=notice />
                <p class="notice" role="status" data-testid="notice">{move || notice.get()}</p>
            </section>
            <div class="side">
                <div class="entities-pane" id="entities-pane">
                    <EntityPanel shown=shown groups=groups />
                    <DictionaryPanel />
                </div>
                <div class="library-pane" id="library-pane">
                <CorpusPanel

                    showing=showing
                    on_open_bundled=open_bundled
                    on_open_user=open_user
                />
                </div>
            </div>
            <section class="explore" id="explore" aria-label=tr("語料分析", "Corpus views") hidden=move || !in_corpus()>
                // The text box and its status line are out of sight here: what the worker
                // is doing (loading, an error) is said again.
                <p class="status" data-testid="explore-status" role="status"
                    data-state=move || status.with(|s| s.as_str())>
                    {move || in_corpus().then(|| status.with(|s| s.message(i18n.0.get())))}
                </p>
                <CorpusViews


                    open_doc=open_at
                />
            </section>
        </main>
    }
}
