//! The data model that crosses every boundary: engine → CLI JSON, worker → page.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::Script;
pub use compact_str::CompactString;

/// One word of the text. `start`/`end` are char offsets into the original text,
/// end exclusive; `text` is exactly that slice of the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: CompactString,
    /// Part-of-speech tag (jieba / ICTCLAS tag set: `n`, `v`, `nr`, `ns`, `x`, …). Borrowed
    /// from the tag set when analysed, so a long text does not allocate a string per token;
    /// interned when deserialised, for the same reason (the page receives 600,000 tokens
    /// for a 1 MB text).
    #[serde(deserialize_with = "deserialize_tag")]
    pub pos: Cow<'static, str>,
}

fn deserialize_tag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    let tag = <Cow<'de, str>>::deserialize(d)?;
    Ok(Cow::Borrowed(crate::lexicon::intern_tag(&tag)))
}

/// A named entity, with char offsets into the original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub text: String,
    /// How sure the recogniser is, 0–1.
    pub confidence: f32,
    /// For a short form the text defines or implies (晶泰科技 after 深圳晶泰科技有限公司（以下簡稱
    /// 「晶泰科技」）): the full name, as written there. Mentions of both are one entity.
    /// Always written (null when none): the worker's messages are bincode, which cannot
    /// skip a field.
    #[serde(default)]
    pub alias_of: Option<String>,
}

/// OntoNotes 5 entity types, the names CKIP and spaCy use, so exports are familiar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Product,
    Event,
    WorkOfArt,
    Law,
    Language,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
}

impl EntityType {
    /// Every type, in display order.
    pub const ALL: [EntityType; 18] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Fac,
        EntityType::Norp,
        EntityType::Date,
        EntityType::Time,
        EntityType::Money,
        EntityType::Percent,
        EntityType::Quantity,
        EntityType::Cardinal,
        EntityType::Ordinal,
        EntityType::WorkOfArt,
        EntityType::Law,
        EntityType::Event,
        EntityType::Product,
        EntityType::Language,
    ];

    /// The OntoNotes label, as written in exports and `data-entity` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Norp => "NORP",
            EntityType::Fac => "FAC",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Product => "PRODUCT",
            EntityType::Event => "EVENT",
            EntityType::WorkOfArt => "WORK_OF_ART",
            EntityType::Law => "LAW",
            EntityType::Language => "LANGUAGE",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Percent => "PERCENT",
            EntityType::Money => "MONEY",
            EntityType::Quantity => "QUANTITY",
            EntityType::Ordinal => "ORDINAL",
            EntityType::Cardinal => "CARDINAL",
        }
    }

    /// Parses an OntoNotes label (as produced by [`EntityType::as_str`]).
    pub fn parse(label: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == label)
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything the engine found in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The script the text was analysed as.
    pub script: Script,
    /// Non-whitespace tokens in text order; whitespace is never a token.
    pub tokens: Vec<Token>,
    /// Entities in text order, non-overlapping.
    pub entities: Vec<Entity>,
}
