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
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// jieba's tag set, sorted: every token passes through [`intern_tag`], so the common case
/// is a table lookup with no lock.
const COMMON_TAGS: [&str; 57] = [
    "a", "ad", "ag", "an", "b", "bg", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j",
    "k", "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q",
    "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd",
    "vg", "vi", "vn", "vq", "x", "y", "z", "zg",
];

/// Where a tag of one or two lowercase ASCII letters sits in [`SHORT_TAGS`].
const fn short_tag_index(tag: &[u8]) -> Option<usize> {
    match tag {
        [a] if a.is_ascii_lowercase() => Some((*a - b'a') as usize * 27),
        [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => {
            Some((*a - b'a') as usize * 27 + (*b - b'a') as usize + 1)
        }
        _ => None,
    }
}

/// The common tags of one or two letters, by [`short_tag_index`] ("" where none): nearly
/// every token's tag is found with one load. A binary search over the tags mispredicted
/// a branch at every step and took a third of the segmentation loop's time.
const SHORT_TAGS: [&str; 27 * 27] = {
    let mut table = [""; 27 * 27];
    let mut i = 0;
    while i < COMMON_TAGS.len() {
        if let Some(k) = short_tag_index(COMMON_TAGS[i].as_bytes()) {
            table[k] = COMMON_TAGS[i];
        }
        i += 1;
    }
    table
};

/// A `'static` copy of a POS tag. jieba's tags are a closed set of a few dozen, plus what
/// user dictionaries add, so leaking each distinct tag once is bounded and lets words
/// carry tags without borrowing the dictionary.
#[inline]
pub fn intern_tag(tag: &str) -> &'static str {
    static TAGS: OnceLock<std::sync::Mutex<HashSet<&'static str>>> = OnceLock::new();
    if let Some(k) = short_tag_index(tag.as_bytes()) {
        if !SHORT_TAGS[k].is_empty() {
            return SHORT_TAGS[k];
        }
    } else if let Ok(i) = COMMON_TAGS.binary_search(&tag) {
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
/// Hong Kong's districts and areas, Macau's, and the Greater Bay Area cities' districts
/// and zones.
const GBA_PLACES: &str = include_str!("../data/gba_places.txt");
/// Hong Kong's government bodies, courts, parties, universities, hospitals, media, listed
/// companies and banks, with their usual short forms.
const HK_ORGANISATIONS: &str = include_str!("../data/hk_organisations.txt");

/// Adds the names of a list with "## TYPE" sections (names before any section are
/// `kind`); a name already listed keeps its type unless `overrides`.
fn add_names(
    names: &mut HashMap<&'static str, EntityType>,
    list: &'static str,
    mut kind: EntityType,
    overrides: bool,
) {
    for line in list.lines() {
        if let Some(section) = line.strip_prefix("## ") {
            kind = EntityType::parse(section.trim()).unwrap_or(EntityType::Loc);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        for name in line.split_whitespace() {
            if overrides {
                names.insert(name, kind);
            } else {
                names.entry(name).or_insert(kind);
            }
        }
    }
}

/// Names with a known type: places (by section of `places.txt`) and organisations.
pub(crate) struct Gazetteer {
    names: HashMap<&'static str, EntityType>,
    /// The chars that start a name, and for each pair of first chars the lengths in
    /// chars of the names they start (bit n: a name of n chars): a position is looked up
    /// only with the lengths of names that can start there. Every name has two chars or
    /// more (checked by the tests).
    starts: CharSet,
    /// One bit per hash of a pair of first chars: most pairs whose first char starts a
    /// name start none, and a bit test in 8 kB rules them out before the map is probed.
    pairs: Vec<u64>,
    lengths: HashMap<(char, char), u64>,
}

/// The bit of a pair of chars in [`Gazetteer::pairs`].
fn pair_bit(first: char, second: char) -> usize {
    let key = (u64::from(u32::from(first)) << 21) | u64::from(u32::from(second));
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

impl Gazetteer {
    /// Every name, for tests.
    #[cfg(test)]
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.names.keys().copied()
    }

    pub fn get(&self, name: &str) -> Option<EntityType> {
        self.names.get(name).copied()
    }

    /// The lengths (bit n: n chars) of the names that start with `first`, `second`.
    pub fn lengths_from(&self, first: char, second: char) -> u64 {
        if !self.starts.contains(first) {
            return 0;
        }
        let bit = pair_bit(first, second);
        if self.pairs[bit / 64] & (1 << (bit % 64)) == 0 {
            return 0;
        }
        self.lengths.get(&(first, second)).copied().unwrap_or(0)
    }
}

/// The shipped gazetteer. Organisations win over places for names in both (白宫).
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut names = HashMap::default();
        add_names(&mut names, PLACES, EntityType::Gpe, false);
        add_names(&mut names, GBA_PLACES, EntityType::Gpe, false);
        add_names(&mut names, ORGANISATIONS, EntityType::Org, true);
        add_names(&mut names, HK_ORGANISATIONS, EntityType::Org, true);
        let mut lengths: HashMap<(char, char), u64> = HashMap::default();
        for name in names.keys() {
            let mut chars = name.chars();
            let len = name.chars().count();
            // Checked by the tests: every name has two chars, none 64.
            if let (Some(first), Some(second), true) = (chars.next(), chars.next(), len < 64) {
                *lengths.entry((first, second)).or_default() |= 1 << len;
            }
        }
        let starts = CharSet::new(&lengths.keys().map(|k| k.0).collect::<String>());
        let mut pairs = vec![0u64; (1 << 16) / 64];
        for &(first, second) in lengths.keys() {
            let bit = pair_bit(first, second);
            pairs[bit / 64] |= 1 << (bit % 64);
        }
        Gazetteer {
            names,
            starts,
            pairs,
            lengths,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_tags_are_equal() {
        assert!(COMMON_TAGS.is_sorted());
        for tag in COMMON_TAGS {
            assert_eq!(intern_tag(tag), tag);
        }
        for tag in ["a\0", "nrfgx", "ab", "Nr", "zz"] {
            assert_eq!(intern_tag(tag), tag);
        }
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
        assert_eq!(g.get("香港科学园"), Some(EntityType::Fac));
        assert_eq!(g.get("深水埗区"), Some(EntityType::Gpe));
        assert_eq!(g.get("医管局"), Some(EntityType::Org));
        assert_eq!(g.get("文汇报"), Some(EntityType::Org));
        assert!(g.names.len() > 500);
        for name in g.names.keys() {
            let len = name.chars().count();
            assert!(
                (2..64).contains(&len),
                "{name}: the length index holds 2–63 chars"
            );
            let mut chars = name.chars();
            let (first, second) = (chars.next().unwrap(), chars.next().unwrap());
            assert!(g.lengths_from(first, second) & (1 << len) != 0, "{name}");
        }
    }
}
