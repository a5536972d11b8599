//! The worker side of the page ↔ worker protocol.

use gloo_worker::{HandlerId, Worker, WorkerScope};
use jiexi_engine::corrections::UserDictionary;
use jiexi_engine::export::{self, EntityGroup, Stats};
use jiexi_engine::keywords::{self, DocFrequencies, Keyword};
use jiexi_engine::{input, Analysis, Analyzer, Script};
use serde::{Deserialize, Serialize};

use crate::bundled::BUNDLED;

/// How many keywords of each kind an article gets.
const KEYWORDS: usize = 12;

/// A request from the page. `id` lets the page drop answers to superseded requests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Sent at start-up: answered with `Ready` once the dictionary is loaded.
    Warmup,
    /// `corrections`: the user's dictionary, applied on top of the engine's findings.
    Analyze {
        id: u64,
        text: String,
        corrections: UserDictionary,
    },
    /// A file the user dropped or picked, to be decoded (UTF-8, UTF-16, Big5, GB18030).
    /// Decoding runs here: the encoding tables stay out of the page's code.
    Decode { name: String, bytes: Vec<u8> },
}

/// Keywords of one article, two ways.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Keywords {
    /// TF-IDF against the bundled corpus: what sets this article apart.
    pub tfidf: Vec<Keyword>,
    /// TextRank over the article's own word graph: what it is about.
    pub textrank: Vec<Keyword>,
}

/// An answer from the worker: offsets and types, never HTML.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    Ready,
    /// `elapsed_ms`: time the engine took, measured in the worker.
    /// Grouping and counting run here too: on a 1 MB text they kept the page busy.
    Analyzed {
        id: u64,
        analysis: Analysis,
        groups: Vec<EntityGroup>,
        stats: Stats,
        keywords: Keywords,
        elapsed_ms: f64,
    },
    /// A decoded file, or the message to show instead.
    Decoded {
        name: String,
        result: Result<DecodedFile, String>,
    },
}

/// A file's text and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecodedFile {
    pub text: String,
    pub encoding: String,
}

/// Holds the engine, built once when the worker starts.
pub struct AnalysisWorker {
    analyzer: Analyzer,
    /// Document frequencies of the bundled corpus, built on the first analysis.
    corpus: Option<DocFrequencies>,
}

impl AnalysisWorker {
    fn corpus(&mut self) -> &DocFrequencies {
        let analyzer = &self.analyzer;
        self.corpus.get_or_insert_with(|| {
            let mut df = DocFrequencies::default();
            for doc in BUNDLED {
                df.add(&analyzer.segment(doc.text));
            }
            df
        })
    }
}

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker {
            analyzer: Analyzer::new(),
            corpus: None,
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, who: HandlerId) {
        let response = match msg {
            Request::Warmup => {
                // Most users paste Traditional text: load its dictionary before the first paste.
                self.analyzer.warm_up(Script::Traditional);
                Response::Ready
            }
            Request::Analyze {
                id,
                text,
                corrections,
            } => {
                let started = js_sys::Date::now();
                let mut analysis = self.analyzer.analyze(&text);
                corrections.apply(&text, &mut analysis);
                let keywords = Keywords {
                    tfidf: keywords::tfidf(&analysis.tokens, self.corpus(), KEYWORDS),
                    textrank: keywords::textrank(&analysis.tokens, KEYWORDS),
                };
                Response::Analyzed {
                    id,
                    groups: export::group_entities(&analysis.entities),
                    stats: export::stats(&text, &analysis),
                    analysis,
                    keywords,
                    elapsed_ms: js_sys::Date::now() - started,
                }
            }
            Request::Decode { name, bytes } => {
                let result = input::decode_text(&name, &bytes)
                    .map(|d| DecodedFile {
                        text: d.text,
                        encoding: d.encoding.to_string(),
                    })
                    .map_err(|e| e.to_string());
                Response::Decoded { name, result }
            }
        };
        scope.respond(who, response);
    }
}
