//! jiexi's browser app: a Leptos CSR page and the Web Worker that analyses text.
//!
//! The page never runs jieba itself: the worker loads the dictionary while the
//! page paints, and the page only renders offsets the worker returns.

pub mod app;
pub mod client;
pub mod corpus_views;
pub mod corrections_panel;
pub mod crash;
pub mod doc_banner;
pub mod document_words;
pub mod entity_panel;
pub mod exports;
pub mod file_input;
pub mod i18n;
pub mod landing;
pub mod legend;
pub mod library;
pub mod network;
pub mod paste;
pub mod pwa;
pub mod reader;
pub mod saved;
pub mod status;
pub mod storage;
pub mod tabs;
pub mod trends;

// The worker and the documents it shares with the page live in `worker/`, a crate of its
// own: built apart from Leptos, its `.wasm` leaves out what the page's dependencies would
// switch on in shared crates (regex's Unicode tables, through leptos_config).
pub use jiexi_worker::{bundled, worker};
