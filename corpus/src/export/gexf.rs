//! The co-occurrence network as GEXF 1.3, the file Gephi opens: node labels, the entity
//! type and mention count as node attributes, edge weights, and jiexi's own layout as
//! `viz:position`, so Gephi starts from the picture the user saw.

use std::fmt::Write;

use crate::cooccurrence::{Graph, HEIGHT};
use crate::export::html::escape_html;
use crate::network_drawing::{radius, stroke};

/// Text for an XML attribute or element: markup escaped as for HTML (`&#39;` is XML
/// too), and the chars XML 1.0 cannot hold at all (most control chars) replaced, so any
/// entity text makes a well-formed file.
pub fn escape_xml(text: &str) -> String {
    let holdable: String = text
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || matches!(c, '\u{FFFE}' | '\u{FFFF}') => '\u{FFFD}',
            c => c,
        })
        .collect();
    escape_html(&holdable)
}

/// The network as a GEXF 1.3 document. `title` becomes its description.
pub fn gexf(title: &str, graph: &Graph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>jiexi</creator>\n    <description>{}</description>\n  </meta>",
        escape_xml(title)
    );
    out.push_str(
        "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n\
         \x20   <attributes class=\"node\" mode=\"static\">\n\
         \x20     <attribute id=\"type\" title=\"type\" type=\"string\"/>\n\
         \x20     <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n\
         \x20   </attributes>\n    <nodes>\n",
    );
    let max_count = graph.nodes.iter().map(|n| n.count).max().unwrap_or(1);
    for (i, n) in graph.nodes.iter().enumerate() {
        // Gephi's y axis points up, the layout's down: flipped, the picture is the same.
        let _ = writeln!(
            out,
            "      <node id=\"n{i}\" label=\"{}\">\n\
             \x20       <attvalues>\n\
             \x20         <attvalue for=\"type\" value=\"{}\"/>\n\
             \x20         <attvalue for=\"mentions\" value=\"{}\"/>\n\
             \x20       </attvalues>\n\
             \x20       <viz:size value=\"{:.1}\"/>\n\
             \x20       <viz:position x=\"{:.1}\" y=\"{:.1}\" z=\"0.0\"/>\n      </node>",
            escape_xml(&n.text),
            n.kind.as_str(),
            n.count,
            radius(n.count, max_count),
            n.x,
            HEIGHT - n.y
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let max_weight = graph.edges.iter().map(|e| e.weight).max().unwrap_or(1);
    for (i, e) in graph.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"e{i}\" source=\"n{}\" target=\"n{}\" weight=\"{}\">\
             <viz:thickness value=\"{:.1}\"/></edge>",
            e.source,
            e.target,
            e.weight,
            stroke(e.weight, max_weight)
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cooccurrence::{Edge, Node};
    use jiexi_engine::EntityType;

    fn node(kind: EntityType, text: &str, count: usize, x: f32, y: f32) -> Node {
        Node {
            kind,
            key: text.to_string(),
            text: text.to_string(),
            count,
            x,
            y,
        }
    }

    #[test]
    fn the_file_parses_back_with_labels_types_weights_and_positions() {
        let graph = Graph {
            nodes: vec![
                node(EntityType::Org, "香港大學 <\"HKU\"> & 'co'", 5, 100.0, 40.0),
                node(EntityType::Person, "羅柳斌\u{1}", 2, 300.5, 400.0),
                node(EntityType::Gpe, "深圳", 1, 320.0, 240.0),
            ],
            edges: vec![
                Edge {
                    source: 0,
                    target: 1,
                    weight: 3,
                },
                Edge {
                    source: 1,
                    target: 2,
                    weight: 1,
                },
            ],
        };
        let xml = gexf("深港 <network>", &graph);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "gexf");
        assert_eq!(root.attribute("version"), Some("1.3"));
        const VIZ: &str = "http://gexf.net/1.3/viz";
        let nodes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        let got: Vec<(Option<&str>, Option<&str>, f32, f32)> = nodes
            .iter()
            .map(|n| {
                let ty = n
                    .descendants()
                    .find(|a| a.has_tag_name("attvalue") && a.attribute("for") == Some("type"))
                    .and_then(|a| a.attribute("value"));
                let pos = n
                    .descendants()
                    .find(|p| p.has_tag_name((VIZ, "position")))
                    .expect("a position");
                let at = |k: &str| pos.attribute(k).unwrap().parse::<f32>().unwrap();
                (n.attribute("label"), ty, at("x"), at("y"))
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("香港大學 <\"HKU\"> & 'co'"),
                    Some("ORG"),
                    100.0,
                    HEIGHT - 40.0
                ),
                (
                    Some("羅柳斌\u{FFFD}"),
                    Some("PERSON"),
                    300.5,
                    HEIGHT - 400.0
                ),
                (Some("深圳"), Some("GPE"), 320.0, HEIGHT - 240.0),
            ]
        );
        let edges: Vec<(&str, &str, &str)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .map(|e| {
                let a = |k| e.attribute(k).unwrap();
                (a("source"), a("target"), a("weight"))
            })
            .collect();
        assert_eq!(edges, [("n0", "n1", "3"), ("n1", "n2", "1")]);
        let description = doc.descendants().find(|n| n.has_tag_name("description"));
        assert_eq!(description.and_then(|d| d.text()), Some("深港 <network>"));
    }

    #[test]
    fn an_empty_network_is_a_valid_file() {
        let xml = gexf("", &Graph::default());
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        assert_eq!(
            doc.descendants().filter(|n| n.has_tag_name("node")).count(),
            0
        );
    }
}
