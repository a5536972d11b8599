//! People: surname-led names that jieba or the segmenter tagged `nr`, and names found by
//! context — after a title or 記者 (bylines), before a speech verb or an honorific.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::roles::BEFORE;
use super::Candidate;
use crate::lexicon::{char_set, gazetteer, is_han, is_surname, CharSet, FUNCTION_CHARS};
use crate::segment::Prepared;
use crate::EntityType;

/// Words right after a name: speech verbs and honorifics; titles also follow names
/// (克林頓總統, 彭真同志).
const AFTER: [&str; 25] = [
    "表示", "说", "指出", "介绍", "认为", "强调", "称", "透露", "坦言", "提到", "补充", "解释",
    "报道", "先生", "女士", "小姐", "太太", "博士", "医生", "律师", "同志", "首相", "大使", "议长",
    "一行",
];

/// `BEFORE` and `AFTER` (which takes in `BEFORE`: titles also follow names) as sets, and
/// the last chars of their words: every word of a text is tested against them, and most
/// words end with none of those chars, so a bit test spares the string lookups.
struct ContextWords {
    before: HashSet<&'static str>,
    after: HashSet<&'static str>,
    before_last: CharSet,
    after_last: CharSet,
}

fn context_words() -> &'static ContextWords {
    static SETS: OnceLock<ContextWords> = OnceLock::new();
    SETS.get_or_init(|| {
        let last_chars = |words: &[&str]| -> CharSet {
            CharSet::new(
                &words
                    .iter()
                    .filter_map(|w| w.chars().last())
                    .collect::<String>(),
            )
        };
        ContextWords {
            before: BEFORE.into_iter().collect(),
            after: AFTER.into_iter().chain(BEFORE).collect(),
            before_last: last_chars(&BEFORE),
            after_last: last_chars(&[&AFTER[..], &BEFORE[..]].concat()),
        }
    })
}

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    transliterated_names(prepared, out);
    let context = context_words();
    let words = &prepared.words;
    for (i, w) in words.iter().enumerate() {
        let text = prepared.slice(w.start, w.end);
        let len = w.end - w.start;
        // jieba's dictionary tags many common words nr (文明, 衛星 are also given names):
        // trust its two-char nr words only with context, below.
        let not_place = || gazetteer().get(text).is_none();
        let compound = len == 4 && is_surname(prepared.slice(w.start, w.start + 2));
        let last = prepared.chars[w.end - 1];
        let noun_ending = (len >= 3 && NOUN_ENDINGS.contains(last))
            || (len == 2 && SHORT_NOUN_ENDINGS.contains(last));
        let place_ending = len >= 2 && PLACE_ENDINGS.contains(last);
        // The word is at hand: no search for it (glued_preposition looks it up).
        if len >= 3 && !w.known && GLUED_PREPOSITIONS.contains(prepared.chars[w.start]) {
            // 因某某 as one unknown word: the name is what follows the preposition.
            if len == 3
                && prepared.chars[w.start + 1..w.end]
                    .iter()
                    .all(|&c| is_foreign_char(c))
            {
                out.push(Candidate::new(w.start + 1, w.end, EntityType::Person, 0.5));
            }
            continue;
        }
        if let Some(end) = surname_before_kin(prepared, i) {
            // 陳妻, 張|妻: the family is named by the surname alone.
            out.push(Candidate::new(w.start, end, EntityType::Person, 0.7));
            continue;
        }
        if place_ending && w.pos == "nr" {
            // 吳橋縣, 黎明村, 某某閣: jieba's dictionary tags some places nr.
            let kind = if "阁苑邨".contains(last) {
                EntityType::Fac
            } else {
                EntityType::Gpe
            };
            out.push(Candidate::new(w.start, w.end, kind, 0.6));
        } else if w.head_word || noun_ending || place_ending {
            // 安全性, 明顯提高: a word and a char; 許可證, 季後賽: a common noun.
        } else if w.pos == "nr"
            && w.known
            && (len == 3 || compound)
            && not_place()
            && (starts_with_surname(text) || is_transliteration(text))
        {
            // Three-char dictionary names (錢其琛, 克林頓), four with a compound surname.
            out.push(Candidate::new(w.start, w.end, EntityType::Person, 0.7));
        } else if w.pos == "nr" && w.known && len >= 4 && starts_with_surname(text) {
            // A name fused with what follows in the dictionary: 鄧小平理論, 馬克思主義.
            out.push(Candidate::new(
                w.start,
                w.start + 3,
                EntityType::Person,
                0.6,
            ));
        } else if w.pos == "nr"
            && !w.known
            && (len == 2 || len == 3 || compound)
            && starts_with_surname(text)
            && not_place()
        {
            out.push(Candidate::new(w.start, w.end, EntityType::Person, 0.7));
        } else if matches!(w.pos, "nrt" | "nrfg")
            && (len >= 3 || (len == 2 && (w.pos == "nrfg" || is_transliteration(text))))
            && not_place()
        {
            out.push(foreign_name(prepared, w.start, w.end, 0.55));
        } else if w.pos == "nr"
            && (2..=4).contains(&len)
            && is_foreign_name_word(text)
            && not_place()
        {
            // A name written in transliteration chars that jieba tags as a name: 布殊
            // (Hong Kong papers name foreign people bare, with no title or verb).
            out.push(foreign_name(prepared, w.start, w.end, 0.5));
        }
        if w.pos == "nr" && w.known && len == 2 && starts_with_surname(text) && in_list(prepared, i)
        {
            // Two-char dictionary names are trusted in a list of names: 王楠、楊影.
            out.push(Candidate::new(w.start, w.end, EntityType::Person, 0.6));
        }
        // 陳|馮富珍: the husband's surname cut off a married woman's name (not the end of
        // a name before it in a list run together: 何其宗何椿霖).
        let after_name = i > 0 && words[i - 1].pos.starts_with("nr");
        if len == 1
            && !after_name
            && matches!(w.pos, "nr" | "n")
            && words
                .get(i + 1)
                .is_some_and(|n| n.start == w.end && n.end - n.start == 3)
            && double_surname(prepared, w.start)
        {
            out.push(Candidate::new(
                w.start,
                w.start + 4,
                EntityType::Person,
                0.75,
            ));
        }
        if len > 5 {
            continue;
        }
        let titled = context.before_last.contains(last)
            && (context.before.contains(text) || ends_with_title(&context.before, text));
        if titled && !names_after(prepared, w.end, out) {
            jieba_name_after(prepared, i, out);
        }
        surname_with_title(prepared, w, out);
        if i + 1 < words.len() {
            surname_and_given_name(prepared, w, &words[i + 1], out);
        }
        let followed =
            titled || (context.after_last.contains(last) && context.after.contains(text));
        if i > 0 && followed {
            // A time word may stand between the name and its verb (布殊昨日表示).
            let k = if words[i - 1].pos == "t" && i > 1 {
                i - 2
            } else {
                i - 1
            };
            let prev = &words[k];
            let prev_text = prepared.slice(prev.start, prev.end);
            // A transliteration jieba tags as a place is a person before a speech verb
            // (某某|稱): places the gazetteer knows are left out below.
            let foreign_place_tag = prev.pos == "ns"
                && (2..=4).contains(&(prev.end - prev.start))
                && prepared.chars[prev.start..prev.end]
                    .iter()
                    .all(|&c| is_foreign_char(c));
            let jieba_name = prev.end == words[k + 1].start
                && (matches!(prev.pos, "nr" | "nrt" | "nrfg")
                    || foreign_place_tag
                    || is_unknown_transliteration(prepared, prev))
                && gazetteer().get(prev_text).is_none();
            // A foreign name the segmenter cut into single chars (碧|咸|說).
            let cut_name = !jieba_name
                && k > 0
                && prev.end - prev.start == 1
                && words[k - 1].end == prev.start
                && words[k - 1].end - words[k - 1].start == 1
                && [words[k - 1].start, prev.start].iter().all(|&c| {
                    let c = prepared.chars[c];
                    TRANSLITERATION.contains(c) || HK_TRANSLITERATION.contains(c)
                })
                && gazetteer()
                    .get(prepared.slice(words[k - 1].start, prev.end))
                    .is_none();
            if cut_name && !name_before(prepared, w.start, out) {
                out.push(Candidate::new(
                    words[k - 1].start,
                    prev.end,
                    EntityType::Person,
                    0.7,
                ));
            }
            if !name_before(prepared, w.start, out) && jieba_name {
                // A name jieba knows, confirmed by the title or verb after it.
                out.push(Candidate::new(
                    prev.start,
                    prev.end,
                    EntityType::Person,
                    0.85,
                ));
            }
        }
    }
}

char_set!(
    /// Prepositions and verbs that jieba's HMM glues to a name after them when it guesses
    /// an unknown word (因|某某, 拿|某某, 視|某某|為): also transliteration chars or surnames.
GLUED_PREPOSITIONS = "因向对把被令让给跟拿替由将视");

/// Whether char `start` begins an unknown word of three chars or more with a preposition
/// glued to what follows it.
fn glued_preposition(prepared: &Prepared, start: usize) -> bool {
    GLUED_PREPOSITIONS.contains(prepared.chars[start])
        && prepared
            .words
            .binary_search_by_key(&start, |w| w.start)
            .ok()
            .map(|k| prepared.words[k])
            .is_some_and(|w| !w.known && w.end - w.start >= 3)
}

/// The end of the surname in word `i` when the word is a surname and a kinship char
/// (陳妻, 陳父) or a surname alone with one after it (張|妻): news names a victim's
/// family by the surname, and the surname is the mention. 妻 makes no word with a
/// surname before it; 父, 母, 夫 and 嫂 do (岳父, 師母), so only in words no dictionary has.
fn surname_before_kin(prepared: &Prepared, i: usize) -> Option<usize> {
    let words = &prepared.words;
    let w = &words[i];
    let kin = |c: char, known: bool| c == '妻' || (!known && "父母夫嫂".contains(c));
    let chars = &prepared.chars;
    let fused = w.end - w.start == 2 && kin(chars[w.start + 1], w.known);
    let apart = w.end - w.start == 1
        && matches!(w.pos, "nr" | "n" | "ns" | "x")
        && words
            .get(i + 1)
            .is_some_and(|n| n.start == w.end && n.end - n.start == 1 && chars[n.start] == '妻');
    // The surname lookup last: most words have no kinship char.
    ((fused || apart) && is_surname(prepared.slice(w.start, w.start + 1))).then_some(w.start + 1)
}

/// Whether the four chars from `start` are two one-char surnames and a given name of two
/// chars that read as one (陳馮富珍, 范徐麗泰).
fn double_surname(prepared: &Prepared, start: usize) -> bool {
    let one = |k: usize| is_surname(prepared.slice(k, k + 1));
    // 阿斯塔納 starts with two surnames too, but is a foreign name.
    let foreign = prepared.chars[start..start + 4]
        .iter()
        .all(|&c| TRANSLITERATION.contains(c));
    !foreign && one(start) && one(start + 1) && plausible_name(prepared, start + 1, start + 4)
}

/// Whether the four chars from `start`, right after a title, are two one-char surnames
/// and a two-char given name ending where a word does. Looser than `double_surname`: the
/// title vouches for a name, and given names take chars dates use (月娥).
fn titled_double_surname(prepared: &Prepared, start: usize) -> bool {
    let chars = &prepared.chars;
    let one = |k: usize| is_surname(prepared.slice(k, k + 1));
    start + 4 <= chars.len()
        && chars[start..start + 4].iter().all(|&c| is_han(c))
        && !chars[start..start + 4]
            .iter()
            .all(|&c| TRANSLITERATION.contains(c))
        && one(start)
        && one(start + 1)
        && prepared.ends_word(start + 4)
        && gazetteer().get(prepared.slice(start, start + 4)).is_none()
        && gazetteer()
            .get(prepared.slice(start + 2, start + 4))
            .is_none()
}

/// Whether `word` ends with a title of two chars or more (副所長, 地委書記).
fn ends_with_title(titles: &HashSet<&'static str>, word: &str) -> bool {
    word.char_indices()
        .skip(1)
        .map(|(b, _)| &word[b..])
        .any(|tail| tail.chars().count() >= 2 && titles.contains(tail))
}

/// Foreign names written in transliteration characters: 布熱津斯基, 亞歷山大·曼尼科夫.
/// A run of at least three such chars, starting and ending where words do.
fn transliterated_names(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let chars = &prepared.chars;
    let mut i = 0;
    while i < chars.len() {
        if !is_foreign_char(chars[i]) || !prepared.starts_word(i) {
            i += 1;
            continue;
        }
        if glued_preposition(prepared, i) || verb_char_before(prepared, i) {
            // 因|某某: the name starts after the preposition.
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len()
            && (is_foreign_char(chars[end])
                || (chars[end] == '·' && chars.get(end + 1).is_some_and(|c| is_foreign_char(*c))))
        {
            end += 1;
        }
        // Shrink to a word boundary.
        while end > i && !prepared.ends_word(end) {
            end -= 1;
        }
        if end - i >= 3 && end - i <= 12 && gazetteer().get(prepared.slice(i, end)).is_none() {
            out.push(foreign_name(prepared, i, end, 0.45));
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Whether char `i` is a one-char verb the segmenter cut before transliteration chars
/// after a subject noun (某報|拿|某某某: "takes"): the name starts after it. After a title
/// or a conjunction the char starts the name (總理|某某某, 和|某某某).
fn verb_char_before(prepared: &Prepared, i: usize) -> bool {
    let words = &prepared.words;
    let k = words.partition_point(|w| w.end <= i);
    let verb = words.get(k).is_some_and(|w| {
        w.start == i && w.end == i + 1 && w.known && w.pos == "v" && prepared.starts_word(i + 1)
    });
    verb && k > 0 && {
        let p = &words[k - 1];
        p.end == i
            && p.pos.starts_with('n')
            && !p.pos.starts_with("nr")
            && !BEFORE.contains(&prepared.slice(p.start, p.end))
    }
}

/// Joins a foreign given name and surname that Hong Kong papers write without the middle
/// dot (湯告魯斯, 羅拔迪尼路) and the layers found as two people side by side:
/// both all in transliteration characters.
pub(super) fn join_undotted(prepared: &Prepared, found: &mut Vec<Candidate>) {
    // A char that continues a name (文 of 某某文) may end the second part, never start it.
    let foreign = |c: &Candidate| {
        c.kind == EntityType::Person
            && prepared.chars[c.start..c.end]
                .iter()
                .enumerate()
                .all(|(k, &ch)| {
                    TRANSLITERATION.contains(ch)
                        || HK_TRANSLITERATION.contains(ch)
                        || (k > 0 && super::foreign_names::continues_name(ch))
                })
    };
    let words = &prepared.words;
    let mut out: Vec<Candidate> = Vec::with_capacity(found.len());
    for mut c in found.drain(..) {
        if let Some(last) = out.last_mut() {
            if last.end == c.start && foreign(last) && foreign(&c) {
                last.end = c.end;
                continue;
            }
        }
        // A given name the segmenter tagged a name but no layer took (馬龍|白蘭度).
        let free_from = out.last().map_or(0, |l| l.end);
        let k = words.partition_point(|w| w.end < c.start);
        if let Some(w) = words.get(k).filter(|w| w.end == c.start) {
            if foreign(&c)
                && c.end - c.start >= 3
                && w.start >= free_from
                && w.pos.starts_with("nr")
                && (2..=3).contains(&(w.end - w.start))
            {
                c.start = w.start;
            }
        }
        out.push(c);
    }
    *found = out;
}

/// Joins the parts of a name written with a middle dot (安德魯·葛魯夫, 何塞·米格爾·因蘇爾薩)
/// into one person, where the found candidates (sorted by start) hold one part as a
/// person and the part on the other side of the dot is a person too or a name-like word
/// (a name, a word the dictionary does not know, or transliteration characters). Without
/// this, each part stood alone or one was lost (黑爾·畢什 was found as 黑爾).
pub(super) fn join_dotted(prepared: &Prepared, found: &mut Vec<Candidate>) {
    // Taiwan and Hong Kong papers also write the dot as a full-width full stop (保羅．某某).
    const DOTS: [char; 4] = ['·', '‧', '•', '．'];
    let chars = &prepared.chars;
    let words = &prepared.words;
    let name_like = |w: &crate::segment::Span| {
        let text = prepared.slice(w.start, w.end);
        text.chars().all(is_han)
            && (w.pos.starts_with("nr")
                || !w.known
                || text.chars().all(|c| TRANSLITERATION.contains(c)))
    };
    let mut i = 0;
    while i < found.len() {
        let c = found[i];
        // A person right before a dot, a Han char after it: the left part of a name.
        let left_dot = c.kind == EntityType::Person
            && chars.get(c.end).is_some_and(|d| DOTS.contains(d))
            && chars.get(c.end + 1).is_some_and(|&h| is_han(h));
        let right_start = c.end + 1;
        let next = found.get(i + 1).copied();
        // The right part: the next candidate if it is a person there, else a name-like
        // word there that no candidate overlaps.
        let end = match next {
            _ if !left_dot => None,
            Some(n) if n.start == right_start && n.kind == EntityType::Person => {
                found.remove(i + 1);
                Some(n.end)
            }
            Some(n) if n.start <= right_start => None,
            _ => {
                let k = words.partition_point(|w| w.start < right_start);
                words
                    .get(k)
                    .filter(|w| w.start == right_start && name_like(w))
                    .filter(|w| next.is_none_or(|n| n.start >= w.end))
                    .map(|w| w.end)
            }
        };
        match end {
            // The joined name may meet another dot: look at it again.
            Some(end) => found[i].end = end,
            None => i += 1,
        }
    }
    // A part before the dot may be missing while the one after it was found
    // (亞歷山大·曼尼科夫 found as 曼尼科夫): take in a name-like word before the dot.
    for i in 0..found.len() {
        if found[i].kind != EntityType::Person {
            continue;
        }
        let free_from = if i > 0 { found[i - 1].end } else { 0 };
        loop {
            let start = found[i].start;
            if start < 2 || !DOTS.contains(&chars[start - 1]) || !is_han(chars[start - 2]) {
                break;
            }
            let k = words.partition_point(|w| w.end < start - 1);
            match words.get(k) {
                Some(w) if w.end == start - 1 && w.start >= free_from && name_like(w) => {
                    found[i].start = w.start;
                }
                _ => break,
            }
        }
    }
}

/// A transliterated name is a person's unless it stands where a place does: before a
/// place suffix (阿馬里洛市, 維拉諾夫宮) or after 在, 遷都 … (遷都阿斯塔納).
fn foreign_name(prepared: &Prepared, start: usize, end: usize, confidence: f32) -> Candidate {
    const BEFORE_PLACE: [&str; 14] = [
        "在", "到", "从", "至", "迁都", "首都", "位于", "来到", "抵达", "访问", "前往", "飞抵",
        "离开", "途经",
    ];
    if prepared
        .chars
        .get(end)
        .is_some_and(|c| "市州省县岛河湖山港湾宫城堡村镇区".contains(*c))
        && prepared.ends_word(end + 1)
    {
        return Candidate::new(start, end + 1, EntityType::Gpe, confidence);
    }
    let after_place_word = prepared
        .words
        .partition_point(|w| w.end <= start)
        .checked_sub(1)
        .map(|k| prepared.words[k])
        .is_some_and(|w| w.end == start && BEFORE_PLACE.contains(&prepared.slice(w.start, w.end)));
    let kind = if after_place_word {
        EntityType::Gpe
    } else {
        EntityType::Person
    };
    Candidate::new(start, end, kind, confidence)
}

/// Whether word `i` stands in an enumeration of names (王楠、楊影).
fn in_list(prepared: &Prepared, i: usize) -> bool {
    let words = &prepared.words;
    let is_sep = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| prepared.slice(w.start, w.end) == "、")
    };
    // The item on the other side of 、 is a name too (顧客 next to 遊客 is not one).
    let is_name = |k: usize| words.get(k).is_some_and(|w| w.pos.starts_with("nr"));
    (i > 1 && is_sep(i - 1) && is_name(i - 2)) || (is_sep(i + 1) && is_name(i + 2))
}

fn starts_with_surname(text: &str) -> bool {
    let mut it = text.char_indices().skip(1).map(|(b, _)| b);
    let one = it.next().unwrap_or(text.len());
    let two = it.next().unwrap_or(text.len());
    is_surname(&text[..one]) || (two < text.len() && is_surname(&text[..two]))
}

/// Whether chars `start..end` look like a Chinese name: a surname, then one or two
/// given-name chars that are not function words, ending where a word ends.
fn plausible_name(prepared: &Prepared, start: usize, end: usize) -> bool {
    let chars = &prepared.chars;
    if end > chars.len() || !chars[start..end].iter().all(|&c| is_han(c)) {
        return false;
    }
    let text = prepared.slice(start, end);
    let ends_at_word = prepared.ends_word(end) || end == chars.len();
    let surname_len = if end - start >= 3 && is_surname(prepared.slice(start, start + 2)) {
        2
    } else if is_surname(prepared.slice(start, start + 1)) {
        1
    } else {
        return false;
    };
    let given = &chars[start + surname_len..end];
    let word_at = |k: usize| {
        prepared
            .words
            .binary_search_by_key(&k, |w| w.start)
            .ok()
            .map(|i| prepared.words[i])
    };
    let ordinary = |w: &crate::segment::Span| w.known && !w.pos.starts_with("nr");
    let first_word = word_at(start);
    // A dictionary word that is not a name (包括, 小鎮) is not one here either.
    let ordinary_word = first_word.is_some_and(|w| w.end == end && ordinary(&w));
    // A name does not start with a longer ordinary word: 國家|副 (主席).
    let starts_with_word = first_word.is_some_and(|w| {
        ordinary(&w)
            && w.end - w.start >= 2
            && w.end < end
            && !is_surname(prepared.slice(w.start, w.end))
    });
    // Nor does it end with a place (初|德國) or an adverb or conjunction of its own (韋伯|更).
    let given_text = prepared.slice(start + surname_len, end);
    let last_alone = word_at(end - 1)
        .is_some_and(|w| w.end == end && matches!(w.pos, "d" | "c" | "p" | "u" | "r" | "ad"));
    !ordinary_word
        && !starts_with_word
        && !last_alone
        && ends_at_word
        && (1..=2).contains(&given.len())
        && !given.iter().any(|c| FUNCTION_CHARS.contains(*c))
        && gazetteer().get(text).is_none()
        && gazetteer().get(given_text).is_none()
}

/// Names after a title or byline word: `記者羅柳斌報道`, `責編 張碧珊 祁謙`. Returns
/// whether one was found.
fn names_after(prepared: &Prepared, mut pos: usize, out: &mut Vec<Candidate>) -> bool {
    let chars = &prepared.chars;
    let mut found = false;
    for _ in 0..3 {
        while pos < chars.len() && chars[pos].is_whitespace() {
            pos += 1;
        }
        // A married woman's name after a title: two surnames, then the given name
        // (行政長官林鄭某某); tried first, or the three chars would be taken for a name.
        // Only where the first three chars make no name (林嘉松|說 is one).
        let double = pos + 4 <= chars.len()
            && titled_double_surname(prepared, pos)
            && !plausible_name(prepared, pos, pos + 3);
        let len = if double {
            Some(4)
        } else {
            [3, 2, 4]
                .into_iter()
                .find(|&n| plausible_name(prepared, pos, pos + n))
                .or_else(|| titled_name_with_function_char(prepared, pos).then_some(3))
        };
        let Some(len) = len else {
            return found;
        };
        out.push(Candidate::new(pos, pos + len, EntityType::Person, 0.85));
        found = true;
        pos += len;
        // Several names only in a space-separated list (責編 張碧珊 祁謙).
        if !chars.get(pos).is_some_and(|c| c.is_whitespace()) {
            return found;
        }
    }
    found
}

/// Whether the three chars at `pos`, right after a title, are a surname the segmenter
/// tagged a name and a given name holding one char that mostly writes function words
/// (主任|倪|一|清, 廳長|王|月琴): the title vouches for the name. The given name's chars
/// are words of their own or one noun, never part of a word reaching past the name
/// (主任|王|一直|說 is no name).
fn titled_name_with_function_char(prepared: &Prepared, pos: usize) -> bool {
    let words = &prepared.words;
    let end = pos + 3;
    let k = words.partition_point(|w| w.end <= pos);
    let Some(surname) = words.get(k).filter(|w| w.start == pos && w.end == pos + 1) else {
        return false;
    };
    if !surname.pos.starts_with("nr")
        || !is_surname(prepared.slice(pos, pos + 1))
        || end > prepared.chars.len()
        || !prepared.ends_word(end)
    {
        return false;
    }
    let given = &prepared.chars[pos + 1..end];
    let function_chars = given
        .iter()
        .filter(|c| FUNCTION_CHARS.contains(**c))
        .count();
    let parts_fit = words[k + 1..]
        .iter()
        .take_while(|w| w.start < end)
        .all(|w| w.end - w.start == 1 || matches!(w.pos, "n" | "nr" | "nz"));
    function_chars == 1
        && parts_fit
        && given.iter().all(|&c| is_han(c))
        && gazetteer().get(prepared.slice(pos, end)).is_none()
}

/// Whether `c` is used to write foreign names, in the Mandarin or the Hong Kong way.
pub(super) fn is_foreign_char(c: char) -> bool {
    TRANSLITERATION.contains(c) || HK_TRANSLITERATION.contains(c)
}

/// A word no dictionary has, of two to four chars all used to write foreign names, in
/// the Mandarin or the Hong Kong (Cantonese) way: 碧咸, 布殊, 列根.
fn is_unknown_transliteration(prepared: &Prepared, w: &crate::segment::Span) -> bool {
    !w.known
        && (2..=4).contains(&(w.end - w.start))
        && prepared.chars[w.start..w.end]
            .iter()
            .all(|&c| TRANSLITERATION.contains(c) || HK_TRANSLITERATION.contains(c))
}

char_set!(
    /// Characters Hong Kong papers write foreign names with beyond the Mandarin table
    /// (Cantonese readings): 碧咸 (Beckham), 布殊 (Bush), 戴卓爾 (Thatcher), 積遜 (Jackson),
    /// 朗拿度 (Ronaldo), 莎蓮娜 (Serena), 佐治 (George), 占士 (James).
pub(super) HK_TRANSLITERATION = "咸殊卓积逊拿度施丹费白兰娜莎丝莲碧姬琪妮莉露芙茜嘉柏葛侯占保治迺夏奥洛昆");

/// A name jieba knows right after a title: 副委員長布赫, 社會學家韋伯 (foreign names have
/// no surname for `names_after`).
fn jieba_name_after(prepared: &Prepared, i: usize, out: &mut Vec<Candidate>) {
    let Some(next) = prepared.words.get(i + 1) else {
        return;
    };
    let text = prepared.slice(next.start, next.end);
    if next.start == prepared.words[i].end
        && (matches!(next.pos, "nr" | "nrt" | "nrfg") || is_unknown_transliteration(prepared, next))
        && (2..=5).contains(&(next.end - next.start))
        && !next.head_word
        && gazetteer().get(text).is_none()
    {
        out.push(Candidate::new(
            next.start,
            next.end,
            EntityType::Person,
            0.8,
        ));
    }
}

char_set!(
    /// The last chars of `surname_with_title`'s titles.
TITLE_LAST_CHARS = "氏生士姐太某记席理师");

/// Honorifics that make a mention with a bare surname (the seed guideline: 湯小姐).
const HONORIFICS: [&str; 5] = ["先生", "女士", "小姐", "太太", "博士"];

/// The titles and honorifics `surname_with_title` looks for.
const SURNAME_TITLES: [&str; 12] = [
    "氏",
    "先生",
    "女士",
    "小姐",
    "太太",
    "博士",
    "某",
    "总书记",
    "主席",
    "总理",
    "书记",
    "老师",
];

/// A surname fused with a title or honorific into one word: 江|主席, 吳|先生, 劉|某.
fn surname_with_title(prepared: &Prepared, w: &crate::segment::Span, out: &mut Vec<Candidate>) {
    if !TITLE_LAST_CHARS.contains(prepared.chars[w.end - 1]) {
        return;
    }
    let text = prepared.slice(w.start, w.end);
    let Some(first) = text.chars().next() else {
        return;
    };
    let rest = &text[first.len_utf8()..];
    if w.end - w.start >= 2
        && SURNAME_TITLES.contains(&rest)
        && is_surname(&text[..first.len_utf8()])
    {
        // Where no given name is written, an honorific makes the mention (湯小姐, 張博士);
        // a title does not (江|主席, 劉|教授: the surname alone).
        let end = if HONORIFICS.contains(&rest) {
            w.end
        } else {
            w.start + 1
        };
        out.push(Candidate::new(w.start, end, EntityType::Person, 0.7));
    }
}

/// A one-char surname and a given name that jieba both tagged as names: 朱|安康, 王|永勝.
fn surname_and_given_name(
    prepared: &Prepared,
    w: &crate::segment::Span,
    next: &crate::segment::Span,
    out: &mut Vec<Candidate>,
) {
    if w.end - w.start == 1
        && next.start == w.end
        && w.pos == "nr"
        && next.pos == "nr"
        && (1..=2).contains(&(next.end - next.start))
        && is_surname(prepared.slice(w.start, w.end))
        && plausible_name(prepared, w.start, next.end)
    {
        out.push(Candidate::new(w.start, next.end, EntityType::Person, 0.65));
    }
}

/// A name right before a speech verb or an honorific: `楊學明表示`, `陳鋒先生`.
/// Returns whether one was found.
fn name_before(prepared: &Prepared, end: usize, out: &mut Vec<Candidate>) -> bool {
    for len in [3, 2] {
        let Some(start) = end.checked_sub(len) else {
            continue;
        };
        // 斯|回應|說: a speech verb before the speech verb is no given name.
        let words = &prepared.words;
        let last = words.partition_point(|w| w.end < end);
        let verb_last = words.get(last).is_some_and(|w| {
            w.end == end && w.start > start && w.known && matches!(w.pos, "v" | "vn")
        });
        if prepared.starts_word(start) && !verb_last && plausible_name(prepared, start, end) {
            out.push(Candidate::new(start, end, EntityType::Person, 0.8));
            return true;
        }
    }
    false
}

char_set!(
    /// Characters of the standard transliteration of foreign names (新華社 table), in
    /// Simplified form. A name made only of them reads as a foreign name: 克林頓, 希拉克.
TRANSLITERATION = "阿埃艾安奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹道德迪蒂丁杜多厄恩尔法范菲费芬丰弗福夫盖甘高戈格根古圭哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考科克肯库奎拉莱赖兰劳勒雷里利列林琳卢鲁路伦罗洛马迈麦曼梅门米密明摩莫默姆穆纳南内尼努诺欧帕佩彭皮普齐奇恰乔切钦琼丘萨塞桑瑟森沙尚舍什施史斯松苏索塔泰坦汤特提图托瓦旺威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤于约泽扎詹兹佐顿");

char_set!(
    /// Last chars of common nouns that jieba's dictionary tags `nr` (安全性, 許可證,
    /// 季後賽, 陳列室, 白皮書); Chinese given names rarely end with them.
NOUN_ENDINGS = "性化率度证赛室馆书信费界业器机式型员者们内外节展报表图册单票卡车船舰站厂所质类物术");

char_set!(
    /// Second chars of two-char words jieba tags `nr` that are not given names: a
    /// surname with 某, 老, 氏, 家 (王某, 胡老: the surname alone is the name) and 尤杯, 白棋.
SHORT_NOUN_ENDINGS = "杯棋派方氏某老家");

char_set!(
    /// Last chars of place names (縣, 村, 礁, 溪) and buildings (閣, 苑, 邨): a word
    /// ending so is not a person.
PLACE_ENDINGS = "县村镇乡州市岛礁湖溪潭阁苑邨");

/// Whether every char of `text` writes foreign names (Mandarin or Hong Kong table) and
/// none is a common word's char that both tables share by chance (高達, 明白).
fn is_foreign_name_word(text: &str) -> bool {
    text.chars().all(is_foreign_char) && !text.chars().any(|c| COMMON_IN_WORDS.contains(c))
}

char_set!(
    /// Transliteration chars that mostly write ordinary words (高, 明, 白, 金, 华 …): a
    /// two-char word with one of them is more often a word than a name.
pub(super) COMMON_IN_WORDS = "高明白金华海南东西安英多本比加内因于");

fn is_transliteration(text: &str) -> bool {
    text.chars().all(|c| TRANSLITERATION.contains(c))
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn a_name_the_dictionary_tags_wrongly_is_still_a_person() {
        // jieba's dictionary tags 周恩來 a time word.
        assert_has("周恩來總理於3月2日抵達", "周恩來", Person);
        assert_has("周恩来说", "周恩来", Person);
    }

    #[test]
    fn a_name_with_a_middle_dot_is_one_person() {
        assert_has(
            "英特爾公司總裁安德魯·葛魯夫昨日訪港",
            "安德魯·葛魯夫",
            Person,
        );
        assert_has(
            "西班牙外長何塞·米格爾·因蘇爾薩抵達",
            "何塞·米格爾·因蘇爾薩",
            Person,
        );
        // Places joined by a dot stay places.
        let found = entities("中國·深圳創新周開幕");
        assert!(found.iter().all(|(_, k)| *k != Person), "{found:?}");
    }

    #[test]
    fn last_char_sets_cover_their_words() {
        use crate::entities::test_support::assert_last_chars_cover;
        let context = super::context_words();
        assert_last_chars_cover(super::BEFORE, &context.before_last);
        assert_last_chars_cover(
            crate::entities::roles::BEFORE
                .into_iter()
                .chain(super::AFTER),
            &context.after_last,
        );
        assert_last_chars_cover(super::SURNAME_TITLES, &super::TITLE_LAST_CHARS);
    }

    #[test]
    fn a_given_name_with_a_function_char_after_a_title() {
        // From seeds/004 and seeds/001: the segmenter cuts the given name at 一, 其, 月.
        assert_has("研究中心主任倪一清和他的團隊", "倪一清", Person);
        assert_has("正如廣東省科技廳廳長王月琴所言", "王月琴", Person);
        assert_has("量子科學中心主任薛其坤院士在河套", "薛其坤", Person);
        // A function word reaching past the name is the sentence's.
        for text in ["主任王一直說", "局長陳其後表示"] {
            let found = entities(text);
            assert!(found.iter().all(|(_, k)| *k != Person), "{text}: {found:?}");
        }
    }

    #[test]
    fn table() {
        let cases = [
            ("記者羅柳斌報道：", "羅柳斌"),
            ("大公報記者 胡永愛報道", "胡永愛"),
            ("責編 張碧珊 祁謙", "張碧珊"),
            ("責編 張碧珊 祁謙", "祁謙"),
            ("常務副市長黃敏出席", "黃敏"),
            ("副校長楊學明表示", "楊學明"),
            ("陳鋒先生指出", "陳鋒"),
            ("習近平在深圳考察", "習近平"),
            ("歐陽明表示，合作將加快", "歐陽明"),
            ("副委員長布赫出席會議", "布赫"),
            ("江主席的講話", "江"),
            ("商戶老闆湯小姐表示", "湯小姐"),
            ("張博士指出", "張博士"),
            ("行政長官林鄭月娥昨日出席", "林鄭月娥"),
            ("資深工程師林嘉松說，", "林嘉松"),
            ("國家副主席胡錦濤會見", "胡錦濤"),
            ("德國社會學家韋伯更認為", "韋伯"),
            ("丈夫郭某於當日報案", "郭"),
            ("行政長官李家明昨日出席活動", "李家明"),
            ("前署長陳馮秀珍昨日抵港", "陳馮秀珍"),
            ("美國總統布殊昨日表示", "布殊"),
            ("球星碧咸說，他會留隊", "碧咸"),
            ("歌手米高保頓表示", "米高保頓"),
            ("影帝米高堅的獎座", "米高堅"),
            // Foreign names with no title or verb (sentences written for these tests).
            ("布殊使用的語言打動選民", "布殊"),
        ];
        for (text, name) in cases {
            assert_has(text, name, Person);
        }
    }

    #[test]
    fn common_words_jieba_tags_as_names_are_not_people() {
        for text in [
            "出於安全性方面的考慮",
            "質量有明顯提高",
            "國家副主席出席",
            "令人非常失望",
            "上萬的遊客、顧客駐足觀賞",
            "印尼隊重捧尤杯",
            "白棋在應對中出錯",
        ] {
            let found = entities(text);
            assert!(found.iter().all(|(_, k)| *k != Person), "{text}: {found:?}");
        }
    }
}
