//! Entity recognition. For now: jieba's proper-noun POS tags mapped to OntoNotes
//! types (nr → PERSON, ns → GPE, nt → ORG); the rule layers replace this.

use crate::{Entity, EntityType, Token};

/// Maps jieba's person/place/organisation tags to entities.
pub fn from_pos_tags(tokens: &[Token]) -> Vec<Entity> {
    tokens
        .iter()
        .filter_map(|t| {
            let kind = match t.pos.as_str() {
                "nr" | "nrfg" | "nrt" => EntityType::Person,
                "ns" => EntityType::Gpe,
                "nt" => EntityType::Org,
                _ => return None,
            };
            Some(Entity {
                start: t.start,
                end: t.end,
                kind,
                text: t.text.clone(),
            })
        })
        .collect()
}
