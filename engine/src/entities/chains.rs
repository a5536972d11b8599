//! Place chains: a township or town written right before one of its villages (某鄉某村,
//! 某鎮某村) is one place, as Hong Kong papers' annotators mark it. A city before a
//! district or a zone stays a mention of its own (the seed guideline's 深圳|坪山), and so
//! does a province before a city: the Hong Kong dev set joins some and splits as many,
//! and MSRA splits them.

use super::Candidate;
use crate::segment::Prepared;
use crate::EntityType;

fn is_place(kind: EntityType) -> bool {
    matches!(kind, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
}

/// Joins each chain in `found` (resolved, in text order) into one place.
pub(super) fn join(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let mut out: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found.drain(..) {
        if let Some(last) = out.last_mut() {
            if is_place(last.kind) && is_place(c.kind) && last.end == c.start {
                let head = prepared.slice(last.start, last.end);
                let tail = prepared.slice(c.start, c.end);
                if head.ends_with(['乡', '镇']) && tail.ends_with('村') && c.end - c.start >= 2 {
                    last.end = c.end;
                    last.confidence = last.confidence.min(c.confidence);
                    continue;
                }
            }
        }
        out.push(c);
    }
    *found = out;
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn a_township_before_its_village_is_one_place() {
        // Sentences written for these tests.
        assert_has("大雨令長安鎮新安村水浸", "長安鎮新安村", Gpe);
        assert_has("大雨令長安鎮黃田村水浸", "長安鎮黃田村", Gpe);
    }

    #[test]
    fn a_city_or_province_before_a_place_stays_apart() {
        // The seed guideline: a city before a place with a name of its own.
        for (text, head, tail) in [
            ("深圳羅湖區的商戶", "深圳", "羅湖區"),
            ("他上月到貴州遵義市考察", "貴州", "遵義市"),
        ] {
            let found = entities(text);
            assert!(
                found.iter().any(|(t, _)| t == head) && found.iter().any(|(t, _)| t == tail),
                "{text}: {found:?}"
            );
        }
    }
}
