//! The user's library: their own articles, kept on the device, exported and imported as
//! one JSON file. Pure data and rules here (validation, merging, titles); the page keeps
//! each document as its own IndexedDB record, so two tabs editing two documents never
//! overwrite each other.

use serde::{Deserialize, Serialize};

use crate::authority::Authority;
use crate::input::MAX_TEXT_BYTES;
use crate::Error;

/// The `format` field of an exported library.
pub const FORMAT: &str = "jiexi-library";
/// The version of that format this build writes. Version 2 added the authority file;
/// version 1 files (without one) are still read.
pub const VERSION: u32 = 2;
/// The oldest version read.
const OLDEST: u32 = 1;
/// Longest title kept, in chars.
pub const MAX_TITLE: usize = 200;

/// One article the user added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable and unique in the library; also the IndexedDB key's suffix.
    pub id: String,
    pub title: String,
    /// Where it came from (a paper, a site); free text, may be empty.
    #[serde(default)]
    pub source: String,
    /// The article's date as the user gives it (`2024-12-17`); free text, may be empty.
    #[serde(default)]
    pub date: String,
    pub text: String,
    /// Milliseconds since 1970 of the last change: the newest is listed first.
    pub updated: u64,
}

/// An exported library: what the Export button writes and Import reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub format: String,
    pub version: u32,
    pub documents: Vec<Document>,
    /// The user's authority file (empty in a version 1 file).
    #[serde(default)]
    pub authority: Authority,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Merged {
    pub added: usize,
    /// Already in the library (same text), left as they were.
    pub duplicates: usize,
}

/// The first non-empty line of `text`, at most `max` chars (with `…` when cut).
pub fn title_of(text: &str, max: usize) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or_default();
    match line.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

impl Document {
    /// Checks one stored or imported document; the message names it.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |why: &str| Error::Library(format!("document {:?}: {why}", self.id));
        if self.id.is_empty() || self.id.len() > 100 || self.id.chars().any(char::is_control) {
            return Err(bad("its id must be 1 to 100 printable characters"));
        }
        if self.title.chars().count() > MAX_TITLE {
            return Err(bad("its title is longer than 200 characters"));
        }
        if self.text.len() > MAX_TEXT_BYTES {
            return Err(bad("its text is larger than 5 MB"));
        }
        if self.text.contains('\0') {
            return Err(bad("its text contains NUL characters (a binary file?)"));
        }
        Ok(())
    }
}

impl Library {
    /// A library holding `documents`, newest first.
    pub fn new(mut documents: Vec<Document>) -> Library {
        documents.sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
        Library {
            format: FORMAT.to_string(),
            version: VERSION,
            documents,
            authority: Authority::default(),
        }
    }

    /// Parses and validates an exported library: the whole file is checked before
    /// anything is used, so a bad file changes nothing.
    pub fn from_json(json: &str) -> Result<Library, Error> {
        let library: Library = serde_json::from_str(json)
            .map_err(|e| Error::Library(format!("not a jiexi library file ({e})")))?;
        if library.format != FORMAT {
            return Err(Error::Library(format!(
                "not a jiexi library file (format {:?})",
                library.format
            )));
        }
        if !(OLDEST..=VERSION).contains(&library.version) {
            return Err(Error::Library(format!(
                "library version {} is not supported (this jiexi reads version {VERSION})",
                library.version
            )));
        }
        library.authority.check_read()?;
        let mut ids = std::collections::HashSet::new();
        for doc in &library.documents {
            doc.validate()?;
            if !ids.insert(doc.id.as_str()) {
                return Err(Error::Library(format!(
                    "document id {:?} appears twice",
                    doc.id
                )));
            }
        }
        Ok(library)
    }

    /// Pretty JSON for export.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a library always serialises")
    }

    /// The documents of `incoming` to add to `existing`: those whose text is not in it
    /// already. An id already taken by another text, or `reserved` (the bundled
    /// documents': the corpus index knows every document by its id), gets a new one
    /// (`id-2`, …).
    pub fn merge(
        existing: &[Document],
        reserved: &[&str],
        incoming: Library,
    ) -> (Vec<Document>, Merged) {
        let texts: std::collections::HashSet<&str> =
            existing.iter().map(|d| d.text.as_str()).collect();
        let mut ids: std::collections::HashSet<String> = existing
            .iter()
            .map(|d| d.id.clone())
            .chain(reserved.iter().map(|id| id.to_string()))
            .collect();
        let mut added = Vec::new();
        let mut merged = Merged::default();
        let mut seen = std::collections::HashSet::new();
        for mut doc in incoming.documents {
            if texts.contains(doc.text.as_str()) || !seen.insert(doc.text.clone()) {
                merged.duplicates += 1;
                continue;
            }
            if ids.contains(&doc.id) {
                let base = doc.id.clone();
                doc.id = (2..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|id| !ids.contains(id))
                    .expect("an unused id exists");
            }
            ids.insert(doc.id.clone());
            merged.added += 1;
            added.push(doc);
        }
        (added, merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.into(),
            title: title_of(text, 40),
            source: "香港商報".into(),
            date: "2024-12-17".into(),
            text: text.into(),
            updated: 1,
        }
    }

    #[test]
    fn titles_are_the_first_line_cut() {
        for (text, max, title) in [
            ("\n  深港創科合作加速  \n正文", 40, "深港創科合作加速"),
            ("香港中文大學（深圳）副校長楊學明表示", 6, "香港中文大學…"),
            ("", 10, ""),
            ("𠝹𨋢", 1, "𠝹…"),
        ] {
            assert_eq!(title_of(text, max), title);
        }
    }

    #[test]
    fn export_and_import_round_trip() {
        let lib = Library::new(vec![
            doc("a", "記者羅柳斌報道"),
            doc("b", "<script>x</script>"),
        ]);
        assert_eq!(Library::from_json(&lib.to_json()).unwrap(), lib);
    }

    #[test]
    fn the_library_file_carries_the_authority_file() {
        use crate::authority::Op;
        let mut lib = Library::new(vec![doc("a", "港大與香港大學合辦講座。")]);
        let hku = (jiexi_engine::EntityType::Org, "香港大学".to_string());
        lib.authority
            .change(&Op::Merge {
                keys: vec![(hku.0, "港大".into()), hku.clone()],
                name: "香港大學".into(),
                kind: hku.0,
            })
            .unwrap();
        let read = Library::from_json(&lib.to_json()).unwrap();
        assert_eq!(read, lib);
        assert_eq!(read.authority.entries().len(), 1);
        let broken = lib.to_json().replace("jiexi-authority", "x");
        assert!(
            Library::from_json(&broken).is_err(),
            "its authority file is checked"
        );
    }

    #[test]
    fn a_version_1_file_without_an_authority_file_still_imports() {
        let old = r#"{"format": "jiexi-library", "version": 1, "documents": [
            {"id": "a", "title": "深港合作", "text": "深港合作加快。", "updated": 5}]}"#;
        let lib = Library::from_json(old).unwrap();
        assert_eq!(lib.documents.len(), 1);
        assert!(lib.authority.is_empty());
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let ok = Library::new(vec![doc("a", "文")]).to_json();
        for (json, why) in [
            ("", "not a jiexi library"),
            ("[]", "not a jiexi library"),
            (&ok.replace("jiexi-library", "other"), "format"),
            (&ok.replace("\"version\": 2", "\"version\": 9"), "version 9"),
            (&ok.replace("\"id\": \"a\"", "\"id\": \"\""), "id"),
            (
                &ok.replace("\"text\": \"文\"", "\"text\": \"\\u0000\""),
                "NUL",
            ),
            (
                &ok.replace("\"updated\": 1", "\"updated\": -1"),
                "not a jiexi library",
            ),
            (
                &ok.replace("\"updated\": 1", "\"updated\": 1, \"extra\": 2"),
                "unknown field",
            ),
        ] {
            let err = Library::from_json(json).unwrap_err().to_string();
            assert!(err.contains(why), "{json}: {err}");
        }
        let twice = Library {
            documents: vec![doc("a", "一"), doc("a", "二")],
            ..Library::new(vec![])
        };
        assert!(Library::from_json(&twice.to_json())
            .unwrap_err()
            .to_string()
            .contains("twice"));
    }

    #[test]
    fn merging_adds_new_texts_once_and_renames_taken_ids() {
        let existing = vec![doc("a", "一"), doc("b", "二")];
        let incoming = Library::new(vec![doc("a", "一"), doc("b", "三"), doc("c", "三")]);
        let (added, merged) = Library::merge(&existing, &[], incoming);
        assert_eq!(
            merged,
            Merged {
                added: 1,
                duplicates: 2
            }
        );
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].text, "三");
        assert_eq!(added[0].id, "b-2", "id b is taken by another text");
    }

    #[test]
    fn a_bundled_documents_id_is_never_given_to_an_import() {
        let incoming = Library::new(vec![doc("jiexi-sample", "一"), doc("jiexi-sample-2", "二")]);
        let (added, _) = Library::merge(&[], &["jiexi-sample"], incoming);
        let ids: Vec<&str> = added.iter().map(|d| d.id.as_str()).collect();
        // Renamed in order: the second then finds its own id taken by the first.
        assert_eq!(ids, ["jiexi-sample-2", "jiexi-sample-2-2"]);
    }
}
