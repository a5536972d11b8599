//! Where the engine's start-up time goes (the budget of `jiexi:ready`): unpacking and
//! building both dictionaries from the packed file, then the first analysis.
//!
//! ```sh
//! cargo run -q --release -p jiexi-engine --example startup [-- ROUNDS [FILE]]
//! ```
//! FILE: a packed dictionaries file (default: engine/data/dictionaries.txt). With ROUNDS
//! (default 1) the analyzer is built that many times and the fastest and median build
//! times printed: on a shared machine one build's time says little. The first analysis
//! is the first round's (it builds the entity tables, which later rounds share).

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let path = args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/data/dictionaries.txt").to_string()
    });
    let packed = std::fs::read_to_string(&path).expect("a packed dictionaries file");
    let (mut build, mut warm) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        let analyzer = jiexi_engine::Analyzer::from_dictionaries(&packed).expect("valid file");
        build.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        analyzer.warm_up(jiexi_engine::Script::Traditional);
        warm.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let first_analysis = warm[0];
    build.sort_by(f64::total_cmp);
    if rounds <= 1 {
        println!(
            "{{\"build_ms\":{:.1},\"first_analysis_ms\":{:.1}}}",
            build[0], first_analysis
        );
    } else {
        let median = |xs: &[f64]| xs[xs.len() / 2];
        println!(
            "{{\"rounds\":{rounds},\"build_ms_min\":{:.1},\"build_ms_median\":{:.1},\
             \"first_analysis_ms\":{:.1}}}",
            build[0],
            median(&build),
            first_analysis
        );
    }
}
