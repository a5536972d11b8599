//! The app's frame: the layout that holds the views, the interface language, paste and
//! file input, saving downloads, offline use and updates, keyboard shortcuts, and what a
//! crash shows.

pub mod app;
pub mod crash;
pub mod download;
pub mod file_input;
pub mod i18n;
pub mod paste;
pub mod pwa;
pub mod shortcuts;
