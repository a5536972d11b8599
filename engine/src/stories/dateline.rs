//! Datelines, bylines and dates: who wrote a story, for which paper, and when.
//!
//! Hong Kong papers open a story with its paper and reporter (【香港商報訊】記者羅柳斌報道:,
//! 香港文匯報訊(記者 胡永愛 深圳報道)) or put the reporter on a line of their own
//! (大公報記者 胡永愛報道). Both Traditional and Simplified forms are read.

use std::sync::OnceLock;

use regex::Regex;

/// A dateline at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// Its length in chars, from the line's start.
    pub chars: usize,
    pub source: String,
    pub byline: Option<String>,
}

/// A line that only names the reporter (and the paper).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Byline {
    pub source: Option<String>,
    pub names: String,
}

/// Cities a reporter files from (記者石華深圳報道): cut from the end of the name.
const FILED_FROM: &[&str] = &[
    "深圳",
    "廣州",
    "广州",
    "珠海",
    "香港",
    "澳門",
    "澳门",
    "北京",
    "上海",
    "東莞",
    "东莞",
    "佛山",
    "中山",
    "江門",
    "江门",
    "肇慶",
    "肇庆",
    "惠州",
    "橫琴",
    "横琴",
    "前海",
    "南沙",
    "天津",
    "重慶",
    "重庆",
    "杭州",
    "南京",
    "武漢",
    "武汉",
    "成都",
    "西安",
    "台北",
    "福州",
    "廈門",
    "厦门",
    "海口",
    "長沙",
    "长沙",
    "鄭州",
    "郑州",
    "濟南",
    "济南",
    "青島",
    "青岛",
    "昆明",
    "南寧",
    "南宁",
    "合肥",
    "南昌",
    "汕頭",
    "汕头",
    "紐約",
    "纽约",
    "倫敦",
    "伦敦",
    "東京",
    "东京",
    "華盛頓",
    "华盛顿",
];

/// English mastheads of Hong Kong papers, for a page that names its paper only so.
const MASTHEADS: &[(&str, &str)] = &[
    ("hong kong commercial daily", "香港商報"),
    ("wen wei po", "香港文匯報"),
    ("ta kung pao", "大公報"),
    ("ming pao", "明報"),
    ("sing tao daily", "星島日報"),
    ("oriental daily", "東方日報"),
    ("south china morning post", "南華早報"),
    ("hong kong economic times", "香港經濟日報"),
    ("hong kong economic journal", "信報"),
];

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("the pattern is valid"))
}

/// `【X訊】記者 … 報道:` or `X報訊(記者 … 報道)` at the start of `line`.
pub(crate) fn dateline_prefix(line: &str) -> Option<Dateline> {
    static BRACKETED: OnceLock<Regex> = OnceLock::new();
    static BARE: OnceLock<Regex> = OnceLock::new();
    let bracketed = regex(
        &BRACKETED,
        r"^【(\p{Han}{2,10}?)[訊讯]】(?:\s*[記记]者\s*([^:：，,。]{2,24}?)\s*(?:報道|报道|報導)\s*[:：]?)?",
    );
    let bare = regex(
        &BARE,
        r"^([\p{Han}&&[^的之和與与及在]]{1,8}?[報报社網网台])[訊讯](?:\s*[（(][記记]者\s*([^()（）]{1,30})[)）]|\s|[:：]|$)",
    );
    if let Some(c) = bracketed.captures(line) {
        return Some(Dateline {
            chars: c[0].chars().count(),
            source: c[1].to_string(),
            byline: c.get(2).and_then(|m| names(m.as_str())),
        });
    }
    let c = bare.captures(line)?;
    Some(Dateline {
        chars: c[0].trim_end().chars().count(),
        source: c[1].to_string(),
        byline: c.get(2).and_then(|m| names(m.as_str())),
    })
}

/// A whole line naming the reporter: 大公報記者 胡永愛報道, ●圖/文:香港文匯報記者 胡永愛 深圳報道.
pub(crate) fn byline_line(line: &str) -> Option<Byline> {
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &BYLINE,
        r"^[●■◆]?\s*(?:圖/文|图/文|整理|文/圖|文/图)?\s*[:：]?\s*(\p{Han}{1,8}?[報报社])?[記记]者\s*([\p{Han}\s、]{2,24}?)\s*(?:報道|报道|報導|整理|攝|摄)?$",
    );
    if line.chars().count() > 32 {
        return None;
    }
    let c = re.captures(line)?;
    Some(Byline {
        source: c.get(1).map(|m| m.as_str().to_string()),
        names: names(&c[2])?,
    })
}

/// The reporters' names in `記者` … `報道`, without the city they filed from.
fn names(raw: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    let raw = raw.trim();
    let raw = ["報道", "报道", "報導"]
        .iter()
        .find_map(|s| raw.strip_suffix(s))
        .unwrap_or(raw);
    for part in raw.split(|c: char| c.is_whitespace() || matches!(c, '、' | ',' | '，')) {
        let mut name = part.trim();
        for city in FILED_FROM {
            if let Some(cut) = name.strip_suffix(city) {
                name = cut;
                break;
            }
        }
        let n = name.chars().count();
        if (2..=4).contains(&n) && name.chars().all(super::lines::is_cjk) {
            out.push(name);
        }
    }
    (!out.is_empty()).then(|| out.join("、"))
}

/// The paper an English masthead names.
pub(crate) fn masthead(line: &str) -> Option<&'static str> {
    let lower = line.to_ascii_lowercase();
    MASTHEADS
        .iter()
        .find(|(english, _)| lower.contains(english))
        .map(|(_, paper)| *paper)
}

/// A date as the text writes it; the year may be missing (12月17日).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Written {
    pub year: Option<u32>,
    pub month: u32,
    pub day: u32,
}

impl Written {
    pub fn iso(self) -> Option<String> {
        let year = self.year?;
        Some(format!("{year:04}-{:02}-{:02}", self.month, self.day))
    }
}

/// Every `[YYYY年]M月D日` in `text`, in order; digits may be full-width, spaces may sit
/// between the parts (12 月17日 in OCR text).
pub(crate) fn dates(text: &str) -> Vec<Written> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &DATE,
        r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]",
    );
    re.captures_iter(text)
        .filter_map(|c| {
            let year = c.get(1).and_then(|m| number(m.as_str()));
            let month = number(&c[2])?;
            let day = number(&c[3])?;
            let valid = (1..=12).contains(&month)
                && (1..=days_in(month)).contains(&day)
                && year.is_none_or(|y| (1900..=2100).contains(&y));
            valid.then_some(Written { year, month, day })
        })
        .collect()
}

fn days_in(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A number of ASCII or full-width digits.
fn number(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |n, c| {
        let d = c
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))?;
        n.checked_mul(10)?.checked_add(d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_give_paper_and_reporter() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            (
                "【香港商報訊】記者羅柳斌報道:隨着人工智能",
                "【香港商報訊】記者羅柳斌報道:",
                "香港商報",
                Some("羅柳斌"),
            ),
            (
                "【大公報訊】記者石華深圳報道：「一流高新區",
                "【大公報訊】記者石華深圳報道：",
                "大公報",
                Some("石華"),
            ),
            (
                "香港文匯報訊(記者 胡永愛 深圳報道)河套深港",
                "香港文匯報訊(記者 胡永愛 深圳報道)",
                "香港文匯報",
                Some("胡永愛"),
            ),
            (
                "香港文匯報訊 香港特區行政長官",
                "香港文匯報訊",
                "香港文匯報",
                None,
            ),
            (
                "【本报讯】记者张三、李四北京报道：",
                "【本报讯】记者张三、李四北京报道：",
                "本报",
                Some("张三、李四"),
            ),
        ];
        for (line, prefix, source, byline) in cases {
            let d = dateline_prefix(line).unwrap_or_else(|| panic!("{line}"));
            let got: String = line.chars().take(d.chars).collect();
            assert_eq!(&got, prefix, "{line}");
            assert_eq!(&d.source, source, "{line}");
            assert_eq!(d.byline.as_deref(), *byline, "{line}");
        }
        assert_eq!(dateline_prefix("本報記者昨日前往"), None);
        assert_eq!(dateline_prefix("香港的報訊"), None);
    }

    #[test]
    fn byline_lines_name_the_reporter() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("大公報記者 胡永愛報道", Some("大公報"), "胡永愛"),
            ("大公報記者 黃寶儀廣州報道", Some("大公報"), "黃寶儀"),
            ("大公報記者胡永愛整理", Some("大公報"), "胡永愛"),
            ("大公報記者方俊明", Some("大公報"), "方俊明"),
            ("整理:香港文匯報記者 胡永愛", Some("香港文匯報"), "胡永愛"),
            (
                "●圖/文:香港文匯報記者 胡永愛 深圳報道",
                Some("香港文匯報"),
                "胡永愛",
            ),
        ];
        for (line, source, names) in cases {
            let b = byline_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(b.source.as_deref(), *source, "{line}");
            assert_eq!(&b.names, names, "{line}");
        }
        assert_eq!(
            byline_line("記者前日到場察看，石硤尾邨附近有一條水渠"),
            None
        );
    }

    #[test]
    fn dates_as_written() {
        let got = dates("由2024年12月17日持續展至2025年2月16日，12 月17日，13月1日，２月３０日");
        assert_eq!(
            got,
            vec![
                Written {
                    year: Some(2024),
                    month: 12,
                    day: 17
                },
                Written {
                    year: Some(2025),
                    month: 2,
                    day: 16
                },
                Written {
                    year: None,
                    month: 12,
                    day: 17
                },
            ]
        );
        assert_eq!(got[0].iso().as_deref(), Some("2024-12-17"));
        assert_eq!(got[2].iso(), None);
    }

    #[test]
    fn mastheads_name_their_paper() {
        assert_eq!(masthead("Hong Kong Commercial Daily"), Some("香港商報"));
        assert_eq!(masthead("Daily news"), None);
    }
}
