//! jiexi's analysis engine: pure Rust, no browser types.
//!
//! Every stage keeps offsets into the **original** text (Unicode scalar, i.e. `char`,
//! offsets), so the page can highlight exactly what the user pasted, whatever the
//! engine normalised internally.
//!
//! ```
//! use jiexi_engine::Analyzer;
//! let analyzer = Analyzer::new();
//! let analysis = analyzer.analyze("記者羅柳斌報道");
//! assert!(!analysis.tokens.is_empty());
//! ```

mod analysis;
mod entities;
mod error;
pub mod input;
mod segment;

pub use analysis::{Analysis, Entity, EntityType, Token};
pub use error::Error;
pub use segment::Analyzer;
