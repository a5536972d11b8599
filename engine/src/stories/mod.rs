//! A newspaper page split into its stories.
//!
//! A scanned or copied page holds several stories, each opened by a headline, often with a
//! sub-headline or a short label, and a dateline that names the paper and the reporter.
//! Captions and boxed lists sit between them. The parser reads the page's lines
//! ([`lines`]), finds where stories start, and gives each its headline, dateline, byline,
//! paper and date ([`dateline`]). A story runs to the start of the next one, so captions
//! and boxes stay with the story they follow; page furniture (責編, mastheads) inside it is
//! listed, not dropped. Offsets are chars into the page, end exclusive.
//!
//! A story starts at a heading block (one or more heading lines) that is
//! - followed by a dateline (【香港商報訊】…), or
//! - a two-part headline with a line under it (小地方能作大文章 利好釋放「乘數效應」 / 獨具優勢), or
//! - the first thing on the page.
//!
//! A single short line followed by text is a sub-heading inside a story.

mod dateline;
mod lines;

use serde::Serialize;

use lines::{Kind, Line};

/// Longest label under a headline, in chars (獨具優勢, 粵港攜手譜新篇).
const MAX_LABEL: usize = 7;
/// Longest headline the page may break over two lines with no space (深圳再次刷新非血緣 /
/// 造血幹細胞捐獻紀錄): longer pairs are a headline and its sub-headline.
const MAX_BROKEN_HEADLINE: usize = 24;
/// How many lines after the headline may come before the dateline or byline.
const DATELINE_WITHIN: usize = 4;

/// One story of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    /// The headline: the page's text at `title_start..title_end`, line breaks included
    /// where the page broke the headline.
    pub title: String,
    pub title_start: usize,
    pub title_end: usize,
    /// The sub-headline, if the page has one.
    pub subtitle: Option<String>,
    /// A short label set above the text (獨具優勢).
    pub kicker: Option<String>,
    /// The dateline as printed (【香港商報訊】記者羅柳斌報道:), or the reporter's line.
    pub dateline: Option<String>,
    /// The reporters' names, separated by 、.
    pub byline: Option<String>,
    /// The paper.
    pub source: Option<String>,
    /// ISO `YYYY-MM-DD`: the date the story's lead gives, or the page's.
    pub date: Option<String>,
    pub start: usize,
    pub end: usize,
    /// Lines of page furniture inside the story, `(start, end)`.
    pub furniture: Vec<(usize, usize)>,
}

/// The stories of `page`, in page order; they never overlap. A text with no headings is
/// one story, from its first non-blank char to its last.
pub fn split(page: &str) -> Vec<Story> {
    let lines = lines::lines(page);
    if lines.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = page.chars().collect();
    let mut starts = story_starts(&lines);
    match starts.first().copied() {
        Some(0) => {}
        // Only furniture before the first headline (a page number): it opens that story.
        Some(first) if lines[..first].iter().all(|l| l.kind == Kind::Furniture) => starts[0] = 0,
        // Text before the first headline is a story of its own.
        _ => starts.insert(0, 0),
    }
    let mut stories: Vec<Story> = starts
        .iter()
        .enumerate()
        .map(|(k, &first)| {
            let last = starts.get(k + 1).copied().unwrap_or(lines.len());
            story(&chars, &lines[first..last])
        })
        .collect();
    fill_from_page(&mut stories, &lines);
    stories
}

/// Index into `lines` of each story's first line.
fn story_starts(lines: &[Line]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind != Kind::Heading {
            i += 1;
            continue;
        }
        let block_end = i + lines[i..]
            .iter()
            .take_while(|l| l.kind == Kind::Heading)
            .count();
        // A box's heading can stand right above the next story's two-part headline
        // (深圳國家開發區一覽 / 錯位發展 聚焦成果產業化): the story starts at the headline.
        let headline = (i..block_end)
            .find(|&k| lines::is_two_part(lines[k].text))
            .unwrap_or(i);
        let block = &lines[headline..block_end];
        let next = lines.get(block_end).map(|l| l.kind);
        let first_on_page = lines[..i].iter().all(|l| l.kind == Kind::Furniture);
        let two_part = block.len() >= 2 && lines::is_two_part(block[0].text);
        if next == Some(Kind::Dateline) || two_part {
            starts.push(headline);
        } else if first_on_page {
            starts.push(i);
        }
        i = block_end;
    }
    starts
}

/// The story made of `lines` (its heading block first, if it has one).
fn story(chars: &[char], lines: &[Line]) -> Story {
    let text = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    // Furniture before the headline (a page number atop the page) belongs to the page.
    let furniture = lines
        .iter()
        .take_while(|l| l.kind == Kind::Furniture)
        .count();
    let block: Vec<&Line> = lines[furniture..]
        .iter()
        .take_while(|l| l.kind == Kind::Heading)
        .collect();
    let (title_lines, subtitle, kicker) = headline(&block);
    let (title_start, title_end) = match title_lines {
        Some((a, b)) => (a.start, b.end),
        // No headline: the first line names it.
        None => {
            let first = lines.get(furniture).unwrap_or(&lines[0]);
            (first.start, first.end.min(first.start + 40))
        }
    };
    let after = &lines[furniture + block.len()..];
    let lead = after.iter().take(DATELINE_WITHIN);
    let mut story = Story {
        title: text(title_start, title_end),
        title_start,
        title_end,
        subtitle: subtitle.map(|ls| ls.iter().map(|l| l.text).collect::<Vec<_>>().join(" ")),
        kicker: kicker.map(|l| l.text.to_string()),
        dateline: None,
        byline: None,
        source: None,
        date: None,
        start: lines[0].start,
        end: lines[lines.len() - 1].end,
        furniture: lines
            .iter()
            .filter(|l| l.kind == Kind::Furniture)
            .map(|l| (l.start, l.end))
            .collect(),
    };
    for line in lead.clone() {
        if let Some(d) = dateline::dateline_prefix(line.text) {
            story.dateline = Some(line.text.chars().take(d.chars).collect());
            story.source = Some(d.source);
            story.byline = d.byline;
            break;
        }
        if let Some(b) = dateline::byline_line(line.text) {
            story.dateline = Some(line.text.to_string());
            story.source = b.source;
            story.byline = Some(b.names);
            break;
        }
    }
    // A reporter named at the end of the story (大公報記者胡永愛) when the lead named none.
    if story.byline.is_none() {
        if let Some(b) = after.iter().find_map(|l| dateline::byline_line(l.text)) {
            story.source = story.source.or(b.source);
            story.byline = Some(b.names);
        }
    }
    // The lead's first date: the dateline's line and the line after it.
    let lead_text: String = lead.take(2).map(|l| l.text).collect::<Vec<_>>().join("\n");
    story.date = dateline::dates(&lead_text)
        .first()
        .and_then(|d| date_on_page(*d, chars));
    story
}

type Headline<'b, 'a> = (
    Option<(&'b Line<'a>, &'b Line<'a>)>,
    Option<&'b [&'b Line<'a>]>,
    Option<&'b Line<'a>>,
);

/// The first and last line of the headline, the sub-headline lines and the label of a
/// heading block.
fn headline<'b, 'a>(block: &'b [&'b Line<'a>]) -> Headline<'b, 'a> {
    let Some(first) = block.first() else {
        return (None, None, None);
    };
    let (rest, kicker) = match block.split_last() {
        Some((last, rest)) if block.len() >= 2 && last.text.chars().count() <= MAX_LABEL => {
            (rest, Some(*last))
        }
        _ => (block, None),
    };
    // Two short lines with no space: one headline the page broke in two.
    let broken = rest.len() == 2
        && rest.iter().all(|l| !lines::is_two_part(l.text))
        && rest.iter().map(|l| l.text.chars().count()).sum::<usize>() <= MAX_BROKEN_HEADLINE;
    let (title_end, subtitle) = if broken {
        (rest[1], None)
    } else {
        (*first, (rest.len() > 1).then(|| &rest[1..]))
    };
    (Some((first, title_end)), subtitle, kicker)
}

/// A date without its year takes the year of the same day written in full on the page.
fn date_on_page(date: dateline::Written, page: &[char]) -> Option<String> {
    if date.year.is_some() {
        return date.iso();
    }
    let text: String = page.iter().collect();
    dateline::dates(&text)
        .into_iter()
        .find(|d| d.year.is_some() && d.month == date.month && d.day == date.day)
        .and_then(dateline::Written::iso)
}

/// What the page says for all its stories: the paper (the one most stories name, or the
/// masthead's) and the date (the one most stories give), for stories that lack them.
fn fill_from_page(stories: &mut [Story], lines: &[Line]) {
    let source = most_common(stories.iter().filter_map(|s| s.source.clone())).or_else(|| {
        lines
            .iter()
            .filter(|l| l.kind == Kind::Furniture)
            .find_map(|l| dateline::masthead(l.text))
            .map(str::to_string)
    });
    let date = most_common(stories.iter().filter_map(|s| s.date.clone()));
    for story in stories {
        if story.source.is_none() {
            story.source.clone_from(&source);
        }
        if story.date.is_none() {
            story.date.clone_from(&date);
        }
    }
}

/// The most frequent item; the first seen wins a tie.
fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(s, _)| *s == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

#[cfg(test)]
mod tests;
