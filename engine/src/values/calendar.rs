//! The proleptic Gregorian calendar, as far as resolving news dates needs it: a day, its
//! weekday, days and months added. By day numbers (days since 1970-01-01, after Howard
//! Hinnant's `days_from_civil`), so adding days never walks month by month.

use std::fmt;

/// A calendar day: the date an article bears, or one a date in it resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

/// Years a date may have: enough for history and plans, small enough that day numbers
/// never overflow.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl CalendarDate {
    /// The day, if it exists (2024-02-30 does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        let ok = YEARS.contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(CalendarDate {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `YYYY-MM-DD` (ISO 8601, four-digit year), as `jiexi analyze --date` takes it
    /// and as documents store their date.
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let b = text.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape {
            return None;
        }
        CalendarDate::new(
            text[0..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..10].parse().ok()?,
        )
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01.
    fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_day_number(z: i64) -> Option<CalendarDate> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        CalendarDate::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// `n` days later (earlier when negative), if still within the calendar's years.
    pub fn add_days(self, n: i64) -> Option<CalendarDate> {
        CalendarDate::from_day_number(self.day_number().checked_add(n)?)
    }

    /// The weekday, 1 (Monday) to 7 (Sunday), as ISO 8601 and Chinese (周一…周日) count.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.day_number() + 3).rem_euclid(7) as u32 + 1
    }
}

/// The year and month `n` months after `year`-`month`.
pub(crate) fn add_months(year: i32, month: u32, n: i32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    YEARS
        .contains(&year)
        .then_some((year, index.rem_euclid(12) as u32 + 1))
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_days_only() {
        assert_eq!(
            CalendarDate::parse("2024-12-17"),
            CalendarDate::new(2024, 12, 17)
        );
        for bad in [
            "2024-02-30",
            "2024-13-01",
            "24-12-17",
            "2024/12/17",
            "2024-1-17",
            "",
        ] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad}");
        }
        assert!(CalendarDate::parse("2024-02-29").is_some());
        assert!(CalendarDate::parse("2023-02-29").is_none());
    }

    #[test]
    fn weekdays_and_days() {
        let d = CalendarDate::new(2024, 12, 17).unwrap();
        assert_eq!(d.weekday(), 2, "a Tuesday");
        assert_eq!(d.add_days(15).unwrap().to_string(), "2025-01-01");
        assert_eq!(
            CalendarDate::new(2024, 3, 1)
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(add_months(2024, 1, -1), Some((2023, 12)));
        assert_eq!(add_months(2024, 12, 1), Some((2025, 1)));
    }

    proptest::proptest! {
        #[test]
        fn day_numbers_round_trip(n in -700_000i64..2_900_000) {
            if let Some(d) = CalendarDate::from_day_number(n) {
                proptest::prop_assert_eq!(d.day_number(), n);
                proptest::prop_assert_eq!(d.add_days(1).map(|e| e.day_number()), CalendarDate::from_day_number(n + 1).map(|_| n + 1));
            }
        }
    }
}
