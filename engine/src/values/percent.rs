//! A PERCENT entity's text read as a number of percent: 30%, 百分之二十五, 九成 (90),
//! 三成半 (35), 四分一 (25), 0.25個百分點 (0.25: points, as written), 3%至5% (3).
//! A rate in 厘 gets no value: in Hong Kong 5厘 is 5% a year, on the mainland 月息3厘 is
//! 0.3% a month, and the text alone does not tell which.

use super::numbers::{cn_digit, parse_prefix};

/// The number of percent `text` (folded: Simplified, ASCII digits, no spaces) says.
pub(crate) fn read(text: &[char]) -> Option<f64> {
    if let ['百', '分', '之', rest @ ..] = text {
        let (n, used, _) = parse_prefix(rest)?;
        return (used == rest.len()).then(|| n.to_f64());
    }
    // 九成, 三成半, 七成五
    if let [d, '成', rest @ ..] = text {
        let tenths = f64::from(cn_digit(*d)?) * 10.0;
        return match rest {
            [] => Some(tenths),
            ['半'] => Some(tenths + 5.0),
            [d] => Some(tenths + f64::from(cn_digit(*d)?)),
            _ => None,
        };
    }
    // 四分一, 三分之二
    if let [whole, '分', rest @ ..] = text {
        let parts = parse_prefix(std::slice::from_ref(whole))?.0.to_f64();
        let part = match rest {
            ['之', d] | [d] => f64::from(cn_digit(*d)?),
            _ => return None,
        };
        return (parts > 0.0).then(|| part / parts * 100.0);
    }
    let (n, used, _) = parse_prefix(text)?;
    match &text[used..] {
        ['%', ..] => Some(n.to_f64()),
        ['个', '百', '分', '点'] | ['百', '分', '点'] => Some(n.to_f64()),
        _ => None,
    }
}
