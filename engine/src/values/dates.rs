//! A DATE entity's text resolved to a calendar value, against the article's own date for
//! what is said relative to it (昨日, 上周五, 去年底, 下月初, 3月5日).
//!
//! Choices, where news leaves it open:
//! - A date without a year (3月5日, 本月20日) takes the article's year and month, but a
//!   month more than six months after the article's is last year's (12月28日 in an article
//!   of 6 January 2025 is 2024-12-28; 3月5日 in one of 17 December 2024 is 2024-03-05); a
//!   weekday without 上/下 (周三, 星期三) is that day of the article's week, Monday to
//!   Sunday as Chinese calendars count it, even when it falls after the article's date.
//! - A part of a month or a year (初, 中旬, 底) keeps the month: 去年底 is December of last
//!   year, 下月初 next month, both to the month. A season, a decade, a half year, a week
//!   with no day (上周, 周末) and vague words (近日, 日前) get no value.
//! - A range (5月中旬至6月初) is valued by its first end; a time of day after a date
//!   (昨日上午, 7月1日20時) does not change it.
//! - 同日, 當天, 翌日 point at another date of the text, not at the article's: no value.

use super::calendar::{add_months, CalendarDate};
use super::numbers::{cn_digit, parse_whole};
use super::{DateValue, Precision};

/// Words that join the two ends of a range.
const RANGE_JOINS: [char; 6] = ['至', '到', '—', '-', '~', '－'];

/// The value of a date written as `text` (folded: Simplified, ASCII digits, no spaces),
/// in an article of date `article` if known.
pub(crate) fn resolve(text: &[char], article: Option<CalendarDate>) -> Option<DateValue> {
    let text = first_end(text);
    // 2004—2010年: the first year written bare.
    if text.len() == 4 && text.iter().all(char::is_ascii_digit) {
        return DateValue::year(i32::try_from(parse_whole(text)?).ok()?);
    }
    // Each reading starts again from the first char.
    let fresh = || Reader {
        text,
        at: 0,
        article,
    };
    fresh()
        .offset()
        .or_else(|| fresh().relative_day())
        .or_else(|| fresh().weekday())
        .or_else(|| fresh().festival())
        .or_else(|| fresh().calendar())
}

/// `text` up to the first range join that has something after it.
fn first_end(text: &[char]) -> &[char] {
    let cut = (1..text.len()).find(|&k| RANGE_JOINS.contains(&text[k]) && k + 1 < text.len());
    &text[..cut.unwrap_or(text.len())]
}

/// A cursor over a date's text.
struct Reader<'a> {
    text: &'a [char],
    at: usize,
    article: Option<CalendarDate>,
}

impl Reader<'_> {
    fn rest(&self) -> &[char] {
        &self.text[self.at..]
    }

    /// Takes `word` if the text goes on with it.
    fn eat(&mut self, word: &str) -> bool {
        let n = word.chars().count();
        let matches = self.rest().len() >= n && word.chars().zip(self.rest()).all(|(a, &b)| a == b);
        if matches {
            self.at += n;
        }
        matches
    }

    /// Takes the first of `words` the text goes on with.
    fn eat_any(&mut self, words: &[&str]) -> Option<usize> {
        words.iter().position(|w| self.eat(w))
    }

    /// A run of digits (Arabic, or Chinese numerals), its value.
    fn number(&mut self) -> Option<u32> {
        let rest = self.rest();
        let n = if rest.first().is_some_and(char::is_ascii_digit) {
            rest.iter().take_while(|c| c.is_ascii_digit()).count()
        } else {
            rest.iter()
                .take_while(|&&c| cn_digit(c).is_some() || matches!(c, '十' | '廿' | '卅'))
                .count()
        };
        let value = parse_whole(&rest[..n])?;
        self.at += n;
        Some(value)
    }

    fn day_offset(&self, days: i64) -> Option<DateValue> {
        let d = self.article?.add_days(days)?;
        Some(DateValue::day(d))
    }

    /// 两年前, 三个月前, 一周前, 20年后, 10天后. A "more than" (两年多前) is too vague.
    fn offset(&mut self) -> Option<DateValue> {
        let start = self.at;
        let found = (|| {
            let n = i32::try_from(self.number()?).ok()?;
            self.eat("个");
            let unit = self.eat_any(&["年", "月", "周", "星期", "天", "日"])?;
            let sign = match self.eat_any(&["前", "后"])? {
                0 => -1,
                _ => 1,
            };
            let article = self.article?;
            let n = n * sign;
            match unit {
                0 => DateValue::year(article.year().checked_add(n)?),
                1 => {
                    let (y, m) = add_months(article.year(), article.month(), n)?;
                    DateValue::month(y, m)
                }
                2 | 3 => self.day_offset(i64::from(n) * 7),
                _ => self.day_offset(i64::from(n)),
            }
        })();
        if found.is_none() {
            self.at = start;
        }
        found
    }

    /// 昨日, 前天, 今晨, 明晚, 大前天, 昨 (before a verb); 昨日(14日) takes the day in
    /// brackets when it names a nearby day.
    fn relative_day(&mut self) -> Option<DateValue> {
        let days = if self.eat("大前天") {
            -3
        } else if self.eat("大后天") {
            3
        } else {
            let day = match self.rest() {
                ['昨', ..] => -1,
                ['今', next, ..] if "日天晚晨早午夜".contains(*next) => 0,
                ['明', next, ..] if "日天晚晨早午夜".contains(*next) => 1,
                ['前', next, ..] if "日天晚晨夜".contains(*next) => -2,
                ['后', '天', ..] => 2,
                _ => return None,
            };
            // 昨 alone stands for 昨日; the word after it (日, 天, 晚) adds nothing.
            let len = if self.rest().len() > 1 && "日天晚晨早午夜".contains(self.rest()[1]) {
                2
            } else {
                1
            };
            if len == 1 && day != -1 {
                return None;
            }
            self.at += len;
            day
        };
        let resolved = self.article?.add_days(days)?;
        match self.bracketed_day() {
            Some(day) if day != resolved.day() => {
                // The paper's own gloss wins: the same day number within a few days.
                (-3..=3)
                    .filter_map(|k| resolved.add_days(k))
                    .find(|d| d.day() == day)
                    .map(DateValue::day)
            }
            _ => Some(DateValue::day(resolved)),
        }
    }

    /// The day in `(14日)` right after a relative day.
    fn bracketed_day(&mut self) -> Option<u32> {
        let start = self.at;
        let found = (|| {
            self.eat_any(&["(", "（"])?;
            let day = self.number()?;
            self.eat_any(&["日", "号"])?;
            self.eat_any(&[")", "）"])?;
            Some(day)
        })();
        if found.is_none() {
            self.at = start;
        }
        found
    }

    /// 上周五, 下星期一, 本周三, 周六, 星期天: a day of the article's week, or of the
    /// week before or after it.
    fn weekday(&mut self) -> Option<DateValue> {
        let weeks = match self.eat_any(&["上个", "下个", "这个", "上", "下", "本", "这"])
        {
            Some(0 | 3) => -1,
            Some(1 | 4) => 1,
            Some(_) => 0,
            None => 0,
        };
        self.eat_any(&["周", "星期", "礼拜"])?;
        let day = match self.rest().first()? {
            '日' | '天' => 7,
            &c => cn_digit(c).filter(|d| (1..=6).contains(d))?,
        };
        self.at += 1;
        let article = self.article?;
        let monday = i64::from(article.weekday()) - 1;
        self.day_offset(7 * weeks + i64::from(day) - 1 - monday)
    }

    /// 七一 (1 July) and 五一 (1 May), in the article's year.
    fn festival(&mut self) -> Option<DateValue> {
        let month = match self.eat_any(&["七一", "五一"])? {
            0 => 7,
            _ => 5,
        };
        let year = self.article?.year();
        DateValue::on(year, month, 1)
    }

    /// A calendar date, each part written or said relative to the article: 2024年12月17日,
    /// 今年9月, 去年底, 本月20日, 下月初, 3月5日, 14日, 97年.
    fn calendar(&mut self) -> Option<DateValue> {
        let article = self.article;
        let year = self.year()?;
        if let Some(year) = year {
            // 70年代 is a decade; 20年前 a span back, read by `offset` when it can be.
            if self.eat_any(&["代", "前", "后"]).is_some() {
                return None;
            }
            // 去年底, 2024年初: a part of the year that names its month.
            match self.eat_any(&["年底", "年末", "底", "末", "年初", "初"]) {
                Some(0..=3) => return DateValue::month(year, 12),
                Some(_) => return DateValue::month(year, 1),
                None => {}
            }
        }
        let month = self.month()?;
        let Some(month) = month else {
            // A year alone, or a day alone (14日) in the article's month.
            return match year {
                Some(year) => DateValue::year(year),
                None => {
                    let day = self.day()?;
                    let article = article?;
                    DateValue::on(article.year(), article.month(), day)
                }
            };
        };
        // The month's year: written, relative, or the article's.
        let (year, month) = match (year, month) {
            (Some(year), Month::Written(m)) => (year, m),
            (None, Month::Written(m)) => {
                // 12月28日 in an article of January is the December just past: news
                // writes of the recent past far more than of a date half a year ahead.
                let article = article?;
                let year = article.year();
                if m > article.month() + 6 {
                    (year - 1, m)
                } else {
                    (year, m)
                }
            }
            (_, Month::Relative(n)) => {
                let article = article?;
                add_months(article.year(), article.month(), n)?
            }
        };
        if self
            .eat_any(&[
                "份", "初", "底", "末", "尾", "中旬", "上旬", "下旬", "间", "中",
            ])
            .is_some()
        {
            return DateValue::month(year, month);
        }
        match self.day() {
            Some(day) => DateValue::on(year, month, day),
            None => DateValue::month(year, month),
        }
    }

    /// The year the text starts with: `Some(None)` when it starts with none, `None` when
    /// the date can have no value (a year of three digits, 今年 with no article date).
    fn year(&mut self) -> Option<Option<i32>> {
        const RELATIVE: [(&str, i32); 8] = [
            ("今年", 0),
            ("本年", 0),
            ("去年", -1),
            ("上年", -1),
            ("明年", 1),
            ("下年", 1),
            ("前年", -2),
            ("后年", 2),
        ];
        for (word, n) in RELATIVE {
            if self.eat(word) {
                return Some(Some(self.article?.year().checked_add(n)?));
            }
        }
        let start = self.at;
        let Some(n) = self.number() else {
            return Some(None);
        };
        let digits = self.at - start;
        if !self.eat("年") {
            self.at = start;
            return Some(None);
        }
        let n = i32::try_from(n).ok()?;
        let year = match digits {
            4 => n,
            // 97年, 08年: the century nearest the article's, or the years 1950–2049.
            2 => {
                let century = self.article.map_or(2000, |a| a.year() - a.year() % 100);
                let candidates = [century - 100 + n, century + n, century + 100 + n];
                let pivot = self.article.map_or(2000, |a| a.year());
                candidates
                    .into_iter()
                    .min_by_key(|y| (y - pivot - 10).abs())
                    .unwrap_or(century + n)
            }
            _ => return None,
        };
        Some(Some(year))
    }

    /// A month, if the text goes on with one: written (3月) or relative (本月, 上个月).
    fn month(&mut self) -> Option<Option<Month>> {
        const RELATIVE: [(&str, i32); 9] = [
            ("本月", 0),
            ("这个月", 0),
            ("本个月", 0),
            ("当月", 0),
            ("上个月", -1),
            ("上月", -1),
            ("下个月", 1),
            ("下月", 1),
            ("同月", 0),
        ];
        for (word, n) in RELATIVE {
            if self.eat(word) {
                // 同月 and 当月 point at a month of the text, not the article's.
                if matches!(word, "同月" | "当月") {
                    return None;
                }
                return Some(Some(Month::Relative(n)));
            }
        }
        let start = self.at;
        let Some(n) = self.number() else {
            return Some(None);
        };
        if !self.eat("月") {
            self.at = start;
            return Some(None);
        }
        (1..=12).contains(&n).then_some(Some(Month::Written(n)))
    }

    /// A day of the month: 17日, 十七号.
    fn day(&mut self) -> Option<u32> {
        let start = self.at;
        let day = self
            .number()
            .filter(|_| self.eat_any(&["日", "号"]).is_some());
        if day.is_none() {
            self.at = start;
        }
        day
    }
}

/// A month as the text gives it.
#[derive(Clone, Copy)]
enum Month {
    Written(u32),
    /// Months after the article's (negative: before).
    Relative(i32),
}

impl DateValue {
    fn year(year: i32) -> Option<DateValue> {
        (1..=9999).contains(&year).then_some(DateValue {
            year,
            month: None,
            day: None,
        })
    }

    fn month(year: i32, month: u32) -> Option<DateValue> {
        CalendarDate::new(year, month, 1).map(|_| DateValue {
            year,
            month: Some(month as u8),
            day: None,
        })
    }

    fn on(year: i32, month: u32, day: u32) -> Option<DateValue> {
        CalendarDate::new(year, month, day).map(DateValue::day)
    }

    fn day(d: CalendarDate) -> DateValue {
        DateValue {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
        }
    }

    /// How precisely the value is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}
