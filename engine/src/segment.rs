//! Segmentation and POS tagging with jieba, returning tokens with char offsets into
//! the original text.

use jieba_rs::Jieba;

use crate::{entities, Analysis, Token};

/// The analysis pipeline. Building one loads the dictionary (tens of milliseconds),
/// so build it once and reuse it for every text.
pub struct Analyzer {
    jieba: Jieba,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with jieba's embedded default dictionary and HMM.
    pub fn new() -> Self {
        Analyzer {
            jieba: Jieba::new(),
        }
    }

    /// Tokens of `text`, whitespace excluded. Together with the whitespace between
    /// them they tile `text` exactly.
    pub fn segment(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(text.len() / 4);
        for tag in self.jieba.tag(text, true) {
            push_without_whitespace(&mut tokens, tag.word, tag.start, tag.tag);
        }
        tokens
    }

    /// Tokens and entities of `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        let tokens = self.segment(text);
        let entities = entities::from_pos_tags(&tokens);
        Analysis { tokens, entities }
    }
}

/// jieba emits runs of whitespace as tokens, and occasionally a token holding
/// whitespace inside; whitespace is never a token here, so split on it.
fn push_without_whitespace(out: &mut Vec<Token>, word: &str, start: usize, pos: &str) {
    let mut run_start: Option<(usize, usize)> = None; // (char offset, byte offset)
    let mut chars = 0;
    for (byte, c) in word.char_indices() {
        if c.is_whitespace() {
            if let Some((cs, bs)) = run_start.take() {
                out.push(token(&word[bs..byte], start + cs, start + chars, pos));
            }
        } else if run_start.is_none() {
            run_start = Some((chars, byte));
        }
        chars += 1;
    }
    if let Some((cs, bs)) = run_start {
        out.push(token(&word[bs..], start + cs, start + chars, pos));
    }
}

fn token(text: &str, start: usize, end: usize, pos: &str) -> Token {
    Token {
        start,
        end,
        text: text.to_string(),
        pos: pos.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_never_a_token() {
        let a = Analyzer::new();
        let tokens = a.segment("  深圳 \n\n 香港\u{3000}合作 ");
        assert!(tokens.iter().all(|t| !t.text.trim().is_empty()));
        let words: Vec<_> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words.concat(), "深圳香港合作");
    }

    #[test]
    fn offsets_are_chars_into_the_original() {
        let a = Analyzer::new();
        let text = "𠝹 香港大學";
        for t in a.segment(text) {
            let slice: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(slice, t.text);
        }
    }
}
