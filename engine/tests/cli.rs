//! The `jiexi` command-line contract (README.md): output formats, exit codes, messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn jiexi(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jiexi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the jiexi binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The JSON Lines a successful run printed.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn segment_writes_one_line_per_line_with_single_spaces() {
    let out = jiexi(&["segment"], "深圳 香港  合作\n\n記者報道\r\n".as_bytes());
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(
        lines.len(),
        4,
        "three lines and the final newline: {text:?}"
    );
    assert_eq!(lines[1], "", "an empty line stays empty");
    for line in &lines[..3] {
        assert!(!line.contains("  ") && !line.starts_with(' ') && !line.ends_with(' '));
    }
    assert_eq!(lines[0].replace(' ', ""), "深圳香港合作");
    assert_eq!(lines[2].replace(' ', ""), "記者報道");
}

#[test]
fn entities_writes_json_per_line_with_char_offsets() {
    let input = "🙂習近平在深圳\n\n香港\n";
    let out = jiexi(&["entities"], input.as_bytes());
    assert!(out.status.success());
    let text = stdout(&out);
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    for (i, (record, line)) in records.iter().zip(input.lines()).enumerate() {
        assert_eq!(record["line"], i);
        for e in record["entities"].as_array().unwrap() {
            let (s, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let slice: String = line.chars().skip(s).take(end - s).collect();
            assert_eq!(
                slice,
                e["text"].as_str().unwrap(),
                "offsets are chars within the line"
            );
            assert!(e["type"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_'));
        }
    }
    assert!(records[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "深圳" && e["start"] == 5));
}

#[test]
fn analyze_writes_one_document_with_offsets_into_the_file() {
    let dir = std::env::temp_dir().join(format!("jiexi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("article.txt");
    let text = "深港合作\n\n香港中文大學（深圳）";
    std::fs::write(&path, text).unwrap();
    let out = jiexi(&["analyze", path.to_str().unwrap()], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let tokens = doc["tokens"].as_array().unwrap();
    assert!(!tokens.is_empty());
    for t in tokens {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            t["text"].as_str().unwrap()
        );
    }
    assert!(doc["entities"].is_array());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn invalid_utf8_and_missing_files_exit_2_with_a_message() {
    let out = jiexi(&["segment"], b"\xe9\xa6\x99\n\xff\xfe");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not valid UTF-8") && err.contains("line 2"),
        "{err}"
    );

    let out = jiexi(&["analyze", "/nonexistent/jiexi.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/jiexi.txt"));

    let out = jiexi(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}

#[test]
fn analyze_many_files_and_json_lines_keep_input_order() {
    let dir = std::env::temp_dir().join(format!("jiexi-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let texts = [
        "記者羅柳斌報道",
        "深圳市科技創新局",
        "香港中文大學（深圳）",
        "2024年12月17日",
    ];
    let paths: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let p = dir.join(format!("{i}.txt"));
            std::fs::write(&p, t).unwrap();
            p.to_str().unwrap().to_string()
        })
        .collect();
    let mut args = vec!["analyze"];
    args.extend(paths.iter().map(String::as_str));
    let docs = json_lines(&jiexi(&args, b""));
    assert_eq!(docs.len(), texts.len());
    for (doc, path) in docs.iter().zip(&paths) {
        assert_eq!(doc["file"], path.as_str());
        assert!(doc["tokens"].as_array().is_some_and(|t| !t.is_empty()));
    }

    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect();
    let docs = json_lines(&jiexi(&["analyze", "--jsonl"], input.as_bytes()));
    let ids: Vec<u64> = docs.iter().map(|d| d["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, vec![0, 1, 2, 3]);
    assert!(docs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["text"] == "羅柳斌"));

    let out = jiexi(&["analyze", "--jsonl"], b"{not json}\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
    std::fs::remove_dir_all(&dir).ok();
}

/// The entity of `doc` written `text`.
fn entity<'a>(doc: &'a serde_json::Value, text: &str) -> &'a serde_json::Value {
    let entities = doc["entities"].as_array().unwrap();
    entities
        .iter()
        .find(|e| e["text"] == text)
        .unwrap_or_else(|| panic!("no entity {text} in {entities:?}"))
}

#[test]
fn analyze_with_a_date_gives_dates_amounts_and_percentages_values() {
    let dir = std::env::temp_dir().join(format!("jiexi-date-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("article.txt");
    let text =
        "警方昨日表示，該公司去年底融資近1億美元，另獲港幣2.5億及3000萬元人民幣，九成員工支持。";
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();

    let out = jiexi(&["analyze", "--date", "2024-12-17", path], b"");
    let doc = &json_lines(&out)[0];
    assert_eq!(entity(doc, "昨日")["value"], "2024-12-16");
    assert_eq!(entity(doc, "昨日")["precision"], "day");
    assert_eq!(entity(doc, "去年底")["value"], "2023-12");
    let usd = entity(doc, "1億美元");
    assert_eq!(
        (usd["value"].as_f64(), &usd["currency"]),
        (Some(1e8), &serde_json::json!("USD"))
    );
    assert_eq!(usd["approximate"], true);
    assert_eq!(entity(doc, "港幣2.5億")["value"].as_f64(), Some(2.5e8));
    assert_eq!(entity(doc, "港幣2.5億")["currency"], "HKD");
    assert_eq!(entity(doc, "3000萬元人民幣")["currency"], "CNY");
    assert_eq!(entity(doc, "九成")["value"].as_f64(), Some(90.0));

    // Without a date, a relative date has no value key at all.
    let doc = &json_lines(&jiexi(&["analyze", path], b""))[0];
    let yesterday = entity(doc, "昨日").as_object().unwrap();
    assert!(!yesterday.contains_key("value"), "{yesterday:?}");
    assert!(!entity(doc, "去年底")
        .as_object()
        .unwrap()
        .contains_key("value"));
    assert!(entity(doc, "九成")
        .as_object()
        .unwrap()
        .contains_key("value"));

    for bad in ["2024-13-01", "17/12/2024", "yesterday"] {
        let out = jiexi(&["analyze", "--date", bad, path], b"");
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(bad) && err.contains("YYYY-MM-DD"), "{err}");
    }
    let out = jiexi(&["analyze", "--date", "2024-12-17"], b"");
    assert_eq!(out.status.code(), Some(2));

    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": "議員昨日出席論壇", "date": "2024-03-01"}),
        serde_json::json!({"id": "b", "text": "議員昨日出席論壇"})
    );
    let docs = json_lines(&jiexi(&["analyze", "--jsonl"], input.as_bytes()));
    assert_eq!(entity(&docs[0], "昨日")["value"], "2024-02-29");
    assert!(!entity(&docs[1], "昨日")
        .as_object()
        .unwrap()
        .contains_key("value"));
    let bad = serde_json::json!({"id": 1, "text": "昨日", "date": "2024-02-30"});
    let out = jiexi(&["analyze", "--jsonl"], format!("{bad}\n").as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin line 1"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stories_prints_a_json_array_with_offsets_into_the_page() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut pages: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 5, "the five seed pages");
    for page in &pages {
        let out = jiexi(&["stories", page.to_str().unwrap()], b"");
        assert!(out.status.success());
        let stories: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert!(stories.len() >= 3, "{page:?}: {} stories", stories.len());
        let text: Vec<char> = std::fs::read_to_string(page).unwrap().chars().collect();
        let mut last = 0;
        for s in &stories {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(last <= start && start < end && end <= text.len());
            last = end;
            let title = s["title"].as_str().unwrap();
            let here: String = text[start..end].iter().collect();
            assert!(
                here.contains(title),
                "the title is found again in its story"
            );
            for key in ["dateline", "byline", "source", "date"] {
                assert!(
                    s.get(key).is_some(),
                    "{key} is always there, null when unknown"
                );
            }
            assert!(s["source"].is_string(), "every seed story has its paper");
        }
    }
    let out = jiexi(&["stories", "/nonexistent/page.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/page.txt"));
    let out = jiexi(&["stories"], b"");
    assert_eq!(out.status.code(), Some(2));
}
