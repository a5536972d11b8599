//! Many texts on every core: rayon's global pool (`RAYON_NUM_THREADS` caps it), or a pool
//! of the size asked for. The caller releases the GIL around it.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::PyResult;
use rayon::prelude::*;

/// `f` of every text, in input order, on `threads` threads (rayon's global pool when
/// `None`).
pub fn map<S, T, F>(threads: Option<usize>, texts: &[S], f: F) -> PyResult<Vec<T>>
where
    S: AsRef<str> + Sync,
    T: Send,
    F: Fn(&str) -> T + Sync,
{
    let run = || texts.par_iter().map(|text| f(text.as_ref())).collect();
    match threads {
        None => Ok(run()),
        Some(0) => Err(PyValueError::new_err(
            "jiexi.analyze_many: threads must be at least 1 (or None for every core)",
        )),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| {
                    PyRuntimeError::new_err(format!(
                        "jiexi.analyze_many: cannot start {n} threads: {e}"
                    ))
                })?;
            Ok(pool.install(run))
        }
    }
}
