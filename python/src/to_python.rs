//! The engine's results as Python objects: the dicts and lists the CLI's JSON decodes to.
//!
//! An analysis is built straight into Python objects, keys interned, under the GIL (the
//! tokens in `tokens.rs`). On the seed pages, building them directly took about a third of
//! the time `json.loads` takes on the CLI's JSON, and `pythonize` (a serde serializer into
//! Python objects) sat between the two. Stories, few per page, go through JSON. The tests
//! check the output against the CLI's byte for byte once serialised.

use jiexi_engine::{Analysis, Currency, Entity, Script, Value};
use pyo3::exceptions::PyRuntimeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;

use crate::tokens::{tokens_to_py, TokenShape};

/// `{"script", "tokens", "entities"}`, as `jiexi analyze` writes an analysis (the tokens in
/// `shape`).
pub fn analysis_to_py<'py>(
    py: Python<'py>,
    analysis: &Analysis,
    shape: TokenShape,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "script"), script_name(analysis.script))?;
    dict.set_item(
        intern!(py, "tokens"),
        tokens_to_py(py, &analysis.tokens, shape)?,
    )?;
    dict.set_item(
        intern!(py, "entities"),
        entities_to_py(py, &analysis.entities)?,
    )?;
    Ok(dict)
}

/// The script's name as serde writes it (`rename_all = "lowercase"`).
fn script_name(script: Script) -> &'static str {
    match script {
        Script::Traditional => "traditional",
        Script::Simplified => "simplified",
    }
}

/// The entities, as a list of `{"start", "end", "type", "text", "confidence", "alias_of"}`.
pub fn entities_to_py<'py>(py: Python<'py>, entities: &[Entity]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for entity in entities {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "start"), entity.start)?;
        dict.set_item(intern!(py, "end"), entity.end)?;
        dict.set_item(intern!(py, "type"), entity.kind.as_str())?;
        dict.set_item(intern!(py, "text"), entity.text.as_str())?;
        dict.set_item(intern!(py, "confidence"), shortest_f64(entity.confidence))?;
        dict.set_item(intern!(py, "alias_of"), entity.alias_of.as_deref())?;
        // As the CLI writes them (engine/src/entity_forms.rs): only when there is a value.
        match entity.value {
            None => {}
            Some(Value::Date(d)) => {
                dict.set_item(intern!(py, "value"), d.iso())?;
                dict.set_item(intern!(py, "precision"), d.precision().as_str())?;
            }
            Some(Value::Money {
                amount,
                currency,
                approximate,
            }) => {
                dict.set_item(intern!(py, "value"), number(py, amount)?)?;
                dict.set_item(intern!(py, "currency"), currency.map(Currency::code))?;
                if approximate {
                    dict.set_item(intern!(py, "approximate"), true)?;
                }
            }
            Some(Value::Percent(n)) => dict.set_item(intern!(py, "value"), number(py, n)?)?,
        }
        list.append(dict)?;
    }
    Ok(list)
}

/// A value as the CLI writes it: an int when it is a whole number below 2^53, else a float.
fn number(py: Python<'_>, value: f64) -> PyResult<Bound<'_, PyAny>> {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if value.fract() == 0.0 && value.abs() < EXACT {
        Ok((value as i64).into_pyobject(py)?.into_any())
    } else {
        Ok(value.into_pyobject(py)?.into_any())
    }
}

/// The double JSON readers get from the `f32` serde_json writes: its shortest decimal form
/// (0.9, not 0.8999999761581421, which a plain widening gives).
fn shortest_f64(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

/// `value` as the CLI writes it.
pub fn to_json(value: &impl Serialize) -> PyResult<String> {
    serde_json::to_string(value)
        .map_err(|e| PyRuntimeError::new_err(format!("jiexi: the result cannot be written: {e}")))
}

/// The Python objects (dicts, lists, str, int, float, None) of a JSON document.
pub fn from_json(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.import(py, "json", "loads")?;
    Ok(loads.call1((json,))?.unbind())
}
