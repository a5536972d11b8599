//! Properties that hold for any input: tokens tile the text (with whitespace as the
//! only gaps), offsets are valid, entities sit inside the text, nothing panics,
//! normalisation is idempotent.

use jiexi_engine::{Analysis, Analyzer, CalendarDate, EntityType};
use proptest::prelude::*;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

fn check(text: &str, analysis: &Analysis) {
    if let Err(broken) = analysis.check(text) {
        panic!("{broken} in {text:?}");
    }
}

#[test]
fn edge_cases() {
    let cases = [
        "",
        " ",
        "\n\n\n",
        "\u{3000}\t\r\n",
        "𠝹𨋢", // outside the BMP
        "👨‍👩‍👧‍👦 emoji 🇭🇰 序列",
        "e\u{301}\u{301} 組合字元",
        "\u{200f}\u{202e}右至左\u{200d}零寬",
        "\u{feff}香港\u{200b}深圳\u{2060}",
        "\u{0}\u{1}\u{7f}控制字元\u{85}",
        "ＡＢＣ１２３全形 half-width ABC123",
        "深圳Apple Inc.與HSBC（匯豐）合作，股價升3.26%。",
    ];
    for text in cases {
        check(text, &analyzer().analyze(text));
    }
}

/// Long inputs: a 1 MB line (no sentence or line break to split at) and, by hand, a 10 MB
/// document (`cargo test --release -p jiexi-engine --test invariants -- --ignored`).
fn long_text(bytes: usize, line_breaks: bool) -> String {
    let sentence = "記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，2024年12月17日深港合作投資290億元人民幣，佔三成𠝹🇭🇰";
    let mut text = String::with_capacity(bytes + sentence.len());
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(sentence);
        i += 1;
        if line_breaks && i % 8 == 0 {
            text.push_str("\n\n");
        }
    }
    text
}

#[test]
fn a_one_megabyte_line() {
    let text = long_text(1_000_000, false);
    check(&text, &analyzer().analyze(&text));
}

#[test]
#[ignore = "10 MB: minutes in a debug build; run by hand with --release -- --ignored"]
fn a_ten_megabyte_document() {
    let text = long_text(10_000_000, true);
    check(&text, &analyzer().analyze(&text));
    normalize_is_idempotent(&text);
}

fn normalize_is_idempotent(text: &str) {
    let once = jiexi_engine::normalize::normalize(text).text;
    assert_eq!(jiexi_engine::normalize::normalize(&once).text, once);
}

/// Cases per property: 512 in CI; more by hand, e.g.
/// `PROPTEST_CASES=20000 cargo test --release -p jiexi-engine --test invariants`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text, &analyzer().analyze(&text));
        normalize_is_idempotent(&text);
    }

    #[test]
    fn chinese_like_strings(text in "[\\u{4e00}-\\u{4eff}\\u{3000}-\\u{303f} a-z0-9\\n（）《》「」，。%]{0,200}") {
        check(&text, &analyzer().analyze(&text));
        normalize_is_idempotent(&text);
    }

    /// An article's date gives values and changes nothing else: the same tokens and
    /// the same entities as with no date, and only DATE, MONEY and PERCENT have values.
    #[test]
    fn a_date_changes_values_only(
        text in "[0-9一二三十萬億年月日週周星期上下本今去明前昨底初旬元美港幣%成香港深圳的了，。 ]{0,60}",
        day in 0i64..30_000,
    ) {
        let date = CalendarDate::new(1970, 1, 1).and_then(|d| d.add_days(day));
        let undated = analyzer().analyze(&text);
        let mut dated = analyzer().analyze_dated(&text, date);
        check(&text, &dated);
        for e in &dated.entities {
            let valued = matches!(e.kind, EntityType::Date | EntityType::Money | EntityType::Percent);
            prop_assert!(e.value.is_none() || valued, "{:?}", e);
        }
        dated.entities.iter_mut().zip(&undated.entities).for_each(|(d, u)| {
            if u.value.is_some() && d.kind != EntityType::Date {
                assert_eq!(d.value, u.value, "only dates depend on the article's date");
            }
            d.value = u.value;
        });
        prop_assert_eq!(dated, undated);
    }

    /// Analysis detects the script on its normalised text in passing; the verdict is the
    /// one `script::detect` gives for the text as pasted (line breaks, full-width forms).
    #[test]
    fn analysis_detects_the_script_as_detect_does(
        text in "[爲衆啓綫這們說国们这说香港深圳的了 \n\r\u{3000}ＡＢ１２]{0,40}"
    ) {
        prop_assert_eq!(analyzer().analyze(&text).script, jiexi_engine::script::detect(&text));
    }
}
