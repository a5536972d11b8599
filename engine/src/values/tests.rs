//! Values of real expressions, in sentences written for these tests, through the whole
//! analyzer (so each expression is the span the recogniser finds).

use super::*;
use crate::Analyzer;

fn analyzer() -> &'static Analyzer {
    static A: std::sync::LazyLock<Analyzer> = std::sync::LazyLock::new(Analyzer::new);
    &A
}

/// The entity `want` of `text` (an article of date `date`), and its value.
fn value(text: &str, date: Option<&str>, want: &str) -> Option<Value> {
    let date = date.map(|d| CalendarDate::parse(d).expect("a test date"));
    let analysis = analyzer().analyze_dated(text, date);
    let found = analysis.entities.iter().find(|e| e.text == want);
    let Some(e) = found else {
        panic!("{text}: no entity {want}, found {:?}", analysis.entities);
    };
    e.value
}

fn date(text: &str, article: Option<&str>, want: &str) -> Option<(String, Precision)> {
    match value(text, article, want) {
        Some(Value::Date(d)) => Some((d.iso(), d.precision())),
        None => None,
        Some(other) => panic!("{text}: {want} is {other:?}"),
    }
}

/// A Tuesday.
const ARTICLE: &str = "2024-12-17";

#[test]
fn dates_resolve_against_the_article() {
    use Precision::*;
    let cases: [(&str, &str, &str, Precision); 25] = [
        (
            "警方昨日(16日)上午接報",
            "昨日(16日)上午",
            "2024-12-16",
            Day,
        ),
        ("議員昨天出席論壇", "昨天", "2024-12-16", Day),
        ("議員今日出席論壇", "今日", "2024-12-17", Day),
        ("一名男子前日在旺角被捕", "前日", "2024-12-15", Day),
        ("一名男子前晚8時在旺角被捕", "前晚8時", "2024-12-15", Day),
        ("新法例明年實施", "明年", "2025", Year),
        ("展覽本月20日開幕", "本月20日", "2024-12-20", Day),
        ("他上週五離開住所", "上週五", "2024-12-13", Day),
        ("他上周五離開住所", "上周五", "2024-12-13", Day),
        ("今年9月的數字較高", "今年9月", "2024-09", Month),
        ("工程去年底完成", "去年底", "2023-12", Month),
        ("會議3月5日舉行", "3月5日", "2024-03-05", Day),
        (
            "會議於2024年12月17日舉行",
            "2024年12月17日",
            "2024-12-17",
            Day,
        ),
        ("會議週三舉行", "週三", "2024-12-18", Day),
        ("會議星期三晚上舉行", "星期三晚上", "2024-12-18", Day),
        ("會議星期日舉行", "星期日", "2024-12-22", Day),
        ("新措施下月初實施", "下月初", "2025-01", Month),
        ("兩年前他已移居加拿大", "兩年前", "2022", Year),
        (
            "展覽由5月中旬至6月初舉行",
            "5月中旬至6月初",
            "2024-05",
            Month,
        ),
        ("會議7月1日20時開始", "7月1日20時", "2024-07-01", Day),
        ("預計2024年底完成", "2024年底", "2024-12", Month),
        ("到2030年，", "2030年", "2030", Year),
        ("計劃在2024—2030年推行", "2024—2030年", "2024", Year),
        ("截至12 月17日，", "12 月17日", "2024-12-17", Day),
        ("記者昨巡視多個屋邨", "昨", "2024-12-16", Day),
    ];
    for (text, entity, iso, precision) in cases {
        assert_eq!(
            date(text, Some(ARTICLE), entity),
            Some((iso.to_string(), precision)),
            "{text}"
        );
    }
}

#[test]
fn without_an_article_date_only_absolute_dates_have_values() {
    let cases: [(&str, &str, Option<&str>); 8] = [
        (
            "會議於2024年12月17日舉行",
            "2024年12月17日",
            Some("2024-12-17"),
        ),
        (
            "２０２４年１２月的數字",
            "２０２４年１２月",
            Some("2024-12"),
        ),
        ("到2030年，", "2030年", Some("2030")),
        ("議員昨日出席論壇", "昨日", None),
        ("會議3月5日舉行", "3月5日", None),
        ("他上周五離開住所", "上周五", None),
        ("工程去年底完成", "去年底", None),
        ("昨日(14日)舉行", "昨日(14日)", None),
    ];
    for (text, entity, want) in cases {
        assert_eq!(
            date(text, None, entity).map(|(iso, _)| iso).as_deref(),
            want,
            "{text}"
        );
    }
}

#[test]
fn vague_dates_have_no_value() {
    for (text, entity) in [
        ("市民近日紛紛搶購口罩", "近日"),
        ("今夏將有更多旅客訪港", "今夏"),
        ("該樓宇於70年代落成", "70年代"),
        ("新措施本周起實施", "本周"),
        ("中心成立至今，24年來服務市民", "24年"),
    ] {
        assert_eq!(date(text, Some(ARTICLE), entity), None, "{text}");
    }
}

#[test]
fn a_bracketed_day_wins_over_the_arithmetic() {
    // A paper dated the 15th that writes 昨日(13日): the gloss is trusted, within days.
    assert_eq!(
        date("昨日(13日)舉行", Some("2024-12-15"), "昨日(13日)"),
        Some(("2024-12-13".to_string(), Precision::Day))
    );
}

fn money(text: &str, want: &str) -> (f64, Option<&'static str>, bool) {
    match value(text, None, want) {
        Some(Value::Money {
            amount,
            currency,
            approximate,
        }) => (amount, currency.map(Currency::code), approximate),
        other => panic!("{text}: {want} is {other:?}"),
    }
}

#[test]
fn amounts() {
    let cases: [(&str, &str, f64, Option<&str>, bool); 12] = [
        (
            "投資3000萬元人民幣",
            "3000萬元人民幣",
            3e7,
            Some("CNY"),
            false,
        ),
        ("融資近1億美元", "1億美元", 1e8, Some("USD"), true),
        ("撥款港幣2.5億興建", "港幣2.5億", 2.5e8, Some("HKD"), false),
        ("規模達九千億元", "九千億元", 9e11, None, false),
        ("涉及290 億元", "290 億元", 2.9e10, None, false),
        ("規模達8千億至1萬億元", "8千億至1萬億元", 8e11, None, false),
        ("工程耗資廿億餘元", "廿億餘元", 2e9, None, true),
        ("撥款一千三百餘萬元", "一千三百餘萬元", 1.3e7, None, true),
        (
            "投资3000万元人民币",
            "3000万元人民币",
            3e7,
            Some("CNY"),
            false,
        ),
        ("門票售HK$380", "HK$380", 380.0, Some("HKD"), false),
        ("集資1,200萬港元", "1,200萬港元", 1.2e7, Some("HKD"), false),
        ("估值約50億美元", "50億美元", 5e9, Some("USD"), true),
    ];
    for (text, entity, amount, currency, approximate) in cases {
        assert_eq!(
            money(text, entity),
            (amount, currency, approximate),
            "{text}"
        );
    }
}

#[test]
fn percentages() {
    let cases: [(&str, &str, f64); 8] = [
        ("增長30%，", "30%", 30.0),
        ("佔3.26%", "3.26%", 3.26),
        ("九成受訪者支持", "九成", 90.0),
        ("增長３０％", "３０％", 30.0),
        ("息率上調0.25個百分點", "0.25個百分點", 0.25),
        ("約四分一市民反對", "四分一", 25.0),
        ("支持率達百分之二十五", "百分之二十五", 25.0),
        ("出席率僅三成半", "三成半", 35.0),
    ];
    for (text, entity, want) in cases {
        assert_eq!(
            value(text, None, entity),
            Some(Value::Percent(want)),
            "{text}"
        );
    }
}

#[test]
fn readers_directly() {
    let article = CalendarDate::parse(ARTICLE);
    let cases: [(EntityType, &str, Option<Value>); 8] = [
        (
            EntityType::Date,
            "20年前",
            DateValue::parse_iso("2004").map(Value::Date),
        ),
        (
            EntityType::Date,
            "下個月",
            DateValue::parse_iso("2025-01").map(Value::Date),
        ),
        (EntityType::Percent, "5厘", None),
        (EntityType::Money, "元", None),
        (
            EntityType::Money,
            "3至5億元",
            Some(Value::Money {
                amount: 3e8,
                currency: None,
                approximate: false,
            }),
        ),
        (EntityType::Date, "2024年2月30日", None),
        (
            EntityType::Date,
            "97年",
            DateValue::parse_iso("1997").map(Value::Date),
        ),
        (
            EntityType::Date,
            "三天前",
            DateValue::parse_iso("2024-12-14").map(Value::Date),
        ),
    ];
    for (kind, text, want) in cases {
        assert_eq!(value_of(kind, text, "", "", article), want, "{text}");
    }
    // A month more than six months ahead of the article's is last year's.
    let january = CalendarDate::parse("2025-01-06");
    for (text, want) in [
        ("12月28日", "2024-12-28"),
        ("7月", "2025-07"),
        ("8月", "2024-08"),
    ] {
        let got = value_of(EntityType::Date, text, "", "", january);
        assert_eq!(got, DateValue::parse_iso(want).map(Value::Date), "{text}");
    }
    assert_eq!(value_of(EntityType::Date, "20年前", "", "", None), None);
}

proptest::proptest! {
    /// Any string is safe to read, and a date's value is an ISO date of its precision.
    #[test]
    fn values_never_panic_and_dates_are_iso(
        text in "[0-9０-９一二三四五六七八九十百千萬億万亿两兩廿卅〇零年月日號号天週周星期上下本今去明前後后昨初底中旬個个%％成分之點点.,至到—（）()元美港幣币人民HK$餘多 ]{0,16}",
        day in 0i64..40_000,
    ) {
        let article = CalendarDate::new(1950, 1, 1).and_then(|d| d.add_days(day));
        for kind in [EntityType::Date, EntityType::Money, EntityType::Percent] {
            for date in [None, article] {
                if let Some(Value::Date(d)) = value_of(kind, &text, &text, &text, date) {
                    let iso = d.iso();
                    let parts = iso.split('-').count();
                    let want = match d.precision() {
                        Precision::Year => 1,
                        Precision::Month => 2,
                        Precision::Day => 3,
                    };
                    proptest::prop_assert_eq!(parts, want, "{}", iso);
                    proptest::prop_assert_eq!(DateValue::parse_iso(&iso), Some(d));
                }
            }
        }
    }
}
