//! Which entities are mentioned together: a graph whose nodes are the corpus's most
//! mentioned entities and whose edges count the sentences (or paragraphs) naming both.
//! Laid out here, deterministically, so the page only draws it and an export is the same
//! picture.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::identity::{display_name, tally};
use crate::index::CorpusIndex;
use jiexi_engine::EntityType;

/// The stretch of text in which two mentions count as together.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// Up to 。！？!?； or a line break.
    #[default]
    Sentence,
    /// Up to a line break: pasted news keeps one paragraph per line.
    Paragraph,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub kind: EntityType,
    /// Folded text, as in the entity index.
    pub key: String,
    /// Its name (`identity::display_name`): the canonical one, else its most frequent form.
    pub text: String,
    /// Mentions in the corpus.
    pub count: usize,
    /// Position in the layout, inside `0..WIDTH` × `0..HEIGHT`.
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// Indices into `nodes`.
    pub source: usize,
    pub target: usize,
    /// Sentences (or paragraphs) that mention both.
    pub weight: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub nodes: Vec<Node>,
    /// Heaviest first.
    pub edges: Vec<Edge>,
}

/// The layout's canvas.
pub const WIDTH: f32 = 640.0;
pub const HEIGHT: f32 = 480.0;
/// Edges kept at most: a denser drawing is unreadable.
const MAX_EDGES: usize = 300;

fn ends_unit(c: char, unit: Unit) -> bool {
    match unit {
        Unit::Sentence => matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n'),
        Unit::Paragraph => c == '\n',
    }
}

impl CorpusIndex {
    /// The `max_nodes` most mentioned entities of the given types (all types if empty)
    /// and how often each pair shares a unit, laid out.
    pub fn cooccurrence(&self, unit: Unit, types: &[EntityType], max_nodes: usize) -> Graph {
        let wanted = |k: EntityType| types.is_empty() || types.contains(&k);
        // (mentions, forms, canonical names given), by key.
        type Tally = (usize, Vec<(String, usize)>, Vec<(String, usize)>);
        let mut counts: HashMap<(EntityType, String), Tally> = HashMap::new();
        for (_, doc) in self.documents() {
            for (e, key) in doc.keyed().filter(|(e, _)| wanted(e.kind)) {
                let c = counts.entry(key.clone()).or_default();
                c.0 += 1;
                tally(&mut c.1, &e.text);
                if let Some(name) = &e.alias_of {
                    tally(&mut c.2, name);
                }
            }
        }
        let mut ranked: Vec<((EntityType, String), (usize, String))> = (counts.into_iter())
            .map(|(key, (count, mut forms, mut names))| {
                forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let text = display_name(&key.1, &forms, &names);
                (key, (count, text))
            })
            .collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
        ranked.truncate(max_nodes);
        let index: HashMap<&(EntityType, String), usize> = ranked
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k, i))
            .collect();

        let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
        let mut in_unit: Vec<usize> = Vec::new();
        for (_, doc) in self.documents() {
            let mut mentions = doc.keyed().peekable();
            let mut unit_start = 0;
            // Walk the units of the text; entities are in text order.
            for (i, &c) in doc
                .chars
                .iter()
                .enumerate()
                .chain([(doc.chars.len(), &'\n')])
            {
                if !ends_unit(c, unit) && i < doc.chars.len() {
                    continue;
                }
                in_unit.clear();
                while let Some((e, key)) = mentions.next_if(|(e, _)| e.start <= i) {
                    if e.start >= unit_start {
                        if let Some(&n) = index.get(key) {
                            in_unit.push(n);
                        }
                    }
                }
                in_unit.sort_unstable();
                in_unit.dedup();
                for (k, &a) in in_unit.iter().enumerate() {
                    for &b in &in_unit[k + 1..] {
                        *pairs.entry((a, b)).or_default() += 1;
                    }
                }
                unit_start = i + 1;
            }
        }
        let mut edges: Vec<Edge> = pairs
            .into_iter()
            .map(|((source, target), weight)| Edge {
                source,
                target,
                weight,
            })
            .collect();
        edges.sort_by(|a, b| {
            b.weight
                .cmp(&a.weight)
                .then(a.source.cmp(&b.source))
                .then(a.target.cmp(&b.target))
        });
        edges.truncate(MAX_EDGES);
        let positions = layout(ranked.len(), &edges);
        let nodes = ranked
            .into_iter()
            .zip(positions)
            .map(|(((kind, key), (count, text)), (x, y))| Node {
                kind,
                key,
                text,
                count,
                x,
                y,
            })
            .collect();
        Graph { nodes, edges }
    }
}

/// A force-directed layout (Fruchterman–Reingold): linked nodes pull together, all push
/// apart. Starts from a circle, so the same graph always gets the same picture; no crate
/// does this without bringing a renderer along.
fn layout(n: usize, edges: &[Edge]) -> Vec<(f32, f32)> {
    const MARGIN: f32 = 40.0;
    const ROUNDS: usize = 200;
    let (w, h) = (WIDTH - 2.0 * MARGIN, HEIGHT - 2.0 * MARGIN);
    let mut pos: Vec<(f32, f32)> = (0..n)
        .map(|i| {
            let a = i as f32 / n.max(1) as f32 * std::f32::consts::TAU;
            (w / 2.0 + w / 3.0 * a.cos(), h / 2.0 + h / 3.0 * a.sin())
        })
        .collect();
    if n < 2 {
        return pos
            .into_iter()
            .map(|_| (WIDTH / 2.0, HEIGHT / 2.0))
            .collect();
    }
    let k = (w * h / n as f32).sqrt() * 0.8;
    let max_weight = edges.iter().map(|e| e.weight).max().unwrap_or(1) as f32;
    let mut shift = vec![(0.0f32, 0.0f32); n];
    for round in 0..ROUNDS {
        let temperature = w / 10.0 * (1.0 - round as f32 / ROUNDS as f32) + 1.0;
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for e in edges {
            let (a, b) = (e.source, e.target);
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.1);
            let f = d / k * (0.5 + e.weight as f32 / max_weight);
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            let len = (s.0 * s.0 + s.1 * s.1).sqrt().max(0.01);
            let step = len.min(temperature);
            p.0 = (p.0 + s.0 / len * step).clamp(0.0, w);
            p.1 = (p.1 + s.1 / len * step).clamp(0.0, h);
        }
    }
    pos.into_iter()
        .map(|(x, y)| (x + MARGIN, y + MARGIN))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::edges_csv;
    use crate::export::svg::graph_svg;
    use jiexi_engine::Analyzer;

    fn graph(docs: &[&str], unit: Unit) -> Graph {
        let analyzer = Analyzer::new();
        let mut index = CorpusIndex::default();
        let docs: Vec<(String, String)> = docs
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("d{i}"), t.to_string()))
            .collect();
        index.update(&analyzer, &docs);
        index.cooccurrence(unit, &[], 30)
    }

    fn weight(g: &Graph, a: &str, b: &str) -> usize {
        let at = |t: &str| g.nodes.iter().position(|n| n.text == t);
        let (Some(x), Some(y)) = (at(a), at(b)) else {
            return 0;
        };
        g.edges
            .iter()
            .find(|e| (e.source, e.target) == (x.min(y), x.max(y)))
            .map_or(0, |e| e.weight)
    }

    const DOCS: [&str; 2] = [
        "深圳與香港加強合作。習近平在深圳考察。\n北京發布新政策。",
        "香港特區政府與深圳市政府簽署協議。",
    ];

    #[test]
    fn pairs_count_once_per_sentence_and_only_within_it() {
        let g = graph(&DOCS, Unit::Sentence);
        assert_eq!(weight(&g, "深圳", "香港"), 1, "{g:?}");
        assert_eq!(weight(&g, "習近平", "深圳"), 1, "{g:?}");
        assert_eq!(weight(&g, "北京", "深圳"), 0, "{g:?}");
        assert_eq!(weight(&g, "北京", "習近平"), 0, "{g:?}");
    }

    #[test]
    fn a_paragraph_joins_its_sentences() {
        let g = graph(&DOCS, Unit::Paragraph);
        assert_eq!(weight(&g, "習近平", "香港"), 1, "{g:?}");
        assert_eq!(weight(&g, "北京", "習近平"), 0, "{g:?}");
    }

    #[test]
    fn types_filter_nodes_and_the_layout_stays_on_the_canvas() {
        let analyzer = Analyzer::new();
        let mut index = CorpusIndex::default();
        index.update(&analyzer, &[("d".into(), DOCS.join("\n"))]);
        let g = index.cooccurrence(Unit::Sentence, &[EntityType::Person], 30);
        assert!(
            g.nodes.iter().all(|n| n.kind == EntityType::Person),
            "{g:?}"
        );
        let g = index.cooccurrence(Unit::Sentence, &[], 30);
        assert!(g.nodes.len() >= 3, "{g:?}");
        for n in &g.nodes {
            assert!(n.x.is_finite() && (0.0..=WIDTH).contains(&n.x), "{n:?}");
            assert!(n.y.is_finite() && (0.0..=HEIGHT).contains(&n.y), "{n:?}");
        }
        assert_eq!(
            g,
            index.cooccurrence(Unit::Sentence, &[], 30),
            "deterministic"
        );
    }

    #[test]
    fn the_svg_escapes_labels_and_the_csv_lists_edges() {
        let g = Graph {
            nodes: vec![
                Node {
                    kind: EntityType::Org,
                    key: "<b>".into(),
                    text: "<b>&".into(),
                    count: 2,
                    x: 10.0,
                    y: 10.0,
                },
                Node {
                    kind: EntityType::Person,
                    key: "x".into(),
                    text: "=x".into(),
                    count: 1,
                    x: 50.0,
                    y: 50.0,
                },
            ],
            edges: vec![Edge {
                source: 0,
                target: 1,
                weight: 3,
            }],
        };
        let svg = graph_svg("t<", &g);
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("data-node=\"&lt;b&gt;&amp;\""), "{svg}");
        let csv = edges_csv(&g);
        assert_eq!(
            csv.lines().nth(1),
            Some("\"<b>&\",ORG,\"'=x\",PERSON,3"),
            "{csv}"
        );
    }

    #[test]
    fn an_empty_corpus_has_an_empty_graph() {
        let g = CorpusIndex::default().cooccurrence(Unit::Sentence, &[], 30);
        assert!(g.nodes.is_empty() && g.edges.is_empty());
        assert!(graph_svg("empty", &g).ends_with("</svg>"));
    }
}
