//! Foreign names the segmenter cut into pieces: 伊蓮娜|波娃, a given name and a surname. Hong
//! Kong papers write given name and surname run together with no dot, and jieba knows
//! few of them, so a name comes out as several short words, each a guess (a name, a
//! place, a noun no dictionary has). After overlaps are resolved, a run of such words
//! written only in transliteration chars, holding a word tagged as a name, is one
//! person; the pieces the layers found inside it (or a name guessed across its edge:
//! a name's last char and the verb after it) give way.

use super::people::{is_foreign_char, COMMON_IN_WORDS, HK_TRANSLITERATION};
use super::Candidate;
use crate::lexicon::{char_set, gazetteer, FUNCTION_CHARS};
use crate::segment::{Prepared, Span};
use crate::EntityType;

char_set!(
    /// Chars that continue a transliterated name but also write common words, so they
    /// never make one alone: 娃 (伊蓮娜波娃), 力 (佐治庫力克), 文 (文森), 哥 (哥倫布), 麗 (瑪麗).
CONTINUING = "娃力文哥丽");

/// Whether `c` continues a transliterated name without starting one (娃, 文 …).
pub(super) fn continues_name(c: char) -> bool {
    CONTINUING.contains(c)
}

/// The confidence of a name joined from a run of pieces.
const RUN_CONFIDENCE: f32 = 0.6;

/// Whether word `w` can be a piece of a foreign name: at most four chars, all used to
/// write foreign names, and tagged as a name, a place or a proper noun, or not known to
/// the dictionary (a one-char noun too: 哥|普拉).
fn is_piece(prepared: &Prepared, w: &Span) -> bool {
    let len = w.end - w.start;
    let chars = &prepared.chars[w.start..w.end];
    // Every word of a text is tested: the char tests first, as most words fail them.
    let foreign = |c: char| is_foreign_char(c) || CONTINUING.contains(c);
    if !(1..=4).contains(&len) || !chars.iter().all(|&c| foreign(c)) {
        return false;
    }
    let tagged = !w.known
        || matches!(w.pos, "nr" | "nrt" | "nrfg" | "nz" | "ns")
        || (len == 1 && w.pos == "n");
    tagged
        && !(len == 1 && FUNCTION_CHARS.contains(chars[0]))
        && !(w.known && len >= 2 && chars.iter().all(|&c| is_common(c)))
}

/// Chars of ordinary words that transliterations share: a dictionary word made only of
/// them is that word (文明, 明白), even where jieba also tags it a name.
fn is_common(c: char) -> bool {
    CONTINUING.contains(c) || COMMON_IN_WORDS.contains(c)
}

/// Whether a run of pieces `words` reads as a name: three chars or more, one piece
/// tagged as a person's name, at least two pieces (one word is the layers' to judge),
/// and not a place the gazetteer knows.
fn is_name(prepared: &Prepared, words: &[Span]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    // Two one-char pieces in the Hong Kong table's own chars (碧|咸): a Cantonese
    // transliteration no dictionary has, cut char by char.
    let cantonese_pair = words.len() == 2
        && last.end - first.start == 2
        && words.iter().any(|w| w.pos == "nr")
        && prepared.chars[first.start..last.end]
            .iter()
            .all(|&c| HK_TRANSLITERATION.contains(c));
    if cantonese_pair {
        return gazetteer()
            .get(prepared.slice(first.start, last.end))
            .is_none();
    }
    words.len() >= 2
        && last.end - first.start >= 3
        && last.end - first.start <= 10
        && words
            .iter()
            .any(|w| matches!(w.pos, "nr" | "nrt" | "nrfg") && w.end - w.start >= 2)
        && !CONTINUING.contains(prepared.chars[first.start])
        && gazetteer()
            .get(prepared.slice(first.start, last.end))
            .is_none()
}

/// Joins runs of name pieces in `found` (resolved, in text order) into one person each,
/// where every candidate the run overlaps is a person.
pub(super) fn join_runs(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let words = &prepared.words;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_piece(prepared, &words[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && words[j].start == words[j - 1].end && is_piece(prepared, &words[j])
        {
            j += 1;
        }
        if is_name(prepared, &words[i..j]) {
            runs.push((words[i].start, words[j - 1].end));
        }
        i = j;
    }
    if runs.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut removed = vec![false; found.len()];
    for (start, end) in runs {
        let first = found.partition_point(|c| c.end <= start);
        let inside: Vec<usize> = (first..found.len())
            .take_while(|&k| found[k].start < end)
            .collect();
        let exact =
            inside.len() == 1 && found[inside[0]].start == start && found[inside[0]].end == end;
        let all_people = inside.iter().all(|&k| found[k].kind == EntityType::Person);
        // A person reaching past the run gives way only where it is a guess made across
        // the run's edge (a name's last char and the verb after it), not a longer foreign
        // name written with a dot before the run.
        let longer_name = inside.iter().any(|&k| {
            let c = &found[k];
            (c.start < start || c.end > end)
                && prepared.chars[c.start..c.end]
                    .iter()
                    .all(|&ch| is_foreign_char(ch) || CONTINUING.contains(ch) || ch == '·')
        });
        if exact || !all_people || longer_name {
            continue;
        }
        for k in inside {
            removed[k] = true;
        }
        added.push(Candidate::new(
            start,
            end,
            EntityType::Person,
            RUN_CONFIDENCE,
        ));
    }
    if added.is_empty() {
        return;
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
    found.extend(added);
    found.sort_by_key(|c| c.start);
}

/// Extends a foreign name the layers found short by a piece the segmenter left beside it:
/// a one-char word before it (史|某某某, 哥|某某) or a short word after it (某某某|娃), each
/// written in transliteration chars, tagged as a name, a place or a noun, and taken by no
/// other candidate. Function chars (在, 與, 的) never join.
pub(super) fn extend_edges(prepared: &Prepared, found: &mut [Candidate]) {
    let words = &prepared.words;
    let chars = &prepared.chars;
    let foreign = |c: char| is_foreign_char(c) || CONTINUING.contains(c);
    let joins = |w: &Span| {
        let len = w.end - w.start;
        (1..=2).contains(&len)
            && chars[w.start..w.end]
                .iter()
                .all(|&c| foreign(c) && !FUNCTION_CHARS.contains(c))
            && (!w.known || matches!(w.pos, "nr" | "nrt" | "nrfg" | "ns" | "n"))
            && !(w.known && len == 2 && chars[w.start..w.end].iter().all(|&c| is_common(c)))
    };
    for k in 0..found.len() {
        let c = found[k];
        // A transliteration may start with a char the tables lack (某拉…): most of it
        // is written in theirs.
        let name = c.kind == EntityType::Person
            && c.end - c.start >= 2
            && chars[c.start + 1..c.end].iter().all(|&ch| foreign(ch));
        if !name {
            continue;
        }
        let free_from = k.checked_sub(1).map_or(0, |j| found[j].end);
        let free_to = found.get(k + 1).map_or(chars.len(), |n| n.start);
        let i = words.partition_point(|w| w.end <= c.start);
        let before = i.checked_sub(1).map(|j| &words[j]);
        if let Some(b) = before.filter(|b| {
            b.end == c.start && b.end - b.start == 1 && b.start >= free_from && joins(b)
        }) {
            // (史|某某某初: the name may end inside a word the HMM glued a char to.)
            // The char before the piece starts no other word (歷史|某某 is no 史).
            found[k].start = b.start;
        }
        let j = words.partition_point(|w| w.start < c.end);
        if !prepared.ends_word(c.end) {
            // 某某寶|娃 inside one guessed word: the name's last char is the word's.
            let w = &words[j.saturating_sub(1)];
            let rest = &chars[c.end..w.end.max(c.end)];
            if w.end == c.end + 1 && w.end <= free_to && rest.iter().all(|&ch| foreign(ch)) {
                found[k].end = w.end;
            }
        } else if let Some(a) = words.get(j).filter(|a| {
            a.start == c.end && a.end <= free_to && joins(a) && prepared.ends_word(a.end)
        }) {
            // 某某某|娃 but not 某某|斯回: a word after the name, whole.
            if a.end - a.start == 1 || a.pos.starts_with("nr") {
                found[k].end = a.end;
            }
        }
        let (s, e) = (found[k].start, found[k].end);
        if gazetteer().get(prepared.slice(s, e)).is_some() {
            found[k] = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn a_name_cut_into_pieces_is_one_person() {
        // Sentences written for these tests.
        let cases = [
            ("網球新星伊蓮娜波娃昨天奪冠", "伊蓮娜波娃"),
            ("名導演佐治庫力克執導的電影", "佐治庫力克"),
        ];
        for (text, name) in cases {
            assert_has(text, name, Person);
        }
    }

    #[test]
    fn a_cantonese_transliteration_cut_char_by_char_is_one_person() {
        // Sentences written for these tests.
        assert_has("球迷都喜歡施丹的球技", "施丹", Person);
        assert_has("教徒視夏洛為盟友", "夏洛", Person);
        assert_has("站在門外的波頓稱他沒有看見", "波頓", Person);
    }

    #[test]
    fn a_name_the_layers_found_short_takes_its_pieces() {
        // Sentences written for these tests: a surname ending with a char that continues
        // names (文), a verb char glued before a name, a speech verb after a name.
        let cases = [
            ("球會主席艾倫史提文也說", "艾倫史提文"),
            ("晚報拿娜塔莎波娃的叫聲做文章", "娜塔莎波娃"),
            ("他就教練卡洛斯回應說", "卡洛斯"),
        ];
        for (text, name) in cases {
            assert_has(text, name, Person);
        }
        let found = entities("東方文明與卡斯提文明的交流");
        assert!(found.iter().all(|(t, _)| !t.contains("文明")), "{found:?}");
    }

    #[test]
    fn words_around_a_foreign_name_stay_out() {
        for (text, name) in [
            ("我們不會因施丹的言論而動搖", "因施丹"),
            ("施丹政府決定", "施丹政府"),
        ] {
            let found = entities(text);
            assert!(found.iter().all(|(t, _)| t != name), "{text}: {found:?}");
        }
    }
}
