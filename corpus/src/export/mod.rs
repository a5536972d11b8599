//! What users take away: every file jiexi writes, in the formats other tools read. Every
//! format is written from char offsets into the original text, so a file parsed back
//! lines up with the text exactly. The model modules hold data; the writers live here.
//!
//! - [`json`]: text, tokens and entities, the CLI's schema plus the text;
//! - [`csv`]: entities, the entity index, words, concordance lines, network edges and
//!   timelines
//!   (RFC 4180, formula-safe for spreadsheets), and the entity table as TSV;
//! - [`conll`]: one char per line with its BIO tag (the MSRA/CoNLL NER layout);
//! - [`brat`]: brat standoff annotations for the original text as `.txt`;
//! - [`html`]: a self-contained highlighted page, every piece of the text escaped;
//! - [`svg`]: charts and the network as standalone documents;
//! - [`gexf`]: the network for Gephi, with its layout.
//!
//! The writers take what the worker answers: with the user's
//! [`authority`](crate::authority) file applied, so merged, retyped and blocked
//! entities are written as the user sees them.

pub mod brat;
pub mod conll;
pub mod csv;
pub mod gexf;
pub mod html;
pub mod json;
pub mod svg;
