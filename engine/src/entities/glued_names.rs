//! Chinese names jieba's HMM glued to their neighbours when it guessed an unknown word:
//! a preposition before the name (除|某某某|外 as one word), a verb char after it
//! (某某某|忍), or the cut put one char off (幫某|某某, 某某|某稱). The name is three chars: a
//! one-char surname and a two-char given name, found where the guessed words' chars allow
//! no other reading.

use super::Candidate;
use crate::lexicon::{char_set, gazetteer, is_han, is_surname, FUNCTION_CHARS};
use crate::segment::{Prepared, Span};
use crate::EntityType;

char_set!(
    /// Prepositions and verbs the HMM glues to the name after them: 除 (except), 幫
    /// (help), 向, 被, 把, 對, 替, 為, 跟, 與, 同, 和, 讓, 令, 給, 將.
LEADING = "除帮向被把对替为跟与同和让令给将");

char_set!(
    /// Speech verbs the HMM glues to the name's last char (某某|某稱).
SPEECH = "称说道指");

/// How sure a name found by re-cutting guessed words is.
const CONFIDENCE: f32 = 0.6;

/// Whether chars `start..start + 3` read as a name: a one-char surname that does not
/// start a compound or a double surname, two given-name chars that are no function
/// words, Han only, and no place.
fn three_char_name(prepared: &Prepared, start: usize) -> bool {
    let chars = &prepared.chars;
    if start + 3 > chars.len() {
        return false;
    }
    let name = &chars[start..start + 3];
    name.iter().all(|&c| is_han(c))
        && is_surname(prepared.slice(start, start + 1))
        && !is_surname(prepared.slice(start, start + 2))
        && !is_surname(prepared.slice(start + 1, start + 2))
        && !name[1..].iter().any(|&c| FUNCTION_CHARS.contains(c))
        && gazetteer().get(prepared.slice(start, start + 3)).is_none()
}

/// A guessed word the HMM tagged a name.
fn guessed_name(w: &Span) -> bool {
    !w.known && w.pos == "nr"
}

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let words = &prepared.words;
    let chars = &prepared.chars;
    for (i, w) in words.iter().enumerate() {
        let len = w.end - w.start;
        // Only guessed words start a glued name: most words are known.
        if w.known {
            continue;
        }
        let next = words.get(i + 1).filter(|n| n.start == w.end);
        let start = if guessed_name(w) && (4..=5).contains(&len) {
            // 除某某某外, 某某某忍: a name inside one guessed word.
            if LEADING.contains(chars[w.start]) && len - 4 <= 1 {
                Some(w.start + 1)
            } else if len == 4 {
                Some(w.start)
            } else {
                None
            }
        } else if !w.known && len == 2 {
            match next {
                // 幫某|某某: the surname glued to the verb before it.
                Some(n)
                    if LEADING.contains(chars[w.start])
                        && n.end - n.start == 2
                        && n.pos == "nr" =>
                {
                    Some(w.start + 1)
                }
                // 某某|某稱, 某某|某: the given name's last char cut off.
                Some(n)
                    if guessed_name(w)
                        && ((!n.known
                            && n.end - n.start == 2
                            && SPEECH.contains(chars[n.end - 1]))
                            || (n.end - n.start == 1 && matches!(n.pos, "ns" | "nr" | "nrt"))) =>
                {
                    Some(w.start)
                }
                _ => None,
            }
        } else {
            None
        };
        if let Some(s) = start.filter(|&s| three_char_name(prepared, s)) {
            out.push(Candidate::new(s, s + 3, EntityType::Person, CONFIDENCE));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::assert_has;
    use crate::EntityType::Person;

    #[test]
    fn a_name_glued_to_its_neighbours_is_cut_out() {
        // Sentences written for these tests: the HMM guesses 黎志|威稱 and 幫林志傑 as one word.
        for (text, name) in [
            ("黎志威稱，新盤會預留十個單位", "黎志威"),
            ("大家討論怎樣幫林志傑準備比賽", "林志傑"),
        ] {
            assert_has(text, name, Person);
        }
    }
}
