//! Export: the analysis as files other tools read (written by `jiexi_corpus::export`),
//! saved through the browser's download, and the entity table to the clipboard.

use std::sync::Arc;

use jiexi_corpus::export::json::About;
use jiexi_corpus::export::{brat, conll, csv, html, json};
use jiexi_corpus::identity::EntityGroup;
use leptos::prelude::*;

use crate::reader::{in_script, ReaderView};
use crate::shell::download::download;
use jiexi_engine::Script;

use crate::shell::i18n::tr;
use crate::state::client::Shown;

/// A file name from the document's title: safe characters only, at most 40 of them.
fn base_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    if cleaned.is_empty() {
        "jiexi".to_string()
    } else {
        format!("jiexi-{cleaned}")
    }
}

#[component]
pub fn ExportBar(
    shown: Signal<Option<Shown>>,
    /// The open document's title, source and date (exports carry them).
    about: Signal<About>,
    groups: Signal<Arc<Vec<EntityGroup>>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    // Each button: test id, label, file extension, MIME type, writer.
    type Writer = fn(&About, &Shown) -> String;
    let formats: [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Writer,
    ); 6] = [
        (
            "export-json",
            "JSON",
            "json",
            "application/json",
            |about, s| json::json(&s.text, &s.analysis, about),
        ),
        (
            "export-csv",
            "CSV",
            "csv",
            "text/csv;charset=utf-8",
            |_, s| {
                // A BOM so spreadsheet programs read the Chinese as UTF-8.
                format!("\u{FEFF}{}", csv::entities_csv(&s.analysis))
            },
        ),
        (
            "export-conll",
            "CoNLL",
            "conll",
            "text/plain;charset=utf-8",
            |_, s| conll::conll(&s.text, &s.analysis),
        ),
        (
            "export-brat-txt",
            "brat .txt",
            "txt",
            "text/plain;charset=utf-8",
            |_, s| s.text.clone(),
        ),
        (
            "export-brat-ann",
            "brat .ann",
            "ann",
            "text/plain;charset=utf-8",
            |_, s| brat::brat_ann(&s.text, &s.analysis),
        ),
        (
            "export-html",
            "HTML",
            "html",
            "text/html;charset=utf-8",
            |about, s| html::html(&about.title, &s.text, &s.analysis),
        ),
    ];
    // Files keep the script as written unless the user asks for the one shown: the
    // mapping is char for char, so every offset in the file still holds.
    let view_state = expect_context::<ReaderView>();
    let in_shown_script = RwSignal::new(false);
    let convert = move |out: String| match (
        in_shown_script.get_untracked(),
        view_state.script.get_untracked(),
    ) {
        (true, Some(script)) => in_script(script, &out),
        _ => out,
    };
    let copy = move |_| {
        let tsv = convert(csv::entity_table_tsv(&groups.get_untracked()));
        let Some(window) = web_sys::window() else {
            return;
        };
        let promise = window.navigator().clipboard().write_text(&tsv);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            notice.set(Some(match done {
                Ok(_) => "已複製實體表 Entity table copied".to_string(),
                Err(_) => "無法複製（瀏覽器拒絕）Copy refused by the browser".to_string(),
            }));
        });
    };
    view! {
        <div class="exports" role="group" aria-label=tr("匯出", "Export") data-testid="exports">
            <span class="exports-label">{tr("匯出", "Export")}</span>
            {formats
                .into_iter()
                .map(|(id, label, ext, mime, write)| {
                    view! {
                        <button
                            type="button"
                            data-testid=id
                            disabled=move || shown.with(|s| s.is_none())
                            on:click=move |_| {
                                let result = shown.with_untracked(|s| {
                                    s.as_ref().map(|s| {
                                        let about = about.get_untracked();
                                        let name = format!("{}.{ext}", base_name(&about.title));
                                        download(&name, mime, &convert(write(&about, s)))
                                    })
                                });
                                if let Some(Err(message)) = result {
                                    notice.set(Some(message));
                                }
                            }
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                data-testid="copy-entities"
                disabled=move || shown.with(|s| s.is_none())
                on:click=copy
            >
                {tr("複製實體表", "Copy entity table")}
            </button>
            {move || view_state.script.get().map(|script| view! {
                <label class="check">
                    <input type="checkbox" data-testid="export-in-script"
                        prop:checked=move || in_shown_script.get()
                        on:change=move |ev| in_shown_script.set(event_target_checked(&ev)) />
                    {match script {
                        Script::Simplified => tr("以簡體匯出", "Export in Simplified"),
                        Script::Traditional => tr("以繁體匯出", "Export in Traditional"),
                    }}
                </label>
            })}
        </div>
    }
}
