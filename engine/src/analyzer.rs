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

    /// Makes the tables every analyzer shares (the entity layers' patterns and word lists,
    /// the script tables) by warming up an analyzer of a two-word dictionary. They are most
    /// of a first analysis and need no dictionary, so the web worker makes them while the
    /// dictionaries download, when it would otherwise wait idle. Results are unchanged: the
    /// tables are the same whichever analyzer makes them.
    pub fn warm_shared_tables() {
        if let Ok(tiny) = Analyzer::from_dictionaries(TINY) {
            tiny.warm_up(Script::Traditional);
        }
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

/// A packed file (`crate::dictionary`) of two words, with one-char HMMs and jieba's tags:
/// the smallest the analyzer accepts, for [`Analyzer::warm_shared_tables`].
const TINY: &str = "jiexi-dictionaries 2\n@dictionaries 10\n2 2 2\n33\n0香港\n0新闻\nns\nn\n10\n10\n10\n10\n\
@traditional-hmm 9\n-0.5 -3.14e+100 -3.14e+100 -1.0\n-3.14e+100 -0.2 -1.9 -3.14e+100\n\
-0.5 -3.14e+100 -3.14e+100 -1.0\n-3.14e+100 -0.2 -1.8 -3.14e+100\n-0.6 -3.14e+100 -3.14e+100 -0.8\n\
香:-9.0\n港:-9.0\n新:-9.0\n闻:-9.0\n\
@posseg-hmm 8\n@TAGS\na,ad,ag,an,b,bg,c,d,df,dg,e,en,f,g,h,i,in,j,jn,k,l,ln,m,mg,mq,n,ng,nr,nrfg,nrt,ns,nt,nz,o,p,q,qe,qg,r,rg,rr,rz,s,t,tg,u,ud,ug,uj,ul,uv,uz,v,vd,vg,vi,vn,vq,w,x,y,yg,z,zg\n@START\n0,0,-1.0\n@TRANS\n0,0|3,0,-1.0\n@CHARS\n香|0,-3.0|96,-2.0\n";

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-word file is one the analyzer accepts and segments with (were it refused,
    /// warming the shared tables would quietly do nothing).
    #[test]
    fn tiny_dictionaries_load() {
        let tiny = Analyzer::from_dictionaries(TINY).expect("the tiny file loads");
        let words: Vec<String> = tiny
            .analyze_as("香港新聞", Script::Traditional)
            .tokens
            .iter()
            .map(|t| t.text.to_string())
            .collect();
        assert_eq!(words, ["香港", "新聞"]);
    }
}
