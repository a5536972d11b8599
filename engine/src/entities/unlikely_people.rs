//! People guessed from weak evidence alone (transliteration chars, a name tag with no
//! title or verb) that their context shows are something else: a craft or a term in
//! quote marks (“某某”號), an award (某某最佳男主角), an area (某某地區), an amount's verb
//! (高達 630 萬: "as high as").

use super::Candidate;
use crate::segment::Prepared;
use crate::EntityType;

/// People guessed with less confidence than this are weighed against their context; those
/// a title or a speech verb confirmed are kept whatever follows them.
const WEAK: f32 = 0.75;

/// Words after a name that make it an award's: 最佳 (best actor), 獎, 金像.
const AWARD_WORDS: [&str; 4] = ["最佳", "奖", "金像", "影帝"];

/// Words after a name that make it a place's: 地區, a drain, a reservoir.
const AREA_WORDS: [&str; 4] = ["地区", "大排", "水库", "一带"];

/// Removes the weak people in `found` (resolved, in text order) that their context
/// shows are no person.
pub(super) fn drop(prepared: &Prepared, found: &mut Vec<Candidate>) {
    found.retain(|c| {
        !(c.kind == EntityType::Person && c.confidence < WEAK && unlikely(prepared, c))
    });
}

fn unlikely(prepared: &Prepared, c: &Candidate) -> bool {
    let chars = &prepared.chars;
    let before = c.start.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(c.end).copied();
    let quoted = before.is_some_and(|b| "“「『\"".contains(b))
        && after.is_some_and(|a| "”」』\"".contains(a));
    let rest = prepared.slice(c.end, (c.end + 2).min(chars.len()));
    let followed_by = |words: &[&str]| words.iter().any(|w| rest.starts_with(w));
    // A number after the name, unless it is a year or a date (某某2010年奪冠).
    let numeral = |a: char| a.is_ascii_digit() || "一二三四五六七八九十百千万两".contains(a);
    let number_end = (c.end..chars.len())
        .find(|&k| !numeral(chars[k]))
        .unwrap_or(chars.len());
    let date = chars
        .get(number_end)
        .is_some_and(|d| "年月日号".contains(*d));
    let amount = after.is_some_and(numeral) && !date;
    quoted || amount || followed_by(&AWARD_WORDS) || followed_by(&AREA_WORDS)
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::entities;
    use crate::EntityType::*;

    #[test]
    fn a_name_guessed_from_its_chars_alone_gives_way_to_its_context() {
        // Sentences written for these tests.
        for (text, word) in [
            ("“伊卡洛斯”號探測器升空", "伊卡洛斯"),
            ("他憑此片入圍奧斯卡最佳導演", "奧斯卡"),
            ("票價高達三千元", "高達"),
        ] {
            let found = entities(text);
            assert!(
                found.iter().all(|(t, k)| t != word || *k != Person),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_name_with_a_title_or_verb_stays_whatever_follows() {
        crate::entities::test_support::assert_has("美國總統布殊3日表示", "布殊", Person);
    }
}
