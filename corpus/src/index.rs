//! The corpus index: many documents analysed once, then asked across: which entities
//! occur where (the entity index) and every occurrence of a word, an entity or a pattern
//! in its context (the KWIC concordance). Updated document by document: a document whose
//! text has not changed is not analysed again.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use jiexi_engine::keywords::is_stopword;
use jiexi_engine::script::fold;
use jiexi_engine::{Analyzer, CalendarDate, Entity, EntityType};

use crate::authority::{Authority, Key, Resolver};
use crate::identity::{display_name, entity_key};
use crate::Error;

/// A document as the index is given it: its text and its date (the library's free
/// text, `2024-12-17`; relative dates in the text resolve against it when it is one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub text: String,
    pub date: String,
}

/// One document of the index.
pub(crate) struct Indexed {
    text: String,
    /// The date it was analysed as of (see [`Source`]).
    pub(crate) date: String,
    /// Word counts by folded form, with the first surface form seen.
    pub(crate) words: HashMap<String, (String, usize)>,
    /// The text folded for matching (widths, Simplified), char for char: offsets agree.
    folded: Vec<char>,
    pub(crate) chars: Vec<char>,
    /// The engine's entities, in text order: what the authority file is applied to.
    raw: Vec<Entity>,
    /// [`entity_key`] of each of `raw`, made once: folding every mention again for each
    /// change of the authority file was a third of applying it.
    raw_keys: Vec<Key>,
    /// `raw` with the authority file applied: what every view reads.
    pub(crate) entities: Vec<Entity>,
    /// [`entity_key`] of each of `entities`: what the views group by, without folding
    /// each mention's text again for every question.
    pub(crate) keys: Vec<Key>,
}

impl Indexed {
    fn new(
        Source { text, date }: Source,
        words: HashMap<String, (String, usize)>,
        raw: Vec<Entity>,
    ) -> Indexed {
        let raw_keys = raw.iter().map(entity_key).collect();
        Indexed {
            date,
            words,
            folded: fold(&text).chars().collect(),
            chars: text.chars().collect(),
            text,
            raw,
            raw_keys,
            entities: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// `raw` with `resolver`'s file applied, into `entities` and `keys`.
    fn apply(&mut self, resolver: &Resolver) {
        self.entities.clear();
        self.keys.clear();
        for (e, key) in self.raw.iter().zip(&self.raw_keys) {
            let mut e = e.clone();
            if let Some(key) = resolver.resolve_keyed(&mut e, key) {
                self.entities.push(e);
                self.keys.push(key);
            }
        }
    }

    /// The entities with their keys, in text order.
    pub(crate) fn keyed(&self) -> impl Iterator<Item = (&Entity, &Key)> {
        self.entities.iter().zip(&self.keys)
    }
}

/// A row of the entity index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub kind: EntityType,
    /// Folded text: the key its mentions share.
    pub key: String,
    /// Its name ([`display_name`]): the canonical name the authority file gives it,
    /// else its most frequent form.
    pub text: String,
    pub count: usize,
    /// Documents it occurs in, with the count in each, most first.
    pub docs: Vec<(String, usize)>,
}

/// A word's frequency in the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordCount {
    /// As first seen in the corpus.
    pub text: String,
    /// Folded (Simplified, half-width): what stop words are compared with.
    pub key: String,
    pub count: usize,
    /// In how many documents.
    pub docs: usize,
}

/// A word of one document scored against the rest of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distinctive {
    pub text: String,
    /// Occurrences in the document.
    pub count: usize,
    /// TF-IDF.
    pub score: f64,
}

/// Where `q` ends if it is found at `text[at..]`, allowing between two of its Han chars
/// what a page's column wrap leaves inside a word: a single space (河 套) or a line break
/// with any spaces around it (南\n方科技大學), as the engine's normalisation does. Other
/// whitespace (a tab, a gap of spaces, between Latin letters or digits) is no wrap.
fn match_across_wraps(text: &[char], at: usize, q: &[char]) -> Option<usize> {
    let mut i = at;
    for (k, &c) in q.iter().enumerate() {
        if k > 0 && jiexi_engine::is_han(q[k - 1]) && jiexi_engine::is_han(c) {
            i += wrap_at(text, i);
        }
        if text.get(i) != Some(&c) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Length of the wrap at `text[at..]`: a lone space, or a whitespace run with a line break.
fn wrap_at(text: &[char], at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    let run = rest.iter().take_while(|c| c.is_whitespace()).count();
    let broken = rest[..run].iter().any(|&c| c == '\n' || c == '\r');
    if broken || rest[..run] == [' '] {
        run
    } else {
        0
    }
}

/// The folded form of a token worth counting as a word: it has a letter or Han char and
/// is not on jiexi's stop-word list (punctuation, numbers and function words are not).
fn word_key(token: &str) -> Option<String> {
    let key = fold(token);
    (key.chars().any(char::is_alphabetic) && !is_stopword(&key)).then_some(key)
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
    /// Applied to every document's entities as it is indexed.
    authority: Authority,
}

impl CorpusIndex {
    /// Brings the index to exactly `docs` (id, text), undated: documents gone are dropped,
    /// new or changed ones analysed, the rest kept. Returns how many were analysed.
    pub fn update(&mut self, analyzer: &Analyzer, docs: &[(String, String)]) -> usize {
        let docs: Vec<(String, Option<Source>)> = docs
            .iter()
            .map(|(id, text)| {
                let source = Source {
                    text: text.clone(),
                    date: String::new(),
                };
                (id.clone(), Some(source))
            })
            .collect();
        self.update_changed(analyzer, docs)
    }

    /// As [`update`](Self::update), with each document's date, and a document given
    /// without its source (`None`) is one the index already has, unchanged: the page sends
    /// only what changed (a thousand texts were 6 MB per message). A `None` for a document
    /// the index lacks is dropped. A document whose date changed is analysed again, as
    /// its relative dates now mean other days.
    pub fn update_changed(
        &mut self,
        analyzer: &Analyzer,
        docs: Vec<(String, Option<Source>)>,
    ) -> usize {
        let mut old: HashMap<String, Indexed> =
            std::mem::take(&mut self.docs).into_iter().collect();
        let mut analysed = 0;
        // Made once: a library of a thousand new documents is indexed in one update.
        let resolver = self.authority.resolver();
        for (id, source) in docs {
            let indexed = match (old.remove(&id), source) {
                (Some(ix), None) => ix,
                (None, None) => continue,
                (Some(ix), Some(s)) if ix.text == s.text && ix.date == s.date => ix,
                (_, Some(source)) => {
                    analysed += 1;
                    let date = CalendarDate::parse(source.date.trim());
                    let analysis = analyzer.analyze_dated(&source.text, date);
                    let mut words: HashMap<String, (String, usize)> = HashMap::new();
                    for t in &analysis.tokens {
                        if let Some(key) = word_key(&t.text) {
                            words
                                .entry(key)
                                .or_insert_with(|| (t.text.to_string(), 0))
                                .1 += 1;
                        }
                    }
                    let mut indexed = Indexed::new(source, words, analysis.entities);
                    indexed.apply(&resolver);
                    indexed
                }
            };
            self.docs.push((id, indexed));
        }
        analysed
    }

    /// An index of documents whose entities are given (id, text, entities): for tests of
    /// the views that need entities the engine would not find.
    #[cfg(test)]
    pub(crate) fn with_entities(docs: Vec<(&str, &str, Vec<Entity>)>) -> CorpusIndex {
        let docs = docs
            .into_iter()
            .map(|(id, text, raw)| {
                let source = Source {
                    text: text.to_string(),
                    date: String::new(),
                };
                let mut indexed = Indexed::new(source, HashMap::new(), raw);
                indexed.apply(&Authority::default().resolver());
                (id.to_string(), indexed)
            })
            .collect();
        CorpusIndex {
            docs,
            authority: Authority::default(),
        }
    }

    /// Replaces the authority file every view applies; no document is analysed again,
    /// and only the documents that mention what the change touched are relabelled.
    pub fn set_authority(&mut self, authority: Authority) {
        let touched = authority.touched_since(&self.authority);
        self.authority = authority;
        let resolver = self.authority.resolver();
        for (_, doc) in &mut self.docs {
            let mentions =
                |t: &std::collections::HashSet<Key>| doc.raw_keys.iter().any(|k| t.contains(k));
            if touched.as_ref().is_none_or(mentions) {
                doc.apply(&resolver);
            }
        }
    }

    /// Gives the documents these dates (id, date), as [`update_changed`](Self::update_changed)
    /// would without analysing: for tests of the views that read dates.
    #[cfg(test)]
    pub(crate) fn with_dates(mut self, dates: &[(&str, &str)]) -> CorpusIndex {
        for (id, doc) in &mut self.docs {
            if let Some((_, d)) = dates.iter().find(|(i, _)| i == id) {
                doc.date = d.to_string();
            }
        }
        self
    }

    /// Every document's id and text, in index order.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.docs
            .iter()
            .map(|(id, d)| (id.as_str(), d.text.as_str()))
    }

    /// The authority file the views apply.
    pub fn authority(&self) -> &Authority {
        &self.authority
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// The documents (id, analysis), in the order given to `update`.
    pub(crate) fn documents(&self) -> impl Iterator<Item = (&str, &Indexed)> {
        self.docs.iter().map(|(id, doc)| (id.as_str(), doc))
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every entity with its count and documents, most frequent first.
    pub fn entities(&self) -> Vec<IndexEntry> {
        let mut rows: Vec<IndexEntry> = Vec::new();
        let mut at: FxHashMap<&Key, usize> = FxHashMap::default();
        let mut forms: Vec<FxHashMap<&str, usize>> = Vec::new();
        let mut names: Vec<FxHashMap<&str, usize>> = Vec::new();
        for (id, doc) in &self.docs {
            for (e, key) in doc.keyed() {
                let i = *at.entry(key).or_insert_with(|| {
                    rows.push(IndexEntry {
                        kind: key.0,
                        key: key.1.clone(),
                        text: String::new(),
                        count: 0,
                        docs: Vec::new(),
                    });
                    forms.push(FxHashMap::default());
                    names.push(FxHashMap::default());
                    rows.len() - 1
                });
                let row = &mut rows[i];
                row.count += 1;
                match row.docs.last_mut() {
                    Some((d, n)) if d == id => *n += 1,
                    _ => row.docs.push((id.clone(), 1)),
                }
                *forms[i].entry(e.text.as_str()).or_default() += 1;
                if let Some(name) = &e.alias_of {
                    *names[i].entry(name.as_str()).or_default() += 1;
                }
            }
        }
        for ((row, forms), names) in rows.iter_mut().zip(forms).zip(names) {
            // Most frequent first, ties by text: the same row whatever the hash order.
            let ranked = |counts: FxHashMap<&str, usize>| {
                let mut v: Vec<(String, usize)> = counts
                    .into_iter()
                    .map(|(f, n)| (f.to_string(), n))
                    .collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                v
            };
            row.text = display_name(&row.key, &ranked(forms), &ranked(names));
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

    /// The `limit` most frequent words of the corpus (stop words left out), most first.
    pub fn words(&self, limit: usize) -> Vec<WordCount> {
        let mut all: HashMap<&str, WordCount> = HashMap::new();
        for (_, doc) in &self.docs {
            for (key, (text, n)) in &doc.words {
                let w = all.entry(key.as_str()).or_insert_with(|| WordCount {
                    text: text.clone(),
                    key: key.clone(),
                    count: 0,
                    docs: 0,
                });
                w.count += n;
                w.docs += 1;
            }
        }
        let mut rows: Vec<WordCount> = all.into_values().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
        rows.truncate(limit);
        rows
    }

    /// The words that set document `id` apart from the rest of the corpus (TF-IDF, the
    /// document frequency counted over the other documents), best first.
    pub fn distinctive(&self, id: &str, limit: usize) -> Vec<Distinctive> {
        let Some((_, doc)) = self.docs.iter().find(|(d, _)| d == id) else {
            return Vec::new();
        };
        let others = self.docs.len() - 1;
        let total: usize = doc.words.values().map(|(_, n)| n).sum();
        let mut rows: Vec<Distinctive> = doc
            .words
            .iter()
            .map(|(key, (text, count))| {
                let df = self
                    .docs
                    .iter()
                    .filter(|(d, other)| d != id && other.words.contains_key(key))
                    .count();
                let idf = ((1 + others) as f64 / (1 + df) as f64).ln() + 1.0;
                Distinctive {
                    text: text.clone(),
                    count: *count,
                    score: *count as f64 / total.max(1) as f64 * idf,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.count.cmp(&a.count))
                .then(a.text.cmp(&b.text))
        });
        rows.truncate(limit);
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
                let q: Vec<char> = fold(q.trim()).chars().collect();
                if !q.is_empty() {
                    for (d, (_, doc)) in self.docs.iter().enumerate() {
                        let f = &doc.folded;
                        let mut i = 0;
                        while i + q.len() <= f.len() {
                            match match_across_wraps(f, i, &q) {
                                Some(end) => {
                                    spans.push((d, i, end));
                                    i = end;
                                }
                                None => i += 1,
                            }
                        }
                    }
                }
            }
            Query::Pattern(p) => {
                if p.chars().count() > MAX_PATTERN {
                    return Err(Error::Pattern(format!(
                        "the pattern is longer than {MAX_PATTERN} characters"
                    )));
                }
                let re = regex::RegexBuilder::new(p)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| Error::Pattern(format!("not a valid pattern: {e}")))?;
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
                    for (e, k) in doc.keyed() {
                        if k.0 == *kind && k.1 == *key {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::entity_index_csv;

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
    fn a_new_authority_file_relabels_as_applying_it_afresh_would() {
        use crate::authority::Op;
        const C: &str = "香港大學與港大醫學院合作，香港科技大學亦參與。深圳市政府表示歡迎。";
        let docs = [("a", A), ("b", B), ("c", C)];
        let mut ix = index(&docs);
        let org = |text: &str| (EntityType::Org, fold(text));
        let person = (EntityType::Person, fold("羅柳斌"));
        let ops = [
            Op::Merge {
                keys: vec![org("香港大學"), org("港大")],
                name: "香港大學".into(),
                kind: EntityType::Org,
            },
            Op::Rename {
                entity: org("深圳市政府"),
                name: "深圳市人民政府".into(),
            },
            Op::Retype {
                entity: person.clone(),
                kind: EntityType::Org,
            },
            Op::Note {
                entity: org("香港科技大學"),
                note: "科大".into(),
            },
            Op::Alias {
                entity: org("香港科技大學"),
                alias: "HKUST".into(),
            },
            Op::Block {
                text: "香港中文大學（深圳）".into(),
                kind: None,
            },
            Op::Split {
                entity: org("香港大學"),
                member: None,
            },
        ];
        let mut file = Authority::default();
        let mut undo = Vec::new();
        for op in &ops {
            match file.change(op) {
                Ok(inverse) => undo.push(inverse),
                Err(e) => panic!("{op:?}: {e}"),
            }
            ix.set_authority(file.clone());
            let mut fresh = index(&docs);
            fresh.set_authority(file.clone());
            assert_eq!(ix.entities(), fresh.entities(), "after {op:?}");
            for ((_, d), (_, f)) in ix.docs.iter().zip(&fresh.docs) {
                assert_eq!(d.entities, f.entities, "after {op:?}");
                assert_eq!(d.keys, f.keys, "after {op:?}");
            }
        }
        for inverse in undo.iter().rev() {
            file.change(inverse).unwrap();
            ix.set_authority(file.clone());
        }
        assert!(file.is_empty());
        assert_eq!(ix.entities(), index(&docs).entities(), "all undone");
    }

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
    fn distinctive_words_are_those_the_other_documents_lack() {
        let ix = index(&[
            (
                "a",
                "颱風襲港，天文台發出八號風球。颱風吹襲期間，市民留在家中。",
            ),
            ("b", "市民在家中觀看比賽。市民留在家中。"),
        ]);
        let rows = ix.distinctive("a", 5);
        let words: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(words.first(), Some(&"颱風"), "{rows:?}");
        let rank = |w: &str| words.iter().position(|x| *x == w).unwrap_or(usize::MAX);
        assert!(rank("颱風") < rank("市民"), "{rows:?}");
        assert!(rows.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(ix.distinctive("missing", 5).is_empty());
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
    fn concordance_reads_through_a_page_s_wraps() {
        let text = "兩地在河 套合作，南方科技大學與河\n套園區；河套。河 南";
        let ix = index(&[("a", text)]);
        let (hits, total) = ix
            .concordance(&Query::Text("河套".into()), 2, Order::Document, 100)
            .unwrap();
        assert_eq!(total, 3, "河 套, 河\\n套 and 河套; not 河 南");
        let keywords: Vec<&str> = hits.iter().map(|h| h.keyword.as_str()).collect();
        assert_eq!(
            keywords,
            ["河 套", "河 套", "河套"],
            "a break is shown as a space"
        );
        let (_, total) = ix
            .concordance(&Query::Text("科技 大學".into()), 2, Order::Document, 100)
            .unwrap();
        assert_eq!(total, 0, "a space asked for must be there");
        // Not wraps: a tab or a gap of spaces, and whitespace beside Latin letters or digits.
        let ix = index(&[("b", "河\t套，河  套；put at once，第1 2項")]);
        for (query, want) in [("河套", 0), ("to", 0), ("12", 0), ("at once", 1)] {
            let (_, total) = ix
                .concordance(&Query::Text(query.into()), 2, Order::Document, 100)
                .unwrap();
            assert_eq!(total, want, "{query}");
        }
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
        // Digits, word and space classes and the Han script: what the regex features in
        // engine/Cargo.toml keep.
        for pattern in [r"\d+", r"深\w", r"\s", r"\p{Han}{2}"] {
            assert!(
                ix.concordance(&Query::Pattern(pattern.into()), 2, Order::Document, 5)
                    .is_ok(),
                "{pattern}"
            );
        }
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
        let csv = entity_index_csv(&ix.entities(), |id| format!("Doc {id}"));
        assert!(csv.starts_with("type,text,count,documents\r\n"));
        assert!(csv.contains("\"Doc a×1\""), "documents by title: {csv}");
    }

    #[test]
    fn documents_sent_without_text_are_kept_as_they_were() {
        let mut ix = index(&[("a", A), ("b", B)]);
        let a = Analyzer::new();
        let source = Source {
            text: format!("{A}羅柳斌。"),
            date: String::new(),
        };
        let docs = vec![
            ("b".to_string(), None),
            ("a".to_string(), Some(source)),
            ("gone".to_string(), None),
        ];
        assert_eq!(
            ix.update_changed(&a, docs),
            1,
            "only the changed one is analysed"
        );
        assert_eq!(ix.len(), 2, "an unknown id without text is dropped");
        let person = ix
            .entities()
            .into_iter()
            .find(|r| r.kind == EntityType::Person && r.key == "罗柳斌")
            .expect("羅柳斌 indexed");
        assert_eq!(person.count, 4, "b's two kept, a's now two");
    }

    #[test]
    fn a_document_whose_date_changed_is_analysed_again_as_of_it() {
        let a = Analyzer::new();
        let mut ix = CorpusIndex::default();
        let text = "運輸署昨日宣布新巴士線通車。";
        let dated = |date: &str| {
            let source = Source {
                text: text.to_string(),
                date: date.to_string(),
            };
            vec![("a".to_string(), Some(source))]
        };
        let yesterday = |ix: &CorpusIndex| {
            let (_, doc) = ix.documents().next().expect("indexed");
            let e = doc.entities.iter().find(|e| e.text == "昨日").cloned();
            match e.and_then(|e| e.value) {
                Some(jiexi_engine::Value::Date(d)) => Some(d.iso()),
                _ => None,
            }
        };
        assert_eq!(ix.update_changed(&a, dated("")), 1);
        assert_eq!(yesterday(&ix), None, "undated: 昨日 has no day");
        assert_eq!(ix.update_changed(&a, dated("2024-12-17")), 1);
        assert_eq!(yesterday(&ix).as_deref(), Some("2024-12-16"));
        assert_eq!(ix.update_changed(&a, dated("2024-12-17")), 0, "unchanged");
        assert_eq!(ix.update_changed(&a, vec![("a".to_string(), None)]), 0);
        assert_eq!(yesterday(&ix).as_deref(), Some("2024-12-16"));
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;
    use crate::export::csv::words_csv;
    use crate::export::svg::bar_chart_svg;

    #[test]
    fn words_are_counted_across_scripts_without_stop_words() {
        let a = Analyzer::new();
        let mut ix = CorpusIndex::default();
        let docs = vec![
            ("a".to_string(), "深圳的科技園區。深圳的企業。".to_string()),
            ("b".to_string(), "深圳科技园区".to_string()),
        ];
        ix.update(&a, &docs);
        let words = ix.words(10);
        let shenzhen = words
            .iter()
            .find(|w| w.key == "深圳")
            .expect("深圳 counted");
        assert_eq!((shenzhen.count, shenzhen.docs), (3, 2));
        assert!(words.iter().all(|w| w.key != "的"), "stop words left out");
        assert!(words.iter().all(|w| w.key != "。"), "punctuation left out");
        assert!(words_csv(&words).starts_with("word,count,documents\r\n"));
    }

    #[test]
    fn the_chart_is_escaped_svg() {
        let svg = bar_chart_svg("詞頻 <x>", &[("<script>".into(), 3), ("深圳".into(), 1)]);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("<rect").count(), 2);
    }
}
