//! The co-occurrence network of the corpus views: which people, organisations and places
//! are named in the same sentence (or paragraph), as a graph the user can explore with
//! mouse or keyboard, and as a table of the strongest links. The worker computes and lays
//! out the graph; this draws it.

use jiexi_corpus::cooccurrence::{self, Unit};
use jiexi_corpus::export::{csv::edges_csv, gexf, svg};
use jiexi_corpus::network_drawing::{place_labels, radius, shape_path, stroke};
use jiexi_engine::EntityType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// The part of the layout in view: x, y, width, height (the SVG `viewBox`).
type ViewBox = (f32, f32, f32, f32);

const WHOLE: ViewBox = (0.0, 0.0, cooccurrence::WIDTH, cooccurrence::HEIGHT);

/// `view` zoomed by `factor` (above 1: closer) about the point (`cx`, `cy`), between the
/// whole layout and an eighth of it.
fn zoomed(view: ViewBox, factor: f32, cx: f32, cy: f32) -> ViewBox {
    let w = (view.2 / factor).clamp(WHOLE.2 / 8.0, WHOLE.2);
    let h = w * WHOLE.3 / WHOLE.2;
    let (fx, fy) = ((cx - view.0) / view.2, (cy - view.1) / view.3);
    (cx - fx * w, cy - fy * h, w, h)
}

#[component]
pub fn Network(
    /// Whether the corpus views are open (nothing is computed while they are closed).
    open: Signal<bool>,
    /// Shows an entity's mentions in the concordance.
    on_entity: Callback<(EntityType, String, String)>,
) -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    // Labels in the display script the user chose.
    let script = expect_context::<crate::reader::ReaderView>();
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
    // For Gephi: labels, types, weights and this layout's positions.
    let export_gexf = move |_| {
        if let Some(g) = graph.get_untracked() {
            let xml = gexf::gexf(i18n.tr("共現網絡", "Co-occurrence network"), &g);
            let _ = crate::shell::download::download(
                "jiexi-cooccurrence.gexf",
                "application/gexf+xml",
                &xml,
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

    let view_box = RwSignal::new(WHOLE);
    // New data, new picture: shown whole.
    Effect::new(move |_| {
        graph.track();
        view_box.set(WHOLE);
    });
    // A drag in progress: the pointer's last position in screen pixels.
    let dragging = RwSignal::new(None::<(f32, f32)>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // Screen pixels to layout units, at the current zoom.
    let scale = move || {
        svg_ref.get_untracked().map_or(1.0, |el| {
            let width = el.get_bounding_client_rect().width() as f32;
            view_box.get_untracked().2 / width.max(1.0)
        })
    };
    let zoom_by = move |factor: f32| {
        view_box.update(|v| *v = zoomed(*v, factor, v.0 + v.2 / 2.0, v.1 + v.3 / 2.0));
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        // Only with Ctrl (or a pinch, which browsers report so): a plain wheel scrolls the
        // page, as a reader expects, rather than being caught by the picture.
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        ev.prevent_default();
        let Some(el) = svg_ref.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let v = view_box.get_untracked();
        let k = scale();
        let cx = v.0 + (ev.client_x() as f32 - rect.left() as f32) * k;
        let cy = v.1 + (ev.client_y() as f32 - rect.top() as f32) * k;
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        view_box.set(zoomed(v, factor, cx, cy));
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        // A press on a node selects it; on the background it starts a pan.
        let on_node = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".node").ok().flatten())
            .is_some();
        if !on_node && ev.is_primary() {
            dragging.set(Some((ev.client_x() as f32, ev.client_y() as f32)));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some((x0, y0)) = dragging.get_untracked() {
            let (x, y) = (ev.client_x() as f32, ev.client_y() as f32);
            let k = scale();
            view_box.update(|v| {
                v.0 -= (x - x0) * k;
                v.1 -= (y - y0) * k;
            });
            dragging.set(Some((x, y)));
        }
    };
    let on_up = move |_| dragging.set(None);

    let drawing = move || {
        let Some(g) = graph.get() else {
            return view! { <p class="notice" data-testid="network-empty">{tr(
                "還沒有可連結的名稱：在文件庫加入文章，或在上方勾選更多類型。",
                "No names to link yet: add articles to the library, or tick more types above.",
            )}</p> }
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
                        stroke-width=stroke(e.weight, max_weight)
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
        let labels = place_labels(&g);
        let nodes = g
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let r = radius(n.count, max_count);
                let place = labels[i];
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
                        <path class="shape" d=shape_path(kind, n.x, n.y, r)></path>
                        // A label with no free place shows on hover and focus only.
                        <text x=place.x y=place.y text-anchor=place.anchor class:crowded=!place.shown>{let t = n.text.clone(); move || script.shown(&t)}</text>
                        <title>{move || format!("{} · {} · {}", title, type_label(kind, i18n.0.get()), i18n.tr("點擊查看上下文", "click for mentions"))}</title>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="network" node_ref=svg_ref class:panning=move || dragging.get().is_some()
                viewBox=move || { let v = view_box.get(); format!("{:.1} {:.1} {:.1} {:.1}", v.0, v.1, v.2, v.3) }
                data-testid="network-svg"
                role="group" aria-label=move || i18n.tr("共現網絡", "Co-occurrence network")
                on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move
                on:pointerup=on_up on:pointerleave=on_up>
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
                <button type="button" data-testid="cooccurrence-export-gexf" on:click=export_gexf>{tr("匯出 GEXF（Gephi）", "Export GEXF (Gephi)")}</button>
            </div>
            <div class="zoom" role="group" aria-label=move || i18n.tr("縮放", "Zoom")>
                <button type="button" data-testid="network-zoom-in" on:click=move |_| zoom_by(1.5)
                    aria-label=move || i18n.tr("放大", "Zoom in")>"+"</button>
                <button type="button" data-testid="network-zoom-out" on:click=move |_| zoom_by(1.0 / 1.5)
                    aria-label=move || i18n.tr("縮小", "Zoom out")>"−"</button>
                <button type="button" data-testid="network-zoom-reset" on:click=move |_| view_box.set(WHOLE)>
                    {tr("全圖", "Whole graph")}
                </button>
                <span class="muted">{tr("拖動可移動；按 Ctrl 並捲動滑鼠可縮放。", "Drag to move; Ctrl + wheel to zoom.")}</span>
            </div>
            <div class="chart" data-testid="cooccurrence"
                data-nodes=move || graph.with(|g| g.as_ref().map_or(0, |g| g.nodes.len()))
                data-edges=move || graph.with(|g| g.as_ref().map_or(0, |g| g.edges.len()))
                data-ms=move || client.graph.with(|g| g.as_ref().map_or(0.0, |g| g.elapsed_ms))>
                {drawing}
            </div>
            <p class="muted">{tr(
                "形狀＝類型（圓形：人名，方形：機構，三角形及菱形：地點），大小＝提及次數，線條粗細＝同句（段）出現次數。選擇節點可查看其連結及上下文。",
                "Shape: type (circle: person, square: organisation, triangles and diamond: place). Size: mentions. Line width: sentences (paragraphs) naming both. Select a node for its links and mentions.",
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
