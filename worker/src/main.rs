//! The analysis Web Worker: builds the engine once and answers requests from the page.

use gloo_worker::Registrable;

fn main() {
    console_error_panic_hook::set_once();
    jiexi_worker::worker::AnalysisWorker::registrar().register();
}
