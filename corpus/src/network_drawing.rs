//! How the co-occurrence network is drawn, shared by the page and the SVG export: a shape
//! per entity type (so type reads without colour), and labels placed where they do not
//! cover each other or the nodes. Hand-written: the few rules below do not justify a
//! graph-drawing crate in the wasm, and none places labels without a renderer.

use jiexi_engine::EntityType;

use crate::cooccurrence::{Graph, HEIGHT, WIDTH};

/// Label font size in layout units (the page's CSS and the export use the same).
pub const LABEL_SIZE: f32 = 12.0;

/// Radius of a node with `count` mentions, the largest having `max`.
pub fn radius(count: usize, max: usize) -> f32 {
    5.0 + 15.0 * (count as f32 / max.max(1) as f32).sqrt()
}

/// Stroke width of an edge of `weight`, the heaviest having `max`.
pub fn stroke(weight: usize, max: usize) -> f32 {
    0.5 + 5.5 * weight as f32 / max.max(1) as f32
}

/// The outline of a node of `kind` at (x, y) with radius `r`, as an SVG path: a circle for
/// people, a square for organisations, triangles and a diamond for places, a hexagon for
/// other names. Colour-blind readers tell types apart by shape.
pub fn shape_path(kind: EntityType, x: f32, y: f32, r: f32) -> String {
    use EntityType::*;
    let polygon = |points: &[(f32, f32)]| -> String {
        let mut d = String::new();
        for (i, (px, py)) in points.iter().enumerate() {
            let cmd = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{cmd}{:.1},{:.1}", x + px * r, y + py * r));
        }
        d.push('Z');
        d
    };
    match kind {
        Person => format!(
            "M{:.1},{y:.1}a{r:.1},{r:.1} 0 1,0 {:.1},0a{r:.1},{r:.1} 0 1,0 {:.1},0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
        // Sides scaled so each shape covers about the circle's area.
        Org => polygon(&[(-0.89, -0.89), (0.89, -0.89), (0.89, 0.89), (-0.89, 0.89)]),
        Gpe => polygon(&[(0.0, -1.35), (1.17, 0.68), (-1.17, 0.68)]),
        Fac => polygon(&[(0.0, 1.35), (1.17, -0.68), (-1.17, -0.68)]),
        Loc => polygon(&[(0.0, -1.25), (1.25, 0.0), (0.0, 1.25), (-1.25, 0.0)]),
        _ => polygon(&[
            (1.1, 0.0),
            (0.55, 0.95),
            (-0.55, 0.95),
            (-1.1, 0.0),
            (-0.55, -0.95),
            (0.55, -0.95),
        ]),
    }
}

/// Where a node's label goes, relative to its anchor point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    pub x: f32,
    pub y: f32,
    /// The SVG `text-anchor`: `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// False when every place tried would cover another label or node: the label is then
    /// drawn only on hover or focus.
    pub shown: bool,
}

/// A box in layout units: left, top, right, bottom.
type Rect = (f32, f32, f32, f32);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A label's width: Han glyphs are about 1em wide, Latin letters and digits about 0.6em.
fn text_width(text: &str) -> f32 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f32>()
        * LABEL_SIZE
}

/// A line of text reaches this far above its baseline and below it, in ems (a browser's
/// text box for CJK fonts is about 1.4em high).
const ASCENT: f32 = 1.1;
const DESCENT: f32 = 0.3;

/// The box a label of width `w` covers.
fn text_box(l: &Label, w: f32) -> Rect {
    let left = match l.anchor {
        "start" => l.x,
        "end" => l.x - w,
        _ => l.x - w / 2.0,
    };
    (
        left,
        l.y - ASCENT * LABEL_SIZE,
        left + w,
        l.y + DESCENT * LABEL_SIZE,
    )
}

/// A place for every node's label, the most mentioned nodes first: above, below, right or
/// left of the node, whichever first covers no label placed before, no other node and stays
/// on the canvas. The same graph always gets the same labels.
pub fn place_labels(graph: &Graph) -> Vec<Label> {
    let max_count = graph.nodes.iter().map(|n| n.count).max().unwrap_or(1);
    let radii: Vec<f32> = graph
        .nodes
        .iter()
        .map(|n| radius(n.count, max_count))
        .collect();
    let node_boxes: Vec<Rect> = graph
        .nodes
        .iter()
        .zip(&radii)
        .map(|(n, r)| (n.x - r, n.y - r, n.x + r, n.y + r))
        .collect();
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        graph.nodes[b]
            .count
            .cmp(&graph.nodes[a].count)
            .then(a.cmp(&b))
    });
    let mut placed: Vec<Rect> = Vec::new();
    let mut labels = vec![
        Label {
            x: 0.0,
            y: 0.0,
            anchor: "middle",
            shown: false,
        };
        graph.nodes.len()
    ];
    for i in order {
        let n = &graph.nodes[i];
        let (r, w) = (radii[i], text_width(&n.text));
        // Above, below, right, left; y is the text's baseline.
        let size = LABEL_SIZE;
        let tries = [
            (n.x, n.y - r - 3.0 - DESCENT * size, "middle"),
            (n.x, n.y + r + 3.0 + ASCENT * size, "middle"),
            (n.x + r + 3.0, n.y + 0.4 * size, "start"),
            (n.x - r - 3.0, n.y + 0.4 * size, "end"),
        ]
        .map(|(x, y, anchor)| {
            let label = Label {
                x,
                y,
                anchor,
                shown: true,
            };
            (label, text_box(&label, w))
        });
        let free = |b: Rect| {
            b.0 >= 0.0
                && b.1 >= 0.0
                && b.2 <= WIDTH
                && b.3 <= HEIGHT
                && !placed.iter().any(|p| overlaps(*p, b))
                && !node_boxes
                    .iter()
                    .enumerate()
                    .any(|(j, nb)| j != i && overlaps(*nb, b))
        };
        match tries.iter().find(|(_, b)| free(*b)) {
            Some((label, b)) => {
                placed.push(*b);
                labels[i] = *label;
            }
            None => {
                labels[i] = Label {
                    shown: false,
                    ..tries[0].0
                };
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cooccurrence::Node;

    fn node(text: &str, count: usize, x: f32, y: f32) -> Node {
        Node {
            kind: EntityType::Org,
            key: text.to_string(),
            text: text.to_string(),
            count,
            x,
            y,
        }
    }

    fn label_box(n: &Node, l: &Label) -> Rect {
        text_box(l, text_width(&n.text))
    }

    #[test]
    fn crowded_labels_move_aside_or_wait_for_hover_and_never_cover_each_other() {
        // Five names on top of each other, as a dense graph's centre is.
        let graph = Graph {
            nodes: vec![
                node("香港科技園公司", 9, 300.0, 200.0),
                node("深圳市科創局", 8, 310.0, 205.0),
                node("河套合作區", 7, 305.0, 210.0),
                node("前海管理局", 6, 300.0, 215.0),
                node("香港大學", 5, 302.0, 202.0),
            ],
            edges: vec![],
        };
        let labels = place_labels(&graph);
        assert!(labels[0].shown, "the most mentioned always gets its label");
        let shown: Vec<Rect> = graph
            .nodes
            .iter()
            .zip(&labels)
            .filter(|(_, l)| l.shown)
            .map(|(n, l)| label_box(n, l))
            .collect();
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} covers {b:?}");
            }
        }
        assert!(
            labels.iter().any(|l| !l.shown),
            "five names cannot all fit there"
        );
    }

    #[test]
    fn a_node_at_the_top_edge_gets_its_label_below_and_labels_are_stable() {
        let graph = Graph {
            nodes: vec![node("深圳", 3, 320.0, 8.0)],
            edges: vec![],
        };
        let labels = place_labels(&graph);
        assert!(labels[0].shown && labels[0].y > 8.0, "{labels:?}");
        assert_eq!(labels, place_labels(&graph));
    }

    #[test]
    fn every_type_has_a_closed_shape_of_its_own() {
        use EntityType::*;
        let kinds = [Person, Org, Gpe, Loc, Fac, Norp];
        let paths: Vec<String> = kinds
            .iter()
            .map(|k| shape_path(*k, 10.0, 10.0, 5.0))
            .collect();
        for (i, p) in paths.iter().enumerate() {
            assert!(p.starts_with('M') && p.ends_with('Z'), "{p}");
            assert!(!paths[i + 1..].contains(p), "two types share {p}");
        }
    }
}
