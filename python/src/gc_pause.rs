//! Python's cyclic garbage collector paused while analyses become Python objects.
//!
//! Every 700 containers made start a collection that walks the lists being filled, item by
//! item; with the tokens as columns (a few lists per text, an item per token) that was 7 %
//! of `analyze_many`'s time on one core in a process with Spark's modules loaded (3,000
//! articles: 0.679 s, 0.632 s with the collector off). Nothing made here can be garbage
//! while it is made, so there is nothing for the collector to find until the pause ends.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// While alive, the collector is off; dropped, it is back on if it was on before (a caller
/// who turned it off keeps it off). Hold it only while the GIL is held throughout: released,
/// other Python threads would run without the collector.
pub struct GcPause<'py> {
    enable: Option<Bound<'py, PyAny>>,
}

impl<'py> GcPause<'py> {
    pub fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        // `PyGC_Disable` and friends are not in the stable ABI of Python 3.9.
        static IS_ENABLED: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        static DISABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        static ENABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        if !IS_ENABLED
            .import(py, "gc", "isenabled")?
            .call0()?
            .is_truthy()?
        {
            return Ok(GcPause { enable: None });
        }
        let enable = ENABLE.import(py, "gc", "enable")?.clone();
        DISABLE.import(py, "gc", "disable")?.call0()?;
        Ok(GcPause {
            enable: Some(enable),
        })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(enable) = &self.enable {
            // `gc.enable()` does not fail; were it to, the collector would stay off, which
            // loses no object, and Python reports the error as unraisable.
            if let Err(error) = enable.call0() {
                error.write_unraisable(enable.py(), None);
            }
        }
    }
}
