//! Counts shown beside an article: chars, words, sentences and entities per type.

use jiexi_engine::{Analysis, EntityType};
use serde::{Deserialize, Serialize};

/// Counts shown beside an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Chars that are not whitespace.
    pub chars: usize,
    pub words: usize,
    pub sentences: usize,
    /// Entities per type, in [`EntityType::ALL`] order, types with none left out.
    pub entities: Vec<(EntityType, usize)>,
}

/// The stats of `text` and its analysis.
pub fn stats(text: &str, analysis: &Analysis) -> Stats {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    // A sentence: a run of text ended by a sentence mark or a paragraph break.
    let mut sentences = 0;
    let mut open = false;
    for c in text.chars() {
        if ends_sentence(c) {
            if open {
                sentences += 1;
            }
            open = false;
        } else if !c.is_whitespace() {
            open = true;
        }
    }
    if open {
        sentences += 1;
    }
    let words = analysis
        .tokens
        .iter()
        .filter(|t| t.text.chars().any(|c| c.is_alphanumeric()))
        .count();
    let entities = EntityType::ALL
        .into_iter()
        .map(|k| (k, analysis.entities.iter().filter(|e| e.kind == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    Stats {
        chars,
        words,
        sentences,
        entities,
    }
}

/// Chars that end a sentence (also a CoNLL block).
pub(crate) fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | '\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn stats_count_sentences_words_entities() {
        let a = analysed();
        let s = stats(TEXT, &a);
        assert_eq!(s.sentences, 2);
        assert_eq!(s.chars, TEXT.chars().filter(|c| !c.is_whitespace()).count());
        assert!(s.words > 10);
        assert!(s.entities.contains(&(EntityType::Person, 3)));
        assert_eq!(stats("", &Analysis::default()), Stats::default());
    }
}
