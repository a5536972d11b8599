//! The worker side of the page ↔ worker protocol ([`crate::protocol`]).

use gloo_worker::{HandlerId, Worker, WorkerScope};
use jiexi_corpus::authority::Authority;
use jiexi_corpus::identity::group_entities;
use jiexi_corpus::index::{CorpusIndex, Source};
use jiexi_corpus::{input, stats};
use jiexi_engine::keywords::{self, DocFrequencies};
use jiexi_engine::{Analyzer, CalendarDate, Script};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::bundled;
use crate::protocol::{ArchiveFile, DecodedFile, Keywords, LoadError, Request, Response};
use crate::wire::PackedTokens;

/// Words sent with the corpus index: enough that the user's stop words can remove
/// hundreds and the chart still has its top 20.
const WORDS: usize = 1000;

/// How many keywords of each kind an article gets.
const KEYWORDS: usize = 12;

/// Where the dictionaries are: the worker's loading state.
enum Dictionaries {
    /// Not asked for yet (the page's `Warmup` brings their URL).
    NotRequested,
    /// On their way; requests that need them wait.
    Loading,
    /// Boxed: the analyzer is large, and the other states are a word or two.
    Ready(Box<Analyzer>),
    /// They could not be loaded: every request that needs them gets this answer.
    Failed(LoadError),
}

/// Holds the engine, built once when the worker starts, and the corpus it has analysed.
pub struct AnalysisWorker {
    dictionaries: Dictionaries,
    /// Requests that need the analyzer, received before it was ready.
    waiting: Vec<(HandlerId, Request)>,
    corpus: Corpus,
}

/// What the worker keeps between requests, above single texts.
#[derive(Default)]
struct Corpus {
    /// Document frequencies of the bundled corpus, built on the first analysis.
    frequencies: Option<DocFrequencies>,
    /// The corpus views' index, built when they are first opened.
    index: CorpusIndex,
    /// An authority file received and not yet applied to the index: analyses use it at
    /// once, the index takes it before it answers anything (see `Request::SetAuthority`).
    authority: Option<Authority>,
}

/// Milliseconds, sub-millisecond where the browser allows.
fn now() -> f64 {
    js_sys::global()
        .unchecked_into::<web_sys::WorkerGlobalScope>()
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Marks a moment of the start-up in the worker's performance timeline
/// (`scripts/bench/perf.mjs` reads them to say where `jiexi:ready` goes); a handful per
/// start, so cheap. A browser without the timeline is no error.
fn mark(name: &str) {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    if let Some(performance) = scope.performance() {
        let _ = performance.mark(name);
    }
}

/// Downloads and unpacks the dictionaries.
async fn load_dictionaries(url: String) -> Result<Analyzer, LoadError> {
    let failed = |e: wasm_bindgen::JsValue| {
        LoadError::Download(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}")),
        )
    };
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(&url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(LoadError::Status {
            status: response.status(),
            url,
        });
    }
    // Bytes, not text: a JavaScript string would be decoded from UTF-8 and encoded again
    // on its way into wasm (4.7 MB each way).
    let bytes = response.array_buffer().map_err(failed)?;
    let bytes = JsFuture::from(bytes).await.map_err(failed)?;
    mark("jiexi:worker:fetched");
    let text = String::from_utf8(js_sys::Uint8Array::new(&bytes).to_vec())
        .map_err(|_| LoadError::Damaged("not UTF-8".to_string()))?;
    let analyzer = Analyzer::from_dictionaries(&text)
        .map_err(|jiexi_engine::Error::Dictionary(detail)| LoadError::Damaged(detail));
    mark("jiexi:worker:built");
    analyzer
}

impl Corpus {
    fn frequencies<'a>(
        analyzer: &Analyzer,
        frequencies: &'a mut Option<DocFrequencies>,
    ) -> &'a DocFrequencies {
        frequencies.get_or_insert_with(|| {
            let mut df = DocFrequencies::default();
            for doc in bundled::indexed() {
                let analysis = analyzer.analyze(doc.text);
                df.add(&keywords::terms(&analysis.tokens, &analysis.entities));
            }
            df
        })
    }

    /// The index brought to the authority file received last.
    fn index(&mut self) -> &mut CorpusIndex {
        if let Some(authority) = self.authority.take() {
            self.index.set_authority(authority);
        }
        &mut self.index
    }

    /// Answers a request that needs the analyzer.
    fn answer(&mut self, analyzer: &Analyzer, msg: Request) -> Option<Response> {
        match msg {
            Request::Warmup { .. } => {
                // Most users paste Traditional text: its tables load before the first paste.
                analyzer.warm_up(Script::Traditional);
                mark("jiexi:worker:warm");
                Some(Response::Ready)
            }
            Request::Analyze {
                id,
                text,
                date,
                corrections,
            } => {
                let started = now();
                let date = date.as_deref().and_then(CalendarDate::parse);
                let mut analysis = analyzer.analyze_dated(&text, date);
                let elapsed_ms = now() - started;
                corrections.apply(&text, &mut analysis);
                (self.authority.as_ref())
                    .unwrap_or(self.index.authority())
                    .apply(&mut analysis);
                let corpus = Self::frequencies(analyzer, &mut self.frequencies);
                let terms = keywords::terms(&analysis.tokens, &analysis.entities);
                let (tfidf, textrank) = keywords::tfidf_and_textrank(&terms, corpus, KEYWORDS);
                let keywords = Keywords { tfidf, textrank };
                Some(Response::Analyzed {
                    id,
                    groups: group_entities(&analysis.entities),
                    stats: stats::stats(&text, &analysis),
                    script: analysis.script,
                    tokens: PackedTokens::pack(&text, &analysis.tokens),
                    entities: analysis.entities,
                    keywords,
                    elapsed_ms,
                })
            }
            Request::Index { docs } => {
                let started = now();
                let mut all: Vec<(String, Option<Source>)> = bundled::indexed()
                    .map(|d| {
                        let source = Source {
                            text: d.text.to_string(),
                            date: d.date.clone(),
                        };
                        (d.id.clone(), Some(source))
                    })
                    .collect();
                all.extend(docs);
                let index = self.index();
                let analysed = index.update_changed(analyzer, all);
                Some(Response::Indexed {
                    entities: index.entities(),
                    words: index.words(WORDS),
                    docs: index.len(),
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
                let result = self.index().concordance(&query, width, order, limit);
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
                let graph = self.index().cooccurrence(unit, &types, max_nodes);
                Some(Response::Graph {
                    id,
                    graph,
                    elapsed_ms: now() - started,
                })
            }
            Request::Distinctive { doc, limit } => Some(Response::Distinctive {
                words: self.index().distinctive(&doc, limit),
                doc,
            }),
            Request::SetAuthority { authority } => {
                self.authority = Some(authority);
                None
            }
            Request::Recount => {
                let started = now();
                let index = self.index();
                Some(Response::AuthorityApplied {
                    entities: index.entities(),
                    docs: index.len(),
                    elapsed_ms: now() - started,
                })
            }
            Request::Timeline { id } => {
                let started = now();
                let moments = jiexi_corpus::timeline::library_timeline(self.index());
                Some(Response::Timeline {
                    id,
                    moments,
                    elapsed_ms: now() - started,
                })
            }
            Request::Card {
                id,
                entity,
                related,
            } => Some(Response::Card {
                id,
                card: self.index().card(&entity, related),
            }),
            Request::Decode { .. } | Request::DecodeArchive { .. } => None,
        }
    }
}

impl Worker for AnalysisWorker {
    /// The dictionaries, loaded (or why not).
    type Message = Result<Analyzer, LoadError>;
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        mark("jiexi:worker:started");
        AnalysisWorker {
            dictionaries: Dictionaries::NotRequested,
            waiting: Vec::new(),
            corpus: Corpus::default(),
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, loaded: Self::Message) {
        self.dictionaries = match loaded {
            Ok(analyzer) => Dictionaries::Ready(Box::new(analyzer)),
            Err(why) => Dictionaries::Failed(why),
        };
        for (who, msg) in std::mem::take(&mut self.waiting) {
            self.received(scope, msg, who);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, who: HandlerId) {
        if let (Request::Warmup { dictionaries }, Dictionaries::NotRequested) =
            (&msg, &self.dictionaries)
        {
            self.dictionaries = Dictionaries::Loading;
            let (scope, url) = (scope.clone(), dictionaries.clone());
            wasm_bindgen_futures::spawn_local(async move {
                scope.send_message(load_dictionaries(url).await);
            });
        }
        let response = match msg {
            Request::Decode { name, bytes } => {
                let result = input::decode_text(&name, &bytes).map(|d| DecodedFile {
                    text: d.text,
                    encoding: d.encoding.to_string(),
                });
                Response::Decoded { name, result }
            }
            Request::DecodeArchive { name, bytes } => {
                let result = input::decode_zip(&name, &bytes).map(|files| {
                    (files.into_iter())
                        .map(|f| ArchiveFile {
                            name: f.name,
                            result: f.result.map(|d| DecodedFile {
                                text: d.text,
                                encoding: d.encoding.to_string(),
                            }),
                        })
                        .collect()
                });
                Response::DecodedArchive { name, result }
            }
            msg => match &self.dictionaries {
                Dictionaries::Ready(analyzer) => match self.corpus.answer(analyzer, msg) {
                    Some(response) => response,
                    None => return,
                },
                Dictionaries::NotRequested | Dictionaries::Loading => {
                    self.waiting.push((who, msg));
                    return;
                }
                Dictionaries::Failed(why) => Response::Failed(why.clone()),
            },
        };
        scope.respond(who, response);
    }
}
