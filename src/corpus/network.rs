//! The co-occurrence network of the corpus views: which people, organisations and places
//! are named in the same sentence (or paragraph), as a graph the user can explore with
//! mouse or keyboard, and as a table of the strongest links. The worker computes and lays
//! out the graph; this draws it.

use jiexi_corpus::cooccurrence::{self, Unit};
use jiexi_corpus::export::{csv::edges_csv, svg};
use jiexi_engine::EntityType;
use leptos::prelude::*;

use crate::shell::i18n::{tr, type_label, I18n};
use crate::state::client::AnalysisClient;

/// Groups of types the user can show or hide.
const GROUPS: [(&str, &str, &[EntityType]); 4] = [
    ("人名", "People", &[EntityType::Person]),
    ("機構", "Organisations", &[EntityType::Org]),
    (
        "地點",
        "Places",
        &[EntityType::Gpe, EntityType::Loc, EntityType::Fac],
    ),
    (
        "其他名稱",
        "Other names",
        &[
            EntityType::Norp,
            EntityType::WorkOfArt,
            EntityType::Law,
            EntityType::Event,
            EntityType::Product,
        ],
    ),
];

/// Links listed in the table under the graph.
const TABLE_EDGES: usize = 30;

#[component]
pub fn Network(
    /// Whether the corpus views are open (nothing is computed while they are closed).
    open: Signal<bool>,
    /// Shows an entity's mentions in the concordance.
    on_entity: Callback<(EntityType, String, String)>,
) -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    let i18n = I18n::get();
    let unit = RwSignal::new(Unit::Sentence);
    let shown_groups = RwSignal::new([true, true, true, false]);
    let max_nodes = RwSignal::new(40usize);
    let selected = RwSignal::new(None::<usize>);
    // Ask again when the index changes or a setting does.
    Effect::new(move |_| {
        if !open.get() || client.corpus.with(Option::is_none) {
            return;
        }
        let types: Vec<EntityType> = shown_groups.with(|on| {
            GROUPS
                .iter()
                .zip(on)
                .filter(|(_, on)| **on)
                .flat_map(|(g, _)| g.2.iter().copied())
                .collect()
        });
        selected.set(None);
        if types.is_empty() {
            client.graph.set(None);
            return;
        }
        client.cooccurrence(unit.get(), types, max_nodes.get());
    });
    let graph = Memo::new(move |_| client.graph.get().map(|g| g.graph));
    let svg = move || {
        graph.with_untracked(|g| {
            g.as_ref()
                .map(|g| svg::graph_svg(i18n.tr("共現網絡", "Co-occurrence network"), g))
        })
    };
    let export_svg = move |_| {
        if let Some(svg) = svg() {
            let _ =
                crate::shell::download::download("jiexi-cooccurrence.svg", "image/svg+xml", &svg);
        }
    };
    let export_png = move |_| {
        if let Some(svg) = svg() {
            let _ = crate::shell::download::download_png("jiexi-cooccurrence.png", &svg);
        }
    };
    let export_csv = move |_| {
        if let Some(g) = graph.get_untracked() {
            let csv = edges_csv(&g);
            let _ = crate::shell::download::download(
                "jiexi-cooccurrence.csv",
                "text/csv;charset=utf-8",
                &format!("\u{feff}{csv}"),
            );
        }
    };
    let select = move |i: usize| {
        let next = (selected.get_untracked() != Some(i)).then_some(i);
        selected.set(next);
        if let (Some(i), Some(g)) = (next, graph.get_untracked()) {
            let n = &g.nodes[i];
            on_entity.run((n.kind, n.key.clone(), n.text.clone()));
        }
    };

    let drawing = move || {
        let Some(g) = graph.get() else {
            return view! { <p class="muted">{tr("沒有可顯示的實體", "No entities to show")}</p> }
                .into_any();
        };
        let max_count = g.nodes.iter().map(|n| n.count).max().unwrap_or(1);
        let max_weight = g.edges.first().map_or(1, |e| e.weight);
        let lines = g
            .edges
            .iter()
            .map(|e| {
                let (a, b) = (&g.nodes[e.source], &g.nodes[e.target]);
                let (s, t) = (e.source, e.target);
                let near = move || selected.get().is_some_and(|k| k == s || k == t);
                view! {
                    <line x1=a.x y1=a.y x2=b.x y2=b.y
                        class="edge" class:near=near
                        stroke-width=svg::stroke(e.weight, max_weight)
                        data-weight=e.weight>
                        <title>{format!("{} – {}: {}", a.text, b.text, e.weight)}</title>
                    </line>
                }
            })
            .collect_view();
        let neighbours: Vec<Vec<usize>> = (0..g.nodes.len())
            .map(|i| {
                g.edges
                    .iter()
                    .filter_map(|e| {
                        (e.source == i)
                            .then_some(e.target)
                            .or((e.target == i).then_some(e.source))
                    })
                    .collect()
            })
            .collect();
        let nodes = g
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let r = svg::radius(n.count, max_count);
                let kind = n.kind;
                let label = format!("{} ({}), {}", n.text, kind.as_str(), n.count);
                let linked = neighbours[i].clone();
                let title = label.clone();
                let dim = move || {
                    selected
                        .get()
                        .is_some_and(|k| k != i && !linked.contains(&k))
                };
                view! {
                    <g class="node" class:selected=move || selected.get() == Some(i) class:dim=dim
                        data-node=n.text.clone() data-entity=kind.as_str() data-count=n.count
                        tabindex="0" role="button" aria-label=label.clone()
                        on:click=move |_| select(i)
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                select(i);
                            }
                        }>
                        <circle cx=n.x cy=n.y r=r></circle>
                        <text x=n.x y=n.y - r - 3.0 text-anchor="middle">{n.text.clone()}</text>
                        <title>{move || format!("{} · {} · {}", title, type_label(kind, i18n.0.get()), i18n.tr("點擊查看上下文", "click for mentions"))}</title>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="network" viewBox=format!("0 0 {} {}", cooccurrence::WIDTH, cooccurrence::HEIGHT)
                role="group" aria-label=move || i18n.tr("共現網絡", "Co-occurrence network")>
                <g>{lines}</g>
                <g>{nodes}</g>
            </svg>
        }
        .into_any()
    };

    let table = move || {
        graph.get().map(|g| {
            g.edges
                .iter()
                .filter(|e| selected.get().is_none_or(|k| e.source == k || e.target == k))
                .take(TABLE_EDGES)
                .map(|e| {
                    let (a, b) = (&g.nodes[e.source], &g.nodes[e.target]);
                    view! {
                        <tr data-testid="cooccurrence-edge" data-source=a.text.clone() data-target=b.text.clone() data-weight=e.weight>
                            <td>{a.text.clone()}</td>
                            <td>{b.text.clone()}</td>
                            <td>{e.weight}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="view view-network" id="corpus-network" aria-labelledby="network-heading">
            <h3 id="network-heading">{tr("共現網絡", "Co-occurrence network")}</h3>
            <div class="kwic-controls">
                <fieldset class="inline">
                    <legend>{tr("顯示", "Show")}</legend>
                    {GROUPS.iter().enumerate().map(|(k, (zh, en, _))| view! {
                        <label class="check">
                            <input type="checkbox" data-testid="cooccurrence-type" data-group=*en
                                prop:checked=move || shown_groups.get()[k]
                                on:change=move |ev| shown_groups.update(|g| g[k] = event_target_checked(&ev)) />
                            {tr(zh, en)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="check">{tr("同在", "Together in")}
                    <select data-testid="cooccurrence-unit" on:change=move |ev| unit.set(
                        if event_target_value(&ev) == "paragraph" { Unit::Paragraph } else { Unit::Sentence })>
                        <option value="sentence">{tr("同一句", "a sentence")}</option>
                        <option value="paragraph">{tr("同一段", "a paragraph")}</option>
                    </select>
                </label>
                <label class="check">{tr("節點", "Nodes")}
                    <select data-testid="cooccurrence-size" on:change=move |ev| max_nodes.set(event_target_value(&ev).parse().unwrap_or(40))>
                        {[20usize, 40, 60].into_iter().map(|n| view! { <option value=n selected=n == 40>{n}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="cooccurrence-export-csv" on:click=export_csv>{tr("匯出 CSV", "Export CSV")}</button>
                <button type="button" data-testid="cooccurrence-export-svg" on:click=export_svg>{tr("匯出 SVG", "Export SVG")}</button>
                <button type="button" data-testid="cooccurrence-export-png" on:click=export_png>{tr("匯出 PNG", "Export PNG")}</button>
            </div>
            <div class="chart" data-testid="cooccurrence"
                data-nodes=move || graph.with(|g| g.as_ref().map_or(0, |g| g.nodes.len()))
                data-edges=move || graph.with(|g| g.as_ref().map_or(0, |g| g.edges.len()))
                data-ms=move || client.graph.with(|g| g.as_ref().map_or(0.0, |g| g.elapsed_ms))>
                {drawing}
            </div>
            <p class="muted">{tr(
                "圓圈大小＝提及次數，線條粗細＝同句（段）出現次數。選擇節點可查看其連結及上下文。",
                "Circle size: mentions. Line width: sentences (paragraphs) naming both. Select a node for its links and mentions.",
            )}</p>
            <table class="entity-index" data-testid="cooccurrence-edges">
                <thead><tr>
                    <th scope="col">{tr("實體", "Entity")}</th>
                    <th scope="col">{tr("實體", "Entity")}</th>
                    <th scope="col">{tr("同現次數", "Together")}</th>
                </tr></thead>
                <tbody>{table}</tbody>
            </table>
        </section>
    }
}
