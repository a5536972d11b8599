//! Numbers as news writes them: Arabic with separators and decimals (1,200, 2.5), Chinese
//! numerals with their magnitudes (一千三百, 五億三千卅五萬, 二〇二四), and the two mixed
//! (3000萬, 2.5億, 8千億, 1萬億). Read on text already folded to Simplified and ASCII
//! digits ([`crate::script::fold`]).
//!
//! Values are kept as an exact decimal until the end: `2.5 × 10⁸` computed in `f64` is
//! exact, but `1.1 × 10⁴` is not, and an amount should print as the text wrote it.

/// A non-negative decimal, `mantissa × 10^exponent`, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    mantissa: u128,
    exponent: i32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        exponent: 0,
    };

    pub fn int(n: u128) -> Decimal {
        Decimal {
            mantissa: n,
            exponent: 0,
        }
    }

    /// `self × 10^k`.
    pub fn shift(self, k: i32) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa,
            exponent: self.exponent.checked_add(k)?,
        })
    }

    pub fn times(self, n: u128) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(n)?,
            exponent: self.exponent,
        })
    }

    pub fn plus(self, other: Decimal) -> Option<Decimal> {
        let exponent = self.exponent.min(other.exponent);
        let scale = |d: Decimal| -> Option<u128> {
            let k = u32::try_from(d.exponent - exponent).ok()?;
            d.mantissa.checked_mul(10u128.checked_pow(k)?)
        };
        Some(Decimal {
            mantissa: scale(self)?.checked_add(scale(other)?)?,
            exponent,
        })
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The nearest `f64` (Rust's float parsing rounds correctly).
    pub fn to_f64(self) -> f64 {
        format!("{}e{}", self.mantissa, self.exponent)
            .parse()
            .unwrap_or(f64::INFINITY)
    }

    /// The value as an integer, when it is one and fits.
    pub fn to_u32(self) -> Option<u32> {
        if self.exponent < 0 {
            let k = u32::try_from(-self.exponent).ok()?;
            let p = 10u128.checked_pow(k)?;
            if !self.mantissa.is_multiple_of(p) {
                return None;
            }
            return u32::try_from(self.mantissa / p).ok();
        }
        let p = 10u128.checked_pow(u32::try_from(self.exponent).ok()?)?;
        u32::try_from(self.mantissa.checked_mul(p)?).ok()
    }
}

/// The value of a Chinese digit (〇 and 零 are 0; 两 is 2).
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A number read from the start of `chars`: its value, how many chars it took, and
/// whether it was hedged inside (一千三百餘萬: "thirteen million and more"). `None` when
/// `chars` does not start with a number, or it overflows.
pub(crate) fn parse_prefix(chars: &[char]) -> Option<(Decimal, usize, bool)> {
    let mut total = Decimal::ZERO; // sums of whole 亿
    let mut section = Decimal::ZERO; // under 亿: whole 万 added in
    let mut small = Decimal::ZERO; // under 万: thousands, hundreds, tens
    let mut current: Option<Decimal> = None; // the last digits read, not yet placed
                                             // Whether `current` is a run of Chinese digits read positionally (二〇二四).
    let mut positional = false;
    let mut approximate = false;
    let mut seen = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            if current.is_some() {
                break;
            }
            let (n, used) = arabic(&chars[i..])?;
            current = Some(n);
            positional = false;
            seen = true;
            i += used;
            continue;
        }
        if let Some(d) = cn_digit(c) {
            let d = Decimal::int(u128::from(d));
            current = match current {
                Some(cur) if positional => Some(cur.times(10)?.plus(d)?),
                Some(_) => break,
                // 一百零五: 零 holds a place and adds nothing.
                None => Some(d),
            };
            positional = true;
            seen = true;
            i += 1;
            continue;
        }
        let unit = match c {
            '十' => Some(1),
            '百' => Some(2),
            '千' => Some(3),
            _ => None,
        };
        if let Some(k) = unit {
            // 十 alone is ten; 一百 is a hundred.
            let n = current.take().unwrap_or(Decimal::int(1));
            small = small.plus(n.shift(k)?)?;
            seen = true;
            i += 1;
            continue;
        }
        match c {
            '廿' | '卅' => {
                if current.is_some() {
                    break;
                }
                small = small.plus(Decimal::int(if c == '廿' { 20 } else { 30 }))?;
            }
            '万' => {
                let n = small.plus(current.take().unwrap_or(Decimal::ZERO))?;
                let n = if n.is_zero() { Decimal::int(1) } else { n };
                section = section.plus(n.shift(4)?)?;
                small = Decimal::ZERO;
            }
            '亿' => {
                let n = total
                    .plus(section)?
                    .plus(small)?
                    .plus(current.take().unwrap_or(Decimal::ZERO))?;
                let n = if n.is_zero() { Decimal::int(1) } else { n };
                total = n.shift(8)?;
                section = Decimal::ZERO;
                small = Decimal::ZERO;
            }
            // 三点五亿: a decimal point between Chinese digits.
            '点' if current.is_some()
                && chars.get(i + 1).is_some_and(|&n| cn_digit(n).is_some()) =>
            {
                let mut k = i + 1;
                let mut frac = current.take().unwrap_or(Decimal::ZERO);
                let mut places = 0;
                while let Some(d) = chars.get(k).and_then(|&n| cn_digit(n)) {
                    frac = frac.times(10)?.plus(Decimal::int(u128::from(d)))?;
                    places += 1;
                    k += 1;
                }
                current = Some(frac.shift(-places)?);
                positional = false;
                i = k;
                continue;
            }
            '余' | '多' if seen => approximate = true,
            _ => break,
        }
        if !seen && !matches!(c, '廿' | '卅') {
            // A magnitude with nothing before it (万 alone) is no number.
            return None;
        }
        seen = true;
        i += 1;
    }
    if !seen {
        return None;
    }
    // 余 or 多 at the very end belongs to what follows (多元) only if nothing numeric came
    // after it; it stays a hedge either way.
    let value = total
        .plus(section)?
        .plus(small)?
        .plus(current.unwrap_or(Decimal::ZERO))?;
    Some((value, i, approximate))
}

/// An Arabic number at the start of `chars` (digits, thousands separators, a decimal part)
/// and how many chars it took.
fn arabic(chars: &[char]) -> Option<(Decimal, usize)> {
    let mut mantissa: u128 = 0;
    let mut exponent = 0i32;
    let mut i = 0;
    let mut in_fraction = false;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = c.to_digit(10) {
            mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(d))?;
            if in_fraction {
                exponent -= 1;
            }
            i += 1;
            continue;
        }
        let digits_after = |n: usize| {
            chars[i + 1..]
                .iter()
                .take(n)
                .filter(|c| c.is_ascii_digit())
                .count()
        };
        // 1,200: a separator before exactly three digits.
        let grouped = c == ','
            && !in_fraction
            && digits_after(3) == 3
            && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit());
        if grouped {
            i += 1;
            continue;
        }
        if c == '.' && !in_fraction && digits_after(1) == 1 {
            in_fraction = true;
            i += 1;
            continue;
        }
        break;
    }
    Some((Decimal { mantissa, exponent }, i))
}

/// A whole number written in `chars` entirely (a month, a day, a year), or `None`.
pub(crate) fn parse_whole(chars: &[char]) -> Option<u32> {
    match parse_prefix(chars)? {
        (n, used, false) if used == chars.len() => n.to_u32(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(f64, usize, bool)> {
        let chars: Vec<char> = text.chars().collect();
        parse_prefix(&chars).map(|(d, n, a)| (d.to_f64(), n, a))
    }

    #[test]
    fn numbers() {
        let cases: [(&str, f64, usize, bool); 20] = [
            ("3000万元", 3e7, 5, false),
            ("2.5亿", 2.5e8, 4, false),
            ("1,200万", 1.2e7, 6, false),
            ("8千亿", 8e11, 3, false),
            ("1万亿元", 1e12, 3, false),
            ("九千亿元", 9e11, 3, false),
            ("一千三百余万元", 1.3e7, 6, true),
            ("廿亿余元", 2e9, 3, true),
            ("五亿三千卅五万", 530_350_000.0, 7, false),
            ("二〇二四年", 2024.0, 4, false),
            ("十七日", 17.0, 2, false),
            ("十", 10.0, 1, false),
            ("一百零五", 105.0, 4, false),
            ("三点五亿", 3.5e8, 4, false),
            ("290亿", 2.9e10, 4, false),
            ("1.1万", 11000.0, 4, false),
            ("两万", 20000.0, 2, false),
            ("3.26%", 3.26, 4, false),
            ("1,2", 1.0, 1, false),
            ("二十五", 25.0, 3, false),
        ];
        for (text, want, used, approx) in cases {
            assert_eq!(value(text), Some((want, used, approx)), "{text}");
        }
        for text in ["万", "亿元", "元", "", "多"] {
            assert_eq!(value(text), None, "{text}");
        }
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(parse_whole(&['十', '二']), Some(12));
        assert_eq!(parse_whole(&['1', '2']), Some(12));
        assert_eq!(parse_whole(&['1', '.', '5']), None);
        assert_eq!(parse_whole(&['1', '2', '年']), None);
    }
}
