//! The library panel: the bundled pages and their stories (read-only) and the user's own
//! articles, searchable by title, each with its description form, import and export.

use jiexi_corpus::library::Document;
use jiexi_worker::bundled::{self, Bundled, Kind};
use leptos::prelude::*;

use crate::panels::saved_note::SavedNote;
use crate::shell::i18n::{tr, I18n};
use crate::state::library::LibraryState;

/// The corpus: bundled documents (read-only) and the user's, searchable by title.
#[component]
pub fn CorpusPanel(
    on_open_bundled: Callback<&'static Bundled>,
    on_open_user: Callback<String>,
    /// The bundled document shown, if one is.
    showing: RwSignal<Option<&'static Bundled>>,
) -> impl IntoView {
    let library = expect_context::<LibraryState>();
    let authority = expect_context::<crate::state::authority::AuthorityStore>();
    let i18n = I18n::get();
    let query = RwSignal::new(String::new());
    let matches = move |title: &str| {
        let q = query.get();
        q.trim().is_empty()
            || jiexi_engine::script::fold(title).contains(&jiexi_engine::script::fold(q.trim()))
    };
    let import = move |ev: web_sys::Event| {
        crate::shell::file_input::read_picked_text(&ev, move |name, text| {
            if let Some(incoming) = library.import(&name, &text) {
                authority.adopt(incoming);
            }
        });
    };
    // The open document's id, and each of its fields, as memos: they change only when
    // their value does. The form is built once per document, so a save landing while
    // the user types in it (a list update) neither replaces the field being typed in nor
    // resets its text.
    let current = Memo::new(move |_| {
        library
            .current
            .get()
            .filter(|id| library.docs.with(|docs| docs.iter().any(|d| d.id == *id)))
    });
    let field = move |get: fn(&Document) -> &String| {
        Memo::new(move |_| {
            current.get().and_then(|id| {
                library
                    .docs
                    .with(|docs| docs.iter().find(|d| d.id == id).map(|d| get(d).clone()))
            })
        })
    };
    let title = field(|d| &d.title);
    let source = field(|d| &d.source);
    let date = field(|d| &d.date);
    let value = |field: Memo<Option<String>>| move || field.get().unwrap_or_default();
    view! {
        <nav class="seeds library" aria-labelledby="library-heading">
            <h2 id="library-heading">{tr("文庫", "Library")}</h2>
            <input
                type="search"
                class="filter"
                data-testid="library-search"
                aria-label=tr("搜尋標題", "Search titles")
                placeholder=move || i18n.tr("搜尋標題", "Search titles")
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            {move || current.get().map(|_| view! {
                <fieldset class="doc-details" data-testid="doc-details">
                    <legend>{tr("此文件", "This document")}</legend>
                    <label>{tr("標題", "Title")}
                        <input data-testid="doc-title" prop:value=value(title)
                            on:change=move |ev| { let v = event_target_value(&ev); library.describe(move |d| d.title.clone_from(&v)) } />
                    </label>
                    <label>{tr("來源", "Source")}
                        <input data-testid="doc-source" prop:value=value(source)
                            on:change=move |ev| { let v = event_target_value(&ev); library.describe(move |d| d.source.clone_from(&v)) } />
                    </label>
                    <label>{tr("日期", "Date")}
                        <input type="date" data-testid="doc-date" prop:value=value(date)
                            on:change=move |ev| { let v = event_target_value(&ev); library.describe(move |d| d.date.clone_from(&v)) } />
                    </label>
                </fieldset>
            })}
            <ul data-testid="corpus-list">
                {move || library.docs.with(|docs| {
                    docs.iter()
                        .filter(|d| matches(&d.title))
                        .map(|doc| {
                            let id = doc.id.clone();
                            let open_id = id.clone();
                            let delete_id = id.clone();
                            let is_current = library.current.get().as_deref() == Some(id.as_str());
                            let title = if doc.title.trim().is_empty() {
                                i18n.tr("（無標題）", "(untitled)").to_string()
                            } else {
                                doc.title.clone()
                            };
                            view! {
                                <li class="user-doc">
                                    <button
                                        type="button"
                                        data-testid="corpus-doc"
                                        data-doc-id=id.clone()
                                        data-kind="user"
                                        data-date=doc.date.trim().to_string()
                                        aria-current=is_current.then_some("true")
                                        on:click=move |_| on_open_user.run(open_id.clone())
                                    >
                                        {title.clone()}
                                        {(!doc.source.is_empty() || !doc.date.is_empty()).then(|| view! {
                                            <span class="forms">{format!(" {} {}", doc.source, doc.date)}</span>
                                        })}
                                    </button>
                                    <button
                                        type="button"
                                        class="icon"
                                        data-testid="doc-delete"
                                        aria-label=format!("{} {title}", i18n.tr("刪除", "Delete"))
                                        on:click=move |_| library.delete(&delete_id)
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                })}
                {move || {
                    let q = query.get();
                    let open = showing.get().map(|d| d.id.as_str());
                    bundled_list(i18n, q, open, on_open_bundled)
                }}
            </ul>
            {move || library.deleted.get().map(|doc| view! {
                <p class="undo" role="status">
                    {format!("{} {}", i18n.tr("已刪除", "Deleted"), doc.title)}
                    <button type="button" data-testid="undo-delete" on:click=move |_| library.undo()>
                        {tr("復原", "Undo")}
                    </button>
                </p>
            })}
            <SavedNote
                saved=library.saved.state
                testid="library-state"
                saved_text=("你的文章自動儲存在此裝置。", "Your articles are saved on this device as you go.")
                lost_text=("未能儲存：文章只保留到關閉此頁。", "Not saved: your articles last until this page is closed.")
            />
            <div class="dictionary-actions">
                <button type="button" data-testid="library-export" on:click=move |_| library.export(authority.file().get_untracked())>
                    {tr("匯出文庫", "Export library")}
                </button>
                <label class="file-button">
                    {tr("匯入文庫", "Import library")}
                    <input type="file" accept=".json,application/json" data-testid="library-import" on:change=import />
                </label>
            </div>
        </nav>
    }
}

/// The bundled documents: each seed page's stories under the page (one click away), then
/// the samples. A page is listed while any of its stories, or itself, matches `query`.
fn bundled_list(
    i18n: I18n,
    query: String,
    shown: Option<&'static str>,
    open: Callback<&'static Bundled>,
) -> impl IntoView {
    let q = jiexi_engine::script::fold(query.trim());
    let matches =
        move |d: &Bundled| q.is_empty() || jiexi_engine::script::fold(&d.title).contains(&q);
    let entry = move |doc: &'static Bundled| {
        let meta = doc.meta();
        view! {
            <li class="bundled-doc">
                <button
                    type="button"
                    data-testid="corpus-doc"
                    data-doc-id=doc.id.clone()
                    data-kind=doc.kind.as_str()
                    data-date=doc.date.clone()
                    aria-current=(shown == Some(doc.id.as_str())).then_some("true")
                    on:click=move |_| open.run(doc)
                >
                    {doc.title.clone()}
                    {(!meta.is_empty()).then(|| view! { <span class="forms">{format!(" {meta}")}</span> })}
                </button>
            </li>
        }
    };
    let mut pages = 0;
    bundled::all()
        .iter()
        .filter(|d| d.kind != Kind::Story)
        .filter_map(move |d| {
            pages += usize::from(d.kind == Kind::Page);
            if d.kind == Kind::Sample {
                return matches(d).then(|| entry(d).into_any());
            }
            let stories: Vec<&'static Bundled> =
                bundled::stories_of(d.page).filter(|s| matches(s)).collect();
            (matches(d) || !stories.is_empty()).then(|| {
                // Numbered: three pages of one paper would read alike.
                let label = match i18n.0.get_untracked() {
                    crate::shell::i18n::Lang::ZhHant => format!("{}（第 {pages} 版）", d.source),
                    crate::shell::i18n::Lang::En => format!("{} (page {pages})", d.source),
                };
                let whole = format!("{} {label}", i18n.tr("全版", "Whole page"));
                view! {
                    <li class="seed-page" data-page-id=d.id.clone()>
                        <div class="page-head">
                            <span class="page-source">{label}</span>
                            <button
                                type="button"
                                class="link"
                                data-testid="corpus-page"
                                data-doc-id=d.id.clone()
                                data-kind="page"
                                aria-label=whole
                                aria-current=(shown == Some(d.id.as_str())).then_some("true")
                                on:click=move |_| open.run(d)
                            >
                                {tr("全版", "Whole page")}
                            </button>
                        </div>
                        <ul>{stories.into_iter().map(entry).collect_view()}</ul>
                    </li>
                }
                .into_any()
            })
        })
        .collect_view()
}
