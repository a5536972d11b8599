//! The corpus index: many documents analysed once, then asked across: which entities
//! occur where (the entity index) and every occurrence of a word, an entity or a pattern
//! in its context (the KWIC concordance). Updated document by document: a document whose
//! text has not changed is not analysed again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::export::entity_key;
use crate::{Analyzer, Entity, EntityType, Error};

/// One document of the index.
struct Indexed {
    text: String,
    /// The text folded for matching (widths, Simplified), char for char: offsets agree.
    folded: Vec<char>,
    chars: Vec<char>,
    entities: Vec<Entity>,
}

/// A row of the entity index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub kind: EntityType,
    /// Folded text: the key its mentions share.
    pub key: String,
    /// The most frequent surface form.
    pub text: String,
    pub count: usize,
    /// Documents it occurs in, with the count in each, most first.
    pub docs: Vec<(String, usize)>,
}

/// One occurrence in context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub doc: String,
    /// Char offsets of the keyword in the document.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// What to look for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Query {
    /// A word or phrase, in either script or width.
    Text(String),
    /// A regular expression over the text (Rust `regex` syntax).
    Pattern(String),
    /// The mentions of one entity of the index.
    Entity { kind: EntityType, key: String },
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Order {
    /// Document by document, in text order.
    #[default]
    Document,
    /// By the context before the keyword, read backwards from it (the usual KWIC sort).
    Left,
    /// By the context after the keyword.
    Right,
}

/// Longest regular expression accepted, and the size its compiled form may take: a
/// pattern typed by a user must not exhaust the worker's memory.
const MAX_PATTERN: usize = 200;
const REGEX_SIZE_LIMIT: usize = 1 << 20;

#[derive(Default)]
pub struct CorpusIndex {
    docs: Vec<(String, Indexed)>,
}

impl CorpusIndex {
    /// Brings the index to exactly `docs` (id, text): documents gone are dropped, new or
    /// changed ones analysed, the rest kept. Returns how many were analysed.
    pub fn update(&mut self, analyzer: &Analyzer, docs: &[(String, String)]) -> usize {
        let mut old: HashMap<String, Indexed> =
            std::mem::take(&mut self.docs).into_iter().collect();
        let mut analysed = 0;
        for (id, text) in docs {
            let indexed = match old.remove(id) {
                Some(ix) if ix.text == *text => ix,
                _ => {
                    analysed += 1;
                    let entities = analyzer.analyze(text).entities;
                    Indexed {
                        folded: crate::script::fold(text).chars().collect(),
                        chars: text.chars().collect(),
                        text: text.clone(),
                        entities,
                    }
                }
            };
            self.docs.push((id.clone(), indexed));
        }
        analysed
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every entity with its count and documents, most frequent first.
    pub fn entities(&self) -> Vec<IndexEntry> {
        let mut rows: Vec<IndexEntry> = Vec::new();
        let mut at: HashMap<(EntityType, String), usize> = HashMap::new();
        let mut forms: Vec<HashMap<&str, usize>> = Vec::new();
        for (id, doc) in &self.docs {
            for e in &doc.entities {
                let key = entity_key(e);
                let i = *at.entry(key.clone()).or_insert_with(|| {
                    rows.push(IndexEntry {
                        kind: key.0,
                        key: key.1,
                        text: String::new(),
                        count: 0,
                        docs: Vec::new(),
                    });
                    forms.push(HashMap::new());
                    rows.len() - 1
                });
                let row = &mut rows[i];
                row.count += 1;
                match row.docs.last_mut() {
                    Some((d, n)) if d == id => *n += 1,
                    _ => row.docs.push((id.clone(), 1)),
                }
                *forms[i].entry(e.text.as_str()).or_default() += 1;
            }
        }
        for (row, forms) in rows.iter_mut().zip(forms) {
            let best = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)));
            row.text = best.map(|(f, _)| f.to_string()).unwrap_or_default();
            row.docs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        rows.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.kind.cmp(&b.kind))
                .then(a.text.cmp(&b.text))
        });
        rows
    }

    /// Every occurrence of `query` with `width` chars of context each side, in `order`;
    /// at most `limit` lines, and how many there are in all.
    pub fn concordance(
        &self,
        query: &Query,
        width: usize,
        order: Order,
        limit: usize,
    ) -> Result<(Vec<Hit>, usize), Error> {
        let mut spans: Vec<(usize, usize, usize)> = Vec::new(); // (doc, start, end)
        match query {
            Query::Text(q) => {
                let q: Vec<char> = crate::script::fold(q.trim()).chars().collect();
                if !q.is_empty() {
                    for (d, (_, doc)) in self.docs.iter().enumerate() {
                        let f = &doc.folded;
                        let mut i = 0;
                        while i + q.len() <= f.len() {
                            if f[i..i + q.len()] == q[..] {
                                spans.push((d, i, i + q.len()));
                                i += q.len();
                            } else {
                                i += 1;
                            }
                        }
                    }
                }
            }
            Query::Pattern(p) => {
                if p.chars().count() > MAX_PATTERN {
                    return Err(Error::Usage(format!(
                        "the pattern is longer than {MAX_PATTERN} characters"
                    )));
                }
                let re = regex::RegexBuilder::new(p)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| Error::Usage(format!("not a valid pattern: {e}")))?;
                for (d, (_, doc)) in self.docs.iter().enumerate() {
                    let mut char_at = doc
                        .text
                        .char_indices()
                        .map(|(b, _)| b)
                        .enumerate()
                        .peekable();
                    for m in re.find_iter(&doc.text).filter(|m| !m.is_empty()) {
                        // Byte offsets to char offsets, walking forward once.
                        let mut to_char = |byte: usize| {
                            while let Some(&(_, b)) = char_at.peek() {
                                if b >= byte {
                                    break;
                                }
                                char_at.next();
                            }
                            char_at.peek().map_or(doc.chars.len(), |&(c, _)| c)
                        };
                        let start = to_char(m.start());
                        let end = to_char(m.end());
                        spans.push((d, start, end));
                    }
                }
            }
            Query::Entity { kind, key } => {
                for (d, (_, doc)) in self.docs.iter().enumerate() {
                    for e in &doc.entities {
                        if e.kind == *kind && crate::script::fold(&e.text) == *key {
                            spans.push((d, e.start, e.end));
                        }
                    }
                }
            }
        }
        let total = spans.len();
        let mut hits: Vec<Hit> = spans
            .into_iter()
            .map(|(d, start, end)| {
                let (id, doc) = &self.docs[d];
                let text = |a: usize, b: usize| -> String {
                    doc.chars[a..b]
                        .iter()
                        .map(|&c| if c.is_whitespace() { ' ' } else { c })
                        .collect()
                };
                Hit {
                    doc: id.clone(),
                    start,
                    end,
                    left: text(start.saturating_sub(width), start),
                    keyword: text(start, end),
                    right: text(end, (end + width).min(doc.chars.len())),
                }
            })
            .collect();
        match order {
            Order::Document => {}
            Order::Left => hits.sort_by(|a, b| a.left.chars().rev().cmp(b.left.chars().rev())),
            Order::Right => hits.sort_by(|a, b| a.right.cmp(&b.right)),
        }
        hits.truncate(limit);
        Ok((hits, total))
    }
}

/// The entity index as CSV: `type,text,count,documents` (documents as `id×n; …`).
pub fn entity_index_csv(rows: &[IndexEntry]) -> String {
    let mut out = String::from("type,text,count,documents\r\n");
    for r in rows {
        let docs: Vec<String> = r.docs.iter().map(|(d, n)| format!("{d}×{n}")).collect();
        out.push_str(&format!(
            "{},{},{},{}\r\n",
            r.kind.as_str(),
            crate::export::csv_cell(&r.text),
            r.count,
            crate::export::csv_cell(&docs.join("; "))
        ));
    }
    out
}

/// Concordance lines as CSV: `document,start,end,left,keyword,right`.
pub fn concordance_csv(hits: &[Hit]) -> String {
    let mut out = String::from("document,start,end,left,keyword,right\r\n");
    for h in hits {
        out.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            crate::export::csv_cell(&h.doc),
            h.start,
            h.end,
            crate::export::csv_cell(&h.left),
            crate::export::csv_cell(&h.keyword),
            crate::export::csv_cell(&h.right)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &str)]) -> CorpusIndex {
        thread_local!(static A: Analyzer = Analyzer::new());
        let docs: Vec<(String, String)> = docs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let mut ix = CorpusIndex::default();
        A.with(|a| ix.update(a, &docs));
        ix
    }

    const A: &str = "記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港合作將加快。";
    const B: &str = "罗柳斌报道：深圳市政府与香港中文大学（深圳）签约。羅柳斌補充。";

    #[test]
    fn entities_are_counted_across_documents_and_scripts() {
        let ix = index(&[("a", A), ("b", B)]);
        let rows = ix.entities();
        let person = rows
            .iter()
            .find(|r| r.kind == EntityType::Person && r.key == "罗柳斌")
            .expect("羅柳斌 indexed");
        assert_eq!(person.count, 3);
        assert_eq!(
            person.docs,
            vec![("b".to_string(), 2), ("a".to_string(), 1)]
        );
        assert!(rows.windows(2).all(|w| w[0].count >= w[1].count));
    }

    #[test]
    fn concordance_finds_words_in_either_script_with_context() {
        let ix = index(&[("a", A), ("b", B)]);
        let (hits, total) = ix
            .concordance(&Query::Text("香港中文大學".into()), 4, Order::Document, 100)
            .unwrap();
        assert_eq!(total, 2);
        assert_eq!(hits[0].doc, "a");
        assert_eq!(hits[0].keyword, "香港中文大學");
        assert_eq!(hits[0].left, "斌報道：");
        assert_eq!(
            hits[1].keyword, "香港中文大学",
            "the document's own form is shown"
        );
        let chars: Vec<char> = A.chars().collect();
        let h = &hits[0];
        assert_eq!(chars[h.start..h.end].iter().collect::<String>(), h.keyword);
    }

    #[test]
    fn patterns_entities_and_orders() {
        let ix = index(&[("a", A), ("b", B)]);
        let (hits, _) = ix
            .concordance(&Query::Pattern("深[圳港]".into()), 2, Order::Right, 100)
            .unwrap();
        assert_eq!(hits.len(), 4, "深圳 深港 | 深圳 深圳");
        assert!(hits.windows(2).all(|w| w[0].right <= w[1].right));
        let (hits, total) = ix
            .concordance(
                &Query::Entity {
                    kind: EntityType::Person,
                    key: "罗柳斌".into(),
                },
                3,
                Order::Left,
                2,
            )
            .unwrap();
        assert_eq!((hits.len(), total), (2, 3), "limited, with the total");
        for bad in ["(", &"a".repeat(300)] {
            assert!(ix
                .concordance(&Query::Pattern(bad.to_string()), 3, Order::Document, 10)
                .is_err());
        }
    }

    #[test]
    fn updates_analyse_only_what_changed() {
        let mut ix = index(&[("a", A), ("b", B)]);
        let a = Analyzer::new();
        let docs = vec![
            ("a".to_string(), A.to_string()),
            ("c".to_string(), "深圳".to_string()),
        ];
        assert_eq!(ix.update(&a, &docs), 1);
        assert_eq!(ix.len(), 2);
        let csv = entity_index_csv(&ix.entities());
        assert!(csv.starts_with("type,text,count,documents\r\n"));
        assert!(csv.contains("\"a×1\""));
    }
}
