//! The engine's dictionaries as one packed text file (`data/dictionaries.txt`, written by
//! `scripts/gen_engine_data.py`, which documents the format).
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
    sections: Vec<(&'a str, Vec<&'a str>)>,
}

fn damaged(detail: impl Into<String>) -> Error {
    Error::Dictionary(detail.into())
}

impl<'a> Packed<'a> {
    /// Splits `text` into its sections, checking the header and every section's length,
    /// so a truncated download is refused here rather than found later.
    pub fn parse(text: &'a str) -> Result<Self, Error> {
        let mut lines = text.lines();
        if lines.next() != Some(MAGIC) {
            return Err(damaged("it does not start with the expected header"));
        }
        let mut sections = Vec::new();
        while let Some(header) = lines.next() {
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
            let body: Vec<&str> = lines.by_ref().take(rows).collect();
            if body.len() != rows {
                return Err(damaged(format!("section {name} is cut short")));
            }
            sections.push((name, body));
        }
        Ok(Packed { sections })
    }

    fn section(&self, name: &str) -> Result<&[&'a str], Error> {
        self.sections
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, body)| body.as_slice())
            .ok_or_else(|| damaged(format!("section {name} is missing")))
    }

    /// Dictionary `name` in jieba's `word freq tag` format.
    pub fn dictionary(&self, name: &str) -> Result<String, Error> {
        let body = self.section(name)?;
        let n = body.len() / 3;
        let (words, rest) = body.split_at(n);
        let (freqs, tags) = rest.split_at(n);
        let mut out = String::with_capacity(body.iter().map(|l| l.len() + 4).sum());
        let mut word = String::new();
        for ((coded, freq), tag) in words.iter().zip(freqs).zip(tags) {
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
            if word.is_empty() || freq.parse::<u64>().is_err() || tag.contains(' ') {
                return Err(damaged(format!("bad entry {word:?} in {name}")));
            }
            for part in [word.as_str(), " ", freq, " ", tag, "\n"] {
                out.push_str(part);
            }
        }
        Ok(out)
    }

    /// Model `name` as jieba-rs's HMM text.
    pub fn model(&self, name: &str) -> Result<String, Error> {
        Ok(self.section(name)?.join("\n"))
    }

    /// The lines of model `name`.
    pub fn model_lines(&self, name: &str) -> Result<&[&'a str], Error> {
        self.section(name)
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
        assert_eq!(packed.model("x-hmm").unwrap(), "a\nb");
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
        assert!(packed.model_lines("posseg-hmm").unwrap().len() > 1000);
    }
}
