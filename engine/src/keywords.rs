//! Keywords of a text: TF-IDF against a corpus of documents (the bundled seeds and the
//! user's library) and TextRank over the text's own word graph.
//!
//! jieba-rs ships both, but each re-segments the text with its own dictionary and its
//! TF-IDF uses a fixed 6 MB IDF table; these work on the engine's tokens (after script
//! handling) and on document frequencies of the user's own corpus.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::script::to_simplified;
use crate::{Entity, EntityType, Token};

/// A keyword and its score (higher is more characteristic).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub word: String,
    pub score: f64,
}

const STOPWORDS: &str = include_str!("../data/stopwords.txt");

/// Whether `simplified` (a word in its Simplified form) is on jiexi's stop-word list.
pub fn is_stopword(simplified: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
    .contains(simplified)
}

/// Whether a token can be a keyword: a content word (noun, verb, adjective, name…),
/// two chars or more, not a stop word, not a number.
fn candidate(token: &Token) -> Option<String> {
    let content = matches!(
        token.pos.chars().next(),
        Some('n' | 'v' | 'a' | 'j' | 'l' | 'i')
    ) || token.pos == "eng";
    let long_enough = token.text.chars().count() >= 2;
    let key = to_simplified(&token.text);
    (content && long_enough && !is_stopword(&key) && !key.chars().any(|c| c.is_ascii_digit()))
        .then_some(key)
}

/// The terms keywords are counted over: the tokens, with each name (person, organisation,
/// place, work…) made one term of its own. The segmenter's words inside a name are not the
/// name: 羅湖區 is cut 羅 | 湖區, and 湖區 (lake district) led the keywords of a story about
/// 羅湖區. Numeric entities (dates, amounts) are left as tokens; they are no keywords anyway.
pub fn terms(tokens: &[Token], entities: &[Entity]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut names = entities.iter().filter_map(|e| Some((e, name_tag(e.kind)?)));
    let mut next = names.next();
    let mut i = 0;
    while i < tokens.len() {
        // Names that end before this token can no longer match.
        while next.is_some_and(|(e, _)| e.end <= tokens[i].start) {
            next = names.next();
        }
        let joined = next.and_then(|(e, tag)| {
            if e.start != tokens[i].start {
                return None;
            }
            let n = tokens[i..].iter().take_while(|t| t.end <= e.end).count();
            (n > 0 && tokens[i + n - 1].end == e.end).then_some((e, tag, n))
        });
        match joined {
            Some((e, tag, n)) => {
                out.push(Token {
                    start: e.start,
                    end: e.end,
                    text: tokens[i..i + n].iter().map(|t| t.text.as_str()).collect(),
                    pos: std::borrow::Cow::Borrowed(tag),
                });
                i += n;
                next = names.next();
            }
            None => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// The part-of-speech tag a name of `kind` is counted with; `None` for what is no name.
fn name_tag(kind: EntityType) -> Option<&'static str> {
    use EntityType::*;
    match kind {
        Person => Some("nr"),
        Org => Some("nt"),
        Gpe | Loc | Fac => Some("ns"),
        Norp | Product | Event | WorkOfArt | Law | Language => Some("nz"),
        _ => None,
    }
}

/// Document frequencies of words over a corpus, for TF-IDF. Words are counted in their
/// Simplified form, so a Traditional and a Simplified article share counts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocFrequencies {
    documents: usize,
    df: HashMap<String, usize>,
}

impl DocFrequencies {
    /// Counts the words of one more document.
    pub fn add(&mut self, tokens: &[Token]) {
        self.documents += 1;
        let words: FxHashSet<String> = tokens.iter().filter_map(candidate).collect();
        for w in words {
            *self.df.entry(w).or_default() += 1;
        }
    }

    /// Number of documents counted.
    pub fn documents(&self) -> usize {
        self.documents
    }

    fn idf(&self, word: &str) -> f64 {
        let df = self.df.get(word).copied().unwrap_or(0) as f64;
        ((1.0 + self.documents as f64) / (1.0 + df)).ln() + 1.0
    }
}

/// Groups candidates by Simplified form, remembering the first surface form seen.
fn counts(tokens: &[Token]) -> (Vec<(String, String)>, HashMap<String, usize>) {
    let mut order = Vec::new();
    let mut tf: HashMap<String, usize> = HashMap::new();
    for t in tokens {
        if let Some(key) = candidate(t) {
            let n = tf.entry(key.clone()).or_default();
            if *n == 0 {
                order.push((key, t.text.to_string()));
            }
            *n += 1;
        }
    }
    (order, tf)
}

fn top(mut scored: Vec<Keyword>, k: usize) -> Vec<Keyword> {
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.word.cmp(&b.word))
    });
    scored.truncate(k);
    scored
}

/// The `k` words of `tokens` with the highest TF-IDF against `corpus`.
pub fn tfidf(tokens: &[Token], corpus: &DocFrequencies, k: usize) -> Vec<Keyword> {
    let (order, tf) = counts(tokens);
    let total: usize = tf.values().sum();
    let scored = order
        .into_iter()
        .map(|(key, surface)| Keyword {
            score: tf[&key] as f64 / total.max(1) as f64 * corpus.idf(&key),
            word: surface,
        })
        .collect();
    top(scored, k)
}

/// The `k` most central words of `tokens` by TextRank: words co-occurring within a window
/// of five content words vote for each other (damping 0.85, 20 iterations).
pub fn textrank(tokens: &[Token], k: usize) -> Vec<Keyword> {
    const WINDOW: usize = 5;
    const DAMPING: f64 = 0.85;
    let (order, _) = counts(tokens);
    let index: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i))
        .collect();
    let seq: Vec<usize> = tokens
        .iter()
        .filter_map(|t| candidate(t).and_then(|key| index.get(key.as_str()).copied()))
        .collect();
    let n = order.len();
    let mut edges: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for (i, &a) in seq.iter().enumerate() {
        for &b in seq.iter().skip(i + 1).take(WINDOW - 1) {
            if a != b {
                *edges[a].entry(b).or_default() += 1.0;
                *edges[b].entry(a).or_default() += 1.0;
            }
        }
    }
    let out_weight: Vec<f64> = edges.iter().map(|e| e.values().sum()).collect();
    let mut score = vec![1.0; n];
    for _ in 0..20 {
        let mut next = vec![1.0 - DAMPING; n];
        for (a, e) in edges.iter().enumerate() {
            for (&b, &w) in e {
                next[b] += DAMPING * w / out_weight[a] * score[a];
            }
        }
        score = next;
    }
    let scored = order
        .into_iter()
        .zip(score)
        .map(|((_, surface), score)| Keyword {
            word: surface,
            score,
        })
        .collect();
    top(scored, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    const ARTICLE: &str = "河套深港科技創新合作區今日舉行發布會。合作區已引進科研項目，\
        科研項目涵蓋人工智能與生物醫藥。香港高校參與合作區的科研項目，\
        深圳企業也參與合作區建設。我們認為這是一個好消息。";

    #[test]
    fn textrank_finds_the_topic_and_skips_stop_words() {
        let tokens = Analyzer::new().segment(ARTICLE);
        let top = textrank(&tokens, 5);
        assert!(
            top.iter()
                .any(|k| k.word.contains("科研") || k.word.contains("合作區")),
            "{top:?}"
        );
        assert!(top
            .iter()
            .all(|k| !["我們", "認為", "這是", "一個"].contains(&k.word.as_str())));
    }

    #[test]
    fn tfidf_prefers_words_rare_in_the_corpus() {
        let a = Analyzer::new();
        let mut corpus = DocFrequencies::default();
        for doc in ["香港經濟持續發展。", "深圳經濟發展迅速。", "經濟合作加強。"]
        {
            corpus.add(&a.segment(doc));
        }
        let top = tfidf(&a.segment("經濟合作：生物醫藥與生物醫藥產業"), &corpus, 3);
        assert_eq!(top[0].word, "生物");
        assert_eq!(corpus.documents(), 3);
    }

    #[test]
    fn names_are_terms_of_their_own() {
        let a = Analyzer::new();
        // (text, a name that must be one term, a piece of it that must not be one)
        let cases = [
            (
                "羅湖區積極培育創新環境。羅湖區吸引科研機構在羅湖區設立研究中心。",
                "羅湖區",
                "湖區",
            ),
            (
                "香港中文大學（深圳）副校長楊學明表示，香港中文大學（深圳）將擴大招生。",
                "香港中文大學（深圳）",
                "中文",
            ),
        ];
        for (text, name, piece) in cases {
            let analysis = a.analyze(text);
            let terms = terms(&analysis.tokens, &analysis.entities);
            assert!(terms.iter().any(|t| t.text == name), "{name} in {terms:?}");
            assert!(
                terms.iter().all(|t| t.text != piece),
                "{piece} in {terms:?}"
            );
            // Terms still tile what the tokens covered, in order.
            assert_eq!(
                terms.first().map(|t| t.start),
                analysis.tokens.first().map(|t| t.start)
            );
            assert!(terms.windows(2).all(|w| w[0].end <= w[1].start));
            let top = textrank(&terms, 3);
            assert!(top.iter().any(|k| k.word == name), "{name} in {top:?}");
        }
        assert!(terms(&[], &[]).is_empty());
    }

    #[test]
    fn empty_input_has_no_keywords() {
        assert!(textrank(&[], 5).is_empty());
        assert!(tfidf(&[], &DocFrequencies::default(), 5).is_empty());
    }
}
