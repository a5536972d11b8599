//! A MONEY entity's text read as an amount and its currency: 3000萬元人民幣, 港幣2.5億,
//! HK$3, 8千億至1萬億元 (a range: its lower end), 一千三百餘萬元 (approximate).

use super::numbers::{parse_prefix, Decimal};
use super::{Currency, Value};

/// Currency words before the figure (longest first where one starts another).
const BEFORE: [(&str, Option<Currency>); 11] = [
    ("人民币", Some(Currency::Cny)),
    ("港币", Some(Currency::Hkd)),
    ("港元", Some(Currency::Hkd)),
    ("美元", Some(Currency::Usd)),
    ("HK$", Some(Currency::Hkd)),
    ("US$", Some(Currency::Usd)),
    ("RMB", Some(Currency::Cny)),
    ("￥", Some(Currency::Cny)),
    ("¥", Some(Currency::Cny)),
    // A bare dollar sign is Hong Kong's, America's or Taiwan's: the text does not say.
    ("$", None),
    ("", None),
];

/// Currency words after the figure. 元 alone is the local unit, whichever it is: the text
/// does not say.
const AFTER: [(&str, Option<Currency>); 15] = [
    ("美元", Some(Currency::Usd)),
    ("美金", Some(Currency::Usd)),
    ("港元", Some(Currency::Hkd)),
    ("港币", Some(Currency::Hkd)),
    ("欧元", Some(Currency::Eur)),
    ("日元", Some(Currency::Jpy)),
    ("日圆", Some(Currency::Jpy)),
    ("英镑", Some(Currency::Gbp)),
    ("澳门元", Some(Currency::Mop)),
    ("澳元", Some(Currency::Aud)),
    ("加元", Some(Currency::Cad)),
    ("新台币", Some(Currency::Twd)),
    ("台币", Some(Currency::Twd)),
    ("人民币", Some(Currency::Cny)),
    ("元", None),
];

/// Words before an amount that make it approximate (近1億美元, 逾百萬元, 約3000萬元).
const HEDGES_BEFORE: [&str; 10] = [
    "近",
    "约",
    "逾",
    "超过",
    "超",
    "接近",
    "将近",
    "大约",
    "差不多",
    "几近",
];

/// Words after an amount that make it approximate (100萬元左右).
const HEDGES_AFTER: [&str; 2] = ["左右", "上下"];

/// The value of `text` (folded: Simplified, ASCII digits, no spaces); `before` and
/// `after` are the folded text around it, where hedges stand.
pub(crate) fn read(text: &[char], before: &str, after: &str) -> Option<Value> {
    let starts = |chars: &[char], word: &str| {
        word.chars().count() <= chars.len() && word.chars().zip(chars).all(|(a, &b)| a == b)
    };
    let (prefix, mut currency) = BEFORE
        .iter()
        .find(|(w, _)| starts(text, w))
        .map(|&(w, c)| (w.chars().count(), c))?;
    let rest = &text[prefix..];
    let (mut amount, used, mut approximate) = parse_prefix(rest)?;
    let mut at = prefix + used;
    // A range: the lower end, with the upper end's magnitude when it has none of its own
    // (3至5亿元 is 3亿 to 5亿).
    if text.get(at).is_some_and(|c| "至到-—~".contains(*c)) {
        if let Some((_, upper_used, _)) = parse_prefix(&text[at + 1..]) {
            let upper = &text[at + 1..at + 1 + upper_used];
            let lower = &text[prefix..prefix + used];
            if !lower.iter().any(|&c| "十百千万亿".contains(c)) {
                amount = with_magnitude(amount, upper)?;
            }
            at += 1 + upper_used;
        }
    }
    if text.get(at) == Some(&'多') {
        approximate = true;
        at += 1;
    }
    let tail = &text[at..];
    if let Some(&(word, c)) = AFTER.iter().find(|(w, _)| starts(tail, w)) {
        currency = currency.or(c);
        // 3000万元人民币: the currency after the unit.
        let after_unit = &tail[word.chars().count()..];
        if starts(after_unit, "人民币") {
            currency = Some(Currency::Cny);
        }
    }
    approximate |= HEDGES_BEFORE.iter().any(|h| before.ends_with(h))
        || HEDGES_AFTER.iter().any(|h| after.starts_with(h));
    Some(Value::Money {
        amount: amount.to_f64(),
        currency,
        approximate,
    })
}

/// `n` times the magnitude `number` ends with (5亿 → 10⁸, 5千万 → 10⁷).
fn with_magnitude(n: Decimal, number: &[char]) -> Option<Decimal> {
    let mut k = 0;
    for &c in number.iter().rev() {
        k += match c {
            '万' => 4,
            '亿' => 8,
            '千' => 3,
            '百' => 2,
            '十' => 1,
            _ => break,
        };
    }
    n.shift(k)
}
