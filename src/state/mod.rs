//! The stores: what the page knows and keeps, apart from how it is shown. Each is a
//! `Copy` handle of signals, provided once by the app (`shell::app`) and taken from
//! context by the views that need it.

pub mod authority;
pub mod client;
pub mod corrections;
pub mod latest;
pub mod library;
pub mod queue;
pub mod route;
pub mod saved;
pub mod status;
pub mod storage;
pub mod tabs;
