//! The JSON export: the CLI's schema (tokens and entities) with the text it is about.

use jiexi_engine::Analysis;
use serde::Serialize;

/// What a document is: its title, the paper or site it came from, and its date (ISO
/// `YYYY-MM-DD`, when known). An export carries it, so a file read later says what it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct About {
    pub title: String,
    pub source: String,
    pub date: Option<String>,
}

/// The JSON export: what the document is, its text and its analysis.
pub fn json(text: &str, analysis: &Analysis, about: &About) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        #[serde(flatten)]
        about: &'a About,
        text: &'a str,
        #[serde(flatten)]
        analysis: &'a Analysis,
    }
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(&Export {
        about,
        text,
        analysis,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;

    #[test]
    fn json_round_trips() {
        let a = analysed();
        let about = About {
            title: "深圳副市長".into(),
            source: "香港商報".into(),
            date: Some("2024-12-17".into()),
        };
        let v: serde_json::Value = serde_json::from_str(&json(TEXT, &a, &about)).unwrap();
        assert_eq!(v["text"], TEXT);
        assert_eq!(
            (&v["title"], &v["source"], &v["date"]),
            (
                &"深圳副市長".into(),
                &"香港商報".into(),
                &"2024-12-17".into()
            )
        );
        let undated = json(TEXT, &a, &About::default());
        let v: serde_json::Value = serde_json::from_str(&undated).unwrap();
        assert!(v["date"].is_null(), "no date is null, not a guess");
        let back: Analysis = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }
}
