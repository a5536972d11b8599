//! Organisations: jieba's organisation tags, and names built as
//! `[place or proper name] [nouns…] organisation-suffix`, keeping a bracketed part that
//! belongs to the name: 香港中文大學（深圳）, …研究中心(香港分中心).

use super::names::{bracketed_place_end, name_start, unanchored_start};
use super::org_suffixes::{suffixes_ending_with, SUFFIX_LAST_CHARS};
use super::Candidate;
use crate::lexicon::{gazetteer, is_han};
use crate::segment::Prepared;
use crate::EntityType;

/// Words ending with 部 that are parts, places or people, not departments: cadres, all,
/// most, inside, the east …, body parts, a junction.
const NOT_DEPARTMENTS: [&str; 21] = [
    "干部",
    "全部",
    "大部",
    "局部",
    "内部",
    "外部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "头部",
    "腹部",
    "胸部",
    "背部",
    "底部",
    "顶部",
    "前部",
    "后部",
    "尾部",
    "结合部",
];

/// Common nouns that end with a suffix's chars but head no name: a team, the overall
/// situation, a layout, research bodies in general (香港團隊, 國家發展大局, 高校院所).
const GENERIC_HEADS: [&str; 8] = [
    "团队", "大局", "布局", "格局", "结局", "院所", "当局", "全局",
];

/// Words jieba's dictionary tags `nt` that name a kind of body, not one: commercial
/// banks, research institutes, universities in general.
const GENERIC_TAGGED: [&str; 10] = [
    "商业银行",
    "科研院所",
    "科研机构",
    "研究机构",
    "金融机构",
    "高等院校",
    "大专院校",
    "外资银行",
    "中资银行",
    "地方政府",
];

/// Verb + 廠 words: setting up, running or leaving a factory, no factory's name (在深圳設廠).
const FACTORY_VERBS: [&str; 10] = [
    "设厂", "建厂", "办厂", "开厂", "进厂", "出厂", "回厂", "返厂", "全厂", "该厂",
];

/// Organisation names jieba's dictionary tags `nt` shorter than this are often generic
/// (公安局, 醫院); longer ones are names (中國人民銀行).
const MIN_TAGGED: usize = 4;

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let words = &prepared.words;
    for (i, w) in words.iter().enumerate() {
        let len = w.end - w.start;
        // Three-char ones name a party or a team (自由黨, 國安隊, 黨中央); 公安局, 音樂會,
        // 新政府 are generic.
        let named = || {
            let text = prepared.slice(w.start, w.end);
            len >= MIN_TAGGED
                || (len == 3 && text.ends_with(['党', '队', '厂']))
                || text == "党中央"
        };
        // 中國政府 and 美中關係 are about the places; places.rs marks those.
        let about_places = || {
            let text = prepared.slice(w.start, w.end);
            ["政府", "当局", "关系"].iter().any(|e| text.ends_with(e))
        };
        // Only dictionary words: the HMM's guesses at unknown words come tagged nt too.
        let generic = || GENERIC_TAGGED.contains(&prepared.slice(w.start, w.end));
        if w.pos == "nt" && w.known && named() && !about_places() && !generic() {
            out.push(finish(
                prepared,
                Candidate::new(w.start, w.end, EntityType::Org, 0.7),
            ));
        } else if w.pos == "nt" && w.known && len == 3 && short_body(prepared, w) {
            // Short forms of councils and bureaux (環委會, 環保署): a body's own name.
            out.push(Candidate::new(w.start, w.end, EntityType::Org, 0.6));
        }
        if let Some(end) = head_before_title(prepared, w) {
            // 外交部長, 衛生局長: the segmenter fuses a department with its head's title.
            out.push(Candidate::new(w.start, end, EntityType::Org, 0.6));
        }
        if company_before_role(prepared, i) {
            // 某某|股東, 某某|發言人: a name no dictionary has, before a company's role.
            out.push(Candidate::new(w.start, w.end, EntityType::Org, 0.6));
        }
        if let Some((start, end)) = department_before_head(prepared, i) {
            // 環保|局長, 民政廳|廳長: the department, then its head's title.
            let start = with_level(prepared, start);
            out.push(Candidate::new(start, end, EntityType::Org, 0.6));
        } else if let Some(start) = leveled_body(prepared, w) {
            // 省|民政廳, 市|公安局, 省|某某委: a level of government makes a generic
            // body's name one body.
            out.push(Candidate::new(start, w.end, EntityType::Org, 0.6));
        }
        let government = prepared.chars[w.end - 1] == '府'
            && LEVEL_GOVERNMENTS.contains(&prepared.slice(w.start, w.end));
        if government && w.start > 0 {
            // Only after something: 省政府 opening a sentence is as often 省|政府.
            out.push(Candidate::new(w.start, w.end, EntityType::Org, 0.6));
        }
        if is_bare_department(prepared, w) {
            // 市審計局, 省民政廳: the level of government belongs to the name.
            let level = w.start > 0
                && "省市县区乡镇".contains(prepared.chars[w.start - 1])
                && prepared.starts_word(w.start - 1);
            let start = if level { w.start - 1 } else { w.start };
            out.push(Candidate::new(start, w.end, EntityType::Org, 0.6));
        }
        if let Some(end) = body_glued_to_deputy(prepared, i) {
            // 某某|發展|改革|委副|主任: the HMM glued the body's last char to the title.
            out.push(finish(
                prepared,
                Candidate::new(end.0, end.1, EntityType::Org, 0.7),
            ));
        }
        // Most words end with no suffix's last char: skip them before comparing strings.
        if !SUFFIX_LAST_CHARS.contains(prepared.chars[w.end - 1]) {
            continue;
        }
        // The suffix ends a noun (簽署 ends with 署 but is a verb), or a word the
        // segmenter mistags: a body's char alone (發展|改革|委/zg), a bureau read as a
        // phrase (發展署/l), shipbuilders read as a verb (重工/vn), a team read as a
        // name (某某隊/nr).
        if !(matches!(w.pos, "n" | "nt" | "nz" | "ng" | "j" | "ns" | "x")
            || mistagged_suffix(prepared, w))
        {
            continue;
        }
        let from = words[i.saturating_sub(2)].start;
        let tail = prepared.slice(from, w.end);
        // Words that end with 部 but name no department (村幹部, 華北大部, 賽事全部); an
        // organisation right before 幹部 is found at its own word.
        let word = prepared.slice(w.start, w.end);
        // 民政廳|廳|長: the second 廳 opens the head's title, found above.
        let title_opening = i > 0
            && w.end - w.start == 1
            && words[i - 1].end == w.start
            && prepared.chars[w.start - 1] == prepared.chars[w.start]
            && prepared.chars.get(w.end) == Some(&'长');
        // The suffix first: most words reaching here end with a suffix's last char (中,
        // 工) but with no suffix, and the word lists below are compared one by one.
        let suffixes = suffixes_ending_with(prepared.chars[w.end - 1]);
        let Some(suffix) = suffixes.iter().find(|s| tail.ends_with(*s)) else {
            continue;
        };
        if title_opening
            || NOT_DEPARTMENTS.contains(&word)
            || GENERIC_HEADS.contains(&word)
            || FACTORY_VERBS.contains(&word)
            || tail.ends_with("干部")
        {
            continue;
        }
        {
            let mut start = name_start(prepared, i, suffix.chars().count());
            if start.is_none() && *suffix == "队" {
                start = team_start(prepared, i);
            }
            if start.is_none() && *suffix == "重工" {
                start = shipbuilder_start(prepared, i);
            }
            if start.is_none() {
                start = bracketed_place_start(prepared, i, suffix.chars().count());
            }
            if *suffix == "队" {
                start = start.map(|s| country_team_start(prepared, i, s));
            }
            let suffix_start = w.end - suffix.chars().count();
            let generic = (*suffix == "企业"
                && start.is_some_and(|s| !proper_between(prepared, s, suffix_start)))
                || start.is_some_and(|s| described_kind(prepared, s));
            if let Some(start) = start.filter(|_| !generic) {
                let c = Candidate::new(start, w.end, EntityType::Org, 0.8);
                out.push(finish(prepared, c));
            }
        }
    }
}

/// Whether word `w`, tagged as no noun, still ends a name with an organisation's suffix:
/// 委 alone (tagged `zg`), a …署 or …局 read as a phrase (`l`), 重工 (`vn`), a team of three
/// chars or more read as a person (`nr`).
fn mistagged_suffix(prepared: &Prepared, w: &crate::segment::Span) -> bool {
    // Every word that is no noun comes here: the last char first, as most fail it.
    let last = prepared.chars[w.end - 1];
    let len = w.end - w.start;
    match w.pos {
        "zg" => len == 1 && last == '委',
        "l" => len == 3 && (last == '署' || last == '局'),
        "vn" => len == 2 && last == '工' && prepared.chars[w.start] == '重',
        "nr" | "nrt" => len >= 3 && last == '队',
        _ => false,
    }
}

/// A body whose last char the HMM glued to a deputy's title (發展|改革|委副|主任): a guessed
/// two-char word of a body's char (委, 局, 辦, 署, 廳) and 副, after a name a place anchors.
/// The body's span.
fn body_glued_to_deputy(prepared: &Prepared, i: usize) -> Option<(usize, usize)> {
    let w = &prepared.words[i];
    let chars = &prepared.chars;
    let glued = !w.known
        && w.end - w.start == 2
        && chars[w.start + 1] == '副'
        && "委局办署厅".contains(chars[w.start]);
    if !glued || i == 0 || prepared.words[i - 1].end != w.start {
        return None;
    }
    let start = name_start(prepared, i, 2)?;
    // A place alone before the char is a level's body (市委), found elsewhere.
    (w.start - start >= 3).then_some((start, w.start + 1))
}

/// Last chars of the bodies a three-char dictionary word tagged `nt` names on its own:
/// offices and commissions (環保署, 特首辦, 發改委), and councils written …委會 (環委會;
/// 交易會 and 運動會 are events, 公安局 a kind of bureau).
const SHORT_BODY_ENDINGS: &str = "署办委";

/// Three-char `nt` words that name a kind of body, not one body.
const GENERIC_BODIES: [&str; 8] = [
    "委员会",
    "董事会",
    "理事会",
    "联合会",
    "管委会",
    "居委会",
    "村委会",
    "筹委会",
];

fn short_body(prepared: &Prepared, w: &crate::segment::Span) -> bool {
    let text = prepared.slice(w.start, w.end);
    let body = text.ends_with("委会")
        || text
            .chars()
            .last()
            .is_some_and(|c| SHORT_BODY_ENDINGS.contains(c));
    body && !GENERIC_BODIES.contains(&text)
}

/// Titles of a department's head that the segmenter fuses with the department's name.
const HEAD_TITLES: [&str; 5] = ["部长", "局长", "厅长", "署长", "处长"];

/// The end of the department in a word that fuses it with its head's title (外交部長 →
/// 外交部): the department has a name of two chars or more before 部 or 局 (副局長 and
/// 總處長 have none).
fn head_before_title(prepared: &Prepared, w: &crate::segment::Span) -> Option<usize> {
    let len = w.end - w.start;
    if !(4..=7).contains(&len) || prepared.chars[w.end - 1] != '长' {
        return None;
    }
    let text = prepared.slice(w.start, w.end);
    if !HEAD_TITLES.iter().any(|t| text.ends_with(t)) {
        return None;
    }
    let name = prepared.slice(w.start, w.end - 2);
    let generic = name.starts_with(['副', '总', '正', '前', '新']) || name.contains('和');
    (!generic
        && prepared.chars[w.start..w.end - 2]
            .iter()
            .all(|&c| is_han(c)))
    .then_some(w.end - 1)
}

/// Words only a company has after its name: its shares, shareholders, spokesman, board.
const COMPANY_ROLES: [&str; 9] = [
    "股票",
    "股价",
    "股东",
    "股份",
    "发言人",
    "董事会",
    "董事长",
    "总经理",
    "总裁",
];

/// Whether word `i` is a name no dictionary has (or a proper noun jieba tags `nz` or
/// `j`), of two to four chars, right before a company's role: the company's short form
/// (某某|股東, 某某|發言人), which the text never defines. No place, no surname first (a
/// person has a spokesman too).
fn company_before_role(prepared: &Prepared, i: usize) -> bool {
    let words = &prepared.words;
    let w = &words[i];
    let len = w.end - w.start;
    let proper = !w.known || matches!(w.pos, "nz" | "j");
    if !(2..=4).contains(&len) || !proper {
        return false;
    }
    let role = words.get(i + 1).is_some_and(|n| {
        n.start == w.end
            && "票价东份人会长裁".contains(prepared.chars[n.end - 1])
            && COMPANY_ROLES.contains(&prepared.slice(n.start, n.end))
    });
    let text = prepared.slice(w.start, w.end);
    role && prepared.chars[w.start..w.end].iter().all(|&c| is_han(c))
        && !crate::lexicon::is_surname(prepared.slice(w.start, w.start + 1))
        && gazetteer().get(text).is_none()
}

/// The department before its head's title where the segmenter split them: a two-char
/// name and 局長 (環保|局長 → 環保局), or a department and its title's first char
/// written again (民政廳|廳|長 → 民政廳).
fn department_before_head(prepared: &Prepared, i: usize) -> Option<(usize, usize)> {
    let words = &prepared.words;
    let w = &words[i];
    // Most words end with neither a title's 長 nor a department's char: skip them first.
    let last = prepared.chars[w.end - 1];
    if last != '长' && !(w.end - w.start == 1 && "部局厅署处".contains(last)) {
        return None;
    }
    let prev = &words[i.checked_sub(1)?];
    if prev.end != w.start || !prev.known {
        return None;
    }
    let text = prepared.slice(w.start, w.end);
    let prev_text = prepared.slice(prev.start, prev.end);
    let chars = &prepared.chars;
    if HEAD_TITLES.contains(&text) {
        let named = prev.end - prev.start == 2
            && matches!(prev.pos, "n" | "vn" | "nz" | "j" | "nt")
            && !prev_text.starts_with(['副', '总', '正', '前', '新', '该', '本'])
            && prepared.chars[prev.start..prev.end]
                .iter()
                .all(|&c| is_han(c));
        return named.then_some((prev.start, w.start + 1));
    }
    let repeated = w.end - w.start == 1
        && prev.end - prev.start >= 3
        && "部局厅署处".contains(chars[w.start])
        && chars[prev.end - 1] == chars[w.start]
        && chars.get(w.end) == Some(&'长');
    repeated.then_some((prev.start, prev.end))
}

/// A three-char dictionary body (民政廳, 公安局, 某某委) right after a level of government
/// written alone (省, 市, 縣): the start of the level.
fn leveled_body(prepared: &Prepared, w: &crate::segment::Span) -> Option<usize> {
    let last = prepared.chars[w.end - 1];
    if w.end - w.start != 3 || !"厅局委办".contains(last) {
        return None;
    }
    let start = with_level(prepared, w.start);
    (start < w.start).then_some(start)
}

/// `start`, or the char before it where a level of government stands alone there.
fn with_level(prepared: &Prepared, start: usize) -> usize {
    let level = start > 0
        && "省市县".contains(prepared.chars[start - 1])
        && prepared.starts_word(start - 1);
    if level {
        start - 1
    } else {
        start
    }
}

/// A team named by its country after words that are no part of its name (世界盃決賽|巴西隊,
/// 亞洲盃|日本隊): the team starts at the country, unless a place is before it too
/// (中國香港隊 is one name).
fn country_team_start(prepared: &Prepared, i: usize, start: usize) -> usize {
    let words = &prepared.words;
    let is_place = |from: usize, to: usize| {
        matches!(
            gazetteer().get(prepared.slice(from, to)),
            Some(EntityType::Gpe)
        )
    };
    let w = &words[i];
    // The country as a word before 隊, or inside one word with it (巴西隊).
    let (country, first) = if w.end - w.start == 1 {
        match i.checked_sub(1) {
            Some(k) if words[k].end == w.start && is_place(words[k].start, words[k].end) => {
                (words[k].start, k)
            }
            _ => return start,
        }
    } else if is_place(w.start, w.end - 1) {
        (w.start, i)
    } else {
        return start;
    };
    let place_before = first
        .checked_sub(1)
        .is_some_and(|j| words[j].end == country && is_place(words[j].start, words[j].end));
    if country <= start || place_before {
        start
    } else {
        country
    }
}

/// Whether a name starting at `start` with a word of rank (國家, 國際, 全國, 世界) is
/// a kind being described, not a body named: after 的, a count (兩個, 多家), an adjective
/// in 性 (綜合性), or a verb of building (建設, 打造). 國家實驗室 and 國際科技創新中心 are
/// what a place aims to be; 國家遙感中心 after a comma is a name.
fn described_kind(prepared: &Prepared, start: usize) -> bool {
    const RANKS: [&str; 5] = ["国家", "国际", "全国", "世界", "亚洲"];
    const BUILDING: [&str; 6] = ["建设", "打造", "建成", "建立", "成为", "组建"];
    let words = &prepared.words;
    let k = words.partition_point(|w| w.end <= start);
    let Some(w) = words.get(k).filter(|w| w.start == start) else {
        return false;
    };
    if !RANKS.contains(&prepared.slice(w.start, w.end)) || k == 0 {
        return false;
    }
    // Line breaks and spaces in page text sit between the words.
    let Some(p) = words[..k]
        .iter()
        .rev()
        .find(|p| !prepared.slice(p.start, p.end).trim().is_empty())
    else {
        return false;
    };
    let text = prepared.slice(p.start, p.end);
    matches!(p.pos, "uj" | "q" | "m")
        || text.ends_with('个')
        || text.ends_with('性')
        || BUILDING.contains(&text)
}

/// Whether chars `start..end` (a name before a generic suffix such as 企業) hold a
/// proper word of their own: an unknown word or a proper noun that is not a place.
/// 澳門企業 and 香港初創企業 are a place's businesses, 某某企業 a company.
fn proper_between(prepared: &Prepared, start: usize, end: usize) -> bool {
    let words = &prepared.words;
    let first = words.partition_point(|w| w.end <= start);
    words[first..]
        .iter()
        .take_while(|w| w.start < end)
        .any(|w| {
            let text = prepared.slice(w.start, w.end.min(end));
            (!w.known || matches!(w.pos, "nz" | "nt" | "nr" | "nrt"))
                && crate::lexicon::gazetteer().get(text).is_none()
        })
}

/// The start of a team's name ending with word `i` that no place or known name anchors
/// (某泰隊, 某某|隊): the proper name right before 隊, and a place right before that.
fn team_start(prepared: &Prepared, i: usize) -> Option<usize> {
    let words = &prepared.words;
    let w = &words[i];
    let proper = |k: usize| {
        let p = &words[k];
        let text = prepared.slice(p.start, p.end);
        matches!(p.pos, "ns" | "nr" | "nz" | "nrt" | "j")
            || !p.known
            || crate::lexicon::gazetteer().get(text).is_some()
    };
    let place = |k: usize| {
        let p = &words[k];
        matches!(
            crate::lexicon::gazetteer().get(prepared.slice(p.start, p.end)),
            Some(EntityType::Gpe | EntityType::Loc)
        )
    };
    // 誠泰隊 as one word: the name is inside it.
    let (start, first) = if w.end - w.start >= 3 {
        let named = matches!(w.pos, "nz" | "nt" | "j" | "nr" | "ns") || !w.known;
        if !named {
            return None;
        }
        (w.start, i)
    } else {
        let k = i.checked_sub(1)?;
        if words[k].end != w.start || !proper(k) {
            return None;
        }
        (words[k].start, k)
    };
    // A place right before the name belongs to it (某市|某某|隊).
    match first.checked_sub(1) {
        Some(p) if words[p].end == start && place(p) => Some(words[p].start),
        _ => Some(start),
    }
}

/// The start of a heavy-industry group's name that no place anchors (某船|重工, 某|船|重工):
/// two chars of nouns right before a 重工 of its own. Only groups are named so; a place
/// written before the name joins it after overlaps are resolved.
fn shipbuilder_start(prepared: &Prepared, i: usize) -> Option<usize> {
    let words = &prepared.words;
    let w = &words[i];
    if w.end - w.start != 2 {
        return None;
    }
    let mut start = w.start;
    for p in words[..i].iter().rev().take(2) {
        let noun = matches!(p.pos, "n" | "nz" | "j" | "f" | "ng" | "b") || !p.known;
        if p.end != start
            || !noun
            || !prepared.chars[p.start..p.end].iter().all(|&c| is_han(c))
            || w.start - p.start > 2
        {
            break;
        }
        start = p.start;
    }
    (w.start - start == 2).then_some(start)
}

/// The start of a name that a place in brackets marks as proper, where no place anchors
/// it: a branch's place before the company words (某某科技(深圳)有限公司) or after an
/// institute's name (某某研究院（深圳）).
fn bracketed_place_start(prepared: &Prepared, i: usize, suffix_len: usize) -> Option<usize> {
    let w = &prepared.words[i];
    let suffix_start = w.end - suffix_len;
    if bracketed_place_end(prepared, w.end).is_some() {
        return unanchored_start(prepared, suffix_start)
            .or_else(|| (suffix_start > w.start).then_some(w.start))
            .filter(|&s| w.end - s >= 4);
    }
    let open = (suffix_start.saturating_sub(5)..suffix_start)
        .find(|&k| bracketed_place_end(prepared, k) == Some(suffix_start))?;
    unanchored_start(prepared, open)
}

/// Governments named by their level (省政府, 市政府): organisations, where 中國政府 is
/// left to the place.
const LEVEL_GOVERNMENTS: [&str; 5] = ["省政府", "市政府", "县政府", "区政府", "镇政府"];

/// After overlaps are resolved: a city's, district's or province's government written
/// after its name (某某區政府, 某某市人民政府) is an organisation with the name, and a place
/// before that joins it below (某某市|某某區政府). A country's government is left to the
/// place, as MSRA marks it.
pub(super) fn join_level_government(prepared: &Prepared, found: &mut [Candidate]) {
    const GOVERNMENTS: [&str; 2] = ["人民政府", "政府"];
    for k in 0..found.len() {
        let c = found[k];
        let level = c.kind == EntityType::Gpe
            && c.end - c.start >= 3
            && "市区县省镇".contains(prepared.chars[c.end - 1]);
        if !level {
            continue;
        }
        let free_to = found.get(k + 1).map_or(prepared.chars.len(), |n| n.start);
        let rest = prepared.slice(c.end, (c.end + 4).min(free_to));
        if let Some(g) = GOVERNMENTS.iter().find(|g| rest.starts_with(**g)) {
            found[k].end += g.chars().count();
            found[k].kind = EntityType::Org;
        }
    }
}

/// After overlaps are resolved: an organisation right after a place is named with it
/// (廣東|中行, 台灣|空軍): a branch or a country's body, one name not cut at the place.
pub(super) fn join_place_prefix(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let mut out: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found.drain(..) {
        if let Some(last) = out.last_mut() {
            // A platform's name starts with its own place (a zone): the city before it
            // stays a mention of its own (某市|某區…平台).
            if c.kind == EntityType::Org
                && last.kind == EntityType::Gpe
                && last.end == c.start
                && last.end - last.start >= 2
                && !(c.end - c.start > 4 && prepared.slice(c.end - 2, c.end) == "平台")
            {
                last.end = c.end;
                last.kind = EntityType::Org;
                last.confidence = c.confidence;
                continue;
            }
        }
        out.push(c);
    }
    *found = out;
}

/// A company's or an institute's units named by their work: no department of a
/// government, and no name without the body they belong to.
const COMPANY_UNITS: [&str; 10] = [
    "研究部",
    "项目部",
    "业务部",
    "市场部",
    "销售部",
    "工程部",
    "技术部",
    "财务部",
    "营业部",
    "事业部",
];

/// A government department named by one dictionary word: 外交部, 國防部, 衛生局, 黨中央.
/// Directions (西北部) and generic words (俱樂部 is a suffix of its own, 村幹部 are cadres,
/// 絕大部 is most of) are not.
fn is_bare_department(prepared: &Prepared, w: &crate::segment::Span) -> bool {
    const DIRECTIONS: &str = "东南西北中内外上下全";
    let len = w.end - w.start;
    if !(w.known && matches!(w.pos, "n" | "nt" | "j") && (3..=4).contains(&len)) {
        return false;
    }
    let text = prepared.slice(w.start, w.end);
    (text.ends_with(['部', '署']) || text == "党中央")
        && !COMPANY_UNITS.contains(&text)
        && !text.ends_with("俱乐部")
        && !NOT_DEPARTMENTS.iter().any(|n| text.ends_with(n))
        && !DIRECTIONS.contains(prepared.chars[w.end - 2])
}

/// Puts a candidate's edges where the name's are: a member's title after it is not part
/// of it (中共中央政治局|常委, 管委會|幹部), a session before it is (第九屆全國人大, 首屆
/// 立法會), and so is a bracketed part after it.
fn finish(prepared: &Prepared, mut c: Candidate) -> Candidate {
    const MEMBERS: [&str; 5] = ["常委", "委员", "干部", "成员", "总部"];
    let text = prepared.slice(c.start, c.end);
    if let Some(m) = MEMBERS
        .iter()
        .find(|m| text.ends_with(**m) && text.chars().count() >= m.chars().count() + 2)
    {
        c.end -= m.chars().count();
    }
    // 某某股|某某實業: 股 (shares) glued by the segmenter to the company after it.
    if prepared.chars[c.start] == '股'
        && c.end - c.start >= 4
        && c.start > 0
        && is_han(prepared.chars[c.start - 1])
    {
        c.start += 1;
    }
    c.start = session_start(prepared, c.start, c.end);
    extend_brackets(prepared, c)
}

/// The start of `第九屆` or `首屆` right before `start`, or `start`. Only assemblies sit in
/// sessions (第九屆全國人大, 首屆立法會); before a bureau or a company the edition is the
/// event's that follows (第49屆|某某發展局|某某展).
fn session_start(prepared: &Prepared, start: usize, end: usize) -> usize {
    let chars = &prepared.chars;
    if start < 2 || chars[start - 1] != '届' || !"会大协院".contains(chars[end - 1]) {
        return start;
    }
    if chars[start - 2] == '首' {
        return start - 2;
    }
    let mut k = start - 1;
    while k > 0
        && ("零〇一二三四五六七八九十百".contains(chars[k - 1]) || chars[k - 1].is_numeric())
    {
        k -= 1;
    }
    if k < start - 1 && k > 0 && chars[k - 1] == '第' {
        k - 1
    } else {
        start
    }
}

/// Takes in a bracketed part right after the name: （深圳）, (香港分中心).
fn extend_brackets(prepared: &Prepared, mut c: Candidate) -> Candidate {
    let chars = &prepared.chars;
    if chars.get(c.end).is_some_and(|&b| b == '（' || b == '(') {
        let inner = chars[c.end + 1..]
            .iter()
            .take(14)
            .position(|&b| b == '）' || b == ')');
        if let Some(n) = inner.filter(|&n| n > 0) {
            let part = &chars[c.end + 1..c.end + 1 + n];
            // （簡稱…）, （下稱…） define a short form: not part of the name.
            let defines = matches!(part, ['简' | '下', '称', ..] | ['以', '下', ..]);
            if !defines && part.iter().all(|&ch| crate::lexicon::is_han(ch)) {
                c.end += n + 2;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn table() {
        assert_has("香港中文大學（深圳）副校長", "香港中文大學（深圳）", Org);
        assert_has(
            "國家軌道交通電氣化與自動化工程技術研究中心(香港分中心)成立",
            "國家軌道交通電氣化與自動化工程技術研究中心(香港分中心)",
            Org,
        );
        assert_has("深圳市科技創新局副局長", "深圳市科技創新局", Org);
        assert_has("香港科技大學副校長", "香港科技大學", Org);
        assert_has("華為技術有限公司宣布", "華為技術有限公司", Org);
        assert_has("新華社報道", "新華社", Org);
        assert_has("在香港交易所上市", "香港交易所", Org);
        assert_has("由中華醫學會和郵電總醫院聯合舉辦", "中華醫學會", Org);
        assert_has("由中華醫學會和郵電總醫院聯合舉辦", "郵電總醫院", Org);
        assert_has("第九屆全國人大第一次會議", "第九屆全國人大", Org);
        assert_has("他是中共中央政治局委員", "中共中央政治局", Org);
        assert_has("他到外交部開會", "外交部", Org);
        assert_has("拒絕對他和勞拉公司的指責", "勞拉公司", Org);
        assert_has("返回中國科學院數學研究所工作", "中國科學院數學研究所", Org);
        assert_has("上市公司新港實業昨日停牌", "新港實業", Org);
        assert_has("東方隊昨晚以二比一擊敗南華", "東方隊", Org);
        assert_has("他指省政府決定撥款", "省政府", Org);
        assert_has("客戶可到廣東中行辦理", "廣東中行", Org);
        let found = entities("公司研究部和項目部負責跟進");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
        let found = entities("香港團隊融入國家發展大局，與高校院所合作，扶持澳門企業");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
        let found = entities("多家港商在東莞設廠");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
    }

    #[test]
    fn a_name_ends_where_the_sentence_goes_on() {
        // A person after a title, a verb after an organisation, a place joined by 與:
        // each belongs to the sentence, not to the name found after it.
        let found = entities("香港大學校長張翔代表大學致辭");
        assert!(
            found.iter().any(|(t, k)| t == "香港大學" && *k == Org),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(t, _)| !t.contains("張翔代表")),
            "{found:?}"
        );
        let found = entities("華潤集團成立創新聯盟");
        assert!(found.iter().all(|(t, _)| !t.contains("成立")), "{found:?}");
        assert_has("英格蘭與巴西隊今晚交手", "巴西隊", Org);
        let found = entities("英格蘭與巴西隊今晚交手");
        assert!(found.iter().all(|(t, _)| !t.contains('與')), "{found:?}");
    }

    #[test]
    fn a_department_fused_with_its_heads_title_and_a_team_after_an_event() {
        // Sentences written for these tests.
        let cases = [
            ("外交部長王毅昨日抵達", "外交部", Org),
            ("衛生局長周一宣布新措施", "衛生局", Org),
            ("世界盃決賽巴西隊擊敗德國", "巴西隊", Org),
            ("亞洲盃日本隊昨晚出線", "日本隊", Org),
        ];
        for (text, want, kind) in cases {
            assert_has(text, want, kind);
        }
        // A deputy's title names no department; a fair is no body.
        for text in ["副局長昨日到場視察", "廣州交易會昨日開幕"] {
            let found = entities(text);
            assert!(
                found
                    .iter()
                    .all(|(t, k)| *k != Org || t.contains("广州") || t.contains("廣州")),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_company_named_by_its_short_form_before_its_shares() {
        // Sentences written for these tests.
        assert_has("部分人一再放空遠瀚股票", "遠瀚", Org);
        assert_has("涉案者也是新昇股東之一", "新昇", Org);
        assert_has("上市的電子股華彩實業停牌", "華彩實業", Org);
    }

    #[test]
    fn a_short_form_glued_to_the_next_word_and_a_districts_government() {
        // The HMM guesses 民建|聯副: the listed short form is found across the cut.
        assert_has("民建聯副主席昨日到場", "民建聯", Org);
        assert_has(
            "活動由佛山市南海區人民政府主辦",
            "佛山市南海區人民政府",
            Org,
        );
    }

    #[test]
    fn a_department_split_from_its_heads_title() {
        assert_has("省民政廳廳長昨日表示", "省民政廳", Org);
        assert_has("教育局長昨日到場", "教育局", Org);
    }

    #[test]
    fn suffixes_the_segmenter_mistags_still_end_names() {
        // Sentences written for these tests: a team read as a person, a name the HMM
        // guessed before 隊, a shipbuilder read as a verb, a body glued to a deputy.
        let cases = [
            ("入選的隊伍有南京紫金凌霄隊、深圳寶格麗隊", "南京紫金凌霄隊"),
            ("升級的球隊為廣州海豐凌雲隊、深圳寶格麗隊", "深圳寶格麗隊"),
            ("這艘船由青島海船重工建造", "青島海船重工"),
            ("去年華船重工已盈利", "華船重工"),
            ("據深圳市發展改革委副主任介紹", "深圳市發展改革委"),
        ];
        for (text, want) in cases {
            assert_has(text, want, Org);
        }
        // A place in brackets marks a name no place anchors.
        assert_has(
            "星雲機器人(深圳)有限公司昨日成立",
            "星雲機器人(深圳)有限公司",
            Org,
        );
        assert_has(
            "綜合開發研究院（深圳）常務副院長表示",
            "綜合開發研究院（深圳）",
            Org,
        );
        // A museum is an institution.
        assert_has("展覽由深圳市南山博物館承辦", "深圳市南山博物館", Org);
        // Only an assembly sits in sessions: the edition before a bureau is the fair's.
        let found = entities("在第49屆香港貿易發展局香港玩具展");
        assert!(found.iter().all(|(t, _)| !t.starts_with('第')), "{found:?}");
    }

    #[test]
    fn kinds_of_bodies_are_no_names() {
        // Sentences written for these tests: what a city aims to build, two of a kind,
        // kinds the dictionary tags as names, telecoms after a broadcaster's short form.
        for text in [
            "深圳將建設綜合性國家科學中心",
            "打造具有全球影響力的國際科技創新中心",
            "兩個國家實驗室揭牌",
            "規模最大的商業銀行",
            "加強高校科研院所合作",
            "推動無線局域網產業發展",
        ] {
            let found = entities(text);
            assert!(found.iter().all(|(_, k)| *k != Org), "{text}: {found:?}");
        }
        let found = entities("深圳設有重點實驗室");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
    }

    #[test]
    fn cadres_and_most_of_a_region_are_no_department() {
        let found = entities("村幹部參加培訓，華南大部地區有雨");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
    }

    #[test]
    fn a_bare_suffix_word_is_not_a_name() {
        let found = entities("他到公安局報案，又去了醫院。兩校共建的聯合實驗室");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
    }
}
