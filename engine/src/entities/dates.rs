//! Dates said relative to the day of writing, as news writes them (昨日, 前晚, 上周四,
//! 今夏, 兩年前, 本月底), and the joining of a date with its time of day and of the two
//! ends of a range into one span (昨日上午, 7月1日20時, 5月中旬至6月初).
//!
//! Calendar dates written with numbers come from [`super::numeric`]; this layer adds the
//! words around them. Durations (三年來, 兩小時) are not dates and are left alone.

use std::sync::OnceLock;

use regex::Regex;

use super::Candidate;
use crate::segment::Prepared;
use crate::EntityType;

/// Chinese numerals, with the Hong Kong forms 廿 and 卅.
const CN: &str = "零〇一二三四五六七八九十两廿卅";
/// Parts of the day that follow a date (昨日上午, 3日晚) or stand with a clock time.
const PART_OF_DAY: &str =
    "上午|下午|中午|晚上|早上|凌晨|清晨|傍晚|黄昏|深夜|午夜|半夜|早晨|晚间|夜间|午间|晚|早|午|夜";

/// Whether char `c` after `prev` may be part of a relative date: every match of the
/// pattern below holds such a pair (昨+日, 上+周, 8+時, 黃+昏), and a sentence without
/// any is skipped. Single trigger chars (年, 上, 日) were in nearly every sentence.
fn wakes(prev: char, c: char) -> bool {
    let before = match c {
        '天' => "昨今明前后当几两期拜周",
        '日' => "昨今明前翌次同当近即期拜周",
        '晚' => "昨今明前傍",
        '晨' => "昨今明前清凌",
        '午' | '早' => "昨今明前",
        '夜' => "昨今明前深午",
        '年' => "今去明前后翌本上下同当半0123456789",
        '春' | '夏' | '秋' | '冬' => "今去明年",
        '月' => "本上下这同当个",
        '一' | '二' | '三' | '四' | '五' | '六' | '末' => "周期拜七五",
        '星' | '礼' | '周' => "本上下这个",
        '前' | '后' => "年月周期天日",
        '代' => "年",
        '时' | '点' => "0123456789零〇一二三四五六七八九十两廿卅 ",
        '昏' => "黄",
        '昨' => return true,
        _ => return false,
    };
    before.contains(prev)
}

/// The pattern of relative dates, and of a clock time with its part of the day.
fn relative() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let num = format!("(?:[0-9]+|[{CN}]+)");
        let clock = format!("[0-9{CN}]{{1,3}} ?[时点](?: ?[0-9{CN}]{{1,3}} ?分|半|正|许)?");
        let alternatives = [
            // 昨日, 前天, 翌日, 當天, 大前天; 昨晚, 前晚, 今晨, 昨午
            "大?[昨今明前后]天|[昨今明前翌次同当]日|当天|[昨今明前][晚晨午夜早]".to_string(),
            // 今年, 去年全年, 上半年, 今年初; 今夏, 去年冬天
            "(?:[今去明前后翌]|本|上|下|同|当)年(?:全年|上半年|下半年|初|中|底|末|年初|年底|同期)?"
                .to_string(),
            "(?:上|下)半年".to_string(),
            "[今去明](?:年)?[春夏秋冬](?:天|季)?".to_string(),
            // 本月, 上個月, 本月底, 下月中旬
            "(?:本|上|下|这|同|当)个?月(?:初|底|末|中旬|上旬|下旬|尾)?".to_string(),
            // 本周, 上星期, 上周四, 周六, 上周末, 下星期一
            "(?:(?:本|上|下|这|同)个?)?(?:周|星期|礼拜)[一二三四五六日天末]".to_string(),
            "(?:本|上|下|这)个?(?:周|星期|礼拜)".to_string(),
            // 兩年前, 一周前, 20年後, 三個月前
            format!("{num}多?个?(?:年|月|周|星期|天|日)(?:前|后)"),
            // 2004—2010年: a range of years with the first written bare.
            "[0-9]{4} ?[—－~至到-] ?[0-9]{4}年".to_string(),
            // 70年代, 九十年代
            "(?:[0-9]0|[一二三四五六七八九]十)年代(?:初|中|末)?".to_string(),
            // 近日, 日前, 這幾天, 前幾天
            "近日|日前|即日|(?:这|前|近|那)[几两]天".to_string(),
            // A clock time with its part of the day (上午八時許, 晚上7點半), or in digits
            // (20時, 8點半): 一時 and 一點 alone are "for a moment" and "a little".
            format!(
                "(?:{PART_OF_DAY}) ?{clock}|[0-9]{{1,2}} ?[时点](?: ?[0-9]{{1,2}} ?分|半|正|许)?"
            ),
            // Late at night, at dawn; 七一 (1 July, the Hong Kong SAR's day), 五一.
            "清晨|深夜|凌晨|黄昏|傍晚|午夜|七一|五一".to_string(),
        ];
        Regex::new(&alternatives.join("|")).expect("relative date pattern compiles")
    })
}

/// What may follow a date and belongs to it: a part of the month (4月底, 3月中旬), a part
/// of the day, a clock time (7月1日20時, 昨日上午, 3日晚).
fn continuation() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        let clock = format!("[0-9{CN}]{{1,3}} ?[时点](?: ?[0-9{CN}]{{1,3}} ?分|半|正|许)?");
        Regex::new(&format!(
            "^(?:份|中旬|上旬|下旬|初|底|末|尾|间|以来)?(?:(?:{PART_OF_DAY}) ?)?(?:{clock})?"
        ))
        .expect("date continuation compiles")
    })
}

/// Words that join the two ends of a range of dates or times.
const RANGE_JOINS: [&str; 6] = ["至", "到", "—", "-", "~", "－"];

/// Relative dates and clock times anywhere in the text.
pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let chars = &prepared.chars;
    let mut from = 0;
    for end in 0..=chars.len() {
        let at_end = end == chars.len() || matches!(chars[end], '。' | '\n' | '!' | '?' | ';');
        if !at_end {
            continue;
        }
        let woken = (from..end).any(|k| {
            let prev = if k > from { chars[k - 1] } else { '\n' };
            wakes(prev, chars[k])
        });
        if woken {
            find_in(prepared, from, end, out);
        }
        from = end + 1;
    }
}

fn find_in(prepared: &Prepared, from: usize, to: usize, out: &mut Vec<Candidate>) {
    let sentence = prepared.slice(from, to);
    let (mut byte, mut char) = (0, from);
    let mut char_at = |b: usize| {
        char += sentence[byte..b].chars().count();
        byte = b;
        char
    };
    for m in relative().find_iter(sentence) {
        let (start, end) = (char_at(m.start()), char_at(m.end()));
        // Inside a longer word it is no date (今年輕人, 本周刊, 日前進): both edges must
        // fall where words do, but for a clock time, which the segmenter cuts up.
        let clock = m.as_str().ends_with(['时', '点', '分', '半', '许', '正']);
        let aligned = prepared.starts_word(start) && prepared.ends_word(end);
        if !(clock || aligned) {
            continue;
        }
        let kind = if clock {
            EntityType::Time
        } else {
            EntityType::Date
        };
        out.push(Candidate::new(start, end, kind, 0.8));
    }
    // 記者昨查察: 昨 standing alone as a word before a verb is yesterday.
    for k in from..to {
        if prepared.chars[k] == '昨' && prepared.starts_word(k) && prepared.ends_word(k + 1) {
            out.push(Candidate::new(k, k + 1, EntityType::Date, 0.7));
        }
    }
}

/// After overlaps are resolved: a date takes in what follows it and belongs to it (its
/// part of the month or day, a clock time), and adjacent dates and times, or two joined
/// by 至/到/—, become one date.
pub(super) fn join(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let is_time = |c: &Candidate| matches!(c.kind, EntityType::Date | EntityType::Time);
    let mut out: Vec<Candidate> = Vec::with_capacity(found.len());
    for k in 0..found.len() {
        let mut c = found[k];
        if is_time(&c) {
            let limit = found.get(k + 1).map_or(prepared.chars.len(), |n| n.start);
            c.end = extend(prepared, c.end, limit);
            if let Some(last) = out.last_mut().filter(|l| is_time(l)) {
                let gap = prepared.slice(last.end, c.start);
                if gap.is_empty() || RANGE_JOINS.contains(&gap) {
                    last.end = c.end;
                    last.kind = EntityType::Date;
                    continue;
                }
            }
        }
        out.push(c);
    }
    *found = out;
}

/// The end of what continues a date ending at `end`, up to `limit` (the next entity).
fn extend(prepared: &Prepared, end: usize, limit: usize) -> usize {
    let rest = prepared.slice(end, limit);
    let Some(m) = continuation().find(rest) else {
        return end;
    };
    let n = m.as_str().chars().count();
    // The continuation must end where a word does (3日晚 but not 3日晚會).
    if n > 0 && prepared.ends_word(end + n) {
        end + n
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::entities;
    use crate::EntityType;

    fn dates(text: &str) -> Vec<String> {
        entities(text)
            .into_iter()
            .filter(|(_, k)| matches!(k, EntityType::Date | EntityType::Time))
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn relative_dates_are_one_span_each() {
        let cases: [(&str, &[&str]); 15] = [
            ("警方昨日上午接報，到場調查", &["昨日上午"]),
            ("一名男子前晚8時在旺角被捕", &["前晚8時"]),
            ("該公司去年3月14日開業", &["去年3月14日"]),
            ("工程預計本月底完成", &["本月底"]),
            ("他上周四黃昏六時半離開住所", &["上周四黃昏六時半"]),
            ("今夏將有更多旅客訪港", &["今夏"]),
            ("兩年前他已移居加拿大", &["兩年前"]),
            ("展覽由5月中旬至6月初舉行", &["5月中旬至6月初"]),
            ("會議7月1日20時開始", &["7月1日20時"]),
            ("市民近日紛紛搶購口罩", &["近日"]),
            ("議員昨晚出席論壇", &["昨晚"]),
            ("記者昨巡視多個屋邨", &["昨"]),
            ("該樓宇於70年代落成", &["70年代"]),
            ("新措施本周起實施", &["本周"]),
            ("計劃在2024—2030年推行", &["2024—2030年"]),
        ];
        for (text, want) in cases {
            assert_eq!(dates(text), want, "{text}");
        }
    }

    proptest::proptest! {
        /// Skipping sentences without a trigger char finds what scanning every sentence
        /// finds.
        #[test]
        fn sentence_gating_loses_nothing(text in "[0-9一二七五十两年月日天时点分半许昨今明前后去本上下这近当周星期礼拜末夏冬晚晨午夜早黄昏深清凌傍代个多几初底中旬以来间至到—。 ]{0,30}") {
            let prepared = crate::entities::test_support::prepared(&text);
            let mut gated = Vec::new();
            super::find(&prepared, &mut gated);
            let mut whole = Vec::new();
            let mut from = 0;
            for (k, c) in prepared.chars.iter().enumerate() {
                if matches!(c, '。' | '\n' | '!' | '?' | ';') {
                    super::find_in(&prepared, from, k, &mut whole);
                    from = k + 1;
                }
            }
            super::find_in(&prepared, from, prepared.chars.len(), &mut whole);
            gated.sort_by_key(|c| (c.start, c.end));
            whole.sort_by_key(|c| (c.start, c.end));
            proptest::prop_assert_eq!(gated, whole);
        }
    }

    #[test]
    fn durations_and_words_are_not_dates() {
        for text in [
            "他三年來一直在港工作",
            "會議開了兩小時",
            "今年輕人難以置業",
            "這個問題存在了20年",
        ] {
            assert!(dates(text).is_empty(), "{text}: {:?}", dates(text));
        }
    }
}
