//! The data model that crosses every boundary: engine → CLI JSON, worker → page.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::values::Value;
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

/// A named entity, with char offsets into the original text. Serialised two ways
/// (`entity_forms.rs`): for people (JSON) a value's fields appear only when there is one;
/// for the worker's bincode every field is always written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub text: String,
    /// How sure the recogniser is, 0–1.
    pub confidence: f32,
    /// For a short form the text defines or implies (晶泰科技 after 深圳晶泰科技有限公司（以下簡稱
    /// 「晶泰科技」）): the full name, as written there. Mentions of both are one entity.
    /// Always written (null when none): the worker's messages are bincode, which cannot
    /// skip a field.
    pub alias_of: Option<String>,
    /// A DATE's day, month or year, a MONEY amount, a PERCENT's number, when the text
    /// (and the article's date) fix it.
    pub value: Option<Value>,
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

impl Analysis {
    /// The promises an analysis of `text` keeps, checked: tokens tile the text in order
    /// with only whitespace between them, a token's text is its slice of the text (less a
    /// repaired line break or wrap space), and entities are in order, do not overlap and hold exactly
    /// their slice. The first broken promise, described. The property tests of the engine,
    /// and of the corrections the corpus model applies on top, hold every analysis to it.
    pub fn check(&self, text: &str) -> Result<(), String> {
        use crate::normalize::is_gap;
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        for t in &self.tokens {
            if !(t.start >= pos && t.start < t.end && t.end <= chars.len()) {
                return Err(format!("{t:?} is out of order or outside the text"));
            }
            if !chars[pos..t.start].iter().all(|&c| is_gap(c)) {
                return Err(format!("text other than whitespace before {t:?}"));
            }
            let slice: String = chars[t.start..t.end]
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect();
            if slice != t.text {
                return Err(format!("{t:?} is not its slice {slice:?}"));
            }
            if is_gap(chars[t.start]) || is_gap(chars[t.end - 1]) || t.text.chars().any(is_gap) {
                return Err(format!("{t:?} holds whitespace"));
            }
            pos = t.end;
        }
        if !chars[pos..].iter().all(|&c| is_gap(c)) {
            return Err(format!("text after the last token, from char {pos}"));
        }
        let mut last_end = 0;
        for e in &self.entities {
            if !(e.start >= last_end && e.start < e.end && e.end <= chars.len()) {
                return Err(format!("{e:?} overlaps another or is outside the text"));
            }
            // Exactly the original, or without a repaired break or space ("6 %" keeps its space).
            let slice: String = chars[e.start..e.end].iter().collect();
            let joined: String = slice.chars().filter(|c| !c.is_whitespace()).collect();
            if slice != e.text && joined != e.text {
                return Err(format!("{e:?} is not its slice {slice:?}"));
            }
            last_end = e.end;
        }
        Ok(())
    }
}
