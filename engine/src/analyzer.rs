//! The pipeline: script detection, normalisation, segmentation, entities.

use crate::entities;
use crate::script::{self, Script};
use crate::segment::{Original, Segmenter};
use crate::{Analysis, Token};

/// The analysis pipeline. Dictionaries load on first use (tens to hundreds of
/// milliseconds), so build one `Analyzer` and reuse it for every text.
#[derive(Default)]
pub struct Analyzer {
    segmenter: Segmenter,
}

impl Analyzer {
    /// An analyzer with the embedded dictionaries.
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads the dictionary (and the recogniser's tables) for `script` now rather than on
    /// the first text.
    pub fn warm_up(&self, script: Script) {
        let _ = self.analyze_as("記者羅柳斌報道：2024年12月17日，深圳。", script);
    }

    /// Adds a word to the dictionaries, e.g. from the user's dictionary. A word jieba
    /// already knows keeps its tag (jieba's `add_word` never changes it).
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, tag: Option<&str>) {
        self.segmenter.add_word(word, freq, tag);
    }

    /// Tokens of `text` (script detected), whitespace excluded; together with the
    /// whitespace between them they cover `text` exactly.
    pub fn segment(&self, text: &str) -> Vec<Token> {
        self.segment_as(text, script::detect(text))
    }

    /// Tokens of `text` analysed as `script` (e.g. detected once for a whole file).
    pub fn segment_as(&self, text: &str, script: Script) -> Vec<Token> {
        let prepared = self.segmenter.prepare(text, script);
        Original::new(text).tokens(&prepared)
    }

    /// Tokens and entities of `text` (script detected).
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_as(text, script::detect(text))
    }

    /// Tokens and entities of `text` analysed as `script`.
    pub fn analyze_as(&self, text: &str, script: Script) -> Analysis {
        let prepared = self.segmenter.prepare(text, script);
        let original = Original::new(text);
        let tokens = original.tokens(&prepared);
        let found = entities::recognize(&prepared);
        let entities = entities::to_entities(&original, &prepared, &found);
        Analysis {
            script,
            tokens,
            entities,
        }
    }
}
