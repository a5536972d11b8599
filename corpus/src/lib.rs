//! jiexi's corpus model: what the analysis worker and the CLI share above the NLP.
//!
//! The engine (`jiexi-engine`) turns one text into tokens and entities. This crate keeps
//! many texts and the user's work on them: the [`library`] of documents, the user's
//! [`corrections`] and [`authority`] file (who the entities are; [`card`] shows one), the corpus [`index`] with its concordance and the [`cooccurrence`]
//! network (drawn by [`network_drawing`]), what counts as the same entity ([`identity`]), the [`stats`] of an article, a document's [`timeline`],
//! decoding dropped files ([`input`]), and every writer of a file ([`export`]). It holds
//! no browser types and does no I/O of its own.

pub mod authority;
pub mod card;
pub mod cooccurrence;
pub mod corrections;
mod error;
pub mod export;
pub mod identity;
pub mod index;
pub mod input;
pub mod library;
pub mod network_drawing;
pub mod stats;
#[cfg(test)]
mod test_support;
pub mod timeline;

pub use error::Error;
