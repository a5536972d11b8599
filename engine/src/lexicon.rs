//! Word lists the segmenter and the recogniser share, loaded once from `data/`.
//! All lists are in Simplified form: analysis runs on a Simplified mapping of the text.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::EntityType;

/// A set of chars, sorted for binary search: `str::contains(char)` scans the string and
/// showed up in profiles when called for every char of a long text.
pub(crate) struct CharSet {
    /// One bit per BMP char: sets are tested for every char of a text, and a bit test is
    /// several times faster than a binary search.
    bmp: Vec<u64>,
    /// Chars outside the BMP, sorted.
    astral: Vec<char>,
}

impl CharSet {
    pub fn new(chars: &str) -> Self {
        let mut bmp = vec![0u64; 0x10000 / 64];
        let mut astral = Vec::new();
        for c in chars.chars() {
            match usize::try_from(u32::from(c)) {
                Ok(i) if i < 0x10000 => bmp[i / 64] |= 1 << (i % 64),
                _ => astral.push(c),
            }
        }
        astral.sort_unstable();
        astral.dedup();
        CharSet { bmp, astral }
    }

    pub fn contains(&self, c: char) -> bool {
        let i = c as usize;
        match self.bmp.get(i / 64) {
            Some(word) => word & (1 << (i % 64)) != 0,
            None => self.astral.binary_search(&c).is_ok(),
        }
    }
}

/// Declares a lazily built `CharSet` static.
macro_rules! char_set {
    ($(#[$meta:meta])* $vis:vis $name:ident = $chars:expr) => {
        $(#[$meta])*
        $vis static $name: std::sync::LazyLock<$crate::lexicon::CharSet> =
            std::sync::LazyLock::new(|| $crate::lexicon::CharSet::new($chars));
    };
}
pub(crate) use char_set;

char_set!(pub(crate) FUNCTION_CHARS = FUNCTION_CHAR_LIST);

/// Characters that are words of their own far more often than parts of an unknown word
/// (particles, pronouns, prepositions, numerals, measure words, time units). jieba's HMM
/// glues them to neighbours when it guesses unknown words.
const FUNCTION_CHAR_LIST: &str =
    "的了是在有和与及也都就又还而但对于从向被把将为以之其这那一不时上下个我你他她们地得着过会要能可并或等每各该此些多年月日做说到去来让给用叫看由同跟令使请据至当作";

/// Han ideographs, including the extension planes (𠝹, 𨋢).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// jieba's tag set, sorted: every token passes through [`intern_tag`], so the common case
/// is a binary search with no lock.
const COMMON_TAGS: [&str; 56] = [
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j",
    "k", "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q",
    "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd",
    "vg", "vi", "vn", "vq", "x", "y", "z",
];

/// A `'static` copy of a POS tag. jieba's tags are a closed set of a few dozen, plus what
/// user dictionaries add, so leaking each distinct tag once is bounded and lets words
/// carry tags without borrowing the dictionary.
pub(crate) fn intern_tag(tag: &str) -> &'static str {
    static TAGS: OnceLock<std::sync::Mutex<HashSet<&'static str>>> = OnceLock::new();
    if let Ok(i) = COMMON_TAGS.binary_search(&tag) {
        return COMMON_TAGS[i];
    }
    let tags = TAGS.get_or_init(Default::default);
    let mut tags = tags.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(t) = tags.get(tag) {
        return t;
    }
    let t: &'static str = Box::leak(tag.to_string().into_boxed_str());
    tags.insert(t);
    t
}

fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

const SURNAMES: &str = include_str!("../data/surnames.txt");

/// Whether `word` is a surname (single or compound) that is not also a common function
/// word (和, 于, 时 …), so it can start a person's name.
pub(crate) fn is_surname(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        words(SURNAMES)
            .filter(|s| !(s.chars().count() == 1 && s.chars().all(|c| FUNCTION_CHARS.contains(c))))
            .collect()
    })
    .contains(word)
}

const PLACES: &str = include_str!("../data/places.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");

/// Names with a known type: places (by section of `places.txt`) and organisations.
pub(crate) struct Gazetteer {
    names: HashMap<&'static str, EntityType>,
    /// Every name, in `patterns` order, for matching all of them in one pass.
    pub patterns: Vec<&'static str>,
    pub matcher: aho_corasick::AhoCorasick,
}

impl Gazetteer {
    pub fn get(&self, name: &str) -> Option<EntityType> {
        self.names.get(name).copied()
    }
}

/// The shipped gazetteer. Organisations win over places for names in both (白宫).
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut names = HashMap::default();
        let mut kind = EntityType::Gpe;
        for line in PLACES.lines() {
            if let Some(section) = line.strip_prefix("## ") {
                kind = EntityType::parse(section.trim()).unwrap_or(EntityType::Loc);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            for name in line.split_whitespace() {
                names.entry(name).or_insert(kind);
            }
        }
        for name in words(ORGANISATIONS) {
            names.insert(name, EntityType::Org);
        }
        let mut patterns: Vec<&'static str> = names.keys().copied().collect();
        patterns.sort_unstable();
        let matcher =
            aho_corasick::AhoCorasick::new(&patterns).expect("gazetteer names build an automaton");
        Gazetteer {
            names,
            patterns,
            matcher,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_tags_are_equal() {
        assert!(COMMON_TAGS.is_sorted());
        for tag in ["n", "nrfg", "zg", "user"] {
            assert_eq!(intern_tag(tag), tag);
            assert!(std::ptr::eq(
                intern_tag(tag),
                intern_tag(String::from(tag).as_str())
            ));
        }
    }

    #[test]
    fn lists_load() {
        assert!(is_surname("罗") && is_surname("欧阳") && !is_surname("和"));
        let g = gazetteer();
        assert_eq!(g.get("深圳"), Some(EntityType::Gpe));
        assert_eq!(g.get("罗湖区"), Some(EntityType::Gpe));
        assert_eq!(g.get("长江"), Some(EntityType::Loc));
        assert_eq!(g.get("白宫"), Some(EntityType::Org));
        assert_eq!(g.get("港珠澳大桥"), Some(EntityType::Fac));
        assert!(g.patterns.len() > 500);
    }
}
