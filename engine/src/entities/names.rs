//! The walk back over a proper name from its suffix (大學, 合作區) to the place or proper
//! noun that starts it, shared by the place and organisation layers. It reads only the
//! suffix and role lists, so no layer imports another.

use crate::lexicon::gazetteer;
use crate::segment::Prepared;

/// The start of a proper name that ends with word `i`, whose last `suffix_len` chars are
/// a suffix (大學, 合作區): walks back over name-like words and returns the first
/// place or proper name found, or `None` if nothing proper anchors the name.
pub(super) fn name_start(prepared: &Prepared, i: usize, suffix_len: usize) -> Option<usize> {
    let words = &prepared.words;
    let suffix_start = words[i].end.checked_sub(suffix_len)?;
    // The word holding the suffix's first char; it may carry name chars before it.
    let mut k0 = i;
    while words[k0].start > suffix_start {
        k0 = k0.checked_sub(1)?;
    }
    let mut first = None;
    let head = prepared.slice(words[k0].start, suffix_start);
    if words[k0].start < suffix_start
        && (starts_with_known_name(head) || ANCHORS.iter().any(|a| head.starts_with(a)))
    {
        first = Some(words[k0].start);
    }
    for k in (k0.saturating_sub(12)..k0).rev() {
        let p = &words[k];
        if p.end != words[k + 1].start || ends_a_name(prepared, k) {
            break;
        }
        let text = prepared.slice(p.start, p.end);
        // 與/和 join two parts of one name (…電氣化與自動化…), never end or start it.
        // Not between two names: 中華醫學會和郵電總醫院 are two organisations.
        // Nor between two places (法國與南非隊: 南非隊 is the team).
        let after_organisation = k > 0
            && super::org_suffixes::ends_with_suffix(
                prepared.slice(words[k.saturating_sub(2)].start, words[k - 1].end),
            );
        let joins = matches!(text, "与" | "和" | "及")
            && k + 1 < k0
            && !after_organisation
            && !(k > 0 && words[k - 1].pos == "ns" && words[k + 1].pos == "ns");
        // A person named after a title is the sentence's (北京博愛醫院院長吳弦光代表醫院):
        // the walk stops at the name.
        if p.pos == "nr"
            && k > 0
            && super::roles::BEFORE.contains(&prepared.slice(words[k - 1].start, words[k - 1].end))
        {
            break;
        }
        // A company before the name is another organisation, never part of this one
        // (上市公司新港實業, 母公司, 研發企業某某公司): companies are not named after their
        // parents.
        if text.ends_with("公司") || text.ends_with("企业") {
            break;
        }
        // A verb of having (設有, 擁有, 具有) is the sentence's: 某市|設有|某某實驗室.
        let verb = matches!(p.pos, "v" | "vn") && p.end - p.start >= 2 && !text.ends_with('有');
        // A verb right after an organisation is the sentence's (美國航空集團結成業務聯盟).
        if p.pos == "v" && after_organisation {
            break;
        }
        // A word no dictionary has (某某, the HMM's guess tagged `x`) and a lone morpheme
        // (貝|迪克) sit inside names as nouns do.
        let unknown = || {
            (!p.known || p.pos == "zg")
                && prepared.chars[p.start..p.end]
                    .iter()
                    .all(|&c| crate::lexicon::is_han(c))
        };
        if !(is_name_part(p.pos) || verb || joins || unknown()) {
            break;
        }
        // A verb before a name already anchored is the sentence's, not the name's
        // (享受 in 台灣同胞享受世界衛生組織).
        if p.pos == "v" && first.is_some() {
            break;
        }
        if is_anchor(prepared, p) {
            first = Some(p.start);
        }
    }
    first
}

/// Suffixes that end a name: a walk back stops there (合作區 / 深圳園區). Organisations
/// are not among them: a unit is named with its parent (中國科學院數學研究所, MSRA
/// trainval ORG F1 0.672 → 0.679).
const NAME_ENDINGS: [&str; 4] = ["合作区", "园区", "新区", "队"];

fn ends_a_name(prepared: &Prepared, k: usize) -> bool {
    let from = prepared.words[k.saturating_sub(1)].start;
    let text = prepared.slice(from, prepared.words[k].end);
    NAME_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Whether `text` starts with a gazetteer name (香港 in 香港中文).
fn starts_with_known_name(text: &str) -> bool {
    let g = gazetteer();
    text.char_indices()
        .skip(2)
        .map(|(b, _)| b)
        .chain([text.len()])
        .take(5)
        .any(|b| g.get(&text[..b]).is_some())
}

/// Words that start official names.
const ANCHORS: [&str; 9] = [
    "国家", "中央", "全国", "国际", "中华", "世界", "亚洲", "中国", "联邦",
];

/// Words that can start a name: places and proper nouns, and a few words that start
/// official names (國家, 中央, 全國 …).
fn is_anchor(prepared: &Prepared, w: &crate::segment::Span) -> bool {
    let text = prepared.slice(w.start, w.end);
    matches!(w.pos, "ns" | "nt" | "nz" | "j" | "nrt" | "nr")
        || ANCHORS.contains(&text)
        || gazetteer().get(text).is_some()
}

/// Parts of speech that can sit inside a proper name of a place or an organisation.
pub(super) fn is_name_part(pos: &str) -> bool {
    matches!(
        pos,
        "n" | "nz"
            | "ns"
            | "nt"
            | "nr"
            | "nrt"
            | "j"
            | "vn"
            | "b"
            | "an"
            | "eng"
            | "ng"
            | "l"
            | "s"
    )
}

/// The start of a name no place anchors that ends at char `end`: up to four words that
/// can sit in a name (nouns, two-char verbs, a time word such as 未來, words no dictionary
/// has), two chars at least. Only for names something else marks as proper: a place in
/// brackets after them (某某研究院（深圳）, 某某科技(深圳)有限公司).
pub(super) fn unanchored_start(prepared: &Prepared, end: usize) -> Option<usize> {
    let words = &prepared.words;
    let last = words.partition_point(|w| w.end <= end);
    if last == 0 || words[last - 1].end != end {
        return None;
    }
    let mut start = None;
    for k in (last.saturating_sub(4)..last).rev() {
        let p = &words[k];
        if k + 1 < last && p.end != words[k + 1].start {
            break;
        }
        let han = prepared.chars[p.start..p.end]
            .iter()
            .all(|&c| crate::lexicon::is_han(c));
        let part = (is_name_part(p.pos) && han)
            || p.pos == "t"
            || (matches!(p.pos, "v" | "a") && p.end - p.start >= 2 && han)
            || (!p.known && han);
        if !part
            || matches!(
                prepared.slice(p.start, p.end),
                "由" | "在" | "与" | "和" | "及"
            )
        {
            break;
        }
        start = Some(p.start);
    }
    start.filter(|&s| end - s >= 2)
}

/// The place in brackets at char `open` (`（深圳）`, `(香港)`): the char after the closing
/// bracket, where a place the gazetteer knows stands inside.
pub(super) fn bracketed_place_end(prepared: &Prepared, open: usize) -> Option<usize> {
    let chars = &prepared.chars;
    if !matches!(chars.get(open), Some('（' | '(')) {
        return None;
    }
    let close =
        (open + 2..(open + 6).min(chars.len())).find(|&k| matches!(chars[k], '）' | ')'))?;
    matches!(
        gazetteer().get(prepared.slice(open + 1, close)),
        Some(crate::EntityType::Gpe)
    )
    .then_some(close + 1)
}
