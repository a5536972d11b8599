//! The views over the whole library (the bundled stories and the user's articles): the
//! entity index, concordance, words, network, trends and timeline, and the library panel.

pub mod library_panel;
pub mod network;
pub mod timeline;
pub mod trends;
pub mod views;
