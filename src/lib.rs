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
