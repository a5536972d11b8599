//! The engine's dictionaries as one packed text file (`data/dictionaries.txt`, written by
//! `scripts/data/gen_engine_data.py`, which documents the format).
//!
//! Why a file of its own: the page loads it as a separate, separately cached asset, so
//! a change of code never makes a user download megabytes of dictionary again; and why
//! packed (front-coded words, columns): served compressed it is 25% smaller than jieba's
//! `word freq tag` lines; and why merged (both dictionaries' words and tags once, a
//! frequency column each): 56,000 words are in both, and served it is 6% smaller again
//! (gzip 1.76 → 1.65 MB, brotli 1.44 → 1.37 MB). No crate reads this format; it is short.

use crate::Error;

const MAGIC: &str = "jiexi-dictionaries 2";

/// The merged dictionaries' section.
const DICTIONARIES: &str = "dictionaries";

/// The sections of a packed file, borrowed from it; unpacked one by one when needed.
#[derive(Debug, Clone)]
pub(crate) struct Packed<'a> {
    /// Name and body (its lines, each ending with a line break but perhaps the last).
    sections: Vec<(&'a str, &'a str)>,
}

/// One word of the merged dictionaries, as [`Packed::entries`] hands it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry<'w, 'a> {
    pub word: &'w str,
    /// Borrowed from the file.
    pub tag: &'a str,
    /// Its frequency in the Simplified dictionary, if that has the word.
    pub simplified: Option<usize>,
    /// Its frequency in the Traditional dictionary, if that has the word.
    pub traditional: Option<usize>,
}

fn damaged(detail: impl Into<String>) -> Error {
    Error::Dictionary(detail.into())
}

/// The byte offset after the first `n` lines of `text` from `from`, if it has them.
fn after_lines(text: &str, from: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(from);
    }
    let rest = &text.as_bytes()[from..];
    // Line breaks counted a block at a time (a count the compiler vectorises), and
    // searched a byte at a time only in the block of the last: the columns are millions
    // of short lines, and a search per line took a tenth of the start-up.
    const BLOCK: usize = 4096;
    let mut seen = 0;
    let mut at = 0;
    for block in rest.chunks(BLOCK) {
        let breaks = block.iter().filter(|&&b| b == b'\n').count();
        if seen + breaks >= n {
            for (i, &b) in block.iter().enumerate() {
                if b == b'\n' {
                    seen += 1;
                    if seen == n {
                        return Some(from + at + i + 1);
                    }
                }
            }
        }
        seen += breaks;
        at += block.len();
    }
    // The last line may lack its break.
    (seen + 1 == n && !rest.is_empty() && rest.last() != Some(&b'\n')).then_some(text.len())
}

/// The lines of a column, without their breaks: `str::lines` searches for the break
/// a char at a time, which was a sixth of the start-up.
struct Lines<'a>(&'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        let end = self.0.bytes().position(|b| b == b'\n');
        let (line, rest) = match end {
            Some(end) => (&self.0[..end], &self.0[end + 1..]),
            None => (self.0, ""),
        };
        self.0 = rest;
        Some(line)
    }
}

/// `text` cut after its first `n` lines: (those lines, the rest), if it has them.
fn split_lines(text: &str, n: usize) -> Option<(&str, &str)> {
    after_lines(text, 0, n).map(|at| text.split_at(at))
}

impl<'a> Packed<'a> {
    /// Splits `text` into its sections, checking the header and every section's length,
    /// so a truncated download is refused here rather than found later.
    pub fn parse(text: &'a str) -> Result<Self, Error> {
        let header_end = after_lines(text, 0, 1).unwrap_or(text.len());
        if text[..header_end].trim_end() != MAGIC {
            return Err(damaged("it does not start with the expected header"));
        }
        // The file ends with a line break: without one its last line, a model's, could be
        // cut in the middle of a number and still read as one.
        if !text.ends_with('\n') {
            return Err(damaged("it is cut short"));
        }
        let mut sections = Vec::new();
        let mut at = header_end;
        while at < text.len() {
            let line_end = after_lines(text, at, 1).unwrap_or(text.len());
            let header = text[at..line_end].trim_end();
            let (name, lines) = header
                .strip_prefix('@')
                .and_then(|h| h.split_once(' '))
                .and_then(|(name, n)| Some((name, n.parse::<usize>().ok()?)))
                .ok_or_else(|| damaged(format!("bad section header {header:?}")))?;
            let end = after_lines(text, line_end, lines)
                .ok_or_else(|| damaged(format!("section {name} is cut short")))?;
            sections.push((name, &text[line_end..end]));
            at = end;
        }
        Ok(Packed { sections })
    }

    fn section(&self, name: &str) -> Result<&'a str, Error> {
        self.sections
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, body)| body)
            .ok_or_else(|| damaged(format!("section {name} is missing")))
    }

    /// Hands each word of the merged dictionaries to `each`, in order, with the
    /// frequency each dictionary gives it: jieba is built from them directly (its own
    /// loader reads a text line by line, copying and validating each line: a third of
    /// the start-up it cost), both dictionaries in one pass.
    pub fn entries(&self, mut each: impl FnMut(Entry<'_, 'a>)) -> Result<(), Error> {
        let body = self.section(DICTIONARIES)?;
        let bad = |what: &str| damaged(format!("bad {what} in {DICTIONARIES}"));
        let (counts, body) = split_lines(body, 1).ok_or_else(|| bad("counts"))?;
        let counts: Vec<usize> = counts
            .split_ascii_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| bad("counts"))?;
        let &[n, ns, nt] = counts.as_slice() else {
            return Err(bad("counts"));
        };
        let (flags, body) = split_lines(body, 1).ok_or_else(|| bad("flags"))?;
        let flags = flags.trim_end_matches('\n').as_bytes();
        let count = |bit| flags.iter().filter(|&&f| (f - b'0') & bit != 0).count();
        if flags.len() != n || flags.iter().any(|f| !(b'1'..=b'3').contains(f)) {
            return Err(bad("flags"));
        }
        if count(1) != ns || count(2) != nt {
            return Err(bad("counts"));
        }
        // The columns: 2n + ns + nt lines (the section's length was checked when parsed).
        let cut = |text, n| split_lines(text, n).ok_or_else(|| bad("columns"));
        let (words, rest) = cut(body, n)?;
        let (tags, rest) = cut(rest, n)?;
        let (simplified, traditional) = cut(rest, ns)?;
        if after_lines(traditional, 0, nt) != Some(traditional.len()) {
            return Err(bad("columns"));
        }
        let (mut simplified, mut traditional) = (Lines(simplified), Lines(traditional));
        let freq = |lines: &mut Lines, word: &str| {
            lines
                .next()
                .and_then(|f| f.parse::<usize>().ok())
                .map(Some)
                .ok_or_else(|| damaged(format!("bad frequency of {word:?} in {DICTIONARIES}")))
        };
        let mut word = String::new();
        for ((coded, tag), &flag) in Lines(words).zip(Lines(tags)).zip(flags) {
            let mut chars = coded.chars();
            let shared = chars
                .next()
                .and_then(|c| (c as usize).checked_sub(48))
                .ok_or_else(|| damaged(format!("bad word {coded:?} in {DICTIONARIES}")))?;
            let keep = match word.char_indices().nth(shared) {
                Some((at, _)) => at,
                None if word.chars().count() == shared => word.len(),
                None => {
                    return Err(damaged(format!(
                        "bad prefix in {coded:?} in {DICTIONARIES}"
                    )))
                }
            };
            let rest = chars.as_str();
            word.truncate(keep);
            word.push_str(rest);
            if word.is_empty() || rest.as_bytes().contains(&b' ') || tag.as_bytes().contains(&b' ')
            {
                return Err(damaged(format!("bad entry {word:?} in {DICTIONARIES}")));
            }
            let simplified = match flag & 1 {
                0 => None,
                _ => freq(&mut simplified, &word)?,
            };
            let traditional = match flag & 2 {
                0 => None,
                _ => freq(&mut traditional, &word)?,
            };
            each(Entry {
                word: &word,
                tag,
                simplified,
                traditional,
            });
        }
        Ok(())
    }

    /// The dictionary for `script` in jieba's `word freq tag` format.
    #[cfg(test)]
    pub fn dictionary(&self, script: crate::script::Script) -> Result<String, Error> {
        use crate::script::Script;
        let mut out = String::new();
        self.entries(|e| {
            let freq = match script {
                Script::Simplified => e.simplified,
                Script::Traditional => e.traditional,
            };
            if let Some(freq) = freq {
                out.push_str(&format!("{} {freq} {}\n", e.word, e.tag));
            }
        })?;
        Ok(out)
    }

    /// Model `name`: its lines as they are in the file.
    pub fn model(&self, name: &str) -> Result<&'a str, Error> {
        self.section(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::Script;

    /// 深圳 in both (freq 100 and 90), 深圳湾 only Simplified, 香港 only Traditional.
    const SAMPLE: &str = "jiexi-dictionaries 2\n@dictionaries 12\n3 2 2\n312\n0深圳\n2湾\n0香港\nns\nn\nns\n100\n7\n90\n50\n@x-hmm 2\na\nb\n";

    #[test]
    fn unpacks_merged_front_coded_columns() {
        let packed = Packed::parse(SAMPLE).unwrap();
        assert_eq!(
            packed.dictionary(Script::Simplified).unwrap(),
            "深圳 100 ns\n深圳湾 7 n\n"
        );
        assert_eq!(
            packed.dictionary(Script::Traditional).unwrap(),
            "深圳 90 ns\n香港 50 ns\n"
        );
        assert_eq!(packed.model("x-hmm").unwrap(), "a\nb\n");
    }

    #[test]
    fn refuses_damaged_files() {
        let with = |body: &str| {
            format!(
                "jiexi-dictionaries 2\n@dictionaries {}\n{body}",
                body.lines().count()
            )
        };
        for (text, why) in [
            (String::new(), "header"),
            ("jiexi-dictionaries 1\n".into(), "header"),
            (
                SAMPLE.replace("@x-hmm 2\na\nb\n", "@x-hmm 3\na\nb\n"),
                "cut short",
            ),
            (SAMPLE[..SAMPLE.len() - 3].into(), "cut short"),
            (SAMPLE[..40].into(), "cut short"),
            (
                "jiexi-dictionaries 2\ndictionaries 1\n0a\n".into(),
                "section header",
            ),
            (with("1 1\n1\n0a\nn\n1\n"), "bad counts"),
            (with("1 1 0\n4\n0a\nn\n1\n"), "bad flags"),
            (with("2 1 0\n1\n0a\nn\n1\n"), "bad flags"),
            (with("1 1 1\n1\n0a\nn\n1\n"), "bad counts"),
            (with("1 1 0\n1\n0a\nn\n"), "bad columns"),
            (with("1 1 0\n1\n0a\nn\n1\n2\n"), "bad columns"),
            (with("1 1 0\n1\n5a\nn\n1\n"), "bad prefix"),
            (with("1 1 0\n1\n0a b\nn\n1\n"), "bad entry"),
            (with("1 1 0\n1\n0a\nn\nx\n"), "bad frequency"),
            (with("1 1 0\n1\n\nn\n1\n"), "bad word"),
        ] {
            let err = Packed::parse(&text)
                .and_then(|p| p.dictionary(Script::Simplified))
                .unwrap_err()
                .to_string();
            assert!(err.contains(why), "{text:?}: {err}");
        }
        let no_dictionaries = "jiexi-dictionaries 2\n@x-hmm 1\na\n";
        let err = Packed::parse(no_dictionaries).unwrap().entries(|_| ());
        assert!(err.unwrap_err().to_string().contains("missing"));
    }

    /// Any prefix of the shipped file is refused with an error, never a panic.
    #[test]
    fn truncated_files_are_errors() {
        let text = include_str!("../data/dictionaries.txt");
        for cut in [30, 100, 1000, text.len() / 3, text.len() - 10] {
            let cut = (0..=cut).rev().find(|&c| text.is_char_boundary(c)).unwrap();
            let result = Packed::parse(&text[..cut]).and_then(|p| p.entries(|_| ()));
            assert!(result.is_err(), "cut at {cut}");
        }
    }

    /// The shipped file is whole and holds what the analyzer needs.
    #[test]
    fn shipped_file_unpacks() {
        let packed = Packed::parse(include_str!("../data/dictionaries.txt")).unwrap();
        let simplified = packed.dictionary(Script::Simplified).unwrap();
        let traditional = packed.dictionary(Script::Traditional).unwrap();
        assert!(simplified.lines().count() > 100_000);
        assert!(traditional.lines().count() > 100_000);
        assert!(
            simplified.contains("\n深圳 "),
            "a common word survives trimming"
        );
        assert!(packed.model("traditional-hmm").unwrap().lines().count() > 4);
        assert!(packed.model("posseg-hmm").unwrap().lines().count() > 1000);
    }
}
