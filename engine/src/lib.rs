//! jiexi's analysis engine: pure Rust, no browser types.
//!
//! The pipeline: [`script`] detection → [`normalize`] (width folding, line-wrap repair,
//! with a map back) → Simplified mapping → segmentation (jieba) → entities. Every stage
//! keeps offsets into the **original** text (Unicode scalar, i.e. `char`, offsets), so the
//! page highlights exactly what the user pasted.
//!
//! ```
//! use jiexi_engine::Analyzer;
//! let analyzer = Analyzer::new();
//! let analysis = analyzer.analyze("記者羅柳斌報道");
//! assert_eq!(analysis.tokens[0].text, "記者");
//! ```

mod analysis;
mod analyzer;
pub mod charts;
pub mod cooccurrence;
pub mod corpus;
pub mod corrections;
mod dictionary;
mod entities;
mod error;
pub mod export;
pub mod input;
pub mod keywords;
mod lexicon;
pub mod library;
pub mod normalize;
mod pos_guess;
pub mod script;
mod segment;
pub mod stories;
pub mod wire;

pub use analysis::{Analysis, CompactString, Entity, EntityType, Token};
pub use analyzer::Analyzer;
pub use error::Error;
pub use script::Script;
