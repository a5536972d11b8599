//! jiexi's browser app: a Leptos CSR page that talks to the analysis Web Worker
//! (`jiexi-worker`). The page never runs jieba itself: the worker loads the dictionary
//! while the page paints, and the page only renders offsets the worker returns.
//!
//! - [`state`]: the stores (the worker client, the library, corrections, storage, tabs),
//!   provided to the views by context; no markup.
//! - [`reader`]: the reading view, its blocks and HTML as pure functions.
//! - [`panels`]: what sits beside the reader (entities, corrections, exports, words).
//! - [`corpus`]: the views over the whole library (index, concordance, network, trends)
//!   and the library panel.
//! - [`shell`]: the app's frame: layout, language, paste and files, offline, crashes.

pub mod corpus;
pub mod panels;
pub mod reader;
pub mod shell;
pub mod state;
