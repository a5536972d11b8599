//! CoNLL: one char per line with its BIO tag (the MSRA NER layout), a blank line after
//! each sentence.

use std::fmt::Write;

use jiexi_engine::Analysis;

use crate::stats::ends_sentence;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

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
}
