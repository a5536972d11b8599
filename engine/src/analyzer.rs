//! The pipeline: script detection, normalisation, segmentation, entities.

use crate::entities;
use crate::entities::Candidate;
use crate::script::Script;
use crate::segment::{AnalysisText, Guesses, Original, Segmenter, Span};
use crate::values::{self, CalendarDate};
use crate::{Analysis, Error, Token};

/// The analysis pipeline. Dictionaries load on first use (tens to hundreds of
/// milliseconds), so build one `Analyzer` and reuse it for every text.
#[cfg_attr(feature = "embedded-dictionaries", derive(Default))]
pub struct Analyzer {
    segmenter: Segmenter,
}

impl Analyzer {
    /// An analyzer with the embedded dictionaries.
    #[cfg(feature = "embedded-dictionaries")]
    pub fn new() -> Self {
        Self::default()
    }

    /// An analyzer with the dictionaries of a packed `dictionaries.txt` (the web app
    /// downloads it as an asset of its own); a damaged file is an error.
    pub fn from_dictionaries(packed: &str) -> Result<Self, Error> {
        Ok(Analyzer {
            segmenter: Segmenter::from_packed(packed)?,
        })
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
        let analysis_text = AnalysisText::new(text);
        let script = analysis_text.script;
        self.segment_text(text, analysis_text, script)
    }

    /// Tokens of `text` analysed as `script` (e.g. detected once for a whole file).
    pub fn segment_as(&self, text: &str, script: Script) -> Vec<Token> {
        self.segment_text(text, AnalysisText::new(text), script)
    }

    fn segment_text(&self, text: &str, analysis_text: AnalysisText, script: Script) -> Vec<Token> {
        let prepared = self
            .segmenter
            .segment(analysis_text, script, &mut Guesses::default());
        Original::new(text).tokens(&prepared.normalized, &prepared.words)
    }

    /// Tokens and entities of `text` (script detected, as [`crate::script::detect`] does).
    /// The same as [`Analyzer::analyze_dated`] with no date: only dates the text fixes
    /// get a value.
    pub fn analyze(&self, text: &str) -> Analysis {
        self.analyze_dated(text, None)
    }

    /// Tokens and entities of `text`, an article of date `date` if known: dates said
    /// relative to it (昨日, 上周五, 去年底) get their values from it.
    pub fn analyze_dated(&self, text: &str, date: Option<CalendarDate>) -> Analysis {
        let analysis_text = AnalysisText::new(text);
        let script = analysis_text.script;
        self.analyze_text(text, analysis_text, script, date)
    }

    /// Tokens and entities of `text` analysed as `script`.
    pub fn analyze_as(&self, text: &str, script: Script) -> Analysis {
        self.analyze_text(text, AnalysisText::new(text), script, None)
    }

    fn analyze_text(
        &self,
        text: &str,
        analysis_text: AnalysisText,
        script: Script,
        date: Option<CalendarDate>,
    ) -> Analysis {
        // One set of guesses for both passes: they meet mostly the same unknown words.
        let mut guesses = Guesses::default();
        let prepared = self.segmenter.segment(analysis_text, script, &mut guesses);
        // Entities are found on jieba's own segmentation, whose tags the layers read (nr,
        // ns, nt): on Traditional text it finds names the Traditional dictionary's word
        // boundaries hide (MSRA→HK NER F1 0.63 → 0.68, scripts/bench/bench_accuracy.py).
        let found = match script {
            Script::Traditional => {
                let again = self
                    .segmenter
                    .resegment(&prepared, Script::Simplified, &mut guesses);
                entities::recognize(&again)
            }
            Script::Simplified => entities::recognize(&prepared),
        };
        let original = Original::new(text);
        let mut tokens = Vec::with_capacity(prepared.words.len() + 2 * found.len());
        split_at_entities(&prepared.words, &found, |w| {
            tokens.push(original.token(&prepared.normalized, &w));
        });
        let mut entities = entities::to_entities(&original, &prepared, &found);
        values::attach(text, &mut entities, date);
        Analysis {
            script,
            tokens,
            entities,
        }
    }
}

/// Splits words that cross an entity boundary, so that every entity is a run of whole
/// tokens (中美 → 中 / 美 when both are places): a reader can then wrap tokens in entities.
/// The words are handed to `out` in order.
fn split_at_entities(words: &[Span], found: &[Candidate], mut out: impl FnMut(Span)) {
    let mut cuts: Vec<usize> = found.iter().flat_map(|c| [c.start, c.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    // Words come in order: one cursor finds the first cut after each word's start.
    let mut from = 0;
    for &w in words {
        while cuts.get(from).is_some_and(|&c| c <= w.start) {
            from += 1;
        }
        let mut start = w.start;
        for &cut in cuts[from..].iter().take_while(|&&c| c < w.end) {
            out(Span {
                start,
                end: cut,
                ..w
            });
            start = cut;
        }
        out(Span { start, ..w });
    }
}
