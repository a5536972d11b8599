//! Part-of-speech guesses for words no dictionary has: jieba's POS HMM, read from the
//! packed dictionaries (`posseg-hmm`, see `scripts/data/gen_engine_data.py`).
//!
//! Why not jieba-rs's own: it compiles its model into the binary (the `default-dict`
//! feature), where it was 1.2 MB of the web worker's 1.5 MB download, incompressible, and
//! downloaded again with every new build. Read from the dictionary asset it is cached
//! with the dictionaries and compresses with them. The model and the decoding are
//! jieba's (a Viterbi search over position × tag states), so the guesses are the same;
//! a test compares them with jieba-rs's where both are built.

use rustc_hash::FxHashMap;

use crate::lexicon::intern_tag;
use crate::Error;

/// Log-probability of what cannot happen.
const IMPOSSIBLE: f64 = -3.14e100;
/// Positions in a word: B(egin), M(iddle), E(nd), S(ingle).
const POSITIONS: usize = 4;
const TAGS: usize = 64;
const STATES: usize = POSITIONS * TAGS;

/// The chars jieba-rs guesses tags for (its CJK ranges, which are not quite
/// [`crate::lexicon::is_han`]'s: they stop before extension G).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2EBEF}' | '\u{2F800}'..='\u{2FA1F}')
}

fn state(position: usize, tag: usize) -> usize {
    position * TAGS + tag
}

fn position_of(state: usize) -> usize {
    state / TAGS
}

fn tag_of(state: usize) -> usize {
    state % TAGS
}

/// Buffers of the search, kept between words: a text has thousands of unknown words.
#[derive(Default)]
struct Scratch {
    chars: Vec<(usize, char)>,
    /// Reachable states at the current step, ascending, with their scores.
    live: Vec<(usize, f64)>,
    next: Vec<(usize, f64)>,
    /// Where each state at each step came from: `step * STATES + state`.
    from: Vec<u16>,
    path: Vec<usize>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The POS HMM.
pub(crate) struct PosModel {
    tags: Vec<&'static str>,
    start: Vec<f64>,
    /// `to * STATES + from`.
    transitions: Vec<f64>,
    /// The states each char can take, ascending, with their emission log-probabilities.
    chars: FxHashMap<char, Vec<(u16, f64)>>,
}

impl PosModel {
    /// Reads the model: jieba-rs's `@TAGS`, `@START` and `@TRANS` sections, then `@CHARS`
    /// (see `scripts/data/gen_engine_data.py`).
    pub fn parse(text: &str) -> Result<Self, Error> {
        let damaged = |line: &str| Error::Dictionary(format!("bad POS model line {line:?}"));
        let mut model = PosModel {
            tags: Vec::new(),
            start: vec![IMPOSSIBLE; STATES],
            transitions: vec![IMPOSSIBLE; STATES * STATES],
            chars: FxHashMap::default(),
        };
        // "position,tag" → state.
        let parse_state = |text: &str| -> Option<usize> {
            let (p, t) = text.split_once(',')?;
            let (p, t) = (
                p.trim().parse::<usize>().ok()?,
                t.trim().parse::<usize>().ok()?,
            );
            (p < POSITIONS && t < TAGS).then(|| state(p, t))
        };
        let mut section = "";
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('@') {
                section = line;
                continue;
            }
            match section {
                "@TAGS" => {
                    model.tags = line.split(',').map(|t| intern_tag(t.trim())).collect();
                    if model.tags.len() != TAGS {
                        return Err(damaged(line));
                    }
                }
                "@START" => {
                    let (s, p) = line.rsplit_once(',').ok_or_else(|| damaged(line))?;
                    let s = parse_state(s).ok_or_else(|| damaged(line))?;
                    model.start[s] = p.trim().parse().map_err(|_| damaged(line))?;
                }
                "@TRANS" => {
                    let mut cells = line.split('|');
                    let from = cells
                        .next()
                        .and_then(parse_state)
                        .ok_or_else(|| damaged(line))?;
                    for cell in cells.map(str::trim).filter(|c| !c.is_empty()) {
                        let (to, p) = cell.rsplit_once(',').ok_or_else(|| damaged(line))?;
                        let to = parse_state(to).ok_or_else(|| damaged(line))?;
                        model.transitions[to * STATES + from] =
                            p.trim().parse().map_err(|_| damaged(line))?;
                    }
                }
                "@CHARS" => {
                    // char|state,logp|… (the generator intersected jieba's emissions with
                    // its state lists: these are all the states the char can take).
                    let mut cells = line.split('|');
                    let c = cells
                        .next()
                        .and_then(|c| c.chars().next())
                        .ok_or_else(|| damaged(line))?;
                    let mut row = Vec::new();
                    for cell in cells {
                        let (s, p) = cell.split_once(',').ok_or_else(|| damaged(line))?;
                        let s: u16 = s.parse().map_err(|_| damaged(line))?;
                        if usize::from(s) >= STATES {
                            return Err(damaged(line));
                        }
                        row.push((s, p.parse().map_err(|_| damaged(line))?));
                    }
                    row.sort_by_key(|&(s, _)| s);
                    model.chars.insert(c, row);
                }
                _ => return Err(damaged(line)),
            }
        }
        if model.tags.len() != TAGS || model.chars.is_empty() {
            return Err(Error::Dictionary(
                "the POS model has no tags or no chars".into(),
            ));
        }
        Ok(model)
    }

    /// The tag jieba gives a word it does not know: for a word of Han chars (and no
    /// ASCII letter or digit, which jieba tags by itself) the tag of the longest part the
    /// HMM finds in it, the last of equally long ones; `x` if none.
    pub fn guess(&self, word: &str) -> &'static str {
        if !word.chars().any(is_cjk) {
            return "x";
        }
        let mut best: Option<(usize, &'static str)> = None;
        SCRATCH.with_borrow_mut(|scratch| {
            self.decode(word, scratch, |start, end, tag| {
                if best.is_none_or(|(len, _)| end - start >= len) {
                    best = Some((end - start, tag));
                }
            })
        });
        best.map_or("x", |(_, tag)| tag)
    }

    fn row(&self, c: char) -> &[(u16, f64)] {
        self.chars.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The most probable words and tags of `word`, as byte spans, in order.
    fn decode(
        &self,
        word: &str,
        scratch: &mut Scratch,
        mut emit: impl FnMut(usize, usize, &'static str),
    ) {
        let Scratch {
            chars,
            live,
            next,
            from,
            path,
        } = scratch;
        chars.clear();
        chars.extend(word.char_indices());
        let Some(&(_, first)) = chars.first() else {
            return;
        };
        let end = word.len();
        if chars.len() == 1 {
            // The most probable single-char state; the last of equals.
            let mut best: Option<(f64, usize)> = None;
            for &(s, e) in self.row(first) {
                let s = usize::from(s);
                let p = self.start[s] + e;
                if position_of(s) == 3 && p > IMPOSSIBLE && best.is_none_or(|(b, _)| p >= b) {
                    best = Some((p, s));
                }
            }
            emit(0, end, best.map_or("x", |(_, s)| self.tags[tag_of(s)]));
            return;
        }
        // Reachable states at each step, ascending, and where each came from.
        live.clear();
        live.extend(
            self.row(first)
                .iter()
                .map(|&(s, e)| (usize::from(s), self.start[usize::from(s)] + e))
                .filter(|&(_, p)| p > IMPOSSIBLE),
        );
        // Only entries this call writes are read back (every candidate state of a step
        // gets one), so what an earlier word left needs no clearing.
        if from.len() < chars.len() * STATES {
            from.resize(chars.len() * STATES, u16::MAX);
        }
        for (t, &(_, c)) in chars.iter().enumerate().skip(1) {
            if live.is_empty() {
                break;
            }
            next.clear();
            // A word begins or is single after an end or a single; it goes on or ends
            // after a beginning or a middle. `live` is ascending, so grouped by position
            // (a state is position * TAGS + tag): each set of predecessors is one run of
            // it, found once a step rather than tested for every pair of states.
            let split = live.partition_point(|&(q, _)| position_of(q) < 2);
            let (begins_and_middles, ends_and_singles) = live.split_at(split);
            for &(s, e) in self.row(c) {
                let s = usize::from(s);
                let into = &self.transitions[s * STATES..(s + 1) * STATES];
                let (mut best, mut best_from) = (IMPOSSIBLE, u16::MAX);
                let before = match position_of(s) {
                    0 | 3 => ends_and_singles,
                    _ => begins_and_middles,
                };
                // Predecessors in ascending order, the first of equals wins (as jieba).
                for &(q, v) in before {
                    let tp = into[q];
                    if tp <= IMPOSSIBLE {
                        continue;
                    }
                    let p = v + tp + e;
                    if p > best {
                        best = p;
                        best_from = q as u16;
                    }
                }
                from[t * STATES + s] = best_from;
                if best > IMPOSSIBLE {
                    next.push((s, best));
                }
            }
            std::mem::swap(live, next);
        }
        // The best end or single state at the last char; the first of equals, ends first.
        let mut last: Option<(f64, usize)> = None;
        for position in [2, 3] {
            for &(s, p) in live.iter() {
                if position_of(s) == position && p > last.map_or(IMPOSSIBLE, |(b, _)| b) {
                    last = Some((p, s));
                }
            }
        }
        let Some((_, mut s)) = last else {
            emit(0, end, "x");
            return;
        };
        path.clear();
        path.resize(chars.len(), 0);
        for t in (0..chars.len()).rev() {
            path[t] = s;
            if t > 0 {
                s = usize::from(from[t * STATES + s]);
            }
        }
        let byte_after = |t: usize| chars.get(t + 1).map_or(end, |c| c.0);
        let (mut word_start, mut done) = (0, None);
        for (t, &s) in path.iter().enumerate() {
            match position_of(s) {
                0 => word_start = chars[t].0,
                2 => {
                    emit(word_start, byte_after(t), self.tags[tag_of(s)]);
                    done = Some(byte_after(t));
                }
                3 => {
                    emit(chars[t].0, byte_after(t), self.tags[tag_of(s)]);
                    done = Some(byte_after(t));
                }
                _ => {}
            }
        }
        match done {
            None => emit(0, end, "x"),
            Some(b) if b < end => emit(b, end, "x"),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> &'static PosModel {
        static MODEL: std::sync::LazyLock<PosModel> = std::sync::LazyLock::new(|| {
            let packed = crate::dictionary::Packed::parse(crate::segment::EMBEDDED).unwrap();
            PosModel::parse(packed.model("posseg-hmm").unwrap()).unwrap()
        });
        &MODEL
    }

    #[test]
    fn guesses_names_and_nouns() {
        for (word, tag) in [("张尧", "nr"), ("罗柳斌", "nr"), ("", "x"), ("𠝹", "x")] {
            assert_eq!(model().guess(word), tag, "{word}");
        }
    }

    #[test]
    fn a_damaged_model_is_an_error() {
        assert!(PosModel::parse("@TAGS\na,b").is_err());
        assert!(PosModel::parse("@START\n0,0").is_err());
        assert!(PosModel::parse("@WHAT\n1").is_err());
        assert!(PosModel::parse("").is_err());
    }
}
