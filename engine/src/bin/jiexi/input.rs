//! Text from files and pipes. The CLI takes UTF-8 only and says where it is not: batch
//! input is the user's own to convert (the page decodes legacy encodings, the CLI does not
//! guess).

use crate::error::Error;

/// Decodes `bytes` as UTF-8 (a leading BOM is dropped), naming `source` and the
/// line of the first bad byte on failure.
pub fn decode_utf8(source: &str, bytes: Vec<u8>) -> Result<String, Error> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count();
        Error::InvalidUtf8 {
            source: source.to_string(),
            line,
            byte,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_and_byte_of_bad_utf8() {
        let err = decode_utf8("x.txt", b"ok\n\xff".to_vec()).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("x.txt") && msg.contains("line 2") && msg.contains("byte 3"),
            "{msg}"
        );
    }

    #[test]
    fn drops_bom() {
        assert_eq!(
            decode_utf8("-", b"\xEF\xBB\xBF\xE9\xA6\x99".to_vec()).unwrap(),
            "香"
        );
    }
}
