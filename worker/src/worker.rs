//! The worker side of the page ↔ worker protocol.

use gloo_worker::{HandlerId, Worker, WorkerScope};
use jiexi_engine::cooccurrence::{Graph, Unit};
use jiexi_engine::corpus::{CorpusIndex, Distinctive, Hit, IndexEntry, Order, Query, WordCount};
use jiexi_engine::corrections::UserDictionary;
use jiexi_engine::export::{self, EntityGroup, Stats};
use jiexi_engine::keywords::{self, DocFrequencies, Keyword};
use jiexi_engine::wire::PackedTokens;
use jiexi_engine::{input, Analyzer, Entity, EntityType, Script};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::bundled;

/// Words sent with the corpus index: enough that the user's stop words can remove
/// hundreds and the chart still has its top 20.
const WORDS: usize = 1000;

/// How many keywords of each kind an article gets.
const KEYWORDS: usize = 12;

/// A request from the page. `id` lets the page drop answers to superseded requests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Sent at start-up with the absolute URL of the packed dictionaries (the worker runs
    /// from a `blob:` URL, against which nothing relative resolves): answered with `Ready`
    /// once they are loaded, or `Failed`.
    Warmup { dictionaries: String },
    /// `corrections`: the user's dictionary, applied on top of the engine's findings.
    Analyze {
        id: u64,
        text: String,
        corrections: UserDictionary,
    },
    /// Index the bundled documents and these (id, text) of the user's for the corpus
    /// views. The text is `None` for a document sent before and unchanged since; the
    /// library is listed whole, so documents gone leave the index.
    Index { docs: Vec<(String, Option<String>)> },
    /// Concordance lines of the indexed corpus.
    Concordance {
        id: u64,
        query: Query,
        width: usize,
        order: Order,
        limit: usize,
    },
    /// The co-occurrence graph of the indexed corpus: the `max_nodes` most mentioned
    /// entities of `types` (all if empty).
    Graph {
        id: u64,
        unit: Unit,
        types: Vec<EntityType>,
        max_nodes: usize,
    },
    /// The words that set one indexed document apart from the rest.
    Distinctive { doc: String, limit: usize },
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
    /// The dictionaries could not be loaded: why, for the user. Nothing can be analysed
    /// by this worker; the page starts a new one to try again.
    Failed(String),
    /// `elapsed_ms`: time the engine's analysis (segmentation and entities) took, measured
    /// in the worker: what the performance harness compares with the native engine.
    /// Grouping and counting run here too: on a 1 MB text they kept the page busy.
    /// The tokens are packed (the page slices their text out of its own copy: a 1 MB
    /// text's tokens as they are took the page 190 ms to decode).
    Analyzed {
        id: u64,
        script: Script,
        tokens: PackedTokens,
        entities: Vec<Entity>,
        groups: Vec<EntityGroup>,
        stats: Stats,
        keywords: Keywords,
        elapsed_ms: f64,
    },
    /// The entity index of the corpus; `analysed`: documents analysed for this update.
    Indexed {
        entities: Vec<IndexEntry>,
        /// The most frequent words (jiexi's stop words left out; the page removes the
        /// user's own).
        words: Vec<WordCount>,
        docs: usize,
        analysed: usize,
        elapsed_ms: f64,
    },
    /// Concordance lines (at most the limit) and how many there are, or why not.
    Concordance {
        id: u64,
        result: Result<(Vec<Hit>, usize), String>,
        elapsed_ms: f64,
    },
    Graph {
        id: u64,
        graph: Graph,
        elapsed_ms: f64,
    },
    Distinctive {
        doc: String,
        words: Vec<Distinctive>,
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
    /// `Err` until the dictionaries have arrived (`None`), or why they could not be loaded.
    analyzer: Result<Analyzer, Option<String>>,
    /// Requests that need the analyzer, received before it was ready.
    waiting: Vec<(HandlerId, Request)>,
    /// Document frequencies of the bundled corpus, built on the first analysis.
    corpus: Option<DocFrequencies>,
    /// The corpus views' index, built when they are first opened.
    index: CorpusIndex,
}

/// Milliseconds, sub-millisecond where the browser allows.
fn now() -> f64 {
    js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Downloads and unpacks the dictionaries; the error says why, for the user.
async fn load_dictionaries(url: String) -> Result<Analyzer, String> {
    let failed = |what: &str, e: wasm_bindgen::JsValue| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}"));
        format!(
            "the dictionary could not be loaded ({what}: {detail}); check the connection and retry"
        )
    };
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(&url))
        .await
        .map_err(|e| failed("download", e))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the dictionary could not be loaded (the server answered {} for {url}); \
             retry, or reload the page",
            response.status()
        ));
    }
    // Bytes, not text: a JavaScript string would be decoded from UTF-8 and encoded again
    // on its way into wasm (4.7 MB each way).
    let bytes = response.array_buffer().map_err(|e| failed("download", e))?;
    let bytes = JsFuture::from(bytes)
        .await
        .map_err(|e| failed("download", e))?;
    let text = String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec())
        .map_err(|_| "the dictionary download is damaged (not UTF-8); retry".to_string())?;
    Analyzer::from_dictionaries(&text).map_err(|e| e.to_string())
}

impl AnalysisWorker {
    fn corpus<'a>(
        analyzer: &Analyzer,
        corpus: &'a mut Option<DocFrequencies>,
    ) -> &'a DocFrequencies {
        corpus.get_or_insert_with(|| {
            let mut df = DocFrequencies::default();
            for doc in bundled::indexed() {
                df.add(&analyzer.segment(doc.text));
            }
            df
        })
    }

    /// Answers a request that needs the analyzer.
    fn answer(&mut self, analyzer: &Analyzer, msg: Request) -> Option<Response> {
        match msg {
            Request::Warmup { .. } => {
                // Most users paste Traditional text: its tables load before the first paste.
                analyzer.warm_up(Script::Traditional);
                Some(Response::Ready)
            }
            Request::Analyze {
                id,
                text,
                corrections,
            } => {
                let started = now();
                let mut analysis = analyzer.analyze(&text);
                let elapsed_ms = now() - started;
                corrections.apply(&text, &mut analysis);
                let corpus = Self::corpus(analyzer, &mut self.corpus);
                let keywords = Keywords {
                    tfidf: keywords::tfidf(&analysis.tokens, corpus, KEYWORDS),
                    textrank: keywords::textrank(&analysis.tokens, KEYWORDS),
                };
                Some(Response::Analyzed {
                    id,
                    groups: export::group_entities(&analysis.entities),
                    stats: export::stats(&text, &analysis),
                    script: analysis.script,
                    tokens: PackedTokens::pack(&text, &analysis.tokens),
                    entities: analysis.entities,
                    keywords,
                    elapsed_ms,
                })
            }
            Request::Index { docs } => {
                let started = now();
                let mut all: Vec<(String, Option<String>)> = bundled::indexed()
                    .map(|d| (d.id.clone(), Some(d.text.to_string())))
                    .collect();
                all.extend(docs);
                let analysed = self.index.update_changed(analyzer, all);
                Some(Response::Indexed {
                    entities: self.index.entities(),
                    words: self.index.words(WORDS),
                    docs: self.index.len(),
                    analysed,
                    elapsed_ms: now() - started,
                })
            }
            Request::Concordance {
                id,
                query,
                width,
                order,
                limit,
            } => {
                let started = now();
                let result = self
                    .index
                    .concordance(&query, width, order, limit)
                    .map_err(|e| e.to_string());
                Some(Response::Concordance {
                    id,
                    result,
                    elapsed_ms: now() - started,
                })
            }
            Request::Graph {
                id,
                unit,
                types,
                max_nodes,
            } => {
                let started = now();
                let graph = self.index.cooccurrence(unit, &types, max_nodes);
                Some(Response::Graph {
                    id,
                    graph,
                    elapsed_ms: now() - started,
                })
            }
            Request::Distinctive { doc, limit } => Some(Response::Distinctive {
                words: self.index.distinctive(&doc, limit),
                doc,
            }),
            Request::Decode { .. } => None,
        }
    }
}

impl Worker for AnalysisWorker {
    /// The dictionaries, loaded (or why not).
    type Message = Result<Analyzer, String>;
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker {
            analyzer: Err(None),
            waiting: Vec::new(),
            corpus: None,
            index: CorpusIndex::default(),
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, loaded: Self::Message) {
        self.analyzer = loaded.map_err(Some);
        for (who, msg) in std::mem::take(&mut self.waiting) {
            self.received(scope, msg, who);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, who: HandlerId) {
        if let (Request::Warmup { dictionaries }, Err(None), true) =
            (&msg, &self.analyzer, self.waiting.is_empty())
        {
            let (scope, url) = (scope.clone(), dictionaries.clone());
            wasm_bindgen_futures::spawn_local(async move {
                scope.send_message(load_dictionaries(url).await);
            });
        }
        let response = match msg {
            Request::Decode { name, bytes } => {
                let result = input::decode_text(&name, &bytes)
                    .map(|d| DecodedFile {
                        text: d.text,
                        encoding: d.encoding.to_string(),
                    })
                    .map_err(|e| e.to_string());
                Response::Decoded { name, result }
            }
            msg => {
                // Taken out for the call, so `answer` may update the corpus cache.
                match std::mem::replace(&mut self.analyzer, Err(None)) {
                    Ok(analyzer) => {
                        let response = self.answer(&analyzer, msg);
                        self.analyzer = Ok(analyzer);
                        match response {
                            Some(response) => response,
                            None => return,
                        }
                    }
                    Err(None) => {
                        self.waiting.push((who, msg));
                        return;
                    }
                    Err(Some(reason)) => {
                        let response = Response::Failed(reason.clone());
                        self.analyzer = Err(Some(reason));
                        response
                    }
                }
            }
        };
        scope.respond(who, response);
    }
}
