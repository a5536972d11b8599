//! Dates, times, money, percentages and measured quantities, by a small grammar of
//! regular expressions over the analysis text (Simplified, full-width digits folded).
//! Hedges before a figure (近, 约, 逾) are left out: `近1億美元` → `1億美元`.

use std::sync::OnceLock;

use regex::Regex;

use super::Candidate;
use crate::lexicon::CharSet;
use crate::segment::Prepared;
use crate::EntityType;

const CN_DIGIT: &str = "零〇一二三四五六七八九";
const PERIOD: &str = "上午|下午|晚上|凌晨|早上|中午|傍晚|今晚|昨晚";
const CURRENCY: &str =
    "美元|港元|港币|欧元|日元|英镑|澳门元|澳元|美金|加元|新台币|台币|人民币|元|块";
const MEASURE: &str = "平方公里|平方千米|平方米|平方英尺|立方米|千瓦时|公里|千米|厘米|毫米|公顷|公斤|千克|千瓦|兆瓦|英里|海里|吨|亩|米|克";

/// Chars that end every number, or the space between a number and its unit.
const NUMBER_END: &str = "0123456789零〇一二三四五六七八九十百千两万亿廿卅 ";

/// A rule: its pattern, the entity it finds, its confidence, and its triggers, so that
/// sentences without any are skipped: scanning every sentence with every pattern took as
/// long as jieba itself.
struct Rule {
    re: Regex,
    kind: EntityType,
    confidence: f32,
    triggers: Vec<Trigger>,
}

/// Chars one of which every match of a rule contains (its unit or marker), the rarest
/// such chars: the last char of every unit (公里 → 里), not 公 or 方, which most sentences
/// have. Where that char also ends common words (分, 成, 这里, 同时), only after one of
/// the chars that come before it in every match (百分, 九成, 公里, 3时).
struct Trigger {
    chars: String,
    after: Option<String>,
}

impl Trigger {
    fn any(chars: &str) -> Self {
        Trigger {
            chars: chars.to_string(),
            after: None,
        }
    }

    fn after(before: &str, chars: &str) -> Self {
        Trigger {
            chars: chars.to_string(),
            after: Some(before.to_string()),
        }
    }

    /// One trigger per unit of `units` (`a|b|c`): its last char, after its char before
    /// the last, or after `before_single` for a unit of one char.
    fn units(units: &str, before_single: &str) -> Vec<Self> {
        units
            .split('|')
            .map(|unit| {
                let chars: Vec<char> = unit.chars().collect();
                let last = chars[chars.len() - 1].to_string();
                match chars.len() {
                    1 => Trigger::after(before_single, &last),
                    n => Trigger::after(&chars[n - 2].to_string(), &last),
                }
            })
            .collect()
    }
}

fn grammar() -> &'static [Rule] {
    static G: OnceLock<Vec<Rule>> = OnceLock::new();
    G.get_or_init(|| {
        // A number: Arabic with separators, or Chinese numerals; then magnitudes (3000万, 8千亿).
        // 廿 and 卅 (twenty, thirty) are common in Hong Kong papers: 廿億, 五億三千卅五萬.
        let num = format!("(?:[0-9]+(?:[.,][0-9]+)*|[{CN_DIGIT}十百千两廿卅][{CN_DIGIT}十百千两廿卅万亿]*(?:点[{CN_DIGIT}]+)?)");
        // 餘 ("and more") after the figure or its magnitude: 一千三百餘萬元, 廿億餘元.
        let numx = format!("{num}余? ?[十百千万亿]*余?");
        let year = format!("(?:[0-9]{{2,4}}|[{CN_DIGIT}]{{2,4}}) ?年");
        let month = format!("(?:[0-9]{{1,2}}|[{CN_DIGIT}十]{{1,2}}) ?月");
        let day = format!("(?:[0-9]{{1,2}}|[{CN_DIGIT}十]{{1,3}}) ?[日号]");
        let rel_year = "(?:今|去|明|前|后)年";
        let digits = "0123456789 ";
        let rules: Vec<(String, EntityType, f32, Vec<Trigger>)> = vec![
            // 2024年12月17日, 12 月17日, 今年9月19日, 2024年12月
            (format!("(?:(?:{year}|{rel_year}) ?)?{month}(?: ?{day})?"), EntityType::Date, 0.95, vec![Trigger::after(NUMBER_END, "月")]),
            // 2024年底, 2030年, 二〇二四年
            (format!("{year}(?:底|初|中|末|上半年|下半年|以来)?"), EntityType::Date, 0.9, vec![Trigger::after(NUMBER_END, "年")]),
            // 昨日(14日), 今日, 明天
            // A day alone only in Arabic digits: 十日 is too often part of a word.
            (String::from("[昨今明前]日(?: ?[(（][0-9]{1,2}日[)）])?|[昨今明]天|[0-9]{1,2} ?[日号]"), EntityType::Date, 0.8,
                vec![Trigger::after(&format!("昨今明前{digits}"), "日号"), Trigger::after("昨今明", "天")]),
            (String::from("(?:星期|礼拜)[一二三四五六日天]"), EntityType::Date, 0.9, vec![Trigger::after("星", "期"), Trigger::after("礼", "拜")]),
            // 下午3时30分, 10:30
            (format!("(?:(?:{PERIOD}) ?)?[0-9]{{1,2}} ?[时点](?: ?[0-9]{{1,2}} ?分|半)?|[0-9]{{1,2}}:[0-9]{{2}}"), EntityType::Time, 0.85,
                vec![Trigger::after(digits, "时点"), Trigger::after("0123456789", ":")]),
            // 3000万元人民币, 290 亿元, 8千亿至1万亿元, 人民币3000万元, HK$3
            (format!("(?:人民币|港币|港元|美元|HK\\$|US\\$|RMB|\\$|￥|¥) ?{numx}(?: ?(?:元|块))?"), EntityType::Money, 0.95, vec![Trigger::any("$￥¥B"), Trigger::after("民港", "币"), Trigger::after("港美", "元")]),
            (format!("{numx}(?: ?(?:至|到|-|—|~) ?{numx})? ?多? ?(?:{CURRENCY})(?:人民币)?"), EntityType::Money, 0.9,
                Trigger::units(CURRENCY, &format!("{NUMBER_END}多余"))),
            // 30%, 3.26%, 百分之五, 九成, 0.25個百分點, 四分一; 5厘 as a rate of interest
            // (5厘米 is a length: the longer measure wins).
            (format!("{num} ?%(?: ?(?:至|到|-) ?{num} ?%)?|百分之{num}|{num}个?百分点|[一二三四五六七八九]成[一二三四五六七八九半]?|[二三四五六七八九十]分之?[一二三四五六七八九]|{num}厘"), EntityType::Percent, 0.95,
                vec![Trigger::any("%"), Trigger::after("百", "分"), Trigger::after("一二三四五六七八九", "成"), Trigger::after("二三四五六七八九十", "分"), Trigger::after(NUMBER_END, "厘")]),
            // 51.6平方公里, 15万平方米
            (format!("{numx} ?(?:{MEASURE})"), EntityType::Quantity, 0.85, Trigger::units(MEASURE, &format!("{NUMBER_END}余"))),
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

/// Which rules a char wakes: a bit set per trigger char (bit i = rule i), with
/// [`Triggers::AFTER`] set where some rule needs a particular char before it. Every char
/// of a text is tested, first against a bitmap that stays in cache.
struct Triggers {
    chars: CharSet,
    bits: rustc_hash::FxHashMap<char, u16>,
    after: rustc_hash::FxHashMap<char, Vec<(String, u16)>>,
}

impl Triggers {
    const AFTER: u16 = 1 << 15;

    /// The rules char `c` wakes, after char `prev`.
    fn rules(&self, prev: char, c: char) -> u16 {
        if !self.chars.contains(c) {
            return 0;
        }
        let bits = self.bits.get(&c).copied().unwrap_or(0);
        if bits & Self::AFTER == 0 {
            return bits;
        }
        let after = self.after.get(&c).into_iter().flatten();
        after
            // A short list: a scan beats `str::contains`'s searcher set-up.
            .filter(|(before, _)| before.chars().any(|b| b == prev))
            .fold(bits & !Self::AFTER, |rules, (_, r)| rules | r)
    }
}

fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| {
        let mut rules_of = rustc_hash::FxHashMap::<char, u16>::default();
        let mut after = rustc_hash::FxHashMap::<char, Vec<(String, u16)>>::default();
        let rules = grammar();
        assert!(rules.len() < 15, "rule bits and the AFTER flag fit a u16");
        for (i, rule) in rules.iter().enumerate() {
            for trigger in &rule.triggers {
                for c in trigger.chars.chars() {
                    let bits = rules_of.entry(c).or_default();
                    match &trigger.after {
                        None => *bits |= 1 << i,
                        Some(before) => {
                            *bits |= Triggers::AFTER;
                            after.entry(c).or_default().push((before.clone(), 1 << i));
                        }
                    }
                }
            }
        }
        Triggers {
            chars: CharSet::new(&rules_of.keys().collect::<String>()),
            bits: rules_of,
            after,
        }
    })
}

/// Chars no figure spans: the text is scanned a sentence at a time.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '\n' | '!' | '?' | ';')
}

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let triggers = triggers();
    let chars = &prepared.chars;
    let (mut from, mut rules) = (0, 0u16);
    for (i, &c) in chars.iter().enumerate() {
        if ends_sentence(c) {
            if rules != 0 {
                find_in(prepared, from, i, rules, out);
            }
            (from, rules) = (i + 1, 0);
        } else {
            let prev = i.checked_sub(1).map_or('\n', |k| chars[k]);
            rules |= triggers.rules(prev, c);
        }
    }
    if rules != 0 {
        find_in(prepared, from, chars.len(), rules, out);
    }
}

/// Runs the `rules` (a bit set) over the sentence of chars `from..to`.
fn find_in(prepared: &Prepared, from: usize, to: usize, rules: u16, out: &mut Vec<Candidate>) {
    let sentence = prepared.slice(from, to);
    for (i, rule) in grammar().iter().enumerate() {
        if rules & (1 << i) == 0 {
            continue;
        }
        // Matches come in order: count chars on from the last offset mapped.
        let (mut byte, mut char) = (0, from);
        let mut char_at = |b: usize| {
            char += sentence[byte..b].chars().count();
            byte = b;
            char
        };
        for m in rule.re.find_iter(sentence) {
            let start = char_at(m.start());
            let end = char_at(m.end());
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
            if rule.kind == EntityType::Date && is_round_span_of_years(text) {
                continue;
            }
            out.push(Candidate::new(start, end, rule.kind, rule.confidence));
        }
    }
}

/// 10年, 20年, 50年 alone are spans of years far more often than years of a century
/// (這問題存在了20年); 97年 and 08年 are years.
fn is_round_span_of_years(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 5 && b[0].is_ascii_digit() && b[0] != b'0' && b[1] == b'0' && text.ends_with('年')
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::{self, *};

    #[test]
    fn table() {
        let cases: [(&str, &str, EntityType); 25] = [
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
            ("星期三晚上", "星期三晚上", Date),
            ("工程耗資廿億餘元", "廿億餘元", Money),
            ("撥款一千三百餘萬元", "一千三百餘萬元", Money),
            ("息率上調0.25個百分點", "0.25個百分點", Percent),
            ("最優惠利率為5厘", "5厘", Percent),
            ("約四分一市民反對", "四分一", Percent),
        ];
        for (text, want, kind) in cases {
            assert_has(text, want, kind);
        }
    }

    proptest::proptest! {
        /// Skipping sentences without a rule's trigger chars finds exactly what scanning
        /// the whole text with every rule finds.
        #[test]
        fn sentence_gating_loses_nothing(text in "[0-9一二十百千万亿两年月日号天时点:分%成元币美港人民B$￥期拜星礼平方公里米昨今前明底上下午欧镑金块尺立千瓦兆吨亩顷斤克英海厘毫台门加澳新多余廿卅个,.。!?;\n ]{0,40}") {
            let prepared = crate::entities::test_support::prepared(&text);
            let mut gated = Vec::new();
            super::find(&prepared, &mut gated);
            let mut whole = Vec::new();
            super::find_in(&prepared, 0, prepared.chars.len(), u16::MAX, &mut whole);
            gated.sort_by_key(|c| (c.start, c.end, c.kind as u8));
            whole.sort_by_key(|c| (c.start, c.end, c.kind as u8));
            proptest::prop_assert_eq!(gated, whole);
        }
    }

    #[test]
    fn every_unit_after_a_number_wakes_its_rule() {
        let rules = super::grammar();
        for (units, kind) in [(super::CURRENCY, Money), (super::MEASURE, Quantity)] {
            let rule = rules
                .iter()
                .position(|r| r.kind == kind && r.re.as_str().contains(units))
                .unwrap();
            for unit in units.split('|') {
                for number in ["5", "5 ", "五", "5万"] {
                    let text = format!("{number}{unit}");
                    let woken = text
                        .chars()
                        .zip(text.chars().skip(1))
                        .fold(0, |r, (prev, c)| r | super::triggers().rules(prev, c));
                    assert!(woken & (1 << rule) != 0, "{text}");
                }
            }
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
