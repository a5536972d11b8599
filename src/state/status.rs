//! What the page tells the user about the analysis, also exposed as `data-state`.

use crate::shell::i18n::Lang;

/// The state of the analysis shown in `[data-testid=status]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The worker is loading the dictionary.
    Loading,
    Ready,
    Working,
    /// The analysis failed (or its worker did): Retry runs it again.
    Error(String),
    /// A file opened could not be read; the text shown is untouched, so there is
    /// nothing to retry. The next file or import replaces it.
    FileError(String),
}

impl Status {
    /// The `data-state` value: tests and scripts rely on these names.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Loading | Status::Working => "working",
            Status::Ready => "ready",
            Status::Error(_) | Status::FileError(_) => "error",
        }
    }

    /// The text shown to the user, in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            Status::Loading if en => "Loading dictionary…".to_string(),
            Status::Loading => "正在載入詞典…".to_string(),
            Status::Ready if en => "Ready".to_string(),
            Status::Ready => "就緒".to_string(),
            Status::Working if en => "Analysing…".to_string(),
            Status::Working => "分析中…".to_string(),
            Status::Error(reason) | Status::FileError(reason) if en => format!("Error: {reason}"),
            Status::Error(reason) | Status::FileError(reason) => format!("錯誤：{reason}"),
        }
    }
}
