//! Values for the entities readers sort and place on a calendar: a DATE's day, month or
//! year (relative dates resolved against the article's own date), a MONEY amount and its
//! currency, a PERCENT's number.
//!
//! Hand-written: no maintained crate reads Chinese amounts as news writes them (the
//! `chinese-number` crate parses whole Chinese numerals, but not 2.5億, 1,200萬, 廿億 or
//! a currency), and none resolves Chinese relative dates (昨日, 上周五, 去年底). The
//! readers work on the entity's text folded to Simplified with ASCII digits
//! ([`crate::script::fold`]), so Traditional and Simplified, full- and half-width read
//! alike; they are pure functions of the text and the article's date.

mod calendar;
mod dates;
mod money;
mod numbers;
mod percent;

use serde::{Deserialize, Serialize};

pub use calendar::CalendarDate;

use crate::{Entity, EntityType};

/// What an entity's text means as a value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A day, a month or a year.
    Date(DateValue),
    /// An amount (for a range, its lower end), its currency when the text says, and
    /// whether the text hedges it (近, 約, 逾, 餘, 多, 左右).
    Money {
        amount: f64,
        currency: Option<Currency>,
        approximate: bool,
    },
    /// Percent: 30 for 30%.
    Percent(f64),
}

/// A date known to the year, the month or the day. `day` is set only with `month`, and
/// the date exists (no 2 February 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateValue {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

impl DateValue {
    pub fn year_number(self) -> i32 {
        self.year
    }

    pub fn month_number(self) -> Option<u32> {
        self.month.map(u32::from)
    }

    pub fn day_number(self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// ISO 8601 cut to the precision: `2024`, `2024-12`, `2024-12-17`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Parses what [`DateValue::iso`] writes.
    pub fn parse_iso(text: &str) -> Option<DateValue> {
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let mut parts = text.split('-');
        let year = i32::try_from(number(parts.next()?, 4)?).ok()?;
        let month = parts
            .next()
            .map(|m| number(m, 2))
            .map_or(Ok(None), |m| m.map(Some).ok_or(()));
        let day = parts
            .next()
            .map(|d| number(d, 2))
            .map_or(Ok(None), |d| d.map(Some).ok_or(()));
        if parts.next().is_some() {
            return None;
        }
        let (month, day) = (month.ok()?, day.ok()?);
        let date = CalendarDate::new(year, month.unwrap_or(1), day.unwrap_or(1))?;
        Some(DateValue {
            year: date.year(),
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        })
    }
}

/// ISO 4217 codes of the currencies Chinese news names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    Cny,
    Hkd,
    Usd,
    Eur,
    Jpy,
    Gbp,
    Mop,
    Aud,
    Cad,
    Twd,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Hkd => "HKD",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Jpy => "JPY",
            Currency::Gbp => "GBP",
            Currency::Mop => "MOP",
            Currency::Aud => "AUD",
            Currency::Cad => "CAD",
            Currency::Twd => "TWD",
        }
    }
}

/// How many chars around an entity are read for hedges (近, 大約; 左右).
const AROUND: usize = 3;

/// The value of an entity of `kind` written `text`, with `before` and `after` the text
/// just around it, in an article of date `article` if known. Any string is safe.
pub fn value_of(
    kind: EntityType,
    text: &str,
    before: &str,
    after: &str,
    article: Option<CalendarDate>,
) -> Option<Value> {
    let chars: Vec<char> = crate::script::fold(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    match kind {
        // 25年來 is "for 25 years", though the recogniser takes 25年 for a year.
        EntityType::Date if is_span_of_years(&chars, after) => None,
        EntityType::Date => dates::resolve(&chars, article).map(Value::Date),
        EntityType::Money => money::read(
            &chars,
            &crate::script::fold(before),
            &crate::script::fold(after),
        ),
        EntityType::Percent => percent::read(&chars).map(Value::Percent),
        _ => None,
    }
}

/// Whether a year of two digits or fewer (25年) is followed by 來 ("for 25 years").
fn is_span_of_years(chars: &[char], after: &str) -> bool {
    let short_year =
        matches!(chars, [digits @ .., '年'] if !digits.is_empty() && digits.len() <= 2);
    short_year && crate::script::fold(after).starts_with('来')
}

/// Sets the value of each DATE, MONEY and PERCENT entity of `text` (entities in text
/// order, char offsets), in an article of date `article` if known.
pub(crate) fn attach(text: &str, entities: &mut [Entity], article: Option<CalendarDate>) {
    // Entities come in order: one cursor maps their char offsets to bytes.
    let (mut char, mut byte) = (0, 0);
    let mut byte_at = |to: usize| -> usize {
        let skipped = text[byte..].char_indices().nth(to.saturating_sub(char));
        byte = skipped.map_or(text.len(), |(b, _)| byte + b);
        char = to;
        byte
    };
    for e in entities.iter_mut() {
        if !matches!(
            e.kind,
            EntityType::Date | EntityType::Money | EntityType::Percent
        ) {
            continue;
        }
        let start = byte_at(e.start);
        let end = byte_at(e.end);
        let from = text[..start]
            .char_indices()
            .rev()
            .take(AROUND)
            .last()
            .map_or(start, |(b, _)| b);
        let to = text[end..]
            .char_indices()
            .nth(AROUND)
            .map_or(text.len(), |(b, _)| end + b);
        e.value = value_of(e.kind, &e.text, &text[from..start], &text[end..to], article);
    }
}

#[cfg(test)]
mod tests;
