//! Distinctive words in the corpus views: the words that set one document apart from the
//! rest of the library (TF-IDF, computed in the worker over the corpus index).

use jiexi_corpus::export::html::escape_html;
use leptos::prelude::*;

use crate::shell::i18n::{tr, I18n};
use crate::state::client::AnalysisClient;
use crate::state::library::LibraryState;
use jiexi_worker::bundled;

/// Words listed for a document.
const WORDS: usize = 20;

#[component]
pub fn DocumentWords(open: Signal<bool>) -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    let library = expect_context::<LibraryState>();
    let i18n = I18n::get();
    let choices = Memo::new(move |_| {
        let mut all: Vec<(String, String)> = library
            .docs
            .with(|d| d.iter().map(|d| (d.id.clone(), d.title.clone())).collect());
        all.extend(bundled::indexed().map(|d| (d.id.clone(), d.title.clone())));
        all
    });
    let doc = RwSignal::new(None::<String>);
    // The document asked about: the one chosen, else the first listed.
    let target = Memo::new(move |_| {
        doc.get()
            .filter(|d| choices.with(|c| c.iter().any(|(id, _)| id == d)))
            .or_else(|| choices.with(|c| c.first().map(|(id, _)| id.clone())))
    });
    Effect::new(move |_| {
        // Asked again when the index changes (a document was added or edited).
        client.corpus.track();
        if let (true, Some(id)) = (open.get(), target.get()) {
            client.distinctive_words(id, WORDS);
        }
    });
    let options = move || {
        let chosen = target.get();
        choices.with(|c| {
            let mut html = String::with_capacity(c.len() * 64);
            for (id, title) in c {
                let selected = if chosen.as_deref() == Some(id.as_str()) {
                    " selected"
                } else {
                    ""
                };
                html.push_str(&format!(
                    "<option value=\"{}\"{selected}>{}</option>",
                    escape_html(id),
                    escape_html(title)
                ));
            }
            html
        })
    };
    let rows = move || {
        client
            .distinctive
            .get()
            .filter(|(d, _)| Some(d) == target.get().as_ref())
            .map(|(_, words)| words)
            .unwrap_or_default()
    };
    let export = move |_| {
        let mut csv = String::from("word,count,score\r\n");
        for w in rows() {
            csv.push_str(&format!(
                "{},{},{:.5}\r\n",
                jiexi_corpus::export::csv::csv_cell(&w.text),
                w.count,
                w.score
            ));
        }
        let _ = crate::shell::download::download(
            "jiexi-distinctive-words.csv",
            "text/csv;charset=utf-8",
            &format!("\u{feff}{csv}"),
        );
    };
    view! {
        <section class="view view-distinctive" id="corpus-distinctive" aria-labelledby="distinctive-heading">
            <h3 id="distinctive-heading">{tr("特色詞", "Distinctive words")}</h3>
            <div class="kwic-controls">
                <label class="check">{tr("文件", "Document")}
                    // Options as one escaped HTML string: a thousand option views took the
                    // page 60 ms to build (scripts/bench/corpus_scale.mjs, longest task).
                    <select data-testid="distinctive-doc"
                        on:change=move |ev| doc.set(Some(event_target_value(&ev)))
                        inner_html=options>
                    </select>
                </label>
                <button type="button" data-testid="distinctive-export" on:click=export>{tr("匯出 CSV", "Export CSV")}</button>
            </div>
            <p class="muted">{move || i18n.tr(
                "與文庫中其他文件相比，這篇文件特別常用的詞（TF-IDF）。",
                "Words this document uses far more than the rest of the library (TF-IDF).",
            )}</p>
            <table class="entity-index" data-testid="distinctive-words">
                <thead><tr>
                    <th scope="col">{tr("詞", "Word")}</th>
                    <th scope="col">{tr("次數", "Count")}</th>
                    <th scope="col">{tr("分數", "Score")}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|w| view! {
                        <tr data-word=w.text.clone() data-count=w.count>
                            <td>{w.text.clone()}</td>
                            <td>{w.count}</td>
                            <td>{format!("{:.4}", w.score)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
