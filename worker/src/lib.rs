//! jiexi's analysis Web Worker: the page ↔ worker [`protocol`], the [`worker`] that answers
//! it, the [`wire`] packing of tokens, and the documents [`bundled`] with the app (both
//! sides list them; the worker analyses them).
//!
//! A crate of its own, not a binary of the app's: Cargo switches a shared crate's features
//! on for everything one package links, and the app's Leptos turned on regex's Unicode
//! tables, which the worker (the engine's only user of regex) then carried.

pub mod bundled;
pub mod protocol;
pub mod wire;
pub mod worker;
