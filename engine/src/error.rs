//! The engine's one error type. Messages name the input and the place, because they
//! are shown to people (CLI users, the page), not only to developers.

use std::fmt;

#[derive(Debug)]
pub enum Error {
    /// The input is not UTF-8. `byte` is the offset of the first bad byte.
    InvalidUtf8 {
        source: String,
        line: usize,
        byte: usize,
    },
    /// A file or stream could not be read.
    Io {
        source: String,
        error: std::io::Error,
    },
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
    /// A library file (or a stored document) is not valid; nothing was changed.
    Library(String),
    /// The packed dictionary file is damaged (e.g. a download cut short).
    Dictionary(String),
    /// The command line was not understood.
    Usage(String),
    /// One part of jiexi sent another something it cannot use (a bug, or memory
    /// damaged): the work is kept, the step can be tried again.
    Internal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidUtf8 { source, line, byte } => write!(
                f,
                "{source}: not valid UTF-8 (line {line}, byte {byte}); convert it to UTF-8 first \
                 (for Big5 or GB18030: iconv -f BIG5 -t UTF-8)"
            ),
            Error::Library(detail) => write!(f, "{detail}; nothing was changed"),
            Error::Dictionary(detail) => write!(
                f,
                "the dictionary file is damaged ({detail}); reload the page to fetch it again"
            ),
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
            Error::Io { source, error } => write!(f, "{source}: cannot read: {error}"),
            Error::Usage(msg) => f.write_str(msg),
            Error::Internal(detail) => write!(f, "internal error: {detail}; please try again"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}
