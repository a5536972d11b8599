//! Corpus views over the whole library (bundled documents and the user's): the KWIC
//! concordance (a word, an entity or a pattern in its contexts), word frequencies (table,
//! chart, cloud), the entity index (every entity, how often, in how many documents), and
//! the panels of their own files: co-occurrence network, trends, distinctive words.
//! Built in the worker when the views are first opened, and brought up to date when the
//! library changes.

use jiexi_corpus::export::{csv, svg};
use jiexi_corpus::index::{Order, Query};
use jiexi_engine::EntityType;
use leptos::prelude::*;

use crate::corpus::network::Network;
use crate::corpus::timeline::Timeline;
use crate::corpus::trends::Trends;
use crate::panels::document_words::DocumentWords;
use crate::shell::i18n::{tr, type_label, I18n};
use crate::state::client::AnalysisClient;
use crate::state::library::LibraryState;
use crate::state::route::{CorpusView, Pane, Route, Router};

/// localStorage: the user's own stop words (either script, whitespace-separated).
const STOPWORDS: &str = "jiexi.stopwords";
/// Rows of the word frequency table, and bars of its chart.
const FREQ_ROWS: usize = 50;
const CHART_BARS: usize = 20;
/// Words in the word cloud.
const CLOUD_WORDS: usize = 60;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Rows of the entity index shown at once (the filter reaches the rest).
const INDEX_ROWS: usize = 200;
/// Concordance lines shown at first, and added by each "More" (painting 500 lines took
/// longer than finding them in 2 million chars).
const KWIC_PAGE: usize = 50;

/// A corpus view's name in the navigation (繁體, English).
fn view_name(view: CorpusView) -> (&'static str, &'static str) {
    match view {
        CorpusView::Kwic => ("關鍵詞索引", "Concordance"),
        CorpusView::Index => ("實體索引", "Entity index"),
        CorpusView::Words => ("詞頻", "Words"),
        CorpusView::Network => ("關係網絡", "Network"),
        CorpusView::Trends => ("趨勢", "Trends"),
        CorpusView::Timeline => ("時間線", "Timeline"),
        CorpusView::Distinctive => ("特色詞", "Distinctive words"),
    }
}

#[component]
pub fn CorpusViews(
    /// Opens a document (bundled or the user's) by id.
    /// Opens a document (by id) at a place: char offsets of a hit.
    open_doc: Callback<(String, Option<(usize, usize)>)>,
) -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    let library = expect_context::<LibraryState>();
    let i18n = I18n::get();
    let router = expect_context::<Router>();
    // Names and lines in the display script the user chose (offsets are unchanged by it).
    let script = expect_context::<crate::reader::ReaderView>();
    let view_shown = Memo::new(move |_| match router.route.with(|r| r.pane) {
        Pane::Corpus(view) => Some(view),
        _ => None,
    });
    // Built when the corpus pane is first shown, kept up to date while it is.
    let open = Signal::derive(move || view_shown.get().is_some());
    // (Re)index when opened, whenever the library changes while open, and when a new
    // worker (restarted after it fell silent) has lost the index.
    Effect::new(move |_| {
        client.workers.track();
        if open.get() {
            library.docs.with(|d| client.index_corpus(d.iter()));
        }
    });
    let filter = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let regex = RwSignal::new(false);
    let width = RwSignal::new(20usize);
    let order = RwSignal::new(Order::Document);
    let limit = RwSignal::new(KWIC_PAGE);
    // The last question asked: typed text, or an entity chosen in the index.
    let asked = RwSignal::new(None::<Query>);
    let ask = move || {
        if let Some(q) = asked.get_untracked() {
            client.concordance(
                q,
                width.get_untracked(),
                order.get_untracked(),
                limit.get_untracked(),
            );
        }
    };
    // The query lives in the URL too: a reload or a bookmark asks it again. Replaced,
    // not pushed: typing a word is one place in the history, not one per key.
    let remember = move |q: &str| {
        let view = view_shown.get_untracked().unwrap_or_default();
        router.replace(Route {
            pane: Pane::Corpus(view),
            query: Some(q.trim().to_string()).filter(|q| !q.is_empty()),
        });
    };
    let on_query = move |value: String| {
        remember(&value);
        query.set(value.clone());
        limit.set(KWIC_PAGE);
        let q = value.trim().to_string();
        asked.set((!q.is_empty()).then(|| {
            if regex.get_untracked() {
                Query::Pattern(q)
            } else {
                Query::Text(q)
            }
        }));
        ask();
    };
    // A new index (the library changed) or a new width or order: ask again.
    Effect::new(move |_| {
        client.corpus.track();
        width.track();
        order.track();
        limit.track();
        ask();
    });
    let choose_entity = move |kind: EntityType, key: String, text: String| {
        router.go(Route {
            pane: Pane::Corpus(CorpusView::Kwic),
            query: Some(text.clone()),
        });
        query.set(text);
        regex.set(false);
        limit.set(KWIC_PAGE);
        asked.set(Some(Query::Entity { kind, key }));
        ask();
    };
    // A query that arrives in the URL (a link, reload, back or forward) is asked.
    Effect::new(move |_| {
        let (pane, q) = router
            .route
            .with(|r| (r.pane, r.query.clone().unwrap_or_default()));
        if matches!(pane, Pane::Corpus(_)) && q.trim() != query.get_untracked().trim() {
            on_query(q);
        }
    });
    // The view the URL names is brought into view.
    Effect::new(move |_| {
        if let Some(view) = view_shown.get() {
            request_animation_frame(move || {
                let section = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("corpus-{}", view.as_str())));
                if let Some(section) = section {
                    section.scroll_into_view();
                }
            });
        }
    });
    let title_of = move |id: &str| library.title(id);
    let export_index = move |_| {
        if let Some(ix) = client.corpus.get_untracked() {
            let csv = csv::entity_index_csv(&ix.entities, title_of);
            let _ = crate::shell::download::download(
                "jiexi-entity-index.csv",
                "text/csv;charset=utf-8",
                &format!("\u{feff}{csv}"),
            );
        }
    };
    let export_kwic = move |_| {
        if let Some(Ok((hits, _))) = client.concordance.get_untracked().map(|c| c.result) {
            let csv = csv::concordance_csv(&hits, title_of);
            let _ = crate::shell::download::download(
                "jiexi-concordance.csv",
                "text/csv;charset=utf-8",
                &format!("\u{feff}{csv}"),
            );
        }
    };
    // The user's stop words, kept on the device, compared in folded form.
    let stop_text = RwSignal::new(
        local_storage()
            .and_then(|s| s.get_item(STOPWORDS).ok().flatten())
            .unwrap_or_default(),
    );
    let words = Memo::new(move |_| {
        let stop: std::collections::HashSet<String> = stop_text.with(|t| {
            t.split_whitespace()
                .map(jiexi_engine::script::fold)
                .collect()
        });
        client
            .corpus
            .get()
            .map(|ix| {
                ix.words
                    .iter()
                    .filter(|w| !stop.contains(&w.key))
                    .take(FREQ_ROWS)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let chart = Memo::new(move |_| {
        let rows: Vec<(String, usize)> = words.with(|w| {
            w.iter()
                .take(CHART_BARS)
                .map(|w| (w.text.clone(), w.count))
                .collect()
        });
        svg::bar_chart_svg(i18n.tr("詞頻", "Word frequencies"), &rows)
    });
    let cloud = Memo::new(move |_| {
        let rows: Vec<(String, usize)> = words.with(|w| {
            w.iter()
                .take(CLOUD_WORDS)
                .map(|w| (w.text.clone(), w.count))
                .collect()
        });
        svg::word_cloud_svg(i18n.tr("詞雲", "Word cloud"), &rows)
    });
    let export_words = move |_| {
        let csv = words.with_untracked(|w| csv::words_csv(w));
        let _ = crate::shell::download::download(
            "jiexi-word-frequencies.csv",
            "text/csv;charset=utf-8",
            &format!("\u{feff}{csv}"),
        );
    };
    let export_chart = move |_| {
        let _ = crate::shell::download::download(
            "jiexi-word-frequencies.svg",
            "image/svg+xml",
            &chart.get_untracked(),
        );
    };

    view! {
        <div class="corpus-views" data-testid="corpus-views">
            <div class="corpus-head">
                <h2>{tr("語料分析", "Corpus views")}</h2>
                <nav class="corpus-nav" aria-label=tr("語料檢視", "Corpus views")>
                    {CorpusView::ALL.into_iter().map(|v| {
                        let (zh, en) = view_name(v);
                        view! {
                            <a
                                href=Route::pane(Pane::Corpus(v)).to_hash(|q| q.to_string())
                                data-testid=format!("corpus-nav-{}", v.as_str())
                                aria-current=move || (view_shown.get() == Some(v)).then_some("location")
                            >
                                {tr(zh, en)}
                            </a>
                        }
                    }).collect_view()}
                </nav>
            </div>
            {move || match client.corpus.get() {
                None => view! { <p class="muted" data-testid="corpus-state" data-state="working">{tr("建立索引中…", "Indexing…")}</p> }.into_any(),
                Some(ix) => view! {
                    <p class="muted" data-testid="corpus-state" data-state="ready" data-docs=ix.docs data-ms=ix.elapsed_ms data-recount-ms=ix.recount_ms>
                        {move || format!("{} {} · {} {} · {:.0} ms",
                            ix.docs, i18n.tr("篇文件", "documents"),
                            ix.entities.len(), i18n.tr("個實體", "entities"),
                            ix.elapsed_ms)}
                    </p>
                }.into_any(),
            }}
            <section class="view view-kwic" id="corpus-kwic" aria-labelledby="kwic-heading">
                <h3 id="kwic-heading">{tr("關鍵詞索引（KWIC）", "Concordance (KWIC)")}</h3>
                <div class="kwic-controls">
                    <input
                        type="search"
                        id="kwic-input"
                        data-testid="kwic-input"
                        aria-label=tr("搜尋字詞", "Search a word")
                        placeholder=move || i18n.tr("字詞、實體或正規表示式", "word, entity or pattern")
                        prop:value=move || query.get()
                        on:input=move |ev| on_query(event_target_value(&ev))
                    />
                    <label class="check">
                        <input type="checkbox" data-testid="kwic-regex" prop:checked=move || regex.get()
                            on:change=move |ev| { regex.set(event_target_checked(&ev)); on_query(query.get_untracked()); } />
                        {tr("正規表示式", "Pattern")}
                    </label>
                    <label class="check">{tr("上下文", "Context")}
                        <select data-testid="kwic-width" on:change=move |ev| width.set(event_target_value(&ev).parse().unwrap_or(20))>
                            {[10usize, 20, 40].into_iter().map(|w| view! { <option value=w selected=w == 20>{w}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="check">{tr("排序", "Sort")}
                        <select data-testid="kwic-order" on:change=move |ev| order.set(match event_target_value(&ev).as_str() {
                            "left" => Order::Left,
                            "right" => Order::Right,
                            _ => Order::Document,
                        })>
                            <option value="document">{tr("文件次序", "Document order")}</option>
                            <option value="left">{tr("左文", "Left context")}</option>
                            <option value="right">{tr("右文", "Right context")}</option>
                        </select>
                    </label>
                    <button type="button" data-testid="kwic-export" on:click=export_kwic>{tr("匯出 CSV", "Export CSV")}</button>
                </div>
                {move || asked.with(Option::is_none).then(|| view! {
                    <p class="muted" data-testid="kwic-hint">{tr(
                        "輸入字詞、名稱或正規表示式，即可看到它在每份文件中出現的每一處。",
                        "Type a word, a name or a pattern to see every place it occurs, in every document.",
                    )}</p>
                })}
                {move || client.concordance.get().filter(|_| asked.with(Option::is_some)).map(|c| match c.result {
                    Err(message) => view! { <p class="notice" data-testid="kwic-error">{message}</p> }.into_any(),
                    Ok((hits, total)) => view! {
                        <p class="muted" data-testid="kwic-total" data-total=total data-ms=c.elapsed_ms data-answer=c.id>
                            {move || format!("{total} {} · {:.0} ms", i18n.tr("處", "hits"), c.elapsed_ms)}
                        </p>
                        <table class="kwic">
                            <tbody>
                                {hits.into_iter().map(|h| {
                                    let doc = h.doc.clone();
                                    let at = (h.start, h.end);
                                    view! {
                                        <tr data-testid="kwic-row" data-doc-id=h.doc.clone() data-start=h.start data-end=h.end>
                                            <td class="left"><span>{move || script.shown(&h.left)}</span></td>
                                            <td class="keyword"><mark>{move || script.shown(&h.keyword)}</mark></td>
                                            <td class="right">{move || script.shown(&h.right)}</td>
                                            <td class="doc">
                                                <button type="button" class="link" data-testid="kwic-open" on:click=move |_| open_doc.run((doc.clone(), Some(at)))>
                                                    {title_of(&h.doc)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(total == 0).then(|| view! {
                            <p class="notice" data-testid="kwic-none">{tr(
                                "沒有找到：試較短的字詞，或關閉「正規表示式」。繁簡兩體均會搜尋。",
                                "Not found: try a shorter word, or untick Pattern. Both scripts are searched.",
                            )}</p>
                        })}
                        {(total > limit.get_untracked()).then(|| view! {
                            <button type="button" data-testid="kwic-more" on:click=move |_| limit.update(|l| *l += 4 * KWIC_PAGE)>
                                {tr("顯示更多", "Show more")}
                            </button>
                        })}
                    }.into_any(),
                })}
            </section>
            <section class="view view-words" id="corpus-words" aria-labelledby="freq-heading">
                <h3 id="freq-heading">{tr("詞頻", "Word frequencies")}</h3>
                <label class="stopwords">
                    {tr("停用詞（以空格分隔，繁簡皆可）", "Stop words (space-separated, either script)")}
                    <textarea
                        data-testid="stopwords"
                        rows="2"
                        prop:value=move || stop_text.get()
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(s) = local_storage() {
                                // Only a preference: if it cannot be kept it lasts this visit.
                                let _ = s.set_item(STOPWORDS, &value);
                            }
                            stop_text.set(value);
                        }
                    ></textarea>
                </label>
                <div class="kwic-controls">
                    <button type="button" data-testid="word-freq-export" on:click=export_words>{tr("匯出 CSV", "Export CSV")}</button>
                    <button type="button" data-testid="word-chart-export" on:click=export_chart>{tr("匯出 SVG", "Export SVG")}</button>
                    <button type="button" data-testid="word-chart-export-png"
                        on:click=move |_| { let _ = crate::shell::download::download_png("jiexi-word-frequencies.png", &chart.get_untracked()); }>
                        {tr("匯出 PNG", "Export PNG")}
                    </button>
                </div>
                // The chart is SVG written by the engine with every label escaped.
                <div class="chart" data-testid="word-chart" inner_html=move || chart.get()></div>
                // Not a nested <details>: `[data-testid=corpus-views] summary` stays unique.
                <div class="cloud">
                    <h4>{tr("詞雲", "Word cloud")}</h4>
                    <div class="kwic-controls">
                        <button type="button" data-testid="word-cloud-export"
                            on:click=move |_| { let _ = crate::shell::download::download("jiexi-word-cloud.svg", "image/svg+xml", &cloud.get_untracked()); }>
                            {tr("匯出 SVG", "Export SVG")}
                        </button>
                        <button type="button" data-testid="word-cloud-export-png"
                            on:click=move |_| { let _ = crate::shell::download::download_png("jiexi-word-cloud.png", &cloud.get_untracked()); }>
                            {tr("匯出 PNG", "Export PNG")}
                        </button>
                    </div>
                    <div class="chart" data-testid="word-cloud" inner_html=move || cloud.get()></div>
                </div>
                <table class="entity-index" data-testid="word-freq">
                    <thead><tr>
                        <th scope="col">{tr("詞", "Word")}</th>
                        <th scope="col">{tr("次數", "Count")}</th>
                        <th scope="col">{tr("文件", "Documents")}</th>
                    </tr></thead>
                    <tbody>
                        {move || words.get().into_iter().map(|w| view! {
                            <tr data-word=w.text.clone() data-count=w.count>
                                <td>{let t = w.text.clone(); move || script.shown(&t)}</td>
                                <td>{w.count}</td>
                                <td>{w.docs}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="view view-index" id="corpus-index" aria-labelledby="index-heading">
                <h3 id="index-heading">{tr("實體索引", "Entity index")}</h3>
                <div class="kwic-controls">
                    <input
                        type="search"
                        data-testid="entity-index-filter"
                        aria-label=tr("篩選實體", "Filter entities")
                        placeholder=move || i18n.tr("篩選", "Filter")
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                    <button type="button" data-testid="entity-index-export" on:click=export_index>{tr("匯出 CSV", "Export CSV")}</button>
                </div>
                <table class="entity-index" data-testid="entity-index">
                    <thead><tr>
                        <th scope="col">{tr("類型", "Type")}</th>
                        <th scope="col">{tr("實體", "Entity")}</th>
                        <th scope="col">{tr("次數", "Count")}</th>
                        <th scope="col">{tr("文件", "Documents")}</th>
                    </tr></thead>
                    <tbody>
                        {move || client.corpus.get().map(|ix| {
                            let f = jiexi_engine::script::fold(filter.get().trim());
                            ix.entities
                                .iter()
                                .filter(|r| f.is_empty() || r.key.contains(&f))
                                .take(INDEX_ROWS)
                                .map(|r| {
                                    let (kind, key, text) = (r.kind, r.key.clone(), r.text.clone());
                                    view! {
                                        <tr data-entity-text=r.text.clone() data-entity-type=r.kind.as_str() data-doc-count=r.docs.len() data-count=r.count>
                                            <td><span class="type-label" data-entity=r.kind.as_str()>{move || type_label(kind, i18n.0.get())}</span></td>
                                            <td>
                                                <button type="button" class="link" data-testid="entity-index-open"
                                                    on:click=move |_| choose_entity(kind, key.clone(), text.clone())>
                                                    {let t = r.text.clone(); move || script.shown(&t)}
                                                </button>
                                            </td>
                                            <td>{r.count}</td>
                                            <td>{r.docs.len()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })}
                    </tbody>
                </table>
            </section>
            <Network open=open on_entity=Callback::new(move |(kind, key, text)| choose_entity(kind, key, text)) />
            <Trends />
            <Timeline open=open open_doc=open_doc />
            <DocumentWords open=open />
        </div>
    }
}
