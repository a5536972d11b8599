//! A dropped `.zip` of articles: every file in it decoded as a dropped file would be
//! ([`decode_text`]), each with its own result, so one bad entry never stops the rest.

use std::io::{Cursor, Read};

use super::{decode_text, Decoded, MAX_TEXT_BYTES};
use crate::Error;

/// Most files read from one archive; the rest are refused in one entry.
pub const MAX_ENTRIES: usize = 2_000;
/// Most text read from one archive, uncompressed: an archive that unpacks into more
/// (a "zip bomb", or a whole newsroom's) is read up to here.
pub const MAX_ARCHIVE_TEXT_BYTES: usize = 100_000_000;

/// One file of an archive.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveEntry {
    /// Its path inside the archive.
    pub name: String,
    pub result: Result<Decoded, Error>,
}

/// What macOS's archiver adds beside each file: resource forks, not articles.
fn is_metadata(name: &str) -> bool {
    name.starts_with("__MACOSX/")
        || name
            .rsplit('/')
            .next()
            .is_some_and(|f| f.starts_with("._") || f == ".DS_Store")
}

/// The code page an archive's names were written in. Archivers on Chinese Windows write
/// names in the system's code page (Big5, GBK) without the zip format's UTF-8 flag, and
/// the format's fallback for such names, CP437, turns them into box-drawing characters.
/// Guessed once from all the names that are neither ASCII nor UTF-8, as one text: one
/// short name says too little (功能 in GBK also reads as Big5). Hong Kong's first, as for
/// dropped files; `None` when every name is ASCII or UTF-8.
fn names_encoding<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
) -> Option<&'static encoding_rs::Encoding> {
    let mut detector = chardetng::EncodingDetector::new();
    let mut any = false;
    for i in 0..archive.len().min(MAX_ENTRIES) {
        let Ok(file) = archive.by_index_raw(i) else {
            continue;
        };
        let raw = file.name_raw();
        if !raw.is_ascii() && std::str::from_utf8(raw).is_err() {
            detector.feed(raw, false);
            detector.feed(b"\n", false);
            any = true;
        }
    }
    detector.feed(b"", true);
    any.then(|| detector.guess(Some(b"hk"), true))
}

/// An entry's name as its archiver wrote it: UTF-8 if it is that, else in the archive's
/// code page (`encoding`, [`names_encoding`]), else as CP437 (what the zip format says).
fn entry_name<R: Read>(
    file: &zip::read::ZipFile<'_, R>,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> String {
    let raw = file.name_raw();
    if raw.is_ascii() {
        return file.name().to_string();
    }
    if let Ok(name) = std::str::from_utf8(raw) {
        return name.to_string();
    }
    match encoding.map(|e| e.decode_without_bom_handling_and_without_replacement(raw)) {
        Some(Some(name)) => name.into_owned(),
        _ => file.name().to_string(),
    }
}

/// Reads a `.zip` (stored or deflated entries): the decoded text of every file in it,
/// or why not (binary, an encoding not recognised, too large, an archive inside, a
/// name that climbs out of its folder, a damaged or unsupported entry). Folders and
/// macOS metadata are left out. Fails whole only when `bytes` is not a zip archive.
pub fn decode_zip(source: &str, bytes: &[u8]) -> Result<Vec<ArchiveEntry>, Error> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Archive {
        source: source.to_string(),
        detail: format!("not a zip archive that can be read ({e})"),
    })?;
    let names = names_encoding(&mut archive);
    let mut entries = Vec::new();
    let mut budget = MAX_ARCHIVE_TEXT_BYTES;
    let count = archive.len();
    for i in 0..count {
        let mut file = match archive.by_index(i) {
            Ok(file) => file,
            Err(e) => {
                entries.push(ArchiveEntry {
                    name: format!("#{}", i + 1),
                    result: Err(Error::Archive {
                        source: format!("{source}: file {}", i + 1),
                        detail: format!("this entry is damaged ({e})"),
                    }),
                });
                continue;
            }
        };
        let name = entry_name(&file, names);
        if file.is_dir() || is_metadata(&name) {
            continue;
        }
        let path = format!("{source}/{name}");
        let refuse = |detail: &str| {
            Err(Error::Archive {
                source: path.clone(),
                detail: detail.to_string(),
            })
        };
        if entries.len() >= MAX_ENTRIES {
            // One message for the rest, not one per file: an archive may list millions.
            entries.push(ArchiveEntry {
                name,
                result: refuse(&format!(
                    "the archive holds more files than jiexi reads at once ({MAX_ENTRIES}); \
                     this one and the {} after it were not read; split it",
                    count - i - 1
                )),
            });
            break;
        }
        let result = if file.enclosed_name().is_none() || name.contains('\\') {
            refuse("its name points outside the archive's folder; it was not read")
        } else if name.to_lowercase().ends_with(".zip") {
            refuse("an archive inside the archive; unpack it and add its files")
        } else if file.size() > MAX_TEXT_BYTES as u64 {
            Err(Error::TooLarge {
                source: path.clone(),
                bytes: usize::try_from(file.size()).unwrap_or(usize::MAX),
                limit: MAX_TEXT_BYTES,
            })
        } else if file.size() > budget as u64 {
            refuse("the archive unpacks into more than 100 MB of text; the rest was not read")
        } else {
            // The size in the header may lie: read one byte past the limit to tell.
            let mut text = Vec::new();
            match (&mut file)
                .take(MAX_TEXT_BYTES as u64 + 1)
                .read_to_end(&mut text)
            {
                Err(e) => refuse(&format!("this entry cannot be unpacked ({e})")),
                Ok(n) if n > MAX_TEXT_BYTES || n > budget => Err(Error::TooLarge {
                    source: path.clone(),
                    bytes: n,
                    limit: MAX_TEXT_BYTES.min(budget),
                }),
                Ok(n) => {
                    budget -= n;
                    decode_text(&path, &text)
                }
            }
        };
        entries.push(ArchiveEntry { name, result });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    /// A zip of (name, bytes), deflated.
    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, bytes) in files {
            if name.ends_with('/') {
                w.add_directory(*name, options).unwrap();
            } else {
                w.start_file(*name, options).unwrap();
                w.write_all(bytes).unwrap();
            }
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn names_written_in_a_chinese_code_page_are_read_in_it() {
        for (name, encoding) in [
            ("深港合作.txt", encoding_rs::BIG5),
            ("深港合作.txt", encoding_rs::GBK),
            ("新聞/科學園.txt", encoding_rs::BIG5),
        ] {
            let (raw, _, _) = encoding.encode(name);
            // Written under an ASCII name of the same length, then given the code page's
            // bytes: what a Windows archiver writes (no UTF-8 flag).
            let placeholder: String = "x".repeat(raw.len() - 4) + ".txt";
            let mut bytes = zip_of(&[(placeholder.as_str(), "內文".as_bytes())]);
            let mut at = 0;
            while let Some(i) =
                (bytes[at..].windows(raw.len())).position(|w| w == placeholder.as_bytes())
            {
                bytes[at + i..at + i + raw.len()].copy_from_slice(&raw);
                at += i + raw.len();
            }
            let entries = decode_zip("news.zip", &bytes).unwrap();
            assert_eq!(entries[0].name, name, "{}", encoding.name());
            assert_eq!(entries[0].result.as_ref().unwrap().text, "內文");
        }
    }

    /// A zip whose entries' names are `names` in `encoding`, without the UTF-8 flag:
    /// written under ASCII names of the same lengths, then given the code page's bytes.
    fn zip_named(names: &[&str], encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
        let raws: Vec<Vec<u8>> = (names.iter())
            .map(|n| encoding.encode(n).0.into_owned())
            .collect();
        let placeholders: Vec<String> = (raws.iter().enumerate())
            .map(|(i, r)| format!("{}{i}.txt", "x".repeat(r.len() - 5)))
            .collect();
        let files: Vec<(&str, &[u8])> = (placeholders.iter())
            .map(|p| (p.as_str(), "內文".as_bytes()))
            .collect();
        let mut bytes = zip_of(&files);
        for (p, raw) in placeholders.iter().zip(&raws) {
            let mut at = 0;
            while let Some(i) = bytes[at..]
                .windows(raw.len())
                .position(|w| w == p.as_bytes())
            {
                bytes[at + i..at + i + raw.len()].copy_from_slice(raw);
                at += i + raw.len();
            }
        }
        bytes
    }

    #[test]
    fn short_names_are_read_in_the_code_page_their_archive_was_written_in() {
        for (names, encoding) in [
            (
                &["功能書.txt", "李明稿.txt", "报告一.txt"][..],
                encoding_rs::GBK,
            ),
            (&["深港合作.txt", "科學園報道.txt"][..], encoding_rs::BIG5),
        ] {
            let entries = decode_zip("news.zip", &zip_named(names, encoding)).unwrap();
            let got: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
            assert_eq!(got, names, "{}", encoding.name());
        }
    }

    #[test]
    fn each_entry_is_decoded_or_refused_on_its_own() {
        let (big5, _, _) = encoding_rs::BIG5.encode("深港合作加快，兩地簽署協議。");
        let inner = zip_of(&[("a.txt", "內文".as_bytes())]);
        let bytes = zip_of(&[
            ("stories/", b""),
            ("stories/01.txt", "深圳與香港加強合作。".as_bytes()),
            ("stories/02.txt", &big5),
            ("photo.png", b"\x89PNG\r\n\x1a\n...."),
            ("../escape.txt", b"out"),
            ("more.zip", &inner),
            ("nul.txt", b"a\0b"),
            ("__MACOSX/stories/._01.txt", b"\0\x05\x16\x07"),
            ("stories/03.txt", "香港特區政府發布新政策。".as_bytes()),
        ]);
        let entries = decode_zip("news.zip", &bytes).unwrap();
        let got: Vec<(&str, Result<&str, String>)> = entries
            .iter()
            .map(|e| {
                let r = e.result.as_ref();
                (
                    e.name.as_str(),
                    r.map(|d| d.text.as_str()).map_err(|e| e.to_string()),
                )
            })
            .collect();
        assert_eq!(
            got.len(),
            7,
            "the folder and macOS metadata are left out: {got:?}"
        );
        assert_eq!(got[0], ("stories/01.txt", Ok("深圳與香港加強合作。")));
        assert_eq!(
            got[1],
            ("stories/02.txt", Ok("深港合作加快，兩地簽署協議。"))
        );
        assert_eq!(entries[1].result.as_ref().unwrap().encoding, "Big5");
        for (at, name, why) in [
            (2, "photo.png", "PNG"),
            (3, "../escape.txt", "outside"),
            (4, "more.zip", "inside the archive"),
            (5, "nul.txt", "binary"),
        ] {
            let (n, r) = &got[at];
            assert_eq!(*n, name);
            let err = r.as_ref().unwrap_err();
            assert!(err.contains(why) && err.contains(name), "{name}: {err}");
        }
        assert_eq!(
            got[6],
            ("stories/03.txt", Ok("香港特區政府發布新政策。")),
            "read past the bad ones"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_without_stopping_the_rest() {
        let big = vec![b'a'; MAX_TEXT_BYTES + 1];
        let bytes = zip_of(&[("big.txt", &big), ("ok.txt", "深港".as_bytes())]);
        let entries = decode_zip("a.zip", &bytes).unwrap();
        assert!(
            matches!(entries[0].result, Err(Error::TooLarge { .. })),
            "{:?}",
            entries[0].name
        );
        assert_eq!(entries[1].result.as_ref().unwrap().text, "深港");
    }

    #[test]
    fn an_archive_of_too_many_files_is_read_up_to_the_limit() {
        let names: Vec<String> = (0..MAX_ENTRIES + 3).map(|i| format!("{i}.txt")).collect();
        let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"ok"[..])).collect();
        let entries = decode_zip("many.zip", &zip_of(&files)).unwrap();
        assert_eq!(entries.len(), MAX_ENTRIES + 1);
        assert!(entries[..MAX_ENTRIES].iter().all(|e| e.result.is_ok()));
        let last = entries[MAX_ENTRIES]
            .result
            .as_ref()
            .unwrap_err()
            .to_string();
        assert!(last.contains("the 2 after it were not read"), "{last}");
    }

    #[test]
    fn what_is_not_a_zip_is_refused_whole() {
        for bytes in [&b""[..], b"PK\x03\x04broken", "深港合作".as_bytes()] {
            let err = decode_zip("x.zip", bytes).unwrap_err();
            assert!(matches!(err, Error::Archive { .. }), "{err}");
            assert!(
                err.to_string().starts_with("x.zip: not a zip archive"),
                "{err}"
            );
        }
    }
}
