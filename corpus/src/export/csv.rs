//! CSV (RFC 4180, CRLF, every cell quoted and formula-safe) and TSV for the clipboard:
//! tables people open in a spreadsheet.

use std::fmt::Write;

use jiexi_engine::Analysis;

use crate::cooccurrence::Graph;
use crate::identity::EntityGroup;
use crate::index::{Hit, IndexEntry, WordCount};
use crate::timeline::Moment;

/// One CSV cell: always quoted, quotes doubled, and a leading `= + - @` (or tab/CR)
/// defused with an apostrophe so a spreadsheet never runs a pasted formula.
pub fn csv_cell(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = value.replace('"', "\"\"");
    if risky {
        format!("\"'{value}\"")
    } else {
        format!("\"{value}\"")
    }
}

/// Entities as CSV: `start,end,type,text,confidence,value,unit,approximate`, char
/// offsets, end exclusive. `value`: a DATE's ISO date cut to its precision, a MONEY or
/// PERCENT number (empty when the text fixes none); `unit`: the date's precision, the
/// currency code, or `%`; `approximate`: `1` for a hedged amount.
pub fn entities_csv(analysis: &Analysis) -> String {
    use jiexi_engine::Value;
    let mut out = String::from("start,end,type,text,confidence,value,unit,approximate\r\n");
    for e in &analysis.entities {
        let (value, unit, approximate) = match e.value {
            None => (String::new(), "", false),
            Some(Value::Date(d)) => (d.iso(), d.precision().as_str(), false),
            Some(Value::Money {
                amount,
                currency,
                approximate,
            }) => (
                amount.to_string(),
                currency.map_or("", |c| c.code()),
                approximate,
            ),
            Some(Value::Percent(p)) => (p.to_string(), "%", false),
        };
        let _ = write!(
            out,
            "{},{},{},{},{:.2},{value},{unit},{}\r\n",
            e.start,
            e.end,
            e.kind.as_str(),
            csv_cell(&e.text),
            e.confidence,
            if approximate { "1" } else { "" }
        );
    }
    out
}

/// The entity table grouped by entity, as tab-separated text for the clipboard (pastes
/// into a spreadsheet as columns): `type, text, count, forms`.
pub fn entity_table_tsv(groups: &[EntityGroup]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from("type\ttext\tcount\tforms\n");
    for g in groups {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            g.kind.as_str(),
            clean(&g.text),
            g.count,
            clean(&g.forms.join(" / "))
        );
    }
    out
}

/// The entity index as CSV: `type,text,count,documents` (documents as `id×n; …`).
/// Documents are named by `title` (given a document's id): an id means nothing to the
/// reader of a spreadsheet.
pub fn entity_index_csv(rows: &[IndexEntry], title: impl Fn(&str) -> String) -> String {
    let mut out = String::from("type,text,count,documents\r\n");
    for r in rows {
        let docs: Vec<String> = r
            .docs
            .iter()
            .map(|(d, n)| format!("{}×{n}", title(d)))
            .collect();
        out.push_str(&format!(
            "{},{},{},{}\r\n",
            r.kind.as_str(),
            csv_cell(&r.text),
            r.count,
            csv_cell(&docs.join("; "))
        ));
    }
    out
}

/// Word frequencies as CSV: `word,count,documents`.
pub fn words_csv(rows: &[WordCount]) -> String {
    let mut out = String::from("word,count,documents\r\n");
    for w in rows {
        out.push_str(&format!("{},{},{}\r\n", csv_cell(&w.text), w.count, w.docs));
    }
    out
}

/// Concordance lines as CSV: `document,document_id,start,end,left,keyword,right`.
/// Documents by `title` (given an id), and by id too, to join with other exports.
pub fn concordance_csv(hits: &[Hit], title: impl Fn(&str) -> String) -> String {
    let mut out = String::from("document,document_id,start,end,left,keyword,right\r\n");
    for h in hits {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\r\n",
            csv_cell(&title(&h.doc)),
            csv_cell(&h.doc),
            h.start,
            h.end,
            csv_cell(&h.left),
            csv_cell(&h.keyword),
            csv_cell(&h.right)
        ));
    }
    out
}

/// Timelines as CSV: `date,precision,document,said,start,end,sentence,entities`, one row
/// per sentence and date, in the order given (each document's timeline is in date order;
/// a spreadsheet sorts the ISO dates across documents). `docs` pairs each document's
/// title with its timeline; `entities` lists the sentence's entities as `TYPE:text; …`.
pub fn timeline_csv<'a>(docs: impl IntoIterator<Item = (&'a str, &'a [Moment])>) -> String {
    let mut out = String::from("date,precision,document,said,start,end,sentence,entities\r\n");
    for (title, moments) in docs {
        for m in moments {
            let entities: Vec<String> = m
                .entities
                .iter()
                .map(|e| format!("{}:{}", e.kind.as_str(), e.text))
                .collect();
            let _ = write!(
                out,
                "{},{},{},{},{},{},{},{}\r\n",
                m.date,
                m.precision.as_str(),
                csv_cell(title),
                csv_cell(&m.said),
                m.start,
                m.end,
                csv_cell(&m.sentence),
                csv_cell(&entities.join("; "))
            );
        }
    }
    out
}

/// The edges as CSV: `source,source_type,target,target_type,weight`.
pub fn edges_csv(graph: &Graph) -> String {
    let mut out = String::from("source,source_type,target,target_type,weight\r\n");
    for e in &graph.edges {
        let (a, b) = (&graph.nodes[e.source], &graph.nodes[e.target]);
        out.push_str(&format!(
            "{},{},{},{},{}\r\n",
            csv_cell(&a.text),
            a.kind.as_str(),
            csv_cell(&b.text),
            b.kind.as_str(),
            e.weight
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let a = Analysis {
            entities: vec![
                entity(0, 3, EntityType::Org, "A\"B"),
                entity(3, 6, EntityType::Org, "=cmd()"),
            ],
            ..Default::default()
        };
        let csv = entities_csv(&a);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "start,end,type,text,confidence,value,unit,approximate"
        );
        assert_eq!(lines[1], "0,3,ORG,\"A\"\"B\",0.90,,,");
        assert_eq!(lines[2], "3,6,ORG,\"'=cmd()\",0.90,,,");
    }

    #[test]
    fn amounts_dates_and_percentages_carry_their_values() {
        let text = "記者昨日獲悉，該公司融資近1億美元，九成員工支持。";
        let analysis = jiexi_engine::Analyzer::new()
            .analyze_dated(text, jiexi_engine::CalendarDate::parse("2024-12-17"));
        let csv = entities_csv(&analysis);
        assert!(csv.contains(",DATE,\"昨日\","), "{csv}");
        assert!(csv.contains(",2024-12-16,day,\r\n"), "{csv}");
        assert!(csv.contains(",100000000,USD,1\r\n"), "{csv}");
        assert!(csv.contains(",90,%,\r\n"), "{csv}");
    }

    #[test]
    fn timelines_name_documents_by_title() {
        let text = "運輸署昨日宣布新措施。\n該署2019年已提出計劃，「由明年起實施」";
        let analyzer = jiexi_engine::Analyzer::new();
        let analysis = crate::timeline::analyze_dated(&analyzer, text, "2024-12-17");
        let moments = crate::timeline::timeline(text, &analysis);
        let csv = timeline_csv([("=新措施", moments.as_slice())]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "date,precision,document,said,start,end,sentence,entities"
        );
        assert_eq!(
            lines[1],
            "2019,year,\"'=新措施\",\"2019年\",12,33,\"該署2019年已提出計劃，「由明年起實施」\",\"DATE:2019年; DATE:明年\""
        );
        assert_eq!(lines[2], "2024-12-16,day,\"'=新措施\",\"昨日\",0,11,\"運輸署昨日宣布新措施。\",\"ORG:運輸署; DATE:昨日\"");
        assert_eq!(lines[3], "2025,year,\"'=新措施\",\"明年\",12,33,\"該署2019年已提出計劃，「由明年起實施」\",\"DATE:2019年; DATE:明年\"");
        assert_eq!(lines.len(), 5, "three rows and the final line break: {csv}");
    }
}
