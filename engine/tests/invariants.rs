//! Properties that hold for any input: tokens tile the text (with whitespace as the
//! only gaps), offsets are valid, entities sit inside the text, nothing panics,
//! normalisation is idempotent.

use jiexi_engine::normalize::is_gap;
use jiexi_engine::{Analysis, Analyzer};
use proptest::prelude::*;
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

fn check(text: &str, analysis: &Analysis) {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    for t in &analysis.tokens {
        assert!(
            t.start >= pos && t.start < t.end && t.end <= chars.len(),
            "{t:?} in {text:?}"
        );
        assert!(
            chars[pos..t.start].iter().all(|&c| is_gap(c)),
            "only whitespace between tokens"
        );
        // A token across a repaired line break spans the break but leaves it out of its text.
        let slice: String = chars[t.start..t.end]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(slice, t.text);
        assert!(!is_gap(chars[t.start]) && !is_gap(chars[t.end - 1]));
        assert!(
            !t.text.chars().any(is_gap),
            "whitespace is never a token: {t:?}"
        );
        pos = t.end;
    }
    assert!(chars[pos..].iter().all(|&c| is_gap(c)));
    let mut last_end = 0;
    for e in &analysis.entities {
        assert!(
            e.start >= last_end && e.start < e.end && e.end <= chars.len(),
            "{e:?}"
        );
        // Exactly the original, or without a repaired line break ("6 %" keeps its space).
        let slice: String = chars[e.start..e.end].iter().collect();
        let joined: String = slice.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(slice == e.text || joined == e.text, "{e:?} vs {slice:?}");
        last_end = e.end;
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

    /// Analysis detects the script on its normalised text in passing; the verdict is the
    /// one `script::detect` gives for the text as pasted (line breaks, full-width forms).
    #[test]
    fn analysis_detects_the_script_as_detect_does(
        text in "[爲衆啓綫這們說国们这说香港深圳的了 \n\r\u{3000}ＡＢ１２]{0,40}"
    ) {
        prop_assert_eq!(analyzer().analyze(&text).script, jiexi_engine::script::detect(&text));
    }

    /// The user's corrections keep every invariant, whatever they mark, wherever it is.
    #[test]
    fn corrections_keep_the_invariants(
        text in "[深圳香港羅柳斌科技大學局區的了在 \n，。]{0,60}",
        picks in proptest::collection::vec((0usize..60, 1usize..6, 0usize..4), 0..6),
    ) {
        use jiexi_engine::corrections::{Correction, UserDictionary};
        use jiexi_engine::EntityType;
        let chars: Vec<char> = text.chars().collect();
        let mut dict = UserDictionary::default();
        for (at, len, kind) in picks {
            if at + len > chars.len() {
                continue;
            }
            let piece: String = chars[at..at + len].iter().collect();
            let types = [EntityType::Person, EntityType::Org, EntityType::Gpe];
            let c = match kind {
                0 => Correction::Word { text: piece, pos: "n".into() },
                1 => Correction::NotEntity { text: piece, entity_type: types[len % 3] },
                _ => Correction::Entity { text: piece, entity_type: types[len % 3] },
            };
            let _ = dict.add(c);
        }
        let mut analysis = analyzer().analyze(&text);
        dict.apply(&text, &mut analysis);
        check(&text, &analysis);
        for e in &analysis.entities {
            prop_assert!(analysis.tokens.iter().any(|t| t.start == e.start));
            prop_assert!(analysis.tokens.iter().any(|t| t.end == e.end));
        }
    }
}
