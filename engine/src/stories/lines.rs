//! What each line of a newspaper page is: a heading, a dateline, a byline, page furniture
//! or body text. Decided from the line alone (its length, punctuation and first words),
//! so the rules carry over to pages the parser has never seen.

/// A line of the page: char offsets of its trimmed content, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub start: usize,
    pub end: usize,
    /// The trimmed content.
    pub text: &'a str,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Could be a headline, a sub-headline or a label: short, no sentence punctuation.
    Heading,
    /// Opens a story with its paper: 【香港商報訊】…, 香港文匯報訊(記者 … 報道).
    Dateline,
    /// Names the reporter on a line of its own: 大公報記者 胡永愛報道, 整理:香港文匯報記者 胡永愛.
    Byline,
    /// Belongs to the page, not to a story: 責編 …, an English masthead, a page number.
    Furniture,
    Body,
}

/// Longest heading, in chars: longer lines are text, however they end.
const MAX_HEADING: usize = 40;

/// The page's non-blank lines, classified.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = 0; // char offset of `raw`'s first char
    for raw in text.split('\n') {
        let len = raw.chars().count();
        let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let start = at + lead;
            let end = start + trimmed.chars().count();
            out.push(Line {
                start,
                end,
                text: trimmed,
                kind: kind_of(trimmed),
            });
        }
        at += len + 1;
    }
    out
}

fn kind_of(line: &str) -> Kind {
    if is_furniture(line) {
        Kind::Furniture
    } else if super::dateline::dateline_prefix(line).is_some() {
        Kind::Dateline
    } else if super::dateline::byline_line(line).is_some() {
        Kind::Byline
    } else if is_heading(line) {
        Kind::Heading
    } else {
        Kind::Body
    }
}

/// Page furniture: the editor's credit, an English masthead, a page number.
fn is_furniture(line: &str) -> bool {
    const CREDITS: [&str; 6] = ["責編", "責任編輯", "美編", "版面設計", "校對", "编辑"];
    if CREDITS.iter().any(|c| line.starts_with(c)) {
        return true;
    }
    let letters = line.chars().filter(char::is_ascii_alphabetic).count();
    let ascii_only = line.is_ascii();
    // "Hong Kong Commercial Daily", "A12"
    (ascii_only && letters >= 6 && line.contains(' ') && !line.starts_with(['-', '>', '*']))
        || is_page_number(line)
}

fn is_page_number(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let rest: String = match first {
        Some(c) if c.is_ascii_uppercase() => chars.collect(),
        _ => line.to_string(),
    };
    !rest.is_empty() && rest.len() <= 2 && rest.chars().all(|c| c.is_ascii_digit())
}

/// A heading: short, holds no sentence punctuation, and is neither a list item nor a
/// caption. Lines the page broke mid-sentence are as short, but almost always hold a
/// comma or end a sentence.
fn is_heading(line: &str) -> bool {
    const INSIDE: [char; 10] = ['，', ',', '。', '；', ';', '、', '！', '？', '!', '?'];
    const LIST: [char; 8] = ['-', '>', '*', '•', '▲', '●', '▼', '◆'];
    let n = line.chars().count();
    (2..=MAX_HEADING).contains(&n)
        && !line.contains(INSIDE)
        && !line.starts_with(LIST)
        && !line.ends_with(['：', ':', '（', '(', '…'])
        && line.chars().any(is_cjk)
}

/// Two halves set apart by a space, as Hong Kong papers print a main headline:
/// 小地方能作大文章 利好釋放「乘數效應」.
pub(crate) fn is_two_part(line: &str) -> bool {
    let mut parts = line.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
    match (parts.next(), parts.next()) {
        (Some(a), Some(b)) => a.chars().count() >= 3 && b.chars().count() >= 3,
        _ => false,
    }
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_classified_by_their_own_shape() {
        let cases: &[(&str, Kind)] = &[
            ("羅湖培育AI創新環境", Kind::Heading),
            ("小地方能作大文章 利好釋放「乘數效應」", Kind::Heading),
            ("獨具優勢", Kind::Heading),
            ("【香港商報訊】記者羅柳斌報道:隨着人工智能", Kind::Dateline),
            (
                "香港文匯報訊(記者 胡永愛 深圳報道)河套深港科技",
                Kind::Dateline,
            ),
            ("【大公報訊】記者石華深圳報道：「一流高新區", Kind::Dateline),
            ("大公報記者 胡永愛報道", Kind::Byline),
            ("整理:香港文匯報記者 胡永愛", Kind::Byline),
            ("責編 張碧珊 祁謙", Kind::Furniture),
            ("Hong Kong Commercial Daily", Kind::Furniture),
            ("A12", Kind::Furniture),
            (
                "還推出了一系列措施來激發本地企業的自主研發能",
                Kind::Heading,
            ),
            ("力。爲了進一步支持初創企業和科研項目,羅湖區", Kind::Body),
            ("供了肥沃的土壤。", Kind::Body),
            ("- 核心科技攻關", Kind::Body),
            ("▲橫琴先進智能計算平台將逐步輻射澳門、香港。", Kind::Body),
            ("2020", Kind::Body),
        ];
        for (line, kind) in cases {
            assert_eq!(kind_of(line), *kind, "{line}");
        }
    }

    #[test]
    fn offsets_are_chars_of_the_trimmed_line() {
        let text = "\n  標題一\n\n🙂正文，在此。 \n";
        let got = lines(text);
        assert_eq!(got.len(), 2);
        let chars: Vec<char> = text.chars().collect();
        for l in &got {
            let s: String = chars[l.start..l.end].iter().collect();
            assert_eq!(s, l.text);
        }
    }
}
