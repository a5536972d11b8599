//! The page side of the worker protocol: one worker, requests numbered so that an
//! answer to a superseded request is never shown.

use gloo_worker::{Spawnable, WorkerBridge};
use jiexi_engine::Analysis;
use leptos::prelude::*;

use crate::status::Status;
use crate::worker::{AnalysisWorker, Request, Response};

/// The worker script trunk emits for `data-type="worker"`; relative so the app works
/// under any sub-path.
const WORKER_SCRIPT: &str = "./worker.js";

/// A text and what the engine found in it, as shown in the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    pub analysis: Analysis,
}

/// Handle to the analysis worker and the state it drives. `Copy`, so components take it
/// by value; the bridge itself stays on this thread.
#[derive(Clone, Copy)]
pub struct AnalysisClient {
    bridge: StoredValue<WorkerBridge<AnalysisWorker>, LocalStorage>,
    /// Id and text of the newest request; older answers are dropped.
    latest: StoredValue<(u64, String)>,
    pub status: RwSignal<Status>,
    pub shown: RwSignal<Option<Shown>>,
}

impl AnalysisClient {
    /// Starts the worker and asks it to load the dictionary straight away.
    pub fn spawn() -> Self {
        let status = RwSignal::new(Status::Loading);
        let shown = RwSignal::new(None);
        let latest = StoredValue::new((0u64, String::new()));
        let bridge = AnalysisWorker::spawner()
            // trunk builds workers with `--target no-modules`: a module worker never starts.
            .as_module(false)
            .callback(move |response| match response {
                Response::Ready => {
                    if status.get_untracked() == Status::Loading {
                        status.set(Status::Ready);
                    }
                    mark("jiexi:ready");
                }
                Response::Analyzed { id, analysis } => {
                    let (newest, text) = latest.get_value();
                    if id == newest {
                        shown.set(Some(Shown { text, analysis }));
                        status.set(Status::Ready);
                    }
                }
            })
            .spawn(WORKER_SCRIPT);
        bridge.send(Request::Warmup);
        AnalysisClient {
            bridge: StoredValue::new_local(bridge),
            latest,
            status,
            shown,
        }
    }

    /// Analyses `text`, superseding any request still in flight.
    pub fn analyze(&self, text: String) {
        let id = self.latest.with_value(|(id, _)| id + 1);
        self.latest.set_value((id, text.clone()));
        if text.trim().is_empty() {
            self.shown.set(None);
            self.status.set(Status::Ready);
            return;
        }
        self.status.set(Status::Working);
        self.bridge
            .with_value(|bridge| bridge.send(Request::Analyze { id, text }));
    }
}

/// Records a `performance.mark` so tests and benchmarks can time start-up.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // A failed mark only loses a measurement; nothing to tell the user.
        let _ = performance.mark(name);
    }
}
