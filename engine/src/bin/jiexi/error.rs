//! The CLI's errors: what it could not read, and how it was called. Messages name the
//! input and the place, because they are read by people at a terminal.

use std::{fmt, io};

#[derive(Debug)]
pub enum Error {
    /// The input is not UTF-8. `byte` is the offset of the first bad byte.
    InvalidUtf8 {
        source: String,
        line: usize,
        byte: usize,
    },
    /// A file or stream could not be read or written.
    Io { source: String, error: io::Error },
    /// The command line was not understood.
    Usage(String),
}

impl Error {
    pub fn io(source: &str, error: io::Error) -> Error {
        Error::Io {
            source: source.to_string(),
            error,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidUtf8 { source, line, byte } => write!(
                f,
                "{source}: not valid UTF-8 (line {line}, byte {byte}); convert it to UTF-8 first \
                 (for Big5 or GB18030: iconv -f BIG5 -t UTF-8)"
            ),
            Error::Io { source, error } => write!(f, "{source}: cannot read: {error}"),
            Error::Usage(msg) => f.write_str(msg),
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
