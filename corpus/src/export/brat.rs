//! brat standoff annotations (`.ann`) for the original text saved as `.txt`.

use std::fmt::Write;

use jiexi_engine::Analysis;

/// The non-whitespace fragments of `start..end` in `chars`: brat spans may not cover a
/// line break, so an entity across a repaired break becomes a discontinuous span.
fn fragments(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = None;
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        match (c.is_whitespace(), from) {
            (true, Some(s)) => {
                out.push((s, i));
                from = None;
            }
            (false, None) => from = Some(i),
            _ => {}
        }
    }
    if let Some(s) = from {
        out.push((s, end));
    }
    out
}

/// brat standoff `.ann` for `text` saved as the `.txt` beside it: `T1 TAB TYPE start end
/// TAB text`, char offsets (what brat counts).
pub fn brat_ann(text: &str, analysis: &Analysis) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (n, e) in analysis.entities.iter().enumerate() {
        let parts = fragments(&chars, e.start.min(chars.len()), e.end.min(chars.len()));
        if parts.is_empty() {
            continue;
        }
        let spans: Vec<String> = parts.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let surface: Vec<String> = parts
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        let _ = writeln!(
            out,
            "T{}\t{} {}\t{}",
            n + 1,
            e.kind.as_str(),
            spans.join(";"),
            surface.join(" ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn brat_offsets_slice_the_text() {
        let text = "據記者報道，香港中文大\n學（深圳）副校長楊學明表示";
        let a = Analyzer::new().analyze(text);
        let chars: Vec<char> = text.chars().collect();
        let ann = brat_ann(text, &a);
        assert!(!ann.is_empty());
        for line in ann.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let (_, spans) = cols[1].split_once(' ').unwrap();
            let parts: Vec<String> = spans
                .split(';')
                .map(|s| {
                    let (a, b) = s.split_once(' ').unwrap();
                    chars[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()]
                        .iter()
                        .collect()
                })
                .collect();
            assert_eq!(parts.join(" "), cols[2], "{line}");
        }
        assert!(
            ann.contains(";"),
            "the entity across the break is discontinuous: {ann}"
        );
    }
}
