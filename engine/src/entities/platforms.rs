//! Named platforms: a place, the work the platform does, then 平台 (某某先進智能計算平台,
//! 某省新型光電材料與成像器件中試平台). Platforms built by a government or a university act as
//! organisations (they sign, serve, open branches). 平台 alone is no suffix: 服務平台 and
//! 中試平台 are kinds. A name needs a place to start it and words of its own between the
//! place and 平台; the nearest place wins, so a city before a zone stays out (某市|某區…平台).

use super::Candidate;
use crate::lexicon::{gazetteer, is_han};
use crate::segment::{Prepared, Span};
use crate::EntityType;

/// The most words a platform's name holds between its place and 平台.
const MAX_WORDS: usize = 7;

/// How sure a platform's name is: below a suffix's organisation, above a place inside it.
const CONFIDENCE: f32 = 0.7;

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let words = &prepared.words;
    for (i, w) in words.iter().enumerate() {
        // Most words are not 平台: the char test first.
        if w.end - w.start != 2 || prepared.chars[w.end - 1] != '台' {
            continue;
        }
        if prepared.slice(w.start, w.end) != "平台" {
            continue;
        }
        if let Some(start) = name_start(prepared, i) {
            out.push(Candidate::new(start, w.end, EntityType::Org, CONFIDENCE));
        }
    }
}

/// The start of the place that opens the platform's name ending before word `i`, with two
/// chars or more of description between them.
fn name_start(prepared: &Prepared, i: usize) -> Option<usize> {
    let words = &prepared.words;
    let end = words[i].start;
    for k in (i.saturating_sub(MAX_WORDS)..i).rev() {
        let p = &words[k];
        if p.end != words[k + 1].start {
            return None;
        }
        if is_place(prepared, p) {
            // Two words of its own at least: 某省|中試|平台 and 香港|展會|平台 are a
            // province's kind of platform and a role, no name.
            return (i - k > 2 && end - p.end >= 3).then_some(p.start);
        }
        if !describes(prepared, p) {
            return None;
        }
    }
    None
}

/// A place the gazetteer knows, of two chars or more (粵 alone is no name's start).
fn is_place(prepared: &Prepared, w: &Span) -> bool {
    w.end - w.start >= 2
        && matches!(
            gazetteer().get(prepared.slice(w.start, w.end)),
            Some(EntityType::Gpe | EntityType::Loc)
        )
}

/// Words that describe a platform's work (先進, 智能, 計算, 新型, 光電, 中試, AI): nouns,
/// adjectives and verbs of two chars, Latin letters, words no dictionary has. Not the
/// sentence's: particles, adverbs, pronouns, numbers, a verb char alone.
fn describes(prepared: &Prepared, w: &Span) -> bool {
    let len = w.end - w.start;
    let text = prepared.slice(w.start, w.end);
    if w.pos == "eng" {
        return len <= 6;
    }
    // 某某|地區|建設…: the area, then the sentence.
    if !text.chars().all(is_han) || text == "地区" {
        return false;
    }
    match w.pos {
        "n" | "nz" | "vn" | "b" | "an" | "l" | "j" => true,
        "a" | "v" => len >= 2,
        _ => !w.known,
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn a_platform_named_after_its_place_is_an_organisation() {
        // Sentences written for these tests.
        assert_has(
            "珠海橫琴先進智能計算平台將在香港設分中心",
            "橫琴先進智能計算平台",
            Org,
        );
        assert_has("廣東新型光電中試平台昨日啟動", "廣東新型光電中試平台", Org);
        // A city before the zone that names the platform is a mention of its own.
        assert_has("珠海橫琴先進智能計算平台將在香港設分中心", "珠海", Gpe);
    }

    #[test]
    fn a_kind_of_platform_is_no_name() {
        for text in [
            "政府搭建服務平台，支持中試平台建設",
            "香港是重要平台",
            "首批廣東省中試平台項目",
            "利用好香港展會平台",
        ] {
            let found = entities(text);
            assert!(found.iter().all(|(_, k)| *k != Org), "{text}: {found:?}");
        }
    }
}
