//! Many texts on every core: rayon's global pool (`RAYON_NUM_THREADS` caps it), or a pool
//! of the size asked for. The caller releases the GIL around each chunk.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::PyResult;
use rayon::prelude::*;

/// Texts analysed between two conversions to Python objects: the analyses of a chunk are
/// still in cache when converted, and memory stays bounded for any number of texts.
pub const CHUNK: usize = 256;

/// Where a batch runs.
pub enum Threads {
    /// On the calling thread: one thread asked for, or a global pool of one. It is also the
    /// thread `analyze` runs on, whose caches (the regex crate's, for one) are then warm.
    Caller,
    Global,
    Pool(rayon::ThreadPool),
}

impl Threads {
    /// `threads` as given to `analyze_many` (None: every core).
    pub fn new(threads: Option<usize>) -> PyResult<Threads> {
        match threads {
            Some(0) => Err(PyValueError::new_err(
                "jiexi.analyze_many: threads must be at least 1 (or None for every core)",
            )),
            Some(1) => Ok(Threads::Caller),
            None if rayon::current_num_threads() == 1 => Ok(Threads::Caller),
            None => Ok(Threads::Global),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(Threads::Pool)
                .map_err(|e| {
                    PyRuntimeError::new_err(format!(
                        "jiexi.analyze_many: cannot start {n} threads: {e}"
                    ))
                }),
        }
    }

    /// `f` of every text, in input order.
    pub fn map<I, T, F>(&self, items: &[I], f: F) -> Vec<T>
    where
        I: Sync,
        T: Send,
        F: Fn(&I) -> T + Sync,
    {
        let run = || items.par_iter().map(&f).collect();
        match self {
            Threads::Caller => items.iter().map(f).collect(),
            Threads::Global => run(),
            Threads::Pool(pool) => pool.install(run),
        }
    }
}
