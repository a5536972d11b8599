//! The engine's one error type. The engine knows no page and no command line: its
//! messages say what went wrong, and the caller adds what the user can do about it.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The packed dictionary data is damaged (e.g. a download cut short).
    Dictionary(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Dictionary(detail) => write!(f, "the dictionary data is damaged ({detail})"),
        }
    }
}

impl std::error::Error for Error {}
