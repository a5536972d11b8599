//! Turning bytes from files and pipes into text, with errors people can act on.

use crate::Error;

mod archive;
pub use archive::{decode_zip, ArchiveEntry, MAX_ARCHIVE_TEXT_BYTES, MAX_ENTRIES};

/// The largest text jiexi analyses at once (bytes of UTF-8). Beyond it the reader would
/// hold millions of elements; such archives belong to the `jiexi` CLI.
pub const MAX_TEXT_BYTES: usize = 5_000_000;

/// A decoded file: its text and the encoding it was in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding (`UTF-8`, `Big5`, `gb18030`, `UTF-16LE` …).
    pub encoding: &'static str,
}

/// Signatures of binary formats people drop by mistake, with what to tell them.
const MAGIC: [(&[u8], &str); 7] = [
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a Word document or another zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xD0\xCF\x11\xE0", "an old Word or Excel document"),
    (b"{\\rtf", "an RTF document"),
];

/// Decodes a dropped or picked file: UTF-8 (with or without BOM), UTF-16 with a BOM, or,
/// when it is not UTF-8, the legacy Chinese encoding it is in (Big5, GB18030/GBK, detected).
/// Binary files, undecodable bytes and texts over [`MAX_TEXT_BYTES`] are refused with a
/// message that says what to do; nothing is silently decoded into garbage.
pub fn decode_text(source: &str, bytes: &[u8]) -> Result<Decoded, Error> {
    let refuse_binary = || Error::Binary {
        source: source.to_string(),
    };
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(Error::UnknownEncoding {
            source: source.to_string(),
            guess: what.to_string(),
        });
    }
    let decoded = if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(Error::UnknownEncoding {
                source: source.to_string(),
                guess: format!("{} with errors", encoding.name()),
            });
        }
        Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        }
    } else if bytes.contains(&0) {
        return Err(refuse_binary());
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        }
    } else {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        // The top-level domain hint: Hong Kong and Taiwan text is the common case.
        let encoding = detector.guess(Some(b"hk"), true);
        let chinese = [encoding_rs::BIG5, encoding_rs::GBK, encoding_rs::GB18030];
        if !chinese.contains(&encoding) {
            return Err(Error::UnknownEncoding {
                source: source.to_string(),
                guess: encoding.name().to_string(),
            });
        }
        // GBK is decoded as its superset GB18030.
        let encoding = if encoding == encoding_rs::GBK {
            encoding_rs::GB18030
        } else {
            encoding
        };
        match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) => Decoded {
                text: text.into_owned(),
                encoding: encoding.name(),
            },
            None => {
                return Err(Error::UnknownEncoding {
                    source: source.to_string(),
                    guess: format!("{} with errors", encoding.name()),
                })
            }
        }
    };
    if decoded.text.len() > MAX_TEXT_BYTES {
        return Err(Error::TooLarge {
            source: source.to_string(),
            bytes: decoded.text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    // Text has few control chars besides tab and line breaks; binary data has many.
    let controls = decoded
        .text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if controls * 100 > decoded.text.chars().count().max(1) {
        return Err(refuse_binary());
    }
    // An empty file would become an empty, untitled document.
    if decoded.text.trim().is_empty() {
        return Err(Error::Empty {
            source: source.to_string(),
        });
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
        decode_text("a.txt", bytes)
    }

    #[test]
    fn files_with_no_text_are_refused() {
        for bytes in [
            &b""[..],
            b"  \r\n\t\n",
            b"\xef\xbb\xbf",
            b"\xef\xbb\xbf \n",
            "\u{3000}\n".as_bytes(),
        ] {
            let err = decode(bytes).unwrap_err();
            assert!(matches!(err, Error::Empty { .. }), "{bytes:?}: {err:?}");
            assert!(err.to_string().starts_with("a.txt: "), "{err}");
        }
        assert_eq!(decode(" 香港 ".as_bytes()).unwrap().text, " 香港 ");
    }

    const HK: &str = "記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，將於明年設立研究院。";
    const CN: &str = "记者罗柳斌报道：香港中文大学（深圳）副校长杨学明表示，将于明年设立研究院。";

    #[test]
    fn decodes_utf8_utf16_big5_and_gb18030() {
        assert_eq!(decode(HK.as_bytes()).unwrap().encoding, "UTF-8");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), HK.as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap().text, HK);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(HK.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (HK, "UTF-16LE"));
        let (big5, _, _) = encoding_rs::BIG5.encode(HK);
        let d = decode(&big5).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (HK, "Big5"));
        let (gb, _, _) = encoding_rs::GB18030.encode(CN);
        let d = decode(&gb).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (CN, "gb18030"));
    }

    #[test]
    fn refuses_binary_and_oversized_input() {
        for bytes in [
            b"%PDF-1.7\n...".to_vec(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
            vec![0, 1, 2, 3, 255, 0, 7],
            b"PK\x03\x04word/document.xml".to_vec(),
            "正文\u{1}\u{2}\u{3}\u{4}\u{5}".as_bytes().to_vec(),
        ] {
            let err = decode(&bytes).unwrap_err().to_string();
            assert!(err.starts_with("a.txt: "), "{err}");
        }
        let big = "字".repeat(MAX_TEXT_BYTES / 3 + 1);
        let err = decode(big.as_bytes()).unwrap_err().to_string();
        assert!(err.contains("MB"), "{err}");
    }
}
