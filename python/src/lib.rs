//! The jiexi engine as the Python module `jiexi._engine` (re-exported by `jiexi`).
//!
//! Every answer is the Python form of what the `jiexi` CLI prints (dicts, lists, str, int,
//! float, None, keys in the same order): `json.dumps(jiexi.analyze(t), ensure_ascii=False,
//! separators=(",", ":"))` is byte for byte what `jiexi analyze` prints (python/tests/).
//!
//! The analyser is built once per process (`analyzer()`); the batch form runs on rayon's
//! threads with the GIL released.

use std::sync::OnceLock;

use jiexi_engine::{script, Analysis, Analyzer, CalendarDate};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

mod batch;
mod gc_pause;
mod text;
mod to_python;
mod tokens;

use gc_pause::GcPause;
use text::{text_arg, texts_arg};
use to_python::{analysis_to_py, entities_to_py, from_json, to_json};
use tokens::TokenShape;

/// The one analyser of the process: its dictionaries load once, on first use.
fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

/// The analysis of one text, its relative dates (昨日, 上週五) resolved against the
/// article's `date` when given. Every entry point goes through here.
fn analysis(text: &str, date: Option<CalendarDate>) -> Analysis {
    analyzer().analyze_dated(text, date)
}

/// The article date argument: `YYYY-MM-DD`, as `jiexi analyze --date` takes it.
fn date_arg(function: &str, date: Option<&str>) -> PyResult<Option<CalendarDate>> {
    date.map(|d| {
        CalendarDate::parse(d).ok_or_else(|| {
            PyValueError::new_err(format!(
                "jiexi.{function}: date {d:?} is not a date; write it YYYY-MM-DD"
            ))
        })
    })
    .transpose()
}

/// The script, tokens and entities of `text`: what `jiexi analyze FILE` prints, as dicts
/// and lists. Offsets count chars, as `str` indexes do.
///
/// `date` (`YYYY-MM-DD`) is the article's own: relative dates get values from it, as with
/// `jiexi analyze --date`. `tokens="columns"` gives the tokens as
/// `{"start": [...], "end": [...], "text": [...], "pos": [...]}` instead of a dict per token:
/// the same values, made faster.
///
/// Raises TypeError if `text` is not a str, ValueError if it holds a lone surrogate, the
/// date is not `YYYY-MM-DD` or `tokens` is neither "dicts" nor "columns".
#[pyfunction]
#[pyo3(signature = (text, /, date = None, tokens = "dicts"))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&str>,
    tokens: &str,
) -> PyResult<Py<PyAny>> {
    let text = text_arg("analyze", text)?;
    let date = date_arg("analyze", date)?;
    let shape = TokenShape::new("analyze", tokens)?;
    let analysis = py.detach(|| analysis(&text, date));
    let _pause = GcPause::new(py)?;
    Ok(analysis_to_py(py, &analysis, shape)?.into_any().unbind())
}

/// `analyze` of every text of the iterable `texts`, in input order, on `threads` threads
/// (None: every core, or RAYON_NUM_THREADS), with the GIL released while the engine works.
///
/// `dates`, if given, holds each text's article date (`YYYY-MM-DD` or None), in order;
/// `tokens` is as for `analyze`.
///
/// Raises TypeError if an item is not a str, ValueError for a lone surrogate, threads=0,
/// a bad date, not as many dates as texts, or a `tokens` other than "dicts" or "columns".
#[pyfunction]
#[pyo3(signature = (texts, /, threads = None, dates = None, tokens = "dicts"))]
fn analyze_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
    dates: Option<Vec<Option<String>>>,
    tokens: &str,
) -> PyResult<Vec<Py<PyAny>>> {
    let texts = texts_arg("analyze_many", texts)?;
    let shape = TokenShape::new("analyze_many", tokens)?;
    let threads = batch::Threads::new(threads)?;
    let dates: Vec<Option<CalendarDate>> = match dates {
        None => vec![None; texts.len()],
        Some(dates) if dates.len() == texts.len() => dates
            .iter()
            .map(|d| date_arg("analyze_many", d.as_deref()))
            .collect::<PyResult<_>>()?,
        Some(dates) => {
            return Err(PyValueError::new_err(format!(
                "jiexi.analyze_many: {} dates for {} texts; give one per text (None where unknown)",
                dates.len(),
                texts.len()
            )))
        }
    };
    let items: Vec<(&str, Option<CalendarDate>)> =
        texts.iter().map(|t| -> &str { t }).zip(dates).collect();
    let mut out = Vec::with_capacity(texts.len());
    for chunk in items.chunks(batch::CHUNK) {
        // Ctrl-C stops a long batch within a chunk, not at its end.
        py.check_signals()?;
        let analyses = py.detach(|| threads.map(chunk, |(text, date)| analysis(text, *date)));
        // Off only while the GIL is held: back on before the next chunk releases it.
        let _pause = GcPause::new(py)?;
        for analysis in &analyses {
            out.push(analysis_to_py(py, analysis, shape)?.into_any().unbind());
        }
    }
    Ok(out)
}

/// The words of `text` as strings, in order, whitespace left out: jieba's words with the
/// engine's repairs, before `analyze` splits a word at an entity's edge (the tokens with
/// offsets are in `analyze(text)["tokens"]`).
#[pyfunction]
#[pyo3(signature = (text, /))]
fn segment(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let text = text_arg("segment", text)?;
    Ok(py.detach(|| {
        analyzer()
            .segment(&text)
            .into_iter()
            .map(|token| token.text.into_string())
            .collect()
    }))
}

/// The entities of `text`: `analyze(text)["entities"]`, without building the tokens (the
/// faster call when only entities are wanted).
#[pyfunction]
#[pyo3(signature = (text, /, date = None))]
fn entities(py: Python<'_>, text: &Bound<'_, PyAny>, date: Option<&str>) -> PyResult<Py<PyAny>> {
    let text = text_arg("entities", text)?;
    let date = date_arg("entities", date)?;
    let analysis = py.detach(|| analysis(&text, date));
    Ok(entities_to_py(py, &analysis.entities)?.into_any().unbind())
}

/// A newspaper page's stories in page order (title, dateline, byline, source, date, char
/// offsets, …): what `jiexi stories FILE` prints.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn stories(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = text_arg("stories", text)?;
    let json = py.detach(|| to_json(&jiexi_engine::stories::split(&text)))?;
    from_json(py, &json)
}

/// The form entity names are compared in (either script, any width): two mentions with
/// the same type and folded text (or `alias_of`) are one entity in the page's views.
#[pyfunction]
#[pyo3(signature = (text, /))]
fn fold(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(script::fold(&text_arg("fold", text)?))
}

/// The compiled jiexi engine; use it through the package `jiexi`.
#[pymodule]
fn _engine(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(entities, m)?)?;
    m.add_function(wrap_pyfunction!(stories, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    Ok(())
}
