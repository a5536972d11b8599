//! Charts and the co-occurrence network as standalone SVG documents: what the views
//! draw, shown in the page as they are and saved as they are (and drawn onto a canvas
//! for PNG). Every label is escaped; nothing in them runs. Hand-written: the few shapes
//! needed do not justify a plotting crate in the wasm.

use jiexi_engine::EntityType;

use super::html::escape_html;
use crate::cooccurrence::{Graph, HEIGHT, WIDTH};
use crate::network_drawing::{place_labels, radius, shape_path, stroke, LABEL_SIZE};

/// A horizontal bar chart of (label, value) as a standalone SVG document: shown in the
/// page and saved as it is. Labels are escaped; nothing in it runs.
pub fn bar_chart_svg(title: &str, rows: &[(String, usize)]) -> String {
    const ROW: usize = 22;
    const LABEL: usize = 140;
    const BAR: usize = 320;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let height = 30 + rows.len() * ROW;
    let esc = escape_html;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" \
         viewBox=\"0 0 {w} {height}\" font-family=\"sans-serif\" font-size=\"13\" role=\"img\">\
         <title>{t}</title><text x=\"4\" y=\"16\" font-weight=\"bold\">{t}</text>",
        w = LABEL + BAR + 60,
        t = esc(title)
    );
    for (i, (label, value)) in rows.iter().enumerate() {
        let y = 26 + i * ROW;
        let len = (value * BAR).div_ceil(max).max(1);
        svg.push_str(&format!(
            "<g data-bar=\"{l}\"><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{l}</text>\
             <rect x=\"{bx}\" y=\"{y}\" width=\"{len}\" height=\"{h}\" fill=\"#0b6e99\"/>\
             <text x=\"{vx}\" y=\"{ty}\">{value}</text></g>",
            l = esc(label),
            lx = LABEL - 6,
            ty = y + 14,
            bx = LABEL,
            h = ROW - 6,
            vx = LABEL + len + 4,
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Colours of up to eight series, distinguishable for the common colour-vision
/// deficiencies (Okabe–Ito); each series also has its own marker shape.
const SERIES: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#888888",
];

/// Points per series up to which each gets a marker and a tooltip.
const MAX_MARKED: usize = 60;

/// A line chart: one line per series over the same x labels (documents or dates); the
/// values are also in each series' `data-values`.
pub fn line_chart_svg(title: &str, x_labels: &[String], series: &[(String, Vec<usize>)]) -> String {
    const LEFT: f32 = 40.0;
    const TOP: f32 = 30.0;
    const PLOT_W: f32 = 560.0;
    const PLOT_H: f32 = 220.0;
    let legend_h = 18.0 * series.len() as f32;
    // Room right of the plot for the last slanted label.
    let (w, h) = (LEFT + PLOT_W + 90.0, TOP + PLOT_H + 90.0 + legend_h);
    let max = series
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let n = x_labels.len();
    let x = |i: usize| {
        LEFT + if n > 1 {
            PLOT_W * i as f32 / (n - 1) as f32
        } else {
            PLOT_W / 2.0
        }
    };
    let y = |v: usize| TOP + PLOT_H - PLOT_H * v as f32 / max as f32;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\
         <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <text x=\"4\" y=\"16\" font-weight=\"bold\">{t}</text>\
         <line x1=\"{LEFT}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#333\"/>\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{b}\" stroke=\"#333\"/>\
         <text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{max}</text>\
         <text x=\"{lx}\" y=\"{b}\" text-anchor=\"end\">0</text>",
        t = escape_html(title),
        b = TOP + PLOT_H,
        r = LEFT + PLOT_W,
        lx = LEFT - 4.0,
        ty = TOP + 4.0,
    );
    // x labels, slanted; at most about 30 so they stay legible.
    let every = n.div_ceil(30).max(1);
    for (i, label) in x_labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let short: String = label.chars().take(12).collect();
        svg.push_str(&format!(
            "<text transform=\"translate({:.1},{:.1}) rotate(45)\" font-size=\"11\">{}</text>",
            x(i),
            TOP + PLOT_H + 12.0,
            escape_html(&short)
        ));
    }
    for (s, (name, values)) in series.iter().enumerate() {
        let colour = SERIES[s % SERIES.len()];
        let points: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, &v)| format!("{:.1},{:.1}", x(i), y(v)))
            .collect();
        let listed: Vec<String> = values.iter().map(usize::to_string).collect();
        svg.push_str(&format!(
            "<g data-series=\"{name}\" data-values=\"{v}\"><polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{p}\"/>",
            name = escape_html(name),
            v = listed.join(","),
            p = points.join(" ")
        ));
        // A marker and tooltip per point while they can be told apart; a thousand
        // documents would make thousands of elements for the browser to lay out.
        for (i, &v) in values.iter().enumerate().filter(|_| n <= MAX_MARKED) {
            svg.push_str(&marker(s, x(i), y(v), colour));
            svg.push_str(&format!(
                "<title>{}: {}</title>",
                escape_html(x_labels.get(i).map_or("", String::as_str)),
                v
            ));
        }
        let ly = TOP + PLOT_H + 80.0 + 18.0 * s as f32;
        svg.push_str(&marker(s, LEFT + 6.0, ly - 4.0, colour));
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{ly:.1}\">{}</text></g>",
            LEFT + 16.0,
            escape_html(name)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Grouped horizontal bars: a row per category (a document), a bar per series, each bar
/// ending in its series' marker. For a categorical axis, where a line between documents
/// would suggest an order that is not there; rows leave room for a readable label.
pub fn grouped_bars_svg(title: &str, rows: &[String], series: &[(String, Vec<usize>)]) -> String {
    // Room for 14 Han glyphs (12 px each, with a margin for wider fonts).
    const LABEL: f32 = 220.0;
    const BAR: f32 = 360.0;
    const BAR_H: f32 = 9.0;
    const TOP: f32 = 30.0;
    let legend_h = 18.0 * series.len() as f32;
    let row_h = 8.0 + (BAR_H + 2.0) * series.len().max(1) as f32;
    let w = LABEL + BAR + 60.0;
    let h = TOP + legend_h + row_h * rows.len() as f32 + 10.0;
    let max = series
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\
         <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <text x=\"4\" y=\"16\" font-weight=\"bold\">{t}</text>",
        t = escape_html(title),
    );
    for (s, (name, values)) in series.iter().enumerate() {
        let colour = SERIES[s % SERIES.len()];
        let ly = TOP + 12.0 + 18.0 * s as f32;
        let listed: Vec<String> = values.iter().map(usize::to_string).collect();
        svg.push_str(&format!(
            "<g data-series=\"{n}\" data-values=\"{v}\">{m}<text x=\"{:.1}\" y=\"{ly:.1}\">{n}</text>",
            LABEL + 16.0,
            n = escape_html(name),
            v = listed.join(","),
            m = marker(s, LABEL + 6.0, ly - 4.0, colour),
        ));
        for (r, &v) in values.iter().enumerate() {
            let y = TOP + legend_h + 8.0 + row_h * r as f32 + (BAR_H + 2.0) * s as f32;
            let len = BAR * v as f32 / max as f32;
            svg.push_str(&format!(
                "<rect x=\"{LABEL}\" y=\"{y:.1}\" width=\"{len:.1}\" height=\"{BAR_H}\" fill=\"{colour}\">\
                 <title>{n} · {l}: {v}</title></rect>{m}<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\">{v}</text>",
                LABEL + len + 10.0,
                y + BAR_H - 1.0,
                n = escape_html(name),
                l = escape_html(rows.get(r).map_or("", String::as_str)),
                m = marker(s, LABEL + len, y + BAR_H / 2.0, colour),
            ));
        }
        svg.push_str("</g>");
    }
    for (r, label) in rows.iter().enumerate() {
        let short: String = label.chars().take(16).collect();
        let more = if label.chars().count() > 16 {
            "…"
        } else {
            ""
        };
        let y = TOP + legend_h + 8.0 + row_h * r as f32 + row_h / 2.0;
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"end\" data-row=\"{r}\">{}{more}<title>{}</title></text>",
            LABEL - 8.0,
            escape_html(&short),
            escape_html(label),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Series `s`'s marker: circle, square, triangle, diamond, in turn.
fn marker(s: usize, x: f32, y: f32, colour: &str) -> String {
    match s % 4 {
        0 => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"{colour}\"/>"),
        1 => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"{colour}\"/>",
            x - 3.5,
            y - 3.5
        ),
        2 => format!(
            "<polygon points=\"{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{colour}\"/>",
            y - 4.5,
            x - 4.0,
            y + 3.5,
            x + 4.0,
            y + 3.5
        ),
        _ => format!(
            "<polygon points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\" fill=\"{colour}\"/>",
            y - 4.5,
            x + 4.5,
            y + 4.5,
            x - 4.5
        ),
    }
}

/// A word cloud: words sized by frequency, packed in rows, biggest first. Chinese words
/// are a few square glyphs wide, so a row layout reads well without a spiral packer.
pub fn word_cloud_svg(title: &str, words: &[(String, usize)]) -> String {
    const W: f32 = 640.0;
    const PAD: f32 = 8.0;
    let max = words.iter().map(|w| w.1).max().unwrap_or(1).max(1) as f32;
    let mut body = String::new();
    let (mut x, mut y, mut row_h) = (PAD, PAD, 0.0f32);
    for (i, (word, count)) in words.iter().enumerate() {
        let size = 12.0 + 36.0 * (*count as f32 / max).sqrt();
        // Han glyphs are about 1em wide, Latin letters about 0.6em.
        let width: f32 = word
            .chars()
            .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
            .sum::<f32>()
            * size;
        if x + width > W - PAD && x > PAD {
            x = PAD;
            y += row_h + 6.0;
            row_h = 0.0;
        }
        row_h = row_h.max(size);
        body.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\" fill=\"{}\" data-word=\"{w}\"><title>{w}: {count}</title>{w}</text>",
            y + size,
            SERIES[i % 6],
            w = escape_html(word)
        ));
        x += width + 12.0;
    }
    let h = y + row_h + PAD + 24.0;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{h:.0}\" \
         viewBox=\"0 0 {W} {h:.0}\" font-family=\"sans-serif\" role=\"img\">\
         <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <g transform=\"translate(0,20)\">{body}</g></svg>",
        t = escape_html(title)
    )
}

/// Fill colours by type for the exported picture (the page styles nodes with CSS).
fn fill(kind: EntityType) -> &'static str {
    use EntityType::*;
    match kind {
        Person => "#f4b860",
        Org => "#7cc0ea",
        Gpe | Loc | Fac => "#79c796",
        Date | Time => "#c3a3e0",
        Money | Percent | Quantity => "#ee9fb9",
        _ => "#bbbbbb",
    }
}

/// The graph as a standalone SVG document; labels escaped, nothing in it runs.
pub fn graph_svg(title: &str, graph: &Graph) -> String {
    let max_count = graph.nodes.iter().map(|n| n.count).max().unwrap_or(1);
    let max_weight = graph.edges.first().map_or(1, |e| e.weight);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\
         <title>{t}</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
        t = escape_html(title)
    );
    for e in &graph.edges {
        let (a, b) = (&graph.nodes[e.source], &graph.nodes[e.target]);
        svg.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#888888\" \
             stroke-opacity=\"0.6\" stroke-width=\"{:.1}\"><title>{} – {}: {}</title></line>",
            a.x,
            a.y,
            b.x,
            b.y,
            stroke(e.weight, max_weight),
            escape_html(&a.text),
            escape_html(&b.text),
            e.weight
        ));
    }
    let labels = place_labels(graph);
    for (n, label) in graph.nodes.iter().zip(&labels) {
        let text = escape_html(&n.text);
        let r = radius(n.count, max_count);
        // A label with no free place is left to the tooltip, as in the page.
        let shown = if label.shown {
            format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\" font-size=\"{LABEL_SIZE}\">{text}</text>",
                label.x, label.y, label.anchor
            )
        } else {
            String::new()
        };
        svg.push_str(&format!(
            "<g data-node=\"{text}\" data-entity=\"{kind}\"><path d=\"{d}\" \
             fill=\"{fill}\" stroke=\"#333333\"/>{shown}\
             <title>{text} ({kind}): {count}</title></g>",
            kind = n.kind.as_str(),
            d = shape_path(n.kind, n.x, n.y, r),
            fill = fill(n.kind),
            count = n.count,
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_chart_has_a_line_per_series_and_escapes_labels() {
        let svg = line_chart_svg(
            "趨勢",
            &["<a>".to_string(), "b".to_string(), "c".to_string()],
            &[
                ("深圳".into(), vec![1, 3, 0]),
                ("香港&".into(), vec![2, 0, 5]),
            ],
        );
        assert_eq!(svg.matches("<polyline").count(), 2, "{svg}");
        assert!(svg.contains("data-values=\"1,3,0\""), "{svg}");
        assert!(svg.contains("data-series=\"香港&amp;\""), "{svg}");
        assert!(!svg.contains("<a>"), "{svg}");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }

    #[test]
    fn grouped_bars_draw_a_bar_per_series_and_row_with_labels_escaped() {
        let svg = grouped_bars_svg(
            "按文件",
            &["大公報：河套<合作區>".to_string(), "文匯報".to_string()],
            &[("深圳".into(), vec![4, 0]), ("香港".into(), vec![1, 2])],
        );
        assert_eq!(svg.matches("<rect x=\"220\"").count(), 4, "{svg}");
        assert!(svg.contains("data-values=\"4,0\""), "{svg}");
        assert!(
            svg.contains("&lt;合作區&gt;") && !svg.contains("<合作區>"),
            "{svg}"
        );
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn empty_charts_are_still_documents() {
        assert!(grouped_bars_svg("x", &[], &[]).ends_with("</svg>"));
        assert!(line_chart_svg("x", &[], &[]).ends_with("</svg>"));
        assert!(word_cloud_svg("x", &[]).ends_with("</svg>"));
        assert!(bar_chart_svg("x", &[]).ends_with("</svg>"));
    }

    #[test]
    fn a_word_cloud_sizes_words_by_count() {
        let svg = word_cloud_svg("雲", &[("香港".into(), 9), ("<深圳>".into(), 1)]);
        assert!(svg.contains("data-word=\"&lt;深圳&gt;\""), "{svg}");
        let size = |w: &str| -> f32 {
            let at = svg.find(&format!("data-word=\"{w}\"")).unwrap();
            let before = &svg[..at];
            let fs = before.rfind("font-size=\"").unwrap() + 11;
            before[fs..].split('"').next().unwrap().parse().unwrap()
        };
        assert!(size("香港") > size("&lt;深圳&gt;"));
    }
}
