//! Native throughput of the full analysis against plain jieba-rs `tag()` on the same
//! text, in the same run (the full analysis should keep at least half of jieba's throughput).
//!
//! ```sh
//! cargo run -q --release -p jiexi-engine --example throughput -- FILE [ROUNDS]
//! ```
//! Prints JSON: bytes, median seconds per round for each, MB/s, and the ratio.

use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: throughput FILE [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");

    let jieba = jieba_rs::Jieba::new();
    let analyzer = jiexi_engine::Analyzer::new();
    let script = jiexi_engine::script::detect(&text);
    analyzer.warm_up(script);

    let mut plain = Vec::new();
    let mut full = Vec::new();
    let mut sink = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        sink += jieba.tag(&text, true).len();
        plain.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        // As `jiexi analyze` does: the script is detected for each text.
        let a = analyzer.analyze(&text);
        sink += a.tokens.len() + a.entities.len();
        full.push(t.elapsed().as_secs_f64());
    }
    let (p, f) = (median(plain), median(full));
    let mb = text.len() as f64 / 1e6;
    println!(
        "{{\"bytes\":{},\"script\":\"{}\",\"rounds\":{rounds},\"jieba_tag_s\":{p:.4},\"analyze_s\":{f:.4},\
         \"jieba_tag_mb_s\":{:.2},\"analyze_mb_s\":{:.2},\"ratio\":{:.3},\"_sink\":{sink}}}",
        text.len(),
        script.lang(),
        mb / p,
        mb / f,
        p / f
    );
}
