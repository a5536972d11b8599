//! Traditional / Simplified handling.
//!
//! jieba's dictionary, POS tags and HMM are Simplified. Rather than keep a second set of
//! models, Traditional text (and Hong Kong / Taiwan variant forms such as 爲, 衆, 啓, 綫) is
//! mapped char by char to Simplified for analysis. The map is 1:1, so offsets are
//! unchanged. The table is generated from OpenCC's character tables by
//! `scripts/data/gen_engine_data.py` (source and licence in THIRD_PARTY.md).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lexicon::CharSet;

/// The script a text is written in, as far as analysis is concerned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    #[default]
    Traditional,
    Simplified,
}

impl Script {
    /// The BCP 47 tag of the script, for `lang` attributes and exports.
    pub fn lang(self) -> &'static str {
        match self {
            Script::Traditional => "zh-Hant",
            Script::Simplified => "zh-Hans",
        }
    }
}

const T2S: &str = include_str!("../data/t2s.txt");

struct Tables {
    t2s: HashMap<char, char>,
    /// `t2s` for the Basic Multilingual Plane as a direct table: this runs for every char.
    bmp: Vec<char>,
    /// The chars `t2s` maps, tested before the 256 kB table is read: a bitmap of 8 kB
    /// stays in cache, and in Simplified text almost no char is mapped.
    traditional: CharSet,
    /// Chars that only Simplified text uses (targets of the map that are not sources).
    simplified_only: CharSet,
}

impl Tables {
    fn simplify(&self, c: char) -> char {
        if self.traditional.contains(c) {
            self.mapped(c)
        } else {
            c
        }
    }

    /// Whether `c` is a Traditional char `t2s` maps, and whether it is a char only
    /// Simplified text uses, as 0/1 counts: added up without branches, as which script a
    /// char tells is unpredictable.
    fn tells(&self, c: char) -> (usize, usize) {
        let traditional = self.traditional.contains(c);
        let simplified = !traditional & self.simplified_only.contains(c);
        (usize::from(traditional), usize::from(simplified))
    }

    /// The Simplified form of a char `t2s` maps.
    fn mapped(&self, c: char) -> char {
        match self.bmp.get(c as usize) {
            Some(&s) => s,
            None => self.t2s.get(&c).copied().unwrap_or(c),
        }
    }
}

/// The "from to" char pairs of a generated table (`t2s.txt`, `s2t.txt`).
fn char_pairs(table: &'static str) -> impl Iterator<Item = (char, char)> {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut c = l.chars();
            Some((c.next()?, c.nth(1)?))
        })
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let t2s: HashMap<char, char> = char_pairs(T2S).collect();
        let simplified_only: String = t2s
            .values()
            .copied()
            .filter(|s| !t2s.contains_key(s))
            .collect();
        let traditional: String = t2s.keys().collect();
        // Surrogate code points are not chars; they never occur in a str, so any filler does.
        let mut bmp: Vec<char> = (0..=0xFFFFu32)
            .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
            .collect();
        for (&t, &s) in &t2s {
            if let Some(slot) = bmp.get_mut(t as usize) {
                *slot = s;
            }
        }
        Tables {
            t2s,
            bmp,
            traditional: CharSet::new(&traditional),
            simplified_only: CharSet::new(&simplified_only),
        }
    })
}

/// The Simplified form of a char, or the char itself.
pub fn simplify_char(c: char) -> char {
    tables().simplify(c)
}

/// The form names are compared in: full-width letters and digits folded, then mapped to
/// Simplified, char by char (as many chars as `text`). 羅柳斌, 罗柳斌 and ＡＢ/AB match.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| simplify_char(crate::normalize::fold_width(c)))
        .collect()
}

/// Maps `text` to Simplified char by char; the result has as many chars as `text`.
pub fn to_simplified(text: &str) -> String {
    let t = tables();
    text.chars().map(|c| t.simplify(c)).collect()
}

/// Maps chars to Simplified one at a time while counting the chars that tell the script,
/// so analysis maps and detects in the pass that normalises the text.
pub(crate) struct Simplifier {
    tables: &'static Tables,
    traditional: usize,
    simplified: usize,
}

impl Simplifier {
    pub fn new() -> Self {
        Simplifier {
            tables: tables(),
            traditional: 0,
            simplified: 0,
        }
    }

    /// Counts `c` for detection; whether it is a Traditional char the map changes.
    #[inline]
    fn count(&mut self, c: char) -> bool {
        let (traditional, simplified) = self.tables.tells(c);
        self.traditional += traditional;
        self.simplified += simplified;
        traditional == 1
    }

    /// The Simplified form of `c`, counted for detection.
    #[inline]
    pub fn map(&mut self, c: char) -> char {
        if self.count(c) {
            self.tables.mapped(c)
        } else {
            c
        }
    }

    /// The script of the chars mapped so far, as [`detect`] tells it.
    pub fn script(&self) -> Script {
        verdict(self.traditional, self.simplified)
    }
}

const S2T: &str = include_str!("../data/s2t.txt");

/// Maps `text` to Traditional (Hong Kong forms) char by char, for showing Simplified text
/// in the script the reader prefers; the result has as many chars as `text`. A char with
/// several Traditional forms always takes one (发 → 發, also where 髮 is meant; the table's
/// choice is explained in `scripts/data/gen_engine_data.py`): of the CityU test text mapped to
/// Simplified and back, 98.8% of chars return as written.
pub fn to_traditional(text: &str) -> String {
    static S2T_MAP: OnceLock<rustc_hash::FxHashMap<char, char>> = OnceLock::new();
    let map = S2T_MAP.get_or_init(|| char_pairs(S2T).collect());
    text.chars()
        .map(|c| map.get(&c).copied().unwrap_or(c))
        .collect()
}

/// Which script `text` is written in: the one with more chars specific to it. Text with
/// no telling chars counts as Traditional, the script most of jiexi's users read.
pub fn detect(text: &str) -> Script {
    let mut counter = Simplifier::new();
    for c in text.chars() {
        counter.count(c);
    }
    counter.script()
}

/// The script of a text with `trad` Traditional-only and `simp` Simplified-only chars.
fn verdict(trad: usize, simp: usize) -> Script {
    if simp > trad {
        Script::Simplified
    } else {
        Script::Traditional
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_script() {
        let cases = [
            ("香港特區政府與深圳市政府簽署協議", Script::Traditional),
            ("香港特区政府与深圳市政府签署协议", Script::Simplified),
            ("深圳", Script::Traditional),
            ("", Script::Traditional),
            ("记者罗柳斌报道：河套深港科技創新合作区", Script::Simplified),
            ("什么", Script::Simplified),
        ];
        for (text, script) in cases {
            assert_eq!(detect(text), script, "{text}");
        }
    }

    #[test]
    fn maps_simplified_to_hong_kong_traditional() {
        let cases = [
            (
                "香港特区政府与深圳市政府签署协议",
                "香港特區政府與深圳市政府簽署協議",
            ),
            ("粤港澳大湾区发展", "粵港澳大灣區發展"),
            ("已是繁體：羅湖區", "已是繁體：羅湖區"),
            ("𠝹 ABC 123，。", "𠝹 ABC 123，。"),
        ];
        for (s, t) in cases {
            assert_eq!(to_traditional(s), t);
            assert_eq!(to_traditional(s).chars().count(), s.chars().count());
        }
    }

    #[test]
    fn maps_traditional_and_hong_kong_variants() {
        let cases = [
            ("習近平在深圳", "习近平在深圳"),
            ("爲衆啓綫裏羣", "为众启线里群"),
            // Simplified text's own chars stay, also where OpenCC maps them (么 → 幺).
            ("什麼 什么 怎么", "什么 什么 怎么"),
            ("粵港澳大灣區", "粤港澳大湾区"),
            ("𠝹𨋢 ABC 123", "𠝹䢂 ABC 123"), // 𨋢 (lift) has a Simplified form too
        ];
        for (t, s) in cases {
            assert_eq!(to_simplified(t), s);
            assert_eq!(to_simplified(t).chars().count(), t.chars().count());
        }
    }
}
