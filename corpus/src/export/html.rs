//! A self-contained highlighted page, and the escaping every HTML and SVG writer uses.

use std::fmt::Write;

use jiexi_engine::{Analysis, EntityType};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn html_keeps_every_char_of_the_text() {
        // A raw CR would be turned into LF by the HTML parser, and the text one char short.
        assert_eq!(
            escape_html("<b>\"深港\"&'\r\n"),
            "&lt;b&gt;&quot;深港&quot;&amp;&#39;&#13;\n"
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
}
