//! Units named after their parent: 中國銀行廣東省分行, 某大學深圳醫院轉化醫學研究中心,
//! 特區政府運輸及房屋局, 某科學園深圳分園. The guideline marks the parent and its unit as
//! one name; the layers find the parent (a known name) and either miss the unit (nothing
//! in it anchors a name: 轉化醫學研究中心) or find it as a name of its own.

use super::Candidate;
use crate::segment::Prepared;
use crate::EntityType;

/// Words that end a unit of an organisation (Simplified), longest first where one ends
/// another.
const ORG_UNITS: [&str; 24] = [
    "研究中心",
    "分中心",
    "研究院",
    "研究所",
    "研究部",
    "实验室",
    "业务部",
    "办事处",
    "联络处",
    "办公厅",
    "办公室",
    "委员会",
    "分行",
    "支行",
    "分局",
    "分院",
    "分所",
    "分会",
    "分社",
    "学院",
    "学系",
    "中心",
    "局",
    "平台",
];

/// Words that end a part of a zone or a park named after it (河套…合作區深圳園區).
const PLACE_UNITS: [&str; 3] = ["园区", "分园", "片区"];

/// How many words a unit's name may take after its parent.
const MAX_WORDS: usize = 10;

/// Joins each organisation (zone, park) in `found` (resolved, in text order) with a unit
/// named right after it.
pub(super) fn join(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < found.len() {
        let c = found[i];
        let units: &[&str] = match c.kind {
            EntityType::Org => &ORG_UNITS,
            EntityType::Loc | EntityType::Fac => &PLACE_UNITS,
            _ => {
                i += 1;
                continue;
            }
        };
        match unit_end(prepared, c.end, units, found.get(i + 1..).unwrap_or(&[])) {
            Some((end, taken)) => {
                found[i].end = end;
                found.drain(i + 1..i + 1 + taken);
            }
            None => i += 1,
        }
    }
}

/// The end of a unit's name starting at `from`, and how many of the candidates after it
/// (`after`, in text order) it takes in: places and organisations inside it (深圳, 運輸及
/// 房屋局), never a person, a date or an amount, nor one that runs past its end.
fn unit_end(
    prepared: &Prepared,
    from: usize,
    units: &[&str],
    after: &[Candidate],
) -> Option<(usize, usize)> {
    let words = &prepared.words;
    let k0 = words.partition_point(|w| w.start < from);
    if words.get(k0).is_none_or(|w| w.start != from) {
        return None;
    }
    let mut best = None;
    for k in k0..(k0 + MAX_WORDS).min(words.len()) {
        let w = &words[k];
        if k > k0 && words[k - 1].end != w.start {
            break;
        }
        let text = prepared.slice(w.start, w.end);
        let tail = prepared.slice(from, w.end);
        // The unit word may be cut (物理學|系) or tagged a verb (分行).
        let unit_word = units.iter().any(|u| tail.ends_with(u));
        // 與/和/及 join two parts of the unit's name (藥品和醫療器械…中心), not a second
        // body with a name of its own (…大學與深圳市…局).
        let joins = matches!(text, "与" | "和" | "及")
            && k > k0
            && words.get(k + 1).is_some_and(|n| {
                !matches!(n.pos, "ns" | "nt" | "nr" | "nrt" | "j")
                    && crate::lexicon::gazetteer()
                        .get(prepared.slice(n.start, n.end))
                        .is_none()
            });
        // 未來 is tagged a time word (…研究院 未來網絡研究院).
        let part = super::names::is_name_part(w.pos)
            || (matches!(w.pos, "v" | "vn" | "t") && w.end - w.start >= 2)
            || unit_word
            || joins;
        if !part {
            break;
        }
        if unit_word && tail.chars().count() >= 2 {
            best = Some(w.end);
        }
    }
    let end = best?;
    // The candidates in the way: those starting before the end must end within it and be
    // places or organisations.
    let mut taken = 0;
    for c in after.iter().take_while(|c| c.start < end) {
        let inside = c.end <= end
            && matches!(
                c.kind,
                EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac
            );
        if !inside {
            return None;
        }
        taken += 1;
    }
    Some((end, taken))
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn table() {
        let cases = [
            ("市民可到中國銀行廣東省分行辦理", "中國銀行廣東省分行", Org),
            ("滙豐銀行旺角分行昨日暫停營業", "滙豐銀行旺角分行", Org),
            (
                "香港大學深圳醫院轉化醫學研究中心將入駐",
                "香港大學深圳醫院轉化醫學研究中心",
                Org,
            ),
            (
                "特區政府運輸及房屋局局長昨日表示",
                "特區政府運輸及房屋局",
                Org,
            ),
            ("他在香港中文大學物理學系任教", "香港中文大學物理學系", Org),
            (
                "衛生署藥物和醫療器械檢驗中心昨日成立",
                "衛生署藥物和醫療器械檢驗中心",
                Org,
            ),
        ];
        for (text, want, kind) in cases {
            assert_has(text, want, kind);
        }
    }

    #[test]
    fn a_unit_stops_at_a_conjunction_or_a_person() {
        // Two bodies joined by 與 are two; a title and a name after a body are no unit.
        let found = entities("香港大學與深圳市科技創新局簽署協議");
        assert!(found.iter().all(|(t, _)| !t.contains('與')), "{found:?}");
        let found = entities("香港大學校長張翔表示");
        assert!(
            found.iter().all(|(t, _)| t != "香港大學校長張翔"),
            "{found:?}"
        );
    }
}
