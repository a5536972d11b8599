//! Where the engine's start-up time goes (the budget of `jiexi:ready`): unpacking and
//! building both dictionaries from the packed file, then the first analysis.
//!
//! ```sh
//! cargo run -q --release -p jiexi-engine --example startup
//! ```

use std::time::Instant;

fn main() {
    let packed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/dictionaries.txt"
    ))
    .expect("engine/data/dictionaries.txt");
    let t = Instant::now();
    let analyzer = jiexi_engine::Analyzer::from_dictionaries(&packed).expect("valid file");
    let build = t.elapsed();
    let t = Instant::now();
    analyzer.warm_up(jiexi_engine::Script::Traditional);
    let warm = t.elapsed();
    println!(
        "{{\"build_ms\":{:.1},\"first_analysis_ms\":{:.1}}}",
        build.as_secs_f64() * 1e3,
        warm.as_secs_f64() * 1e3
    );
}
