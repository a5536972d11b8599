//! What users take away: the analysis in the formats other tools read. Every format is
//! written from char offsets into the original text, so a file parsed back lines up with
//! the text exactly.
//!
//! - [`json`]: text, tokens and entities, the CLI's schema plus the text;
//! - [`entities_csv`]: one row per entity (RFC 4180, formula-safe for spreadsheets);
//! - [`conll`]: one char per line with its BIO tag (the MSRA/CoNLL NER layout);
//! - [`brat_ann`]: brat standoff annotations for the original text as `.txt`;
//! - [`html`]: a self-contained highlighted page, every piece of the text escaped.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::{Analysis, Entity, EntityType};

/// The JSON export: the text with its analysis.
pub fn json(text: &str, analysis: &Analysis) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        text: &'a str,
        #[serde(flatten)]
        analysis: &'a Analysis,
    }
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(&Export { text, analysis }).unwrap_or_default()
}

/// One CSV cell: always quoted, quotes doubled, and a leading `= + - @` (or tab/CR)
/// defused with an apostrophe so a spreadsheet never runs a pasted formula.
pub fn csv_cell(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = value.replace('"', "\"\"");
    if risky {
        format!("\"'{value}\"")
    } else {
        format!("\"{value}\"")
    }
}

/// Entities as CSV: `start,end,type,text,confidence`, char offsets, end exclusive.
pub fn entities_csv(analysis: &Analysis) -> String {
    let mut out = String::from("start,end,type,text,confidence\r\n");
    for e in &analysis.entities {
        let _ = write!(
            out,
            "{},{},{},{},{:.2}\r\n",
            e.start,
            e.end,
            e.kind.as_str(),
            csv_cell(&e.text),
            e.confidence
        );
    }
    out
}

/// The entity table grouped by entity, as tab-separated text for the clipboard (pastes
/// into a spreadsheet as columns): `type, text, count, forms`.
pub fn entity_table_tsv(groups: &[EntityGroup]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from("type\ttext\tcount\tforms\n");
    for g in groups {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            g.kind.as_str(),
            clean(&g.text),
            g.count,
            clean(&g.forms.join(" / "))
        );
    }
    out
}

/// Chars that end a sentence (also a CoNLL block).
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | '\n')
}

/// CoNLL: `char TAB tag` per line (B-TYPE, I-TYPE or O), whitespace skipped, a blank
/// line after each sentence.
pub fn conll(text: &str, analysis: &Analysis) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    let mut entities = analysis.entities.iter().peekable();
    let mut open_line = false;
    for (i, c) in text.chars().enumerate() {
        while entities.next_if(|e| e.end <= i).is_some() {}
        if c.is_whitespace() || c.is_control() {
            if c == '\n' && open_line {
                out.push('\n');
                open_line = false;
            }
            continue;
        }
        let tag = match entities.peek() {
            Some(e) if e.start == i => format!("B-{}", e.kind.as_str()),
            Some(e) if e.start < i => format!("I-{}", e.kind.as_str()),
            _ => "O".to_string(),
        };
        let _ = writeln!(out, "{c}\t{tag}");
        open_line = true;
        if ends_sentence(c) {
            out.push('\n');
            open_line = false;
        }
    }
    if open_line {
        out.push('\n');
    }
    out
}

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

/// `text` with `& < > " '` escaped for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // The HTML parser turns a raw CR (and CRLF) into LF: the text would lose a char
            // per CR, and offsets into it (landing on a place) would drift.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Colours of the exported page, one per type family (the app's palette).
fn colour(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "#fde2b8",
        EntityType::Org => "#cfe3fb",
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => "#d5f0d5",
        EntityType::Date | EntityType::Time => "#eadcf7",
        EntityType::Money | EntityType::Percent | EntityType::Quantity => "#f9d6e4",
        _ => "#e8e8e8",
    }
}

/// A self-contained HTML page of the text with its entities highlighted and labelled.
/// No script and no external resource: it opens anywhere, offline, and cannot run what
/// was pasted (all text is escaped).
pub fn html(title: &str, text: &str, analysis: &Analysis) -> String {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| escape_html(&chars[s..e].iter().collect::<String>());
    let mut body = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    for e in &analysis.entities {
        let (start, end) = (e.start.min(chars.len()), e.end.min(chars.len()));
        if start < pos || start >= end {
            continue;
        }
        body.push_str(&slice(pos, start));
        let _ = write!(
            body,
            "<mark data-entity=\"{t}\" style=\"background:{c}\">{s}<small>{t}</small></mark>",
            t = e.kind.as_str(),
            c = colour(e.kind),
            s = slice(start, end)
        );
        pos = end;
    }
    body.push_str(&slice(pos, chars.len()));
    let title = escape_html(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"jiexi\">\n<title>{title}</title>\n<style>\n\
         body{{font:18px/1.9 system-ui,\"Noto Sans CJK TC\",sans-serif;max-width:46em;margin:2em auto;padding:0 1em}}\n\
         .text{{white-space:pre-wrap}}\n\
         mark{{border-radius:3px;padding:0 2px;color:#111}}\n\
         mark small{{font-size:.6em;margin-left:2px;opacity:.75;font-family:monospace}}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n<div class=\"text\">{body}</div>\n</body>\n</html>\n"
    )
}

/// One entity as the user thinks of it: every mention of the same name (in either script,
/// any width) under one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityGroup {
    pub kind: EntityType,
    /// The folded text every form shares (see [`entity_key`]).
    pub key: String,
    /// The most frequent surface form.
    pub text: String,
    pub count: usize,
    /// Every surface form seen, most frequent first.
    pub forms: Vec<String>,
    /// Char offsets of every mention, in text order.
    pub mentions: Vec<(usize, usize)>,
}

/// The key mentions of one entity share: its type and its folded text
/// ([`crate::script::fold`]), the full name's for a short form of it.
pub fn entity_key(e: &Entity) -> (EntityType, String) {
    (
        e.kind,
        crate::script::fold(e.alias_of.as_deref().unwrap_or(&e.text)),
    )
}

/// Entities grouped by name, most frequent first (then by type and text, so the order is
/// stable).
pub fn group_entities(entities: &[Entity]) -> Vec<EntityGroup> {
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut index: std::collections::HashMap<(EntityType, String), usize> = Default::default();
    let mut form_counts: Vec<Vec<(String, usize)>> = Vec::new();
    for e in entities {
        let key = entity_key(e);
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push(EntityGroup {
                kind: e.kind,
                key: key.1,
                text: String::new(),
                count: 0,
                forms: Vec::new(),
                mentions: Vec::new(),
            });
            form_counts.push(Vec::new());
            groups.len() - 1
        });
        let g = &mut groups[at];
        g.count += 1;
        g.mentions.push((e.start, e.end));
        let forms = &mut form_counts[at];
        match forms.iter_mut().find(|(f, _)| *f == e.text) {
            Some((_, n)) => *n += 1,
            None => forms.push((e.text.clone(), 1)),
        }
    }
    for (g, mut forms) in groups.iter_mut().zip(form_counts) {
        // Stable: ties keep first-seen order.
        forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        // Named by its full name when short forms are grouped under it.
        g.text = forms
            .iter()
            .find(|(f, _)| crate::script::fold(f) == g.key)
            .unwrap_or(&forms[0])
            .0
            .clone();
        g.forms = forms.into_iter().map(|(f, _)| f).collect();
    }
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.text.cmp(&b.text))
    });
    groups
}

/// Counts shown beside an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Chars that are not whitespace.
    pub chars: usize,
    pub words: usize,
    pub sentences: usize,
    /// Entities per type, in [`EntityType::ALL`] order, types with none left out.
    pub entities: Vec<(EntityType, usize)>,
}

/// The stats of `text` and its analysis.
pub fn stats(text: &str, analysis: &Analysis) -> Stats {
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    // A sentence: a run of text ended by a sentence mark or a paragraph break.
    let mut sentences = 0;
    let mut open = false;
    for c in text.chars() {
        if ends_sentence(c) {
            if open {
                sentences += 1;
            }
            open = false;
        } else if !c.is_whitespace() {
            open = true;
        }
    }
    if open {
        sentences += 1;
    }
    let words = analysis
        .tokens
        .iter()
        .filter(|t| t.text.chars().any(|c| c.is_alphanumeric()))
        .count();
    let entities = EntityType::ALL
        .into_iter()
        .map(|k| (k, analysis.entities.iter().filter(|e| e.kind == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    Stats {
        chars,
        words,
        sentences,
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    const TEXT: &str =
        "記者羅柳斌報道：深圳市副市長羅柳斌表示，深圳投資3000萬元。\n罗柳斌在深圳說。";

    fn analysed() -> Analysis {
        Analyzer::new().analyze(TEXT)
    }

    fn entity(start: usize, end: usize, kind: EntityType, text: &str) -> Entity {
        Entity {
            start,
            end,
            kind,
            text: text.to_string(),
            confidence: 0.9,
            alias_of: None,
        }
    }

    #[test]
    fn html_keeps_every_char_of_the_text() {
        // A raw CR would be turned into LF by the HTML parser, and the text one char short.
        assert_eq!(
            escape_html("<b>\"深港\"&'\r\n"),
            "&lt;b&gt;&quot;深港&quot;&amp;&#39;&#13;\n"
        );
    }

    #[test]
    fn a_short_form_is_grouped_under_its_full_name() {
        let mut short = entity(30, 34, EntityType::Org, "晶泰科技");
        short.alias_of = Some("深圳晶泰科技有限公司".to_string());
        let mut again = short.clone();
        (again.start, again.end) = (50, 54);
        let entities = [
            entity(0, 10, EntityType::Org, "深圳晶泰科技有限公司"),
            short,
            again,
            entity(60, 64, EntityType::Org, "晶泰集團"),
        ];
        let groups = group_entities(&entities);
        assert_eq!(groups.len(), 2);
        assert_eq!(
            groups[0].text, "深圳晶泰科技有限公司",
            "named by the full name"
        );
        assert_eq!(groups[0].count, 3);
        assert_eq!(groups[0].forms, ["晶泰科技", "深圳晶泰科技有限公司"]);
        assert_eq!(entity_key(&entities[1]), entity_key(&entities[0]));
    }

    #[test]
    fn json_round_trips() {
        let a = analysed();
        let v: serde_json::Value = serde_json::from_str(&json(TEXT, &a)).unwrap();
        assert_eq!(v["text"], TEXT);
        let back: Analysis = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let a = Analysis {
            entities: vec![
                entity(0, 3, EntityType::Org, "A\"B"),
                entity(3, 6, EntityType::Org, "=cmd()"),
            ],
            ..Default::default()
        };
        let csv = entities_csv(&a);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "start,end,type,text,confidence");
        assert_eq!(lines[1], "0,3,ORG,\"A\"\"B\",0.90");
        assert_eq!(lines[2], "3,6,ORG,\"'=cmd()\",0.90");
    }

    #[test]
    fn conll_tags_every_char_of_each_entity() {
        let a = analysed();
        let out = conll(TEXT, &a);
        let rows: Vec<(char, &str)> = out
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (c, t) = l.split_once('\t').unwrap();
                (c.chars().next().unwrap(), t)
            })
            .collect();
        let non_space = TEXT.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(rows.len(), non_space);
        // 羅柳斌 after 記者: B, I, I.
        assert_eq!(rows[2], ('羅', "B-PERSON"));
        assert_eq!(rows[3], ('柳', "I-PERSON"));
        assert_eq!(rows[4], ('斌', "I-PERSON"));
        assert_eq!(rows[0].1, "O");
        // Sentences are separated by blank lines.
        assert!(out.contains("。\tO\n\n"));
    }

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

    #[test]
    fn html_escapes_everything_pasted() {
        let text = "<script>alert(1)</script> 深圳&\"香港\"";
        let a = Analyzer::new().analyze(text);
        let page = html("<b>t</b>", text, &a);
        assert!(!page.contains("<script>"));
        assert!(!page.contains("<b>t</b>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("data-entity=\"GPE\""));
    }

    #[test]
    fn groups_merge_scripts_and_count() {
        let a = analysed();
        let groups = group_entities(&a.entities);
        let person = groups
            .iter()
            .find(|g| g.kind == EntityType::Person)
            .unwrap();
        assert_eq!(person.text, "羅柳斌");
        assert_eq!(person.count, 3);
        assert_eq!(person.forms, ["羅柳斌", "罗柳斌"]);
        assert_eq!(person.mentions.len(), 3);
        assert!(groups.windows(2).all(|w| w[0].count >= w[1].count));
        let tsv = entity_table_tsv(&groups);
        assert!(tsv.contains("PERSON\t羅柳斌\t3\t羅柳斌 / 罗柳斌"));
    }

    #[test]
    fn stats_count_sentences_words_entities() {
        let a = analysed();
        let s = stats(TEXT, &a);
        assert_eq!(s.sentences, 2);
        assert_eq!(s.chars, TEXT.chars().filter(|c| !c.is_whitespace()).count());
        assert!(s.words > 10);
        assert!(s.entities.contains(&(EntityType::Person, 3)));
        assert_eq!(stats("", &Analysis::default()), Stats::default());
    }
}
