//! Shared by the unit tests of the model and the writers: one analysed Hong Kong
//! sentence and a way to make an entity.

pub use jiexi_engine::{Analysis, Analyzer, Entity, EntityType};

pub const TEXT: &str =
    "記者羅柳斌報道：深圳市副市長羅柳斌表示，深圳投資3000萬元。\n罗柳斌在深圳說。";

pub fn analysed() -> Analysis {
    Analyzer::new().analyze(TEXT)
}

pub fn entity(start: usize, end: usize, kind: EntityType, text: &str) -> Entity {
    Entity {
        start,
        end,
        kind,
        text: text.to_string(),
        confidence: 0.9,
        alias_of: None,
        value: None,
    }
}
