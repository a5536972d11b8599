//! Dates, times, money, percentages and measured quantities, by a small grammar of
//! regular expressions over the analysis text (Simplified, full-width digits folded).
//! Hedges before a figure (近, 约, 逾) are left out: `近1億美元` → `1億美元`.

use std::sync::OnceLock;

use regex::Regex;

use super::Candidate;
use crate::segment::Prepared;
use crate::EntityType;

const CN_DIGIT: &str = "零〇一二三四五六七八九";
const PERIOD: &str = "上午|下午|晚上|凌晨|早上|中午|傍晚|今晚|昨晚";
const CURRENCY: &str =
    "美元|港元|港币|欧元|日元|英镑|澳门元|澳元|美金|加元|新台币|台币|人民币|元|块";
const MEASURE: &str = "平方公里|平方千米|平方米|平方英尺|立方米|千瓦时|公里|千米|厘米|毫米|公顷|公斤|千克|千瓦|兆瓦|英里|海里|吨|亩|米|克";

/// A rule: its pattern, the entity it finds, its confidence, and the chars one of which
/// every match contains (the rule's unit or marker), so that sentences without any are
/// skipped: scanning every sentence with every pattern took as long as jieba itself.
struct Rule {
    re: Regex,
    kind: EntityType,
    confidence: f32,
    triggers: &'static str,
}

fn grammar() -> &'static [Rule] {
    static G: OnceLock<Vec<Rule>> = OnceLock::new();
    G.get_or_init(|| {
        // A number: Arabic with separators, or Chinese numerals; then magnitudes (3000万, 8千亿).
        let num = format!("(?:[0-9]+(?:[.,][0-9]+)*|[{CN_DIGIT}十百千两]+(?:点[{CN_DIGIT}]+)?)");
        let numx = format!("{num} ?[十百千万亿]*");
        let year = format!("(?:[0-9]{{2,4}}|[{CN_DIGIT}]{{2,4}}) ?年");
        let month = format!("(?:[0-9]{{1,2}}|[{CN_DIGIT}十]{{1,2}}) ?月");
        let day = format!("(?:[0-9]{{1,2}}|[{CN_DIGIT}十]{{1,3}}) ?[日号]");
        let rel_year = "(?:今|去|明|前|后)年";
        let rules: Vec<(String, EntityType, f32, &'static str)> = vec![
            // 2024年12月17日, 12 月17日, 今年9月19日, 2024年12月
            (format!("(?:(?:{year}|{rel_year}) ?)?{month}(?: ?{day})?"), EntityType::Date, 0.95, "月"),
            // 2024年底, 2030年, 二〇二四年
            (format!("{year}(?:底|初|中|末|上半年|下半年|以来)?"), EntityType::Date, 0.9, "年"),
            // 昨日(14日), 今日, 明天
            // A day alone only in Arabic digits: 十日 is too often part of a word.
            (String::from("[昨今明前]日(?: ?[(（][0-9]{1,2}日[)）])?|[昨今明]天|[0-9]{1,2} ?[日号]"), EntityType::Date, 0.8, "日天号"),
            (String::from("(?:星期|礼拜)[一二三四五六日天]"), EntityType::Date, 0.9, "期拜"),
            // 下午3时30分, 10:30
            (format!("(?:(?:{PERIOD}) ?)?[0-9]{{1,2}} ?[时点](?: ?[0-9]{{1,2}} ?分|半)?|[0-9]{{1,2}}:[0-9]{{2}}"), EntityType::Time, 0.85, "时点:"),
            // 3000万元人民币, 290 亿元, 8千亿至1万亿元, 人民币3000万元, HK$3
            (format!("(?:人民币|港币|港元|美元|HK\\$|US\\$|RMB|\\$|￥|¥) ?{numx}(?: ?(?:元|块))?"), EntityType::Money, 0.95, "币元$￥¥B"),
            (format!("{numx}(?: ?(?:至|到|-|—|~) ?{numx})? ?多? ?(?:{CURRENCY})(?:人民币)?"), EntityType::Money, 0.9, CURRENCY),
            // 30%, 3.26%, 百分之五, 九成
            (format!("{num} ?%(?: ?(?:至|到|-) ?{num} ?%)?|百分之{num}|[一二三四五六七八九]成[一二三四五六七八九半]?"), EntityType::Percent, 0.95, "%分成"),
            // 51.6平方公里, 15万平方米
            (format!("{numx} ?(?:{MEASURE})"), EntityType::Quantity, 0.85, MEASURE),
        ];
        rules
            .into_iter()
            .map(|(re, kind, confidence, triggers)| Rule {
                re: Regex::new(&re).expect("numeric grammar compiles"),
                kind,
                confidence,
                triggers,
            })
            .collect()
    })
}

/// For each BMP char, the rules (bit i = rule i) whose triggers include it.
fn trigger_table() -> &'static [u16] {
    static T: OnceLock<Vec<u16>> = OnceLock::new();
    T.get_or_init(|| {
        let mut table = vec![0u16; 0x10000];
        for (i, rule) in grammar().iter().enumerate() {
            for c in rule.triggers.chars() {
                table[c as usize] |= 1 << i;
            }
        }
        table
    })
}

/// Chars no figure spans: the text is scanned a sentence at a time.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '\n' | '!' | '?' | ';')
}

/// Char offset of byte offset `byte` in the analysis text.
fn char_at(prepared: &Prepared, byte: usize) -> usize {
    prepared.bytes.partition_point(|&b| b < byte)
}

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let table = trigger_table();
    let text = &prepared.analysed;
    let (mut from, mut rules) = (0, 0u16);
    for (b, c) in text.char_indices().chain([(text.len(), '\n')]) {
        if ends_sentence(c) {
            if rules != 0 {
                find_in(prepared, from, &text[from..b], rules, out);
            }
            (from, rules) = (b + c.len_utf8(), 0);
        } else if let Some(&r) = table.get(c as usize) {
            rules |= r;
        }
    }
}

/// Runs the `rules` (a bit set) over `sentence`, which starts at byte `from`.
fn find_in(prepared: &Prepared, from: usize, sentence: &str, rules: u16, out: &mut Vec<Candidate>) {
    for (i, rule) in grammar().iter().enumerate() {
        if rules & (1 << i) == 0 {
            continue;
        }
        for m in rule.re.find_iter(sentence) {
            let start = char_at(prepared, from + m.start());
            let end = char_at(prepared, from + m.end());
            // A bare Chinese numeral + 成/日 inside a word (一成不变, 十日谈) is not a figure.
            let text = m.as_str();
            if matches!(rule.kind, EntityType::Percent | EntityType::Date)
                && text.chars().count() <= 2
            {
                let inside_word = !prepared.starts_word(start) || !prepared.ends_word(end);
                if inside_word && !text.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
            }
            out.push(Candidate::new(start, end, rule.kind, rule.confidence));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::{self, *};

    #[test]
    fn table() {
        let cases: [(&str, &str, EntityType); 20] = [
            ("會議於2024年12月17日舉行", "2024年12月17日", Date),
            ("截至12 月17日，", "12 月17日", Date),
            ("今年9月19日起實施", "今年9月19日", Date),
            ("昨日(14日)舉行", "昨日(14日)", Date),
            ("預計2024年底完成", "2024年底", Date),
            ("到2030年，", "2030年", Date),
            ("下午3時30分開始", "下午3時30分", Time),
            ("投資3000萬元人民幣", "3000萬元人民幣", Money),
            ("涉及290 億元", "290 億元", Money),
            ("融資近1億美元", "1億美元", Money),
            ("規模達8千億至1萬億元", "8千億至1萬億元", Money),
            ("增長30%，", "30%", Percent),
            ("佔3.26%", "3.26%", Percent),
            ("九成受訪者支持", "九成", Percent),
            ("面積51.6平方公里", "51.6平方公里", Quantity),
            ("建築面積15萬平方米", "15萬平方米", Quantity),
            ("投资3000万元人民币", "3000万元人民币", Money),
            ("２０２４年１２月", "２０２４年１２月", Date),
            ("增長３０％", "３０％", Percent),
            ("星期三晚上", "星期三", Date),
        ];
        for (text, want, kind) in cases {
            assert_has(text, want, kind);
        }
    }

    proptest::proptest! {
        /// Skipping sentences without a rule's trigger chars finds exactly what scanning
        /// the whole text with every rule finds.
        #[test]
        fn sentence_gating_loses_nothing(text in "[0-9一二十百千万亿年月日号天时点:分%成元币美港人民B$￥期拜星礼平方公里米昨今前明底上下午,.。!?;\n ]{0,40}") {
            static SEGMENTER: std::sync::LazyLock<crate::segment::Segmenter> =
                std::sync::LazyLock::new(Default::default);
            let prepared = SEGMENTER.prepare(&text, crate::Script::Simplified);
            let mut gated = Vec::new();
            super::find(&prepared, &mut gated);
            let mut whole = Vec::new();
            super::find_in(&prepared, 0, &prepared.analysed, u16::MAX, &mut whole);
            gated.sort_by_key(|c| (c.start, c.end, c.kind as u8));
            whole.sort_by_key(|c| (c.start, c.end, c.kind as u8));
            proptest::prop_assert_eq!(gated, whole);
        }
    }

    #[test]
    fn idioms_are_not_figures() {
        for text in ["他一成不變", "這是十日談"] {
            let found = entities(text);
            assert!(
                found.iter().all(|(_, k)| !matches!(k, Percent | Date)),
                "{text}: {found:?}"
            );
        }
    }
}
