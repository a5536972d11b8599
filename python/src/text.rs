//! Arguments that must be text, checked with messages that say what to do: a non-str is a
//! `TypeError`, a str Rust cannot hold (a lone surrogate) a `ValueError`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString};

/// `obj` as UTF-8 text, borrowed from the Python string (no copy for most strings), so the
/// GIL can be released while the engine reads it.
pub fn text_arg(function: &str, obj: &Bound<'_, PyAny>) -> PyResult<PyBackedStr> {
    text_at(function, "text", obj)
}

/// Every item of the iterable `obj` as text; a bare str (an iterable of chars) is refused.
pub fn texts_arg(function: &str, obj: &Bound<'_, PyAny>) -> PyResult<Vec<PyBackedStr>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "jiexi.{function}: texts must be an iterable of str, not one str (use jiexi.analyze for one text)"
        )));
    }
    let items = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "jiexi.{function}: texts must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    items
        .enumerate()
        .map(|(i, item)| text_at(function, &format!("texts[{i}]"), &item?))
        .collect()
}

fn text_at(function: &str, what: &str, obj: &Bound<'_, PyAny>) -> PyResult<PyBackedStr> {
    let Ok(string) = obj.cast::<PyString>() else {
        let hint = if obj.is_instance_of::<PyBytes>() {
            " (decode bytes first, e.g. data.decode(\"utf-8\"))"
        } else {
            ""
        };
        return Err(PyTypeError::new_err(format!(
            "jiexi.{function}: {what} must be str, not {}{hint}",
            type_name(obj)
        )));
    };
    PyBackedStr::try_from(string.clone()).map_err(|error| {
        let py = obj.py();
        // The UnicodeEncodeError says where: `start` is the index of the first bad char.
        let at = error
            .value(py)
            .getattr("start")
            .and_then(|start| start.extract::<usize>())
            .ok();
        let place = match at {
            Some(i) => match code_at(string, i) {
                Some(code) => format!(" (U+{code:04X}) at index {i}"),
                None => format!(" at index {i}"),
            },
            None => String::new(),
        };
        let err = PyValueError::new_err(format!(
            "jiexi.{function}: {what} is not valid Unicode: a lone surrogate{place} (half of a \
             UTF-16 pair, or bytes kept by errors=\"surrogateescape\"); clean it first, e.g. \
             {what}.encode(\"utf-8\", \"replace\").decode(\"utf-8\")"
        ));
        err.set_cause(py, Some(error));
        err
    })
}

/// The code point at char index `i` of `string` (`ord(string[i])`), if Python can tell.
fn code_at(string: &Bound<'_, PyString>, i: usize) -> Option<u32> {
    let c = string.get_item(i).ok()?;
    let ord = string.py().import("builtins").ok()?.getattr("ord").ok()?;
    ord.call1((c,)).ok()?.extract().ok()
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .qualname()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an object of another type".to_string())
}
