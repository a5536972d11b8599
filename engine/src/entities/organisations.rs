//! Organisations: jieba's organisation tags, and names built as
//! `[place or proper name] [nouns…] organisation-suffix`, keeping a bracketed part that
//! belongs to the name: 香港中文大學（深圳）, …研究中心(香港分中心).

use super::places::name_start;
use super::Candidate;
use crate::lexicon::char_set;
use crate::segment::Prepared;
use crate::EntityType;

/// Words that end an organisation's name (Simplified), longest first where one ends
/// another.
const SUFFIXES: [&str; 66] = [
    "国家队",
    "女足",
    "男足",
    "女篮",
    "男篮",
    "女排",
    "男排",
    "股份有限公司",
    "有限公司",
    "委员会",
    "研究院",
    "研究所",
    "研究中心",
    "实验室",
    "交易所",
    "基金会",
    "联合会",
    "俱乐部",
    "代表团",
    "办事处",
    "办公室",
    "检察院",
    "电视台",
    "总公司",
    "分公司",
    "分中心",
    "通讯社",
    "出版社",
    "研究会",
    "促进会",
    "理事会",
    "董事会",
    "大学",
    "学院",
    "中心",
    "公司",
    "集团",
    "银行",
    "医院",
    "协会",
    "学会",
    "商会",
    "法院",
    "联盟",
    "组织",
    "总会",
    "工会",
    "中学",
    "小学",
    "学校",
    "部队",
    "军区",
    "议会",
    "电台",
    "日报",
    "晚报",
    "报社",
    "大会",
    "委会",
    "局",
    "厅",
    "署",
    "部",
    "委",
    "党",
    "队",
];

char_set!(
    /// The last chars of `SUFFIXES`.
    SUFFIX_LAST_CHARS = "司心团行院会盟织校学队区台报社局厅署部委党室处所排篮足"
);

/// Organisation names jieba's dictionary tags `nt` shorter than this are often generic
/// (公安局, 醫院); longer ones are names (中國人民銀行).
const MIN_TAGGED: usize = 4;

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let words = &prepared.words;
    for (i, w) in words.iter().enumerate() {
        // 中國政府 and 美中關係 are about the places; places.rs marks those.
        let about_places = ["政府", "当局", "关系"]
            .iter()
            .any(|e| prepared.slice(w.start, w.end).ends_with(e));
        // Only dictionary words: the HMM's guesses at unknown words come tagged nt too.
        if w.pos == "nt" && w.known && w.end - w.start >= MIN_TAGGED && !about_places {
            out.push(extend_brackets(
                prepared,
                Candidate::new(w.start, w.end, EntityType::Org, 0.7),
            ));
        }
        // The suffix ends a noun (簽署 ends with 署 but is a verb).
        if !matches!(w.pos, "n" | "nt" | "nz" | "ng" | "j" | "ns" | "x") {
            continue;
        }
        // Most words end with no suffix's last char: skip them before comparing strings.
        if !SUFFIX_LAST_CHARS.contains(prepared.chars[w.end - 1]) {
            continue;
        }
        let from = words[i.saturating_sub(2)].start;
        let tail = prepared.slice(from, w.end);
        if let Some(suffix) = SUFFIXES.iter().find(|s| tail.ends_with(*s)) {
            if let Some(start) = name_start(prepared, i, suffix.chars().count()) {
                let c = Candidate::new(start, w.end, EntityType::Org, 0.8);
                out.push(extend_brackets(prepared, c));
            }
        }
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
            if part.iter().all(|&ch| crate::lexicon::is_han(ch)) {
                c.end += n + 2;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, assert_last_chars_cover, entities};
    use crate::EntityType::*;

    #[test]
    fn every_suffix_ends_with_a_listed_char() {
        assert_last_chars_cover(super::SUFFIXES, &super::SUFFIX_LAST_CHARS);
    }

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
    }

    #[test]
    fn a_bare_suffix_word_is_not_a_name() {
        let found = entities("他到公安局報案，又去了醫院。兩校共建的聯合實驗室");
        assert!(found.iter().all(|(_, k)| *k != Org), "{found:?}");
    }
}
