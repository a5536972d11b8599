//! The words that end an organisation's name (大學, 有限公司, 局), read by the organisation
//! layer and by the walk back over a name (a name ends after one).

use crate::lexicon::char_set;

/// Words that end an organisation's name (Simplified), longest first where one ends
/// another.
const SUFFIXES: [&str; 94] = [
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
    "立法会",
    "国会",
    "妇联",
    "残联",
    "侨联",
    "文联",
    "工商联",
    "作协",
    "科协",
    "联合体",
    "赛马会",
    "马会",
    "酒家",
    // Company words Hong Kong and Taiwan papers end names with (某某實業, 某某地產).
    "实业",
    "企业",
    // Shipbuilders and heavy industry (某某重工), football unions (某洲足聯), papers
    // (某某論壇報, 某某郵報, 某某時報), channels, and Taiwan's schools (某某國小, 某某國中).
    "重工",
    "足联",
    "论坛报",
    "邮报",
    "时报",
    "频道",
    "国小",
    "国中",
    "控股",
    "地产",
    "置业",
    "工厂",
    "厂",
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
    pub(super) SUFFIX_LAST_CHARS = "司心团行院会盟织校学队区台报社局厅署部委党室处所排篮足联协体家厂业股产工道小中"
);

/// Whether a word ends with an organisation suffix (醫學會, 電子工業部).
pub(super) fn ends_with_suffix(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().last().is_some_and(|c| {
            SUFFIX_LAST_CHARS.contains(c)
                && suffixes_ending_with(c).iter().any(|s| word.ends_with(s))
        })
}

/// The suffixes that end with `c`, in `SUFFIXES` order: a word ending with 會 is compared
/// with the few suffixes ending so, not all of them.
pub(super) fn suffixes_ending_with(c: char) -> &'static [&'static str] {
    static BY_LAST: std::sync::LazyLock<rustc_hash::FxHashMap<char, Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let mut by_last = rustc_hash::FxHashMap::<char, Vec<&'static str>>::default();
            for s in SUFFIXES {
                if let Some(last) = s.chars().last() {
                    by_last.entry(last).or_default().push(s);
                }
            }
            by_last
        });
    BY_LAST.get(&c).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::assert_last_chars_cover;

    #[test]
    fn every_suffix_ends_with_a_listed_char() {
        assert_last_chars_cover(super::SUFFIXES, &super::SUFFIX_LAST_CHARS);
    }
}
