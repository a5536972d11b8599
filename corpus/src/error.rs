//! The corpus model's one error type. Messages name the input and say what to do,
//! because they are shown to people; the page and the CLI add only their own advice.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Serialisable: the worker sends it to the page as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Error {
    /// The input looks like a binary file (an image, a PDF, an archive), not text.
    Binary { source: String },
    /// The input is text in an encoding jiexi cannot tell or decode.
    UnknownEncoding { source: String, guess: String },
    /// The input is larger than jiexi analyses at once.
    TooLarge {
        source: String,
        bytes: usize,
        limit: usize,
    },
    /// The input holds no text (it is empty, or only spaces and line breaks).
    Empty { source: String },
    /// A library file (or a stored document) is not valid; nothing was changed.
    Library(String),
    /// A correction, or a user dictionary line, that cannot be applied.
    Correction(String),
    /// A concordance pattern that is too long or not a regular expression.
    Pattern(String),
    /// A change to the authority file that cannot be made (it names what and why); the
    /// file is left as it was.
    Authority(String),
    /// A zip archive, or one entry of it, that cannot be read (`source` names it).
    Archive { source: String, detail: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Binary { source } => write!(
                f,
                "{source}: this looks like a binary file (image, PDF, archive …), not text; \
                 save the article as a plain-text .txt file and try again"
            ),
            Error::UnknownEncoding { source, guess } => write!(
                f,
                "{source}: the text encoding could not be recognised (it looks like {guess}); \
                 save it as UTF-8, Big5 or GB18030 and try again"
            ),
            Error::TooLarge {
                source,
                bytes,
                limit,
            } => write!(
                f,
                "{source}: {:.1} MB is more than the {:.0} MB jiexi analyses at once; \
                 split it into smaller files",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            Error::Empty { source } => write!(
                f,
                "{source}: the file holds no text (it is empty, or only spaces); nothing was added"
            ),
            Error::Library(detail) => write!(f, "{detail}; nothing was changed"),
            Error::Correction(detail) | Error::Pattern(detail) => f.write_str(detail),
            Error::Authority(detail) => write!(f, "{detail}; the authority file was not changed"),
            Error::Archive { source, detail } => write!(f, "{source}: {detail}"),
        }
    }
}

impl std::error::Error for Error {}
