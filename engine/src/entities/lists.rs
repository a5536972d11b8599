//! Enumerations: items listed with 、 are of one kind. Where a list already holds two
//! organisations (people) and no other type, its other items read as organisations
//! (people) too: 某某科技、某某醫療、某某研究院、某某建設等12個單位 names companies the layers
//! cannot tell by their suffix.

use super::Candidate;
use crate::lexicon::is_surname;
use crate::segment::Prepared;
use crate::EntityType;

/// How many chars an item of a list may hold.
const MAX_ITEM: usize = 10;

/// How many chars an item of a list may hold when its items share a unit word: named
/// units run long (某某結構材料與某某製造研究部).
const LONG_ITEM: usize = 16;

/// The confidence of an item typed by its list.
const LIST_CONFIDENCE: f32 = 0.6;

/// Chars that end the text before a list's first item or after its last one.
fn is_boundary(c: char) -> bool {
    "，,。：:；;（()）「」『』“”\"与和及等\n 　！？!?《》".contains(c)
}

/// An item of a list: its span and the index of the candidate that is exactly it.
struct Item {
    start: usize,
    end: usize,
    found: Option<usize>,
}

/// Types the untyped items of each list in `found` (resolved, in text order).
pub(super) fn type_items(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let chars = &prepared.chars;
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '、' {
            i += 1;
            continue;
        }
        // The run of separators: each next one within an item's reach.
        let mut seps = vec![i];
        let mut k = i + 1;
        while k < chars.len() && k - seps[seps.len() - 1] <= MAX_ITEM + 1 {
            if chars[k] == '、' {
                seps.push(k);
            } else if is_boundary(chars[k]) {
                break;
            }
            k += 1;
        }
        i = seps[seps.len() - 1] + 1;
        let items = items(prepared, found, &seps);
        let before = added.len();
        type_list(prepared, found, &items, &mut added, &mut removed);
        if added.len() == before {
            if let Some(last) = shared_unit(prepared, found, seps[0], &mut added, &mut removed) {
                i = i.max(last);
            }
        }
    }
    if !added.is_empty() {
        removed.sort_unstable();
        removed.dedup();
        for k in removed.into_iter().rev() {
            found.remove(k);
        }
        found.extend(added);
        found.sort_by_key(|c| c.start);
    }
}

/// The items around separators `seps`: between two of them, and the first and last where
/// a candidate or a boundary delimits them.
fn items(prepared: &Prepared, found: &[Candidate], seps: &[usize]) -> Vec<Item> {
    let chars = &prepared.chars;
    let exact = |start: usize, end: usize| {
        let k = found.partition_point(|c| c.start < start);
        found
            .get(k)
            .filter(|c| c.start == start && c.end == end)
            .map(|_| k)
    };
    let mut items = Vec::new();
    // The first item: a candidate ending at the first separator, else back to a boundary.
    let first = seps[0];
    let before = found.partition_point(|c| c.end <= first);
    if let Some(k) = before.checked_sub(1).filter(|&k| found[k].end == first) {
        items.push(Item {
            start: found[k].start,
            end: first,
            found: Some(k),
        });
    } else if let Some(start) = (first.saturating_sub(MAX_ITEM)..first)
        .rev()
        .find(|&b| is_boundary(chars[b]) || chars[b] == '的')
        .map(|b| b + 1)
        .or((first <= MAX_ITEM).then_some(0))
    {
        // Back to a boundary, to 的 (所轄的某某、…), or to the start of the text.
        items.push(Item {
            start,
            end: first,
            found: exact(start, first),
        });
    }
    for pair in seps.windows(2) {
        items.push(Item {
            start: pair[0] + 1,
            end: pair[1],
            found: exact(pair[0] + 1, pair[1]),
        });
    }
    // The last item: to a boundary (深圳某某等: a place starting it is not the item), else
    // a candidate starting after the last separator.
    let last = seps[seps.len() - 1] + 1;
    let k = found.partition_point(|c| c.start < last);
    // A count after the last item ends it too (某某12個縣市).
    if let Some(e) = (last..(last + MAX_ITEM + 1).min(chars.len()))
        .find(|&e| is_boundary(chars[e]) || chars[e].is_ascii_digit())
    {
        items.push(Item {
            start: last,
            end: e,
            found: exact(last, e),
        });
    } else if let Some(c) = found.get(k).filter(|c| c.start == last) {
        items.push(Item {
            start: last,
            end: c.end,
            found: Some(k),
        });
    }
    items
}

/// Types the untyped items of one list, if two or more of its items are of one type and
/// at most a third as many of another. A person guessed by weak evidence inside or on an
/// item of an organisations' list (a transliteration, 麥捷 of 麥捷科技) gives way.
fn type_list(
    prepared: &Prepared,
    found: &[Candidate],
    items: &[Item],
    added: &mut Vec<Candidate>,
    removed: &mut Vec<usize>,
) {
    let count = |kind: EntityType| {
        items
            .iter()
            .filter(|it| it.found.is_some_and(|k| same_kind(found[k].kind, kind)))
            .count()
    };
    let weak = |c: &Candidate| c.kind == EntityType::Person && c.confidence < WEAK;
    // Weak people do not count against a list's type.
    let typed = items
        .iter()
        .filter(|it| it.found.is_some_and(|k| !weak(&found[k])))
        .count();
    let by_items = [EntityType::Org, EntityType::Person, EntityType::Gpe]
        .into_iter()
        .find(|&k| count(k) >= 2 && 3 * (typed - count(k)) <= count(k));
    // 某某、某某等鄉鎮, 某某、某某12個縣市: the words after the list name its kind.
    let by_cue = || {
        let end = items.last()?.end;
        (places_named_after(prepared, end) && 3 * (typed - count(EntityType::Gpe)) <= items.len())
            .then_some(EntityType::Gpe)
    };
    let Some(kind) = by_items.or_else(by_cue) else {
        return;
    };
    for it in items {
        let len = it.end - it.start;
        if !(2..=MAX_ITEM).contains(&len) {
            continue;
        }
        if it.found.is_some_and(|k| same_kind(found[k].kind, kind)) {
            continue;
        }
        // The candidates on or inside the item: all must be weak people inside it.
        let first = found.partition_point(|c| c.end <= it.start);
        let inside: Vec<usize> = (first..found.len())
            .take_while(|&k| found[k].start < it.end)
            .collect();
        // A place may start an organisation's item (深圳某某: the company is named so).
        let yields = inside.iter().all(|&k| {
            let c = &found[k];
            let place_first = kind == EntityType::Org
                && c.start == it.start
                && c.end < it.end
                && matches!(c.kind, EntityType::Gpe | EntityType::Loc);
            c.start >= it.start && c.end <= it.end && (weak(c) || place_first)
        });
        if yields && plausible(prepared, it.start, it.end, kind) {
            removed.extend(inside);
            added.push(Candidate::new(it.start, it.end, kind, LIST_CONFIDENCE));
        }
    }
}

/// Types the items of a list that end with one unit word an organisation's name ends
/// with (某某研究部、某某研究部、某某研究部三個項目部): each is a unit's name, however long.
/// The first item reaches back to a boundary; the last ends with the unit word.
/// Returns the end of the list where it typed its items. 與, 和 and 及 may stand inside
/// such an item (某某與某某研究部).
fn shared_unit(
    prepared: &Prepared,
    found: &[Candidate],
    first_sep: usize,
    added: &mut Vec<Candidate>,
    removed: &mut Vec<usize>,
) -> Option<usize> {
    let chars = &prepared.chars;
    // Most lists share no unit: the first two items' last chars differ.
    let next_sep = (first_sep + 1..(first_sep + LONG_ITEM + 2).min(chars.len()))
        .find(|&k| chars[k] == '、')?;
    if first_sep == 0 || chars[first_sep - 1] != chars[next_sep - 1] {
        return None;
    }
    let hard = |c: char| is_boundary(c) && !"与和及".contains(c);
    let mut seps = vec![first_sep];
    let mut k = first_sep + 1;
    while k < chars.len() && k - seps[seps.len() - 1] <= LONG_ITEM + 1 {
        if chars[k] == '、' {
            seps.push(k);
        } else if hard(chars[k]) {
            break;
        }
        k += 1;
    }
    let start = (first_sep.saturating_sub(LONG_ITEM)..first_sep)
        .rev()
        .find(|&b| hard(chars[b]))
        .map(|b| b + 1)?;
    let mut spans: Vec<(usize, usize)> = vec![(start, first_sep)];
    spans.extend(seps.windows(2).map(|p| (p[0] + 1, p[1])));
    // The unit word: the longest tail the first two items share, an organisation's
    // suffix of two chars or more.
    let [a, b, ..] = spans[..] else {
        return None;
    };
    let shared = chars[..a.1]
        .iter()
        .rev()
        .zip(chars[..b.1].iter().rev())
        .take_while(|(x, y)| x == y && crate::lexicon::is_han(**x))
        .count();
    if shared < 2 {
        return None;
    }
    let unit = prepared.slice(a.1 - shared, a.1);
    if !super::org_suffixes::ends_with_suffix(unit) {
        return None;
    }
    // The last item ends with the unit word, within an item's reach.
    let last = seps[seps.len() - 1] + 1;
    let tail = prepared.slice(last, (last + LONG_ITEM).min(chars.len()));
    if let Some(b) = tail.find(unit) {
        let end = last + tail[..b].chars().count() + shared;
        spans.push((last, end));
    }
    let list_end = spans.last().map(|s| s.1);
    for (start, end) in spans {
        let named = end - start >= shared + 2
            && prepared.slice(start, end).ends_with(unit)
            && chars[start..end].iter().all(|&c| crate::lexicon::is_han(c));
        if !named {
            continue;
        }
        let first = found.partition_point(|c| c.end <= start);
        let inside: Vec<usize> = (first..found.len())
            .take_while(|&k| found[k].start < end)
            .collect();
        let yields = inside.iter().all(|&k| {
            let c = &found[k];
            c.start >= start && c.end <= end && c.kind != EntityType::Person
        });
        if yields {
            removed.extend(inside);
            added.push(Candidate::new(start, end, EntityType::Org, LIST_CONFIDENCE));
        }
    }
    list_end
}

/// Nouns for kinds of places that sum up a list of them: 等鄉鎮, 12個縣市, 等地.
const PLACE_KINDS: [&str; 9] = ["乡镇", "县市", "城市", "地区", "县", "市", "乡", "省", "地"];

/// Whether the text from `end` sums up a list as places: 等 or a count (12個), maybe 各,
/// then a kind of place.
fn places_named_after(prepared: &Prepared, end: usize) -> bool {
    let chars = &prepared.chars;
    let mut k = end;
    let summed = chars.get(k) == Some(&'等');
    if summed {
        k += 1;
    }
    let digits = chars[k.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(**c))
        .count();
    let counted = digits > 0 && chars.get(k + digits) == Some(&'个');
    if counted {
        k += digits + 1;
    }
    if chars.get(k) == Some(&'各') {
        k += 1;
    }
    let kind = PLACE_KINDS.iter().find(|p| {
        let n = p.chars().count();
        k + n <= chars.len() && prepared.slice(k, k + n) == **p
    });
    // A one-char kind is a word of its own there (等地, 等市; not 等地產商, 等市民).
    let alone = kind.is_some_and(|p| {
        let n = p.chars().count();
        n > 1
            || chars
                .get(k + n)
                .is_none_or(|&c| !crate::lexicon::is_han(c) || "的内".contains(c))
    });
    (summed || counted) && alone
}

/// Whether `a` counts as `b` in a list: places of every kind are one kind (縣、市、山).
fn same_kind(a: EntityType, b: EntityType) -> bool {
    let place = |k| matches!(k, EntityType::Gpe | EntityType::Loc | EntityType::Fac);
    a == b || (place(a) && place(b))
}

/// People found with less confidence than this (transliterations, names guessed without
/// context) give way to an item of a list of organisations.
const WEAK: f32 = 0.75;

/// Whether chars `start..end` can be an item of type `kind`: a person's is a surname and
/// one or two chars; an organisation's is Han or Latin letters and not one common word.
fn plausible(prepared: &Prepared, start: usize, end: usize, kind: EntityType) -> bool {
    let chars = &prepared.chars;
    let text = prepared.slice(start, end);
    let letters = chars[start..end]
        .iter()
        .all(|&c| crate::lexicon::is_han(c) || c.is_ascii_alphanumeric());
    if !letters || chars[start].is_ascii_digit() {
        return false;
    }
    match kind {
        EntityType::Person => {
            (2..=4).contains(&(end - start))
                && (is_surname(prepared.slice(start, start + 1))
                    || (end - start == 4 && is_surname(prepared.slice(start, start + 2))))
        }
        EntityType::Gpe => {
            // A township or county named in a list of places (某縣、某鄉): a short name no
            // dictionary knows as a common word, or one it knows as a place.
            let k = prepared.words.partition_point(|w| w.start < start);
            let one_word = prepared
                .words
                .get(k)
                .filter(|w| w.start == start && w.end == end);
            // Nouns pass (a place's name may be one, 口湖); verbs, adjectives and
            // function words do not.
            let common = one_word.is_some_and(|w| w.known && !w.pos.starts_with('n'));
            let split = one_word.is_none()
                && prepared.words[k..]
                    .iter()
                    .take_while(|w| w.start < end)
                    .any(|w| w.known && w.end - w.start >= 2 && !w.pos.starts_with("ns"));
            (2..=4).contains(&(end - start))
                && chars[start..end].iter().all(|&c| crate::lexicon::is_han(c))
                && !common
                && !split
        }
        _ => {
            // A single dictionary word that is no proper noun is a common noun (醫院,
            // 學校): lists of bodies mix in generic ones.
            let k = prepared.words.partition_point(|w| w.start < start);
            let one_common = prepared.words.get(k).is_some_and(|w| {
                w.start == start
                    && w.end == end
                    && w.known
                    && !matches!(w.pos, "nt" | "nz" | "j" | "nrt" | "eng")
            });
            !one_common && crate::lexicon::gazetteer().get(text).is_none()
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn items_take_their_lists_type() {
        let text = "參與的有華潤集團、恒達科技、新鴻基地產、美思醫療等企業";
        assert_has(text, "恒達科技", Org);
        assert_has(text, "美思醫療", Org);
        // A place before a company's name and a name guessed as a person give way.
        let text = "與華潤集團、深圳能達、拉普斯、新鴻基地產等公司合作";
        assert_has(text, "深圳能達", Org);
        assert_has(text, "拉普斯", Org);
    }

    #[test]
    fn items_sharing_a_unit_word_are_units_however_long() {
        // A sentence written for this test.
        let text = "下設三個部門：海洋生態監測研究部、智能材料與柔性器件研究部、城市數據研究部。";
        for unit in [
            "海洋生態監測研究部",
            "智能材料與柔性器件研究部",
            "城市數據研究部",
        ] {
            assert_has(text, unit, Org);
        }
    }

    #[test]
    fn places_listed_with_places_are_places() {
        // A sentence written for this test: two known cities make the list's type.
        assert_has("代表來自廣州、佛山、石灣鎮、樟坑等地", "樟坑", Gpe);
    }

    #[test]
    fn a_list_summed_up_as_places_holds_places() {
        // A sentence written for this test: no item is known, 等鄉鎮 says what they are.
        let text = "橫溪、龍口、上圍等鄉鎮受災";
        for place in ["橫溪", "龍口", "上圍"] {
            assert_has(text, place, Gpe);
        }
        // 等地產商 sums up companies, not places.
        let found = entities("橫溪、龍口、上圍等地產商");
        assert!(found.iter().all(|(_, k)| *k != Gpe), "{found:?}");
    }

    #[test]
    fn a_list_of_common_nouns_or_mixed_types_stays_untyped() {
        let found = entities("醫院、學校、商場等地方");
        assert!(found.is_empty(), "{found:?}");
        // Places and a body in one list: no type to give.
        let found = entities("香港、深圳、華潤集團、某些機構");
        assert!(found.iter().all(|(t, _)| t != "某些機構"), "{found:?}");
    }
}
