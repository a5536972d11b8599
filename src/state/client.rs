//! The page side of the worker protocol: one worker, requests numbered so that an
//! answer to a superseded request is never shown.

use gloo_worker::{Spawnable, WorkerBridge};
use jiexi_corpus::cooccurrence::{Graph, Unit};
use jiexi_corpus::corrections::UserDictionary;
use jiexi_corpus::identity::EntityGroup;
use jiexi_corpus::index::{Distinctive, Hit, IndexEntry, Order, Query, WordCount};
use jiexi_corpus::stats::Stats;
use jiexi_engine::{Analysis, EntityType};
use leptos::prelude::*;

use crate::state::latest::Latest;
use crate::state::queue::{Next, Queue};
use crate::state::status::Status;
use jiexi_worker::protocol::{DecodedFile, Keywords, Request, Response};
use jiexi_worker::worker::AnalysisWorker;

/// The worker script trunk emits for `data-type="worker"`; relative so the app works
/// under any sub-path.
const WORKER_SCRIPT: &str = "./worker.js";

/// The packed dictionaries (`engine/data/dictionaries.txt`, copied by trunk): an asset of
/// its own, cached on its own, so that a new build of the code does not make users
/// download the dictionary again.
const DICTIONARIES: &str = "dictionaries.txt";

/// `path` resolved against the page's base URL (the app may live under any sub-path).
fn asset_url(path: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
        .map_or_else(|| path.to_string(), |url| url.href())
}

/// The corpus views' entity index, as the worker sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusIndexed {
    pub entities: std::sync::Arc<Vec<IndexEntry>>,
    pub words: std::sync::Arc<Vec<WordCount>>,
    pub docs: usize,
    pub analysed: usize,
    pub elapsed_ms: f64,
    /// The worker's time for the last recount with a new authority file, if any since.
    pub recount_ms: Option<f64>,
}

/// Concordance lines (at most the limit asked) and the total, or why there are none.
#[derive(Debug, Clone, PartialEq)]
pub struct ConcordanceLines {
    /// Which question this answers (they are numbered as asked).
    pub id: u64,
    pub result: Result<(Vec<Hit>, usize), String>,
    pub elapsed_ms: f64,
}

/// The co-occurrence graph last asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphAnswer {
    pub id: u64,
    pub graph: std::sync::Arc<Graph>,
    pub elapsed_ms: f64,
}

/// A text and what the engine found in it, as shown in the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    pub analysis: Analysis,
    /// Entities grouped by name, most frequent first.
    pub groups: std::sync::Arc<Vec<EntityGroup>>,
    pub stats: Stats,
    pub keywords: Keywords,
    /// Time the engine took in the worker.
    pub engine_ms: f64,
}

impl Shown {
    /// `text` and its analysis with the groups and counts computed here, as the worker
    /// does (for tests and anything that analyses on the page's thread).
    pub fn local(text: &str, analysis: Analysis) -> Shown {
        Shown {
            groups: std::sync::Arc::new(jiexi_corpus::identity::group_entities(&analysis.entities)),
            stats: jiexi_corpus::stats::stats(text, &analysis),
            text: text.to_string(),
            analysis,
            keywords: Keywords::default(),
            engine_ms: 0.0,
        }
    }
}

/// Files imported together: how many were sent to be decoded, how many answered, the
/// texts read and why each file that could not be read was not (a message that names it,
/// as the decoder's errors do).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub total: usize,
    pub done: usize,
    pub texts: Vec<(String, String)>,
    pub failed: Vec<String>,
}

impl Batch {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// Handle to the analysis worker and the state it drives. `Copy`, so components take it
/// by value; the bridge itself stays on this thread.
#[derive(Clone, Copy)]
pub struct AnalysisClient {
    bridge: StoredValue<Option<WorkerBridge<AnalysisWorker>>, LocalStorage>,
    queue: StoredValue<Queue>,
    pub status: RwSignal<Status>,
    /// The newest text's analysis, once answered.
    pub shown: Latest<Shown>,
    /// Files being imported together (many dropped, or a zip), until all are decoded.
    pub batch: RwSignal<Option<Batch>>,
    /// The last file decoded by the worker: its name and text.
    pub opened_file: RwSignal<Option<(String, DecodedFile)>>,
    /// The user's corrections, sent with every text.
    pub corrections: RwSignal<UserDictionary>,
    /// The user's authority file (merges, names, types, blocks), sent whenever it changes
    /// and to every new worker.
    pub authority: RwSignal<jiexi_corpus::authority::Authority>,
    /// The library's timeline asked for last, once answered.
    pub timeline: Latest<std::sync::Arc<Vec<jiexi_corpus::timeline::DocMoment>>>,
    /// The entity card asked for last, once answered (`None` inside: not in the corpus).
    pub card: Latest<Option<jiexi_corpus::card::Card>>,
    /// The open document's date (`YYYY-MM-DD`), sent with every text: relative dates in
    /// it (昨日, 上周五) get their values from it. Set before the text is analysed.
    date: StoredValue<Option<String>>,
    /// The corpus views' entity index, once built.
    pub corpus: RwSignal<Option<CorpusIndexed>>,
    /// The latest concordance asked for, once answered.
    pub concordance: Latest<ConcordanceLines>,
    /// Hashes of the texts (and dates) the worker's corpus index has, by document id;
    /// `None` until the library is first sent to this worker.
    indexed: StoredValue<Option<std::collections::HashMap<String, u64>>>,
    /// How many workers were started. A new one (after a restart) has an empty corpus
    /// index: the corpus views, if open, send the library again.
    pub workers: RwSignal<u64>,
    /// The co-occurrence graph, once answered.
    pub graph: Latest<GraphAnswer>,
    /// The distinctive words of a document: (document id, words).
    pub distinctive: RwSignal<Option<(String, Vec<Distinctive>)>>,
    /// The worker could not load its dictionaries: the next analysis starts a new one.
    failed: StoredValue<bool>,
    /// The worker has its dictionaries (a download on a slow line must not be mistaken
    /// for a dead worker).
    loaded: StoredValue<bool>,
}

impl AnalysisClient {
    /// Starts the worker and asks it to load the dictionary straight away.
    pub fn spawn() -> Self {
        let client = AnalysisClient {
            bridge: StoredValue::new_local(None),
            queue: StoredValue::new(Queue::default()),
            status: RwSignal::new(Status::Loading),
            shown: Latest::default(),
            opened_file: RwSignal::new(None),
            batch: RwSignal::new(None),
            corrections: RwSignal::new(UserDictionary::default()),
            authority: RwSignal::new(Default::default()),
            card: Latest::default(),
            timeline: Latest::default(),
            date: StoredValue::new(None),
            corpus: RwSignal::new(None),
            concordance: Latest::default(),
            indexed: StoredValue::new(Default::default()),
            workers: RwSignal::new(0),
            graph: Latest::default(),
            distinctive: RwSignal::new(None),
            failed: StoredValue::new(false),
            loaded: StoredValue::new(false),
        };
        client.start_worker();
        client
    }

    fn start_worker(self) {
        self.loaded.set_value(false);
        // A new worker has an empty index: every text goes again, and the index shown is
        // gone with the old one (a recount's answer from the new worker would otherwise
        // empty it).
        self.indexed.set_value(Default::default());
        if self.corpus.with_untracked(Option::is_some) {
            self.corpus.set(None);
        }
        let bridge = AnalysisWorker::spawner()
            // trunk builds workers with `--target no-modules`: a module worker never starts.
            .as_module(false)
            .callback(move |response| self.receive(response))
            .spawn(WORKER_SCRIPT);
        bridge.send(Request::Warmup {
            dictionaries: asset_url(DICTIONARIES),
        });
        // A new worker knows nothing of the user's entities yet.
        let authority = self.authority.get_untracked();
        if !authority.is_empty() {
            bridge.send(Request::SetAuthority { authority });
        }
        // The old worker, if any, is dropped (and ends) here.
        self.bridge.set_value(Some(bridge));
        self.workers.update(|n| *n += 1);
    }

    /// A worker that has not answered in this long has died (a panic leaves it silent):
    /// 15 s plus 15 s per MB, ten times what a slow laptop needs.
    /// Two minutes more while the dictionaries (1.5 MB compressed) are downloading.
    fn deadline(text_len: usize, loaded: bool) -> std::time::Duration {
        let download = if loaded { 0 } else { 120_000 };
        std::time::Duration::from_millis(15_000 + download + (text_len as u64 * 15 / 1000))
    }

    /// Restarts a worker that stopped answering. The text stays in the input; the user
    /// is told and can try again.
    fn restart(self) {
        self.queue.update_value(Queue::abandon);
        self.start_worker();
        self.status.set(Status::Error(
            "the analysis stopped unexpectedly and was restarted; your text is kept \
             (Retry analyses it again)"
                .to_string(),
        ));
    }

    fn receive(self, response: Response) {
        match response {
            Response::Ready => {
                self.loaded.set_value(true);
                if self.status.get_untracked() == Status::Loading {
                    self.status.set(Status::Ready);
                }
                mark("jiexi:ready");
            }
            Response::Failed(reason) => {
                self.failed.set_value(true);
                self.queue.update_value(Queue::abandon);
                self.status.set(Status::Error(reason.to_string()));
            }
            Response::Analyzed {
                id,
                script,
                tokens,
                entities,
                groups,
                stats,
                keywords,
                elapsed_ms,
            } => {
                let next = self.queue.try_update_value(|q| q.answered(id));
                match next {
                    Some(Next::Show(text)) => {
                        mark("jiexi:response");
                        let tokens = match tokens.unpack(&text) {
                            Ok(tokens) => tokens,
                            Err(e) => {
                                self.status.set(Status::Error(e.to_string()));
                                return;
                            }
                        };
                        let shown = Shown {
                            text,
                            analysis: Analysis {
                                script,
                                tokens,
                                entities,
                            },
                            groups: std::sync::Arc::new(groups),
                            stats,
                            keywords,
                            engine_ms: elapsed_ms,
                        };
                        // Shown in a task of its own: decoding a 1 MB text's answer and
                        // showing it in one task kept the page busy for over 100 ms.
                        let client = self;
                        set_timeout(
                            move || {
                                // Unless a newer text was given meanwhile.
                                if client.shown.answer(id, shown) {
                                    client.status.set(Status::Ready);
                                    // `jiexi:analyze` (input to highlights painted) is
                                    // measured by the reader once it has painted the text.
                                    measure("jiexi:worker", "jiexi:input");
                                }
                            },
                            std::time::Duration::ZERO,
                        );
                    }
                    Some(next) => self.act(next),
                    None => {}
                }
            }
            Response::Indexed {
                entities,
                words,
                docs,
                analysed,
                elapsed_ms,
            } => {
                self.corpus.set(Some(CorpusIndexed {
                    entities: std::sync::Arc::new(entities),
                    words: std::sync::Arc::new(words),
                    docs,
                    analysed,
                    elapsed_ms,
                    recount_ms: self.corpus.with_untracked(|c| c.as_ref()?.recount_ms),
                }));
                mark("jiexi:indexed");
            }
            Response::Concordance {
                id,
                result,
                elapsed_ms,
            } => {
                // An answer to a query typed over since is dropped.
                let lines = ConcordanceLines {
                    id,
                    result: result.map_err(|e| e.to_string()),
                    elapsed_ms,
                };
                self.concordance.answer(id, lines);
            }
            Response::Graph {
                id,
                graph,
                elapsed_ms,
            } => {
                let graph = GraphAnswer {
                    id,
                    graph: std::sync::Arc::new(graph),
                    elapsed_ms,
                };
                self.graph.answer(id, graph);
            }
            Response::Distinctive { doc, words } => self.distinctive.set(Some((doc, words))),
            Response::Decoded { name, result } if self.batch.with_untracked(Option::is_some) => {
                self.batch.update(|b| {
                    if let Some(b) = b {
                        b.done += 1;
                        match result {
                            Ok(file) => b.texts.push((name, file.text)),
                            Err(why) => b.failed.push(why.to_string()),
                        }
                    }
                });
            }
            Response::Decoded { name, result } => match result {
                Ok(file) => self.opened_file.set(Some((name, file))),
                Err(why) => self.status.set(Status::FileError(why.to_string())),
            },
            // The entity index with the user's authority file applied.
            Response::AuthorityApplied {
                entities,
                elapsed_ms,
                ..
            } => self.corpus.update(|corpus| {
                if let Some(corpus) = corpus {
                    corpus.entities = std::sync::Arc::new(entities);
                    corpus.recount_ms = Some(elapsed_ms);
                }
            }),
            Response::Timeline { id, moments, .. } => {
                self.timeline.answer(id, std::sync::Arc::new(moments));
            }
            Response::Card { id, card } => {
                self.card.answer(id, card);
            }
            Response::DecodedArchive { name, result } => self.batch.update(|b| {
                let Some(b) = b else { return };
                b.done += 1;
                match result {
                    Ok(files) => {
                        for f in files {
                            let inner = format!("{name}/{}", f.name);
                            match f.result {
                                Ok(file) => b.texts.push((inner, file.text)),
                                Err(why) => b.failed.push(why.to_string()),
                            }
                        }
                    }
                    Err(why) => b.failed.push(why.to_string()),
                }
            }),
        }
    }

    /// Indexes the bundled documents and the user's `docs` for the corpus views. Texts the
    /// worker already has are not sent again: at a thousand documents every save sent
    /// 6 MB (a hash per text and date tells which changed). Nothing is sent when nothing
    /// changed: each view that needs the index asks for it as it opens (the card does, at
    /// every entity chosen), and the answer, the whole entity index, is not small.
    pub fn index_corpus<'a>(
        &self,
        docs: impl Iterator<Item = &'a jiexi_corpus::library::Document>,
    ) {
        use std::hash::{Hash, Hasher};
        type Sent = Vec<(String, Option<jiexi_corpus::index::Source>)>;
        let docs = self
            .indexed
            .try_update_value(|sent| {
                let first = sent.is_none();
                let sent = sent.get_or_insert_with(Default::default);
                let mut now = std::collections::HashMap::new();
                let docs: Sent = docs
                    .map(|d| {
                        let mut h = std::collections::hash_map::DefaultHasher::new();
                        (&d.text, &d.date).hash(&mut h);
                        let hash = h.finish();
                        let same = sent.get(&d.id) == Some(&hash);
                        now.insert(d.id.clone(), hash);
                        // Copied only when sent: a thousand unchanged texts are 6 MB.
                        let source = (!same).then(|| jiexi_corpus::index::Source {
                            text: d.text.clone(),
                            date: d.date.clone(),
                        });
                        (d.id.clone(), source)
                    })
                    .collect();
                let same = !first
                    && now.len() == sent.len()
                    && docs.iter().all(|(_, source)| source.is_none());
                *sent = now;
                (!same).then_some(docs)
            })
            .flatten();
        if let Some(docs) = docs {
            self.send(Request::Index { docs });
        }
    }

    /// Asks for concordance lines; only the answer to the latest question is shown.
    pub fn concordance(&self, query: Query, width: usize, order: Order, limit: usize) {
        let id = self.concordance.ask();
        self.send(Request::Concordance {
            id,
            query,
            width,
            order,
            limit,
        });
    }

    /// Asks for the co-occurrence graph; only the answer to the latest question is shown.
    pub fn cooccurrence(&self, unit: Unit, types: Vec<EntityType>, max_nodes: usize) {
        let id = self.graph.ask();
        self.send(Request::Graph {
            id,
            unit,
            types,
            max_nodes,
        });
    }

    /// Asks for the library's timeline.
    pub fn timeline(&self) {
        let id = self.timeline.ask();
        self.send(Request::Timeline { id });
    }

    /// Uses `authority` from now on, in this worker and any that replaces it. The entity
    /// index with it applied is asked for after what the caller sends next in the same
    /// turn (the open article's analysis): at a thousand documents the recount takes
    /// longer than the article, which the user is looking at.
    pub fn set_authority(&self, authority: jiexi_corpus::authority::Authority) {
        self.authority.set(authority.clone());
        self.send(Request::SetAuthority { authority });
        let this = *self;
        leptos::task::spawn_local(async move { this.send(Request::Recount) });
    }

    /// Asks for the card of `entity` (its key in the entity index).
    pub fn card(&self, entity: jiexi_corpus::authority::Key) {
        let id = self.card.ask();
        self.send(Request::Card {
            id,
            entity,
            related: 8,
        });
    }

    /// Asks for the distinctive words of an indexed document.
    pub fn distinctive_words(&self, doc: String, limit: usize) {
        self.send(Request::Distinctive { doc, limit });
    }

    fn send(&self, request: Request) {
        self.bridge.with_value(|bridge| {
            if let Some(bridge) = bridge {
                bridge.send(request);
            }
        });
    }

    /// Sends a dropped or picked file to the worker to be decoded; the text arrives in
    /// `opened_file`, or the status says why it cannot be read.
    pub fn open_file(&self, name: String, bytes: Vec<u8>) {
        self.status.set(Status::Working);
        self.bridge.with_value(|bridge| {
            if let Some(bridge) = bridge {
                bridge.send(Request::Decode { name, bytes });
            }
        });
    }

    /// Decodes many files (`.zip` archives among them) to be added to the library together;
    /// `batch` follows the progress. A file the browser could not read is counted failed.
    pub fn import_files(&self, files: Vec<(String, Result<Vec<u8>, String>)>) {
        // A file that could not be read before is no news once others are imported.
        if self
            .status
            .with_untracked(|s| matches!(s, Status::FileError(_)))
        {
            self.status.set(Status::Ready);
        }
        self.batch.set(Some(Batch {
            total: files.len(),
            ..Batch::default()
        }));
        for (name, bytes) in files {
            match bytes {
                Ok(bytes) if name.to_lowercase().ends_with(".zip") => {
                    self.send(Request::DecodeArchive { name, bytes })
                }
                Ok(bytes) => self.send(Request::Decode { name, bytes }),
                Err(why) => self.batch.update(|b| {
                    if let Some(b) = b {
                        b.done += 1;
                        b.failed.push(format!("{name}: {why}"));
                    }
                }),
            }
        }
    }

    fn act(self, next: Next) {
        match next {
            Next::Send(id, text) => {
                self.status.set(Status::Working);
                let queue = self.queue;
                set_timeout(
                    move || {
                        if queue.with_value(|q| q.is_waiting_for(id)) {
                            self.restart();
                        }
                    },
                    Self::deadline(text.len(), self.loaded.get_value()),
                );
                self.bridge.with_value(|bridge| {
                    if let Some(bridge) = bridge {
                        let corrections = self.corrections.get_untracked();
                        bridge.send(Request::Analyze {
                            id,
                            text,
                            date: self.date.get_value(),
                            corrections,
                        });
                    }
                });
            }
            Next::Clear => {
                self.shown.set(None);
                self.status.set(Status::Ready);
            }
            Next::Show(_) | Next::Wait => {}
        }
    }

    /// Sets the date of the document about to be analysed (empty: none known); every
    /// analysis until the next call is of an article of that date.
    pub fn set_date(&self, date: &str) {
        let date = date.trim();
        self.date
            .set_value((!date.is_empty()).then(|| date.to_string()));
    }

    /// Analyses `text`, superseding any text not analysed yet.
    pub fn analyze(&self, text: String) {
        mark("jiexi:input");
        if text.len() > jiexi_corpus::input::MAX_TEXT_BYTES {
            // Refused as a file of that size is (the worker would hold the text, its
            // analysis and the page's copy: hundreds of megabytes). The text stays where
            // it is, and in the library; the reader shows nothing stale.
            let id = self.shown.ask();
            if let Some(next) = self.queue.try_update_value(|q| q.submit(id, String::new())) {
                self.act(next);
            }
            self.status.set(Status::Error(format!(
                "this text is {:.1} MB, more than the {:.0} MB jiexi analyses at once; it is kept \
                 but not analysed: split it into smaller parts",
                text.len() as f64 / 1e6,
                jiexi_corpus::input::MAX_TEXT_BYTES as f64 / 1e6
            )));
            return;
        }
        if self.failed.get_value() {
            // Retry after the dictionaries failed to load: a new worker fetches them again.
            self.failed.set_value(false);
            self.status.set(Status::Loading);
            self.start_worker();
        }
        let id = self.shown.ask();
        if let Some(next) = self.queue.try_update_value(|q| q.submit(id, text)) {
            if next == Next::Wait {
                self.status.set(Status::Working);
            }
            self.act(next);
        }
    }
}

/// Records a `performance.measure` from mark `from` to now (for `jiexi:worker`, to the
/// `jiexi:response` mark), for tests and benchmarks.
pub fn measure(name: &str, from: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let result = if name == "jiexi:worker" {
            performance.measure_with_start_mark_and_end_mark(name, from, "jiexi:response")
        } else {
            performance.measure_with_start_mark(name, from)
        };
        // A failed measure only loses a measurement; nothing to tell the user.
        let _ = result;
    }
}

/// Records a `performance.mark` so tests and benchmarks can time start-up.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // A failed mark only loses a measurement; nothing to tell the user.
        let _ = performance.mark(name);
    }
}
