//! The engine's dictionaries as one packed text file (`data/dictionaries.txt`, written by
//! `scripts/data/gen_engine_data.py`, which documents the format).
//!
//! Why a file of its own: the page loads it as a separate, separately cached asset, so
//! a change of code never makes a user download megabytes of dictionary again; and why
//! packed (front-coded words, columns): served compressed it is 25% smaller than jieba's
//! `word freq tag` lines. No crate reads this format; it is twenty lines.

use crate::Error;

const MAGIC: &str = "jiexi-dictionaries 1";

/// The sections of a packed file, borrowed from it; unpacked one by one when needed.
#[derive(Debug, Clone)]
pub(crate) struct Packed<'a> {
    /// Name, body (its lines, each ending with a line break but perhaps the last) and
    /// the number of entries the header announced.
    sections: Vec<(&'a str, &'a str, usize)>,
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
    // Line breaks found with a byte search: a line at a time over 5 MB took 40 ms.
    let mut seen = 0;
    for (i, &b) in rest.iter().enumerate() {
        if b == b'\n' {
            seen += 1;
            if seen == n {
                return Some(from + i + 1);
            }
        }
    }
    // The last line may lack its break.
    (seen + 1 == n && !rest.is_empty() && rest.last() != Some(&b'\n')).then_some(text.len())
}

impl<'a> Packed<'a> {
    /// Splits `text` into its sections, checking the header and every section's length,
    /// so a truncated download is refused here rather than found later.
    pub fn parse(text: &'a str) -> Result<Self, Error> {
        let header_end = after_lines(text, 0, 1).unwrap_or(text.len());
        if text[..header_end].trim_end() != MAGIC {
            return Err(damaged("it does not start with the expected header"));
        }
        let mut sections = Vec::new();
        let mut at = header_end;
        while at < text.len() {
            let line_end = after_lines(text, at, 1).unwrap_or(text.len());
            let header = text[at..line_end].trim_end();
            let (name, count) = header
                .strip_prefix('@')
                .and_then(|h| h.split_once(' '))
                .and_then(|(name, n)| Some((name, n.parse::<usize>().ok()?)))
                .ok_or_else(|| damaged(format!("bad section header {header:?}")))?;
            // A dictionary has three columns; a model one.
            let rows = if name.ends_with("-hmm") {
                count
            } else {
                3 * count
            };
            let end = after_lines(text, line_end, rows)
                .ok_or_else(|| damaged(format!("section {name} is cut short")))?;
            sections.push((name, &text[line_end..end], count));
            at = end;
        }
        Ok(Packed { sections })
    }

    fn section(&self, name: &str) -> Result<(&'a str, usize), Error> {
        self.sections
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|&(_, body, count)| (body, count))
            .ok_or_else(|| damaged(format!("section {name} is missing")))
    }

    /// Hands each entry of dictionary `name` to `each` as (word, frequency, tag), in
    /// order: jieba is built from them directly (its own loader reads a text line by
    /// line, copying and validating each line: a third of the start-up it cost).
    pub fn entries(
        &self,
        name: &str,
        mut each: impl FnMut(&str, usize, &str),
    ) -> Result<(), Error> {
        let (body, n) = self.section(name)?;
        // The three columns: the section has 3n lines (checked when parsed).
        let cut = |k| after_lines(body, 0, k).unwrap_or(body.len());
        let (a, b) = (cut(n), cut(2 * n));
        let (words, freqs, tags) = (body[..a].lines(), body[a..b].lines(), body[b..].lines());
        let mut word = String::new();
        for ((coded, freq), tag) in words.zip(freqs).zip(tags) {
            let mut chars = coded.chars();
            let shared = chars
                .next()
                .and_then(|c| (c as usize).checked_sub(48))
                .ok_or_else(|| damaged(format!("bad word {coded:?} in {name}")))?;
            let keep = word
                .char_indices()
                .nth(shared)
                .map_or(word.len(), |(b, _)| b);
            if word[..keep].chars().count() != shared {
                return Err(damaged(format!("bad prefix in {coded:?} in {name}")));
            }
            word.truncate(keep);
            word.push_str(chars.as_str());
            let freq = freq.parse::<usize>();
            match freq {
                Ok(freq) if !word.is_empty() && !word.contains(' ') && !tag.contains(' ') => {
                    each(&word, freq, tag)
                }
                _ => return Err(damaged(format!("bad entry {word:?} in {name}"))),
            }
        }
        Ok(())
    }

    /// Dictionary `name` in jieba's `word freq tag` format.
    #[cfg(test)]
    pub fn dictionary(&self, name: &str) -> Result<String, Error> {
        let mut out = String::new();
        self.entries(name, |word, freq, tag| {
            out.push_str(&format!("{word} {freq} {tag}\n"));
        })?;
        Ok(out)
    }

    /// Model `name`: its lines as they are in the file.
    pub fn model(&self, name: &str) -> Result<&'a str, Error> {
        Ok(self.section(name)?.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "jiexi-dictionaries 1\n@words 3\n0深圳\n2湾\n0香港\n100\n7\n50\nns\nn\nns\n@x-hmm 2\na\nb\n";

    #[test]
    fn unpacks_front_coded_columns() {
        let packed = Packed::parse(SAMPLE).unwrap();
        assert_eq!(
            packed.dictionary("words").unwrap(),
            "深圳 100 ns\n深圳湾 7 n\n香港 50 ns\n"
        );
        assert_eq!(packed.model("x-hmm").unwrap(), "a\nb\n");
    }

    #[test]
    fn refuses_damaged_files() {
        for (text, why) in [
            ("", "header"),
            ("jiexi-dictionaries 2\n", "header"),
            ("jiexi-dictionaries 1\n@words 3\n0深圳\n2湾\n", "cut short"),
            (
                "jiexi-dictionaries 1\nwords 1\n0a\n1\nn\n",
                "section header",
            ),
            ("jiexi-dictionaries 1\n@w 1\n5a\n1\nn\n", "bad prefix"),
            ("jiexi-dictionaries 1\n@w 1\n0a\nx\nn\n", "bad entry"),
        ] {
            let err = Packed::parse(text)
                .and_then(|p| p.dictionary("w"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(why), "{text:?}: {err}");
        }
        assert!(Packed::parse(SAMPLE).unwrap().dictionary("none").is_err());
    }

    /// The shipped file is whole and holds what the analyzer needs.
    #[test]
    fn shipped_file_unpacks() {
        let packed = Packed::parse(include_str!("../data/dictionaries.txt")).unwrap();
        let simplified = packed.dictionary("simplified").unwrap();
        let traditional = packed.dictionary("traditional").unwrap();
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
