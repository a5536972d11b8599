//! Keywords of a text: TF-IDF against a corpus of documents (the bundled seeds and the
//! user's library) and TextRank over the text's own word graph.
//!
//! jieba-rs ships both, but each re-segments the text with its own dictionary and its
//! TF-IDF uses a fixed 6 MB IDF table; these work on the engine's tokens (after script
//! handling) and on document frequencies of the user's own corpus.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
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

/// A text's keyword candidates, found once for both methods: each distinct word by its
/// Simplified form (with the first surface form seen), how often it occurs, and the text
/// as a sequence of candidate indices. Finding a candidate maps the token to Simplified
/// and looks it up in the stop words; done once per token instead of three times (TF-IDF
/// and TextRank each counted, and TextRank walked the tokens again), keywords took 4 ms
/// of a 10,000-char article's 10 natively.
struct Candidates {
    order: Vec<(String, String)>,
    tf: Vec<usize>,
    seq: Vec<usize>,
}

impl Candidates {
    fn of(tokens: &[Token]) -> Self {
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let (mut order, mut tf, mut seq) = (Vec::new(), Vec::new(), Vec::new());
        for t in tokens {
            let Some(key) = candidate(t) else { continue };
            let i = match index.get(&key) {
                Some(&i) => i,
                None => {
                    order.push((key.clone(), t.text.to_string()));
                    tf.push(0);
                    index.insert(key, order.len() - 1);
                    order.len() - 1
                }
            };
            tf[i] += 1;
            seq.push(i);
        }
        Candidates { order, tf, seq }
    }

    fn tfidf(&self, corpus: &DocFrequencies, k: usize) -> Vec<Keyword> {
        let total: usize = self.tf.iter().sum();
        let scored = self
            .order
            .iter()
            .zip(&self.tf)
            .map(|((key, surface), &n)| Keyword {
                score: n as f64 / total.max(1) as f64 * corpus.idf(key),
                word: surface.clone(),
            })
            .collect();
        top(scored, k)
    }

    fn textrank(&self, k: usize) -> Vec<Keyword> {
        const WINDOW: usize = 5;
        const DAMPING: f64 = 0.85;
        let n = self.order.len();
        let mut weights: Vec<FxHashMap<usize, f64>> = vec![FxHashMap::default(); n];
        for (i, &a) in self.seq.iter().enumerate() {
            for &b in self.seq.iter().skip(i + 1).take(WINDOW - 1) {
                if a != b {
                    *weights[a].entry(b).or_default() += 1.0;
                    *weights[b].entry(a).or_default() += 1.0;
                }
            }
        }
        // Each word's edges as a sorted list: iterated 20 times, and in the same order on
        // every run, so equal scores sum alike.
        let edges: Vec<Vec<(usize, f64)>> = weights
            .into_iter()
            .map(|w| {
                let mut e: Vec<(usize, f64)> = w.into_iter().collect();
                e.sort_unstable_by_key(|&(b, _)| b);
                e
            })
            .collect();
        let out_weight: Vec<f64> = edges
            .iter()
            .map(|e| e.iter().map(|&(_, w)| w).sum())
            .collect();
        let mut score = vec![1.0; n];
        let mut next = vec![0.0; n];
        for _ in 0..20 {
            next.fill(1.0 - DAMPING);
            for (a, e) in edges.iter().enumerate() {
                let share = DAMPING * score[a] / out_weight[a];
                for &(b, w) in e {
                    next[b] += w * share;
                }
            }
            std::mem::swap(&mut score, &mut next);
        }
        let scored = self
            .order
            .iter()
            .zip(score)
            .map(|((_, surface), score)| Keyword {
                word: surface.clone(),
                score,
            })
            .collect();
        top(scored, k)
    }
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
    Candidates::of(tokens).tfidf(corpus, k)
}

/// The `k` most central words of `tokens` by TextRank: words co-occurring within a window
/// of five content words vote for each other (damping 0.85, 20 iterations).
pub fn textrank(tokens: &[Token], k: usize) -> Vec<Keyword> {
    Candidates::of(tokens).textrank(k)
}

/// Both: the `k` best by TF-IDF against `corpus`, then by TextRank, finding the
/// candidates once.
pub fn tfidf_and_textrank(
    tokens: &[Token],
    corpus: &DocFrequencies,
    k: usize,
) -> (Vec<Keyword>, Vec<Keyword>) {
    let candidates = Candidates::of(tokens);
    (candidates.tfidf(corpus, k), candidates.textrank(k))
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
    fn both_at_once_equal_each_alone() {
        let a = Analyzer::new();
        let mut corpus = DocFrequencies::default();
        corpus.add(&a.segment("香港經濟持續發展。"));
        let tokens = a.segment(ARTICLE);
        let (t, r) = tfidf_and_textrank(&tokens, &corpus, 5);
        assert_eq!(t, tfidf(&tokens, &corpus, 5));
        assert_eq!(r, textrank(&tokens, 5));
        assert_eq!(r.len(), 5);
    }

    #[test]
    fn empty_input_has_no_keywords() {
        assert!(textrank(&[], 5).is_empty());
        assert!(tfidf(&[], &DocFrequencies::default(), 5).is_empty());
    }
}
