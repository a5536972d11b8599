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
mod dictionary;
mod entities;
mod entity_forms;
mod error;
#[cfg(feature = "keywords")]
pub mod keywords;
mod lexicon;
pub mod normalize;
mod pos_guess;
pub mod script;
mod segment;
pub mod stories;
pub mod values;

pub use analysis::{Analysis, CompactString, Entity, EntityType, Token};
pub use analyzer::Analyzer;
pub use error::Error;
/// Tokens that cross a boundary (the worker's packed answers) get their tags back as
/// `'static` strings.
pub use lexicon::{intern_tag, is_han};
pub use script::Script;
pub use values::{CalendarDate, Currency, DateValue, Precision, Value};
