//! Trends in the corpus views: how often chosen entities are mentioned across the
//! documents of the library: bars per document (a categorical axis), or a line over the
//! dates the documents carry. Counted from the
//! entity index the worker already sent (each entry lists its documents with counts).

use jiexi_corpus::export::svg as charts;
use leptos::prelude::*;

use crate::shell::i18n::{tr, type_label, I18n};
use crate::state::client::AnalysisClient;
use crate::state::library::LibraryState;
use jiexi_worker::bundled;

/// Entities offered as series: the most mentioned names of the index (dates and amounts
/// are left out: their trend says little).
const CANDIDATES: usize = 15;
/// Series chosen at first: the top three.
const DEFAULT_SERIES: usize = 3;

/// A document on the x axis: id, label, and the date the user gave (may be empty).
#[derive(Clone, PartialEq)]
struct Column {
    id: String,
    title: String,
    date: String,
}

/// A document's label on the axis: its date, if it has one, and its title.
fn label(title: &str, date: &str) -> String {
    if date.is_empty() {
        title.to_string()
    } else {
        format!("{date} {title}")
    }
}

fn is_name(kind: jiexi_engine::EntityType) -> bool {
    use jiexi_engine::EntityType::*;
    !matches!(
        kind,
        Date | Time | Percent | Money | Quantity | Ordinal | Cardinal
    )
}

#[component]
pub fn Trends() -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    // Series named in the display script the user chose.
    let script = expect_context::<crate::reader::ReaderView>();
    let library = expect_context::<LibraryState>();
    let i18n = I18n::get();
    // Chosen entities by (type, folded key); `None` until the user changes the choice.
    let chosen = RwSignal::new(None::<Vec<(jiexi_engine::EntityType, String)>>);
    let by_date = RwSignal::new(false);
    let candidates = Memo::new(move |_| {
        client
            .corpus
            .get()
            .map(|ix| {
                ix.entities
                    .iter()
                    .filter(|r| is_name(r.kind))
                    .take(CANDIDATES)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // The user's choice, or the top names until they make one.
    let choice = move || {
        chosen.get().unwrap_or_else(|| {
            candidates.with(|all| {
                all.iter()
                    .take(DEFAULT_SERIES)
                    .map(|r| (r.kind, r.key.clone()))
                    .collect()
            })
        })
    };
    let is_chosen = move |kind, key: &str| choice().iter().any(|(k, s)| *k == kind && s == key);
    // Documents in date order where they have dates (a story's from its page, an article's
    // as the user gave it), the undated after them in the order they were written.
    let columns = Memo::new(move |_| {
        let mut cols: Vec<Column> = bundled::indexed()
            .map(|d| Column {
                id: d.id.clone(),
                title: d.title.clone(),
                date: d.date.clone(),
            })
            .collect();
        library.docs.with(|docs| {
            cols.extend(docs.iter().rev().map(|d| Column {
                id: d.id.clone(),
                title: d.title.clone(),
                date: d.date.trim().to_string(),
            }))
        });
        // Stable: documents with the same date, and the undated, keep their order.
        cols.sort_by_key(|c| (c.date.is_empty(), c.date.clone()));
        cols
    });
    let dated = Memo::new(move |_| columns.with(|c| c.iter().any(|c| !c.date.is_empty())));
    // The chart, and how many documents it leaves out for naming none of the entities.
    let chart = Memo::new(move |_| {
        let rows = candidates.get();
        let picked = choice();
        let series_rows: Vec<_> = rows
            .iter()
            .filter(|r| picked.iter().any(|(k, s)| *k == r.kind && *s == r.key))
            .collect();
        let cols = columns.get();
        let count = |r: &&jiexi_corpus::index::IndexEntry, ids: &[String]| -> usize {
            r.docs
                .iter()
                .filter(|(d, _)| ids.contains(d))
                .map(|(_, n)| n)
                .sum()
        };
        if by_date.get() {
            // One point per date given; documents without one are left out.
            let mut dates: Vec<String> = cols
                .iter()
                .filter(|c| !c.date.is_empty())
                .map(|c| c.date.clone())
                .collect();
            dates.sort();
            dates.dedup();
            let groups: Vec<Vec<String>> = dates
                .iter()
                .map(|d| {
                    cols.iter()
                        .filter(|c| &c.date == d)
                        .map(|c| c.id.clone())
                        .collect()
                })
                .collect();
            let series: Vec<(String, Vec<usize>)> = series_rows
                .iter()
                .map(|r| {
                    (
                        script.shown(&r.text),
                        groups.iter().map(|ids| count(r, ids)).collect(),
                    )
                })
                .collect();
            return (
                charts::line_chart_svg(
                    i18n.tr("提及趨勢（按日期）", "Mentions by date"),
                    &dates,
                    &series,
                ),
                0,
            );
        }
        // Documents are categories: a bar each, for those naming a chosen entity (a
        // library of a thousand would otherwise be a thousand empty rows).
        let naming: Vec<&Column> = cols
            .iter()
            .filter(|c| {
                series_rows
                    .iter()
                    .any(|r| count(r, std::slice::from_ref(&c.id)) > 0)
            })
            .collect();
        let series: Vec<(String, Vec<usize>)> = series_rows
            .iter()
            .map(|r| {
                let values = naming
                    .iter()
                    .map(|c| count(r, std::slice::from_ref(&c.id)))
                    .collect();
                (script.shown(&r.text), values)
            })
            .collect();
        let labels: Vec<String> = naming.iter().map(|c| label(&c.title, &c.date)).collect();
        (
            charts::grouped_bars_svg(
                i18n.tr("各文件的提及次數", "Mentions per document"),
                &labels,
                &series,
            ),
            cols.len() - naming.len(),
        )
    });
    let toggle = move |kind, key: String, on: bool| {
        let mut now = untrack(choice);
        now.retain(|(k, s)| !(*k == kind && *s == key));
        if on {
            now.push((kind, key));
        }
        chosen.set(Some(now));
    };
    view! {
        <section class="view view-trends" id="corpus-trends" aria-labelledby="trends-heading">
            <h3 id="trends-heading">{tr("趨勢", "Trends")}</h3>
            <fieldset class="inline" data-testid="trend-entities">
                <legend>{tr("選擇實體", "Entities")}</legend>
                {move || candidates.get().into_iter().map(|r| {
                    let (kind, key) = (r.kind, r.key.clone());
                    let key_checked = key.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="trend-entity" data-entity-text=r.text.clone()
                                prop:checked=move || is_chosen(kind, &key_checked)
                                on:change=move |ev| toggle(kind, key.clone(), event_target_checked(&ev)) />
                            {r.text.clone()}
                            <span class="type-label" data-entity=kind.as_str()>{move || type_label(kind, i18n.0.get())}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="kwic-controls">
                <label class="check">
                    <input type="checkbox" data-testid="trend-by-date" prop:checked=move || by_date.get()
                        on:change=move |ev| by_date.set(event_target_checked(&ev)) />
                    {tr("按日期（只計有日期的文件）", "By date (documents with a date)")}
                </label>
                <button type="button" data-testid="trend-export-svg"
                    on:click=move |_| { let _ = crate::shell::download::download("jiexi-trends.svg", "image/svg+xml", &chart.get_untracked().0); }>
                    {tr("匯出 SVG", "Export SVG")}
                </button>
                <button type="button" data-testid="trend-export-png"
                    on:click=move |_| { let _ = crate::shell::download::download_png("jiexi-trends.png", &chart.get_untracked().0); }>
                    {tr("匯出 PNG", "Export PNG")}
                </button>
            </div>
            {move || (by_date.get() && !dated.get()).then(|| view! {
                <p class="notice" data-testid="trend-empty">
                    {tr("沒有文件有日期：在文件庫為文章填上日期，或取消「按日期」。",
                        "No document has a date: give your articles a date in the library, or untick By date.")}
                </p>
            })}
            // SVG written by the corpus model with every label escaped.
            <div class="chart" data-testid="trend-chart" hidden=move || by_date.get() && !dated.get()
                inner_html=move || chart.get().0></div>
            {move || {
                let left_out = chart.with(|c| c.1);
                (left_out > 0).then(|| view! {
                    <p class="muted" data-testid="trend-left-out">
                        {move || match i18n.0.get() {
                            crate::shell::i18n::Lang::ZhHant => format!("另有 {left_out} 份文件沒有提及所選實體。"),
                            crate::shell::i18n::Lang::En => format!("{left_out} more documents name none of these entities."),
                        }}
                    </p>
                })
            }}
        </section>
    }
}
