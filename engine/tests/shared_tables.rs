//! Warming the tables every analyzer shares with a two-word dictionary first
//! (`Analyzer::warm_shared_tables`, which the web worker does while the dictionaries
//! download) changes no analysis: compared with a fresh process that never did.

use jiexi_engine::Analyzer;

/// Set in the child process that analyses without warming first.
const REFERENCE: &str = "JIEXI_SHARED_TABLES_REFERENCE";
const BEGIN: &str = "<<analyses>>";
const END: &str = "<</analyses>>";

/// The seed pages (which ship) and two sentences of our own, in both scripts, as JSON.
fn analyses() -> String {
    let analyzer = Analyzer::from_dictionaries(include_str!("../data/dictionaries.txt"))
        .expect("the shipped dictionaries");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
    let mut texts: Vec<String> = std::fs::read_dir(seeds)
        .expect("the seed pages")
        .map(|e| e.expect("a seed page").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).expect("a seed page"))
        .collect();
    texts.sort();
    texts.push(
        "記者羅柳斌報道：2024年12月17日，深圳市政府宣布，前海將新建一座國際會展中心。".into(),
    );
    texts.push("香港特别行政区政府昨日公布，去年本地生产总值增长百分之三点二。".into());
    let mut out = String::new();
    for text in &texts {
        out.push_str(&serde_json::to_string(&analyzer.analyze(text)).expect("JSON"));
        out.push('\n');
    }
    out
}

/// Run only as the child of the test below.
#[test]
fn reference_analyses() {
    if std::env::var_os(REFERENCE).is_some() {
        println!("{BEGIN}{}{END}", analyses());
    }
}

#[test]
fn warming_shared_tables_first_changes_no_analysis() {
    Analyzer::warm_shared_tables();
    let warmed = analyses();
    let child = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "reference_analyses",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(REFERENCE, "1")
        .output()
        .expect("the test binary runs");
    let stdout = String::from_utf8(child.stdout).expect("UTF-8");
    let start = stdout.find(BEGIN).expect("the reference's output") + BEGIN.len();
    let end = stdout.find(END).expect("the reference's output");
    assert!(warmed.lines().count() >= 7);
    assert_eq!(warmed, stdout[start..end]);
}
