//! The timeline in the corpus views: every sentence of the library that holds a date with
//! a value, earliest first, each linked to its place; filtered by a name and a date range,
//! and saved as CSV. The worker analyses each document as an article of its own date, so
//! 昨日 in a dated story is on the calendar.

use jiexi_corpus::export::csv::timeline_csv;
use jiexi_corpus::timeline::DocMoment;
use jiexi_engine::script::fold;
use leptos::prelude::*;

use crate::shell::i18n::{tr, I18n, Lang};
use crate::state::client::AnalysisClient;
use crate::state::library::LibraryState;

/// Rows drawn at most; the count says how many match.
const SHOWN: usize = 300;

/// Whether `date` (ISO cut to its precision) can fall in `from`..=`to` (ISO days, either
/// may be empty): compared at the date's own precision, so 2024-12 is within 2024-12-10.
fn in_range(date: &str, from: &str, to: &str) -> bool {
    let cut = |bound: &str| {
        bound
            .get(..date.len().min(bound.len()))
            .unwrap_or(bound)
            .to_string()
    };
    (from.is_empty() || date >= cut(from).as_str()) && (to.is_empty() || date <= cut(to).as_str())
}

/// Whether a moment names `query` (folded: either script, either width), in an entity or
/// in its sentence.
fn names(m: &DocMoment, query: &str) -> bool {
    query.is_empty()
        || fold(&m.moment.sentence).contains(query)
        || m.moment
            .entities
            .iter()
            .any(|e| fold(&e.text).contains(query))
}

#[component]
pub fn Timeline(
    /// Whether the corpus views are open (nothing is computed while they are closed).
    open: Signal<bool>,
    /// Opens a document at a place.
    open_doc: Callback<(String, Option<(usize, usize)>)>,
) -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    let library = expect_context::<LibraryState>();
    let i18n = I18n::get();
    let query = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    // Asked again when the index changes: documents (or their dates) indexed again, or
    // recounted with a new authority file.
    Effect::new(move |_| {
        if !open.get() || client.corpus.with(Option::is_none) {
            return;
        }
        client.timeline();
    });
    let title = move |id: &str| library.title(id);
    let matching = Memo::new(move |_| {
        let q = fold(query.get().trim());
        let (f, t) = (from.get(), to.get());
        client
            .timeline
            .get()
            .map(|all| {
                all.iter()
                    .filter(|m| in_range(&m.moment.date, &f, &t) && names(m, &q))
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let export = move |_| {
        let rows = matching.get_untracked();
        let titled: Vec<(String, &DocMoment)> = rows.iter().map(|m| (title(&m.doc), m)).collect();
        let csv = timeline_csv(
            titled
                .iter()
                .map(|(t, m)| (t.as_str(), std::slice::from_ref(&m.moment))),
        );
        let _ = crate::shell::download::download(
            "jiexi-timeline.csv",
            "text/csv;charset=utf-8",
            &format!("\u{feff}{csv}"),
        );
    };
    view! {
        <section class="view view-timeline" id="corpus-timeline" aria-labelledby="timeline-heading">
            <h3 id="timeline-heading">{tr("時間線", "Timeline")}</h3>
            <div class="kwic-controls">
                <input type="search" data-testid="timeline-entity" aria-label=tr("篩選名稱", "Filter by name")
                    placeholder=move || i18n.tr("名稱或字詞", "a name or a word")
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                <label class="check">{tr("由", "From")}
                    <input type="date" data-testid="timeline-from" prop:value=move || from.get()
                        on:change=move |ev| from.set(event_target_value(&ev)) />
                </label>
                <label class="check">{tr("至", "To")}
                    <input type="date" data-testid="timeline-to" prop:value=move || to.get()
                        on:change=move |ev| to.set(event_target_value(&ev)) />
                </label>
                <button type="button" data-testid="timeline-export" on:click=export>{tr("匯出 CSV", "Export CSV")}</button>
            </div>
            {move || match client.timeline.get() {
                None => view! { <p class="muted">{tr("整理日期中…", "Placing the dates…")}</p> }.into_any(),
                Some(all) if all.is_empty() => view! {
                    <p class="notice" data-testid="timeline-empty">{tr(
                        "沒有可定位的日期：為文章填上日期（文件庫），「昨日」等相對日期便能定位。",
                        "No dates to place: give your articles their date in the library, and relative dates such as 昨日 fall into place.",
                    )}</p>
                }.into_any(),
                Some(_) => {
                    let rows = matching.get();
                    let n = rows.len();
                    view! {
                        <p class="muted" data-testid="timeline-count" data-count=n>
                            {move || match i18n.0.get() {
                                Lang::ZhHant => format!("{n} 句有日期"),
                                Lang::En => format!("{n} dated sentences"),
                            }}
                        </p>
                        <ol class="timeline" data-testid="timeline">
                            {rows.into_iter().take(SHOWN).map(|m| {
                                let doc = m.doc.clone();
                                let at = (m.moment.start, m.moment.end);
                                view! {
                                    <li data-testid="timeline-row" data-date=m.moment.date.clone() data-doc-id=m.doc.clone()>
                                        <time datetime=m.moment.date.clone()>{m.moment.date.clone()}</time>
                                        <span class="said">{m.moment.said.clone()}</span>
                                        <span class="sentence">{m.moment.sentence.clone()}</span>
                                        <button type="button" class="link" data-testid="timeline-open"
                                            on:click=move |_| open_doc.run((doc.clone(), Some(at)))>
                                            {title(&m.doc)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::in_range;

    #[test]
    fn a_date_is_in_a_range_at_its_own_precision() {
        assert!(in_range("2024-12", "2024-12-10", "2024-12-20"));
        assert!(in_range("2024", "2024-06-01", ""));
        assert!(!in_range("2023-12-31", "2024-01-01", ""));
        assert!(in_range("2024-12-17", "", ""));
        assert!(!in_range("2025-01", "", "2024-12-31"));
    }
}
