//! An analysis's tokens as Python objects: a dict per token (the CLI's JSON, decoded), or
//! four columns.
//!
//! A text has a token per 1.7 chars, so this is most of what a Python caller pays beyond
//! the engine. The values are made as few times as they can be: a string per distinct word
//! and tag of a text (most words recur: 的, 在, 記者), one int where a token starts at the
//! previous one's end, lists made at their final length. That saves memory (3,000 articles
//! held as dicts: 141 -> 129 MB) more than time, which the dicts themselves dominate
//! (docs/archives.md, Throughput).

use jiexi_engine::Token;
use pyo3::exceptions::PyValueError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};
use rustc_hash::FxHashMap;

/// How an analysis's tokens are given to Python (`tokens=`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TokenShape {
    /// A list of `{"start", "end", "text", "pos"}`: the CLI's JSON, decoded.
    Dicts,
    /// `{"start": [...], "end": [...], "text": [...], "pos": [...]}`: the same values in four
    /// lists, for callers who want speed: a dict per token costs about a quarter of the
    /// CLI's whole time to make and free.
    Columns,
}

impl TokenShape {
    /// The `tokens=` argument: `"dicts"` (the default) or `"columns"`.
    pub fn new(function: &str, name: &str) -> PyResult<TokenShape> {
        match name {
            "dicts" => Ok(TokenShape::Dicts),
            "columns" => Ok(TokenShape::Columns),
            other => Err(PyValueError::new_err(format!(
                "jiexi.{function}: tokens must be \"dicts\" or \"columns\", not {other:?}"
            ))),
        }
    }
}

/// `tokens` in `shape`.
pub fn tokens_to_py<'py>(
    py: Python<'py>,
    tokens: &[Token],
    shape: TokenShape,
) -> PyResult<Bound<'py, PyAny>> {
    let mut values = Values::new(py);
    match shape {
        TokenShape::Dicts => {
            let dicts = tokens
                .iter()
                .map(|token| {
                    let dict = PyDict::new(py);
                    let (start, end) = values.offsets(token);
                    dict.set_item(intern!(py, "start"), start)?;
                    dict.set_item(intern!(py, "end"), end)?;
                    dict.set_item(intern!(py, "text"), values.word(&token.text))?;
                    dict.set_item(intern!(py, "pos"), values.tag(&token.pos))?;
                    Ok(dict)
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, dicts)?.into_any())
        }
        TokenShape::Columns => {
            let dict = PyDict::new(py);
            let (starts, ends): (Vec<_>, Vec<_>) = tokens.iter().map(|t| values.offsets(t)).unzip();
            let (starts, ends) = (PyList::new(py, starts)?, PyList::new(py, ends)?);
            let words = PyList::new(py, tokens.iter().map(|t| values.word(&t.text)))?;
            let tags = PyList::new(py, tokens.iter().map(|t| values.tag(&t.pos)))?;
            dict.set_item(intern!(py, "start"), starts)?;
            dict.set_item(intern!(py, "end"), ends)?;
            dict.set_item(intern!(py, "text"), words)?;
            dict.set_item(intern!(py, "pos"), tags)?;
            Ok(dict.into_any())
        }
    }
}

/// The Python values of one text's tokens, each made once.
struct Values<'a, 'py> {
    py: Python<'py>,
    words: FxHashMap<&'a str, Bound<'py, PyString>>,
    /// By address: tags are the tag set's own strings, a few dozen per text.
    tags: FxHashMap<(usize, usize), Bound<'py, PyString>>,
    /// The previous token's end, the next one's start more often than not.
    last_end: Option<(usize, Bound<'py, PyInt>)>,
}

impl<'a, 'py> Values<'a, 'py> {
    fn new(py: Python<'py>) -> Self {
        Values {
            py,
            words: FxHashMap::default(),
            tags: FxHashMap::default(),
            last_end: None,
        }
    }

    /// A token's start and end, the start the previous end's int when they are equal.
    fn offsets(&mut self, token: &Token) -> (Bound<'py, PyInt>, Bound<'py, PyInt>) {
        let start = match &self.last_end {
            Some((end, int)) if *end == token.start => int.clone(),
            _ => int(self.py, token.start),
        };
        let end = int(self.py, token.end);
        self.last_end = Some((token.end, end.clone()));
        (start, end)
    }

    fn word(&mut self, word: &'a str) -> Bound<'py, PyString> {
        let py = self.py;
        self.words
            .entry(word)
            .or_insert_with(|| PyString::new(py, word))
            .clone()
    }

    fn tag(&mut self, tag: &str) -> Bound<'py, PyString> {
        let py = self.py;
        self.tags
            .entry((tag.as_ptr() as usize, tag.len()))
            .or_insert_with(|| PyString::new(py, tag))
            .clone()
    }
}

fn int(py: Python<'_>, n: usize) -> Bound<'_, PyInt> {
    match n.into_pyobject(py) {
        Ok(int) => int,
        Err(never) => match never {},
    }
}
