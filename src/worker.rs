//! The worker side of the page ↔ worker protocol.

use gloo_worker::{HandlerId, Worker, WorkerScope};
use jiexi_engine::{Analysis, Analyzer, Script};
use serde::{Deserialize, Serialize};

/// A request from the page. `id` lets the page drop answers to superseded requests.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Sent at start-up: answered with `Ready` once the dictionary is loaded.
    Warmup,
    Analyze {
        id: u64,
        text: String,
    },
}

/// An answer from the worker: offsets and types, never HTML.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Response {
    Ready,
    /// `elapsed_ms`: time the engine took, measured in the worker.
    Analyzed {
        id: u64,
        analysis: Analysis,
        elapsed_ms: f64,
    },
}

/// Holds the engine, built once when the worker starts.
pub struct AnalysisWorker {
    analyzer: Analyzer,
}

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker {
            analyzer: Analyzer::new(),
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
            Request::Analyze { id, text } => {
                let started = js_sys::Date::now();
                let analysis = self.analyzer.analyze(&text);
                Response::Analyzed {
                    id,
                    analysis,
                    elapsed_ms: js_sys::Date::now() - started,
                }
            }
        };
        scope.respond(who, response);
    }
}
