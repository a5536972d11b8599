//! The page ↔ worker protocol: what the page asks, what the worker answers, and why a
//! request failed, as types. The page turns each error into advice for the user; nothing
//! here is HTML or a UI word beyond the messages' plain text.

use std::fmt;

use jiexi_corpus::authority::{Authority, Key};
use jiexi_corpus::card::Card;
use jiexi_corpus::cooccurrence::{Graph, Unit};
use jiexi_corpus::corrections::UserDictionary;
use jiexi_corpus::identity::EntityGroup;
use jiexi_corpus::index::{Distinctive, Hit, IndexEntry, Order, Query, Source, WordCount};
use jiexi_corpus::stats::Stats;
use jiexi_engine::keywords::Keyword;
use jiexi_engine::{Entity, EntityType, Script};
use serde::{Deserialize, Serialize};

use crate::wire::PackedTokens;

/// A request from the page. `id` lets the page drop answers to superseded requests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Sent at start-up with the absolute URL of the packed dictionaries (the worker runs
    /// from a `blob:` URL, against which nothing relative resolves): answered with `Ready`
    /// once they are loaded, or `Failed`.
    Warmup { dictionaries: String },
    /// `corrections`: the user's dictionary, applied on top of the engine's findings.
    /// `date`: the article's date (`YYYY-MM-DD`, as a bundled story or a library document
    /// has it), against which relative dates (昨日, 上周五) get their values; anything
    /// else is no date.
    Analyze {
        id: u64,
        text: String,
        date: Option<String>,
        corrections: UserDictionary,
    },
    /// Index the bundled documents and these of the user's (id, text and date) for the
    /// corpus views, each analysed as an article of its date. The source is `None` for a
    /// document sent before and unchanged since; the library is listed whole, so
    /// documents gone leave the index.
    Index { docs: Vec<(String, Option<Source>)> },
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
    /// A dropped `.zip` of articles: each file decoded as by `Decode`.
    DecodeArchive { name: String, bytes: Vec<u8> },
    /// The user's authority file, replacing the one before: applied to every answer from
    /// now on (analyses, the index, concordance, graph, cards). Sent whole after each
    /// change (or undo); it is small. Not answered: the corpus is brought to it by the
    /// next request but an analysis, so the open article, analysed again right after,
    /// is answered before the whole library is recounted (see `Recount`).
    SetAuthority { authority: Authority },
    /// The entity index with the authority file in use, answered by `AuthorityApplied`:
    /// sent after `SetAuthority` and the open article's analysis.
    Recount,
    /// The library's timeline: the dated sentences of every indexed document.
    Timeline { id: u64 },
    /// The card of one entity of the indexed corpus, by its key in the entity index;
    /// `related`: how many companions to list.
    Card {
        id: u64,
        entity: Key,
        related: usize,
    },
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
    Failed(LoadError),
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
        result: Result<(Vec<Hit>, usize), jiexi_corpus::Error>,
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
        result: Result<DecodedFile, jiexi_corpus::Error>,
    },
    /// The files of an archive, each decoded or with its message; or why the archive
    /// itself could not be read.
    DecodedArchive {
        name: String,
        result: Result<Vec<ArchiveFile>, jiexi_corpus::Error>,
    },
    /// The authority file is set: the entity index with it applied (empty until the
    /// corpus is indexed), and the time applying it and recounting took.
    AuthorityApplied {
        entities: Vec<IndexEntry>,
        docs: usize,
        elapsed_ms: f64,
    },
    /// The library's dated sentences, earliest first.
    Timeline {
        id: u64,
        moments: Vec<jiexi_corpus::timeline::DocMoment>,
        elapsed_ms: f64,
    },
    /// An entity's card; `None` if the corpus does not mention it (any more).
    Card {
        id: u64,
        card: Option<Card>,
    },
}

/// One file of a dropped archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveFile {
    /// Its path inside the archive.
    pub name: String,
    pub result: Result<DecodedFile, jiexi_corpus::Error>,
}

/// A file's text and the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecodedFile {
    pub text: String,
    pub encoding: String,
}

/// Why the dictionaries could not be loaded. Nothing can be analysed until they are; the
/// page starts a new worker to try again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LoadError {
    /// The download did not complete (offline with nothing cached, a connection cut):
    /// the browser's own words.
    Download(String),
    /// The server answered with an HTTP error status.
    Status { status: u16, url: String },
    /// The file arrived, damaged (cut short, or not the dictionaries).
    Damaged(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Download(detail) => write!(
                f,
                "the dictionary could not be loaded (download: {detail}); check the connection and retry"
            ),
            LoadError::Status { status, url } => write!(
                f,
                "the dictionary could not be loaded (the server answered {status} for {url}); \
                 retry, or reload the page"
            ),
            LoadError::Damaged(detail) => write!(
                f,
                "the dictionary download is damaged ({detail}); reload the page to fetch it again"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// An answer that does not fit the text it is about (a bug, or memory damaged). The text
/// and the user's work are kept; the analysis can be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internal error: an analysis does not match its text; please try again")
    }
}

impl std::error::Error for Mismatch {}

#[cfg(test)]
mod tests {
    use jiexi_engine::{Analysis, Analyzer, CalendarDate, Value};

    use super::*;

    /// An analysis with a value of every kind, and entities without one.
    fn analysis() -> Analysis {
        let text = "記者昨日獲悉，該公司去年底融資近1億美元，九成員工支持，張三表示。";
        Analyzer::new().analyze_dated(text, CalendarDate::parse("2024-12-17"))
    }

    /// gloo-worker's codec (`gloo_worker::Bincode`): bincode 1 with its default options.
    fn through_bincode<T: Serialize + serde::de::DeserializeOwned>(message: &T) -> T {
        let bytes = bincode::serialize(message).expect("encodes");
        bincode::deserialize(&bytes).expect("decodes")
    }

    #[test]
    fn entities_with_values_cross_to_the_page_and_back_to_json() {
        let analysis = analysis();
        let values: Vec<Value> = analysis.entities.iter().filter_map(|e| e.value).collect();
        assert!(values.iter().any(|v| matches!(v, Value::Date(_))));
        assert!(values.iter().any(|v| matches!(
            v,
            Value::Money {
                approximate: true,
                ..
            }
        )));
        assert!(values.iter().any(|v| matches!(v, Value::Percent(_))));
        assert!(analysis.entities.iter().any(|e| e.value.is_none()));

        let answer = Response::Analyzed {
            id: 7,
            script: analysis.script,
            tokens: crate::wire::PackedTokens::default(),
            entities: analysis.entities.clone(),
            groups: Vec::new(),
            stats: Default::default(),
            keywords: Keywords::default(),
            elapsed_ms: 1.5,
        };
        let Response::Analyzed { entities, .. } = through_bincode(&answer) else {
            panic!("the answer changed kind");
        };
        assert_eq!(entities, analysis.entities);
        assert_eq!(through_bincode(&analysis), analysis);

        let json = serde_json::to_string(&analysis).expect("writes JSON");
        assert_eq!(
            serde_json::from_str::<Analysis>(&json).expect("reads JSON"),
            analysis
        );
    }

    #[test]
    fn an_analysis_request_carries_the_date() {
        let request = Request::Analyze {
            id: 1,
            text: "議員昨日出席論壇".to_string(),
            date: Some("2024-12-17".to_string()),
            corrections: UserDictionary::default(),
        };
        let Request::Analyze { date, .. } = through_bincode(&request) else {
            panic!("the request changed kind");
        };
        assert_eq!(date.as_deref(), Some("2024-12-17"));
    }
}
