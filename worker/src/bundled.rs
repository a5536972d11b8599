//! The documents shipped inside the app (see `worker/build.rs`): the seed pages split into
//! their stories, the pages themselves, and the demo article.
//!
//! Both the page and the worker list them: the worker indexes the stories for the corpus
//! views, the page lists them in the library. The pages are split into stories at build
//! time (`build.rs`, with the engine's parser); here they become documents once, when
//! first asked for.

use std::sync::OnceLock;

/// A file bundled with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledFile {
    /// The file name without extension; stable, used as `data-doc-id`.
    pub id: &'static str,
    /// `seed` for the newspaper pages in `seeds/`, `sample` for the demo text in `samples/`.
    pub kind: &'static str,
    pub text: &'static str,
}

/// Every bundled file, seeds first, in file-name order.
pub const FILES: &[BundledFile] = include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// A story of a seed page, as `jiexi_engine::stories::split` found it at build time; char
/// offsets into the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StoryEntry {
    /// Index into [`FILES`].
    file: usize,
    /// The page's text of the headline, line breaks kept.
    title: &'static str,
    source: &'static str,
    date: &'static str,
    start: usize,
    end: usize,
    title_start: usize,
    title_end: usize,
}

const STORIES: &[StoryEntry] = include!(concat!(env!("OUT_DIR"), "/bundled_stories.rs"));

/// What a bundled document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One story of a seed page: what the corpus views count.
    Story,
    /// A whole seed page: its text is in its stories, so the corpus views leave it out.
    Page,
    /// The demo article.
    Sample,
}

impl Kind {
    /// The `data-kind` of its entry in the library.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Story => "seed",
            Kind::Page => "page",
            Kind::Sample => "sample",
        }
    }
}

/// A read-only document bundled with the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundled {
    /// Stable: a page's file name, a story's is the page's with its number (`000_…-02`).
    pub id: String,
    pub kind: Kind,
    /// For display: the headline with the page's line breaks folded away.
    pub title: String,
    /// The paper, or empty.
    pub source: String,
    /// ISO date, or empty.
    pub date: String,
    pub text: &'static str,
    /// The id of the page it comes from (its own for a page or the sample).
    pub page: &'static str,
    /// Char offsets of its headline in `text` (a page's is its first story's; the sample's
    /// its first line). Each story of a page lands on its own: see [`stories_of`].
    pub headline: (usize, usize),
    /// Char offset of `text` in its page.
    pub start: usize,
}

impl Bundled {
    /// Its paper and date, as far as known: `香港商報 · 2024-12-17`.
    pub fn meta(&self) -> String {
        [self.source.as_str(), self.date.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Every bundled document: each seed page's stories, then the page; then the samples.
pub fn all() -> &'static [Bundled] {
    static ALL: OnceLock<Vec<Bundled>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut out = Vec::new();
        for (f, file) in FILES.iter().enumerate() {
            if file.kind == "seed" {
                let stories: Vec<&StoryEntry> = STORIES.iter().filter(|s| s.file == f).collect();
                out.extend(stories.iter().enumerate().map(|(k, s)| story(file, k, s)));
                let first = stories.first();
                out.push(Bundled {
                    id: file.id.to_string(),
                    kind: Kind::Page,
                    title: first.map(|s| fold(s.title)).unwrap_or_default(),
                    source: first.map(|s| s.source.to_string()).unwrap_or_default(),
                    date: first.map(|s| s.date.to_string()).unwrap_or_default(),
                    text: file.text,
                    page: file.id,
                    headline: first.map_or((0, 0), |s| (s.title_start, s.title_end)),
                    start: 0,
                });
            } else {
                let title = jiexi_corpus::library::title_of(file.text, 40);
                let n = title.chars().count();
                out.push(Bundled {
                    id: file.id.to_string(),
                    kind: Kind::Sample,
                    title: if title.is_empty() {
                        file.id.to_string()
                    } else {
                        title
                    },
                    source: String::new(),
                    date: String::new(),
                    text: file.text,
                    page: file.id,
                    headline: (0, n),
                    start: 0,
                });
            }
        }
        out
    })
}

fn story(file: &BundledFile, k: usize, s: &StoryEntry) -> Bundled {
    Bundled {
        id: format!("{}-{:02}", file.id, k + 1),
        kind: Kind::Story,
        title: fold(s.title),
        source: s.source.to_string(),
        date: s.date.to_string(),
        text: char_slice(file.text, s.start, s.end),
        page: file.id,
        headline: (s.title_start - s.start, s.title_end - s.start),
        start: s.start,
    }
}

/// The bundled document `id`.
pub fn find(id: &str) -> Option<&'static Bundled> {
    all().iter().find(|d| d.id == id)
}

/// What the corpus views count: the stories and the samples, each text once.
pub fn indexed() -> impl Iterator<Item = &'static Bundled> {
    all().iter().filter(|d| d.kind != Kind::Page)
}

/// The stories of page `page`, in page order.
pub fn stories_of(page: &str) -> impl Iterator<Item = &'static Bundled> + '_ {
    all()
        .iter()
        .filter(move |d| d.kind == Kind::Story && d.page == page)
}

/// What a first visit opens: the first seed story (or the sample, without seeds).
pub fn welcome() -> Option<&'static Bundled> {
    indexed().next()
}

/// `text[start..end]` in chars.
fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut bytes = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let from = bytes.nth(start).unwrap_or(text.len());
    let to = match end.saturating_sub(start).checked_sub(1) {
        Some(k) => bytes.nth(k).unwrap_or(text.len()),
        None => from,
    };
    &text[from..to]
}

/// A headline as one line: a break between two Chinese characters is dropped (the page
/// broke a word), any other run of white space is one space.
fn fold(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    // The white space before the next char: none, spaces only, or with a line break.
    let mut gap: Option<bool> = None;
    for c in title.chars() {
        if c.is_whitespace() {
            gap = Some(gap.unwrap_or(false) || c == '\n');
            continue;
        }
        if let (Some(broken), Some(last)) = (gap, out.chars().next_back()) {
            let cjk = |c: char| c > '\u{2e7f}';
            if !(broken && cjk(last) && cjk(c)) {
                out.push(' ');
            }
        }
        gap = None;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_are_their_pages_text_and_every_seed_has_some() {
        let seeds: Vec<_> = FILES.iter().filter(|f| f.kind == "seed").collect();
        for file in &seeds {
            let stories: Vec<_> = stories_of(file.id).collect();
            assert!(!stories.is_empty(), "{}", file.id);
            for s in stories {
                let page: Vec<char> = file.text.chars().collect();
                let n = s.text.chars().count();
                let there: String = page[s.start..s.start + n].iter().collect();
                assert_eq!(there, s.text);
                let headline: String = s
                    .text
                    .chars()
                    .skip(s.headline.0)
                    .take(s.headline.1 - s.headline.0)
                    .collect();
                assert_eq!(fold(&headline), s.title);
                assert!(
                    !s.source.is_empty(),
                    "{}: every seed story has its paper",
                    s.id
                );
            }
        }
        assert!(indexed().all(|d| d.kind != Kind::Page));
        assert_eq!(
            welcome().map(|d| d.kind),
            seeds.first().map(|_| Kind::Story)
        );
    }

    #[test]
    fn the_stories_split_at_build_time_are_the_parsers() {
        for (f, file) in FILES.iter().enumerate().filter(|(_, f)| f.kind == "seed") {
            let built: Vec<_> = STORIES
                .iter()
                .filter(|s| s.file == f)
                .map(|s| {
                    (
                        s.start,
                        s.end,
                        s.title_start,
                        s.title_end,
                        s.title,
                        s.source,
                        s.date,
                    )
                })
                .collect();
            let parsed = jiexi_engine::stories::split(file.text);
            let now: Vec<_> = parsed
                .iter()
                .map(|s| {
                    let source = s.source.as_deref().unwrap_or_default();
                    let date = s.date.as_deref().unwrap_or_default();
                    (
                        s.start,
                        s.end,
                        s.title_start,
                        s.title_end,
                        s.title.as_str(),
                        source,
                        date,
                    )
                })
                .collect();
            assert_eq!(built, now, "{}", file.id);
        }
    }

    #[test]
    fn headlines_fold_to_one_line() {
        assert_eq!(
            fold("深圳再次刷新非血緣\n\n造血幹細胞捐獻紀錄"),
            "深圳再次刷新非血緣造血幹細胞捐獻紀錄"
        );
        assert_eq!(
            fold("粵醫檢AI創新平台上線 港企可參與"),
            "粵醫檢AI創新平台上線 港企可參與"
        );
        assert_eq!(fold("AI\nplatform"), "AI platform");
        assert_eq!(char_slice("🙂深港合作", 1, 3), "深港");
        assert_eq!(char_slice("深港", 0, 2), "深港");
    }
}
