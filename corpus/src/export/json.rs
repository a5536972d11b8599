//! The JSON export: the CLI's schema (tokens and entities) with the text it is about.

use jiexi_engine::Analysis;
use serde::Serialize;

/// The JSON export: the text with its analysis.
pub fn json(text: &str, analysis: &Analysis) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        text: &'a str,
        #[serde(flatten)]
        analysis: &'a Analysis,
    }
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(&Export { text, analysis }).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn json_round_trips() {
        let a = analysed();
        let v: serde_json::Value = serde_json::from_str(&json(TEXT, &a)).unwrap();
        assert_eq!(v["text"], TEXT);
        let back: Analysis = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }
}
