//! Tokens in a compact form for sending an analysis to the thread that has the text.
//!
//! Why: the worker sends the page every token of the text, and the page already has the
//! text. As [`Token`]s a 1 MB text is 600,000 tokens, a 24 MB message, and decoding it kept
//! the page busy for 190 ms. Packed, a token is its offsets and tag as three varints (about
//! three bytes); the page slices each token's text out of its own copy of the text.
//! Nothing in serde's ecosystem does this, as it depends on having the text at both ends.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use jiexi_engine::{intern_tag, CompactString, Token};

use crate::protocol::Mismatch;

/// Tokens without their text (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedTokens {
    /// The distinct tags, in order of first use.
    tags: Vec<String>,
    /// Per token, as LEB128 varints: its start less the previous token's end (zigzag:
    /// analyses never go back, other token lists may), its length in chars, and its
    /// tag's index times two, plus one if its text is not the slice of the text it
    /// covers (then the text is the next of `texts`).
    #[serde(with = "serde_bytes")]
    bytes: Vec<u8>,
    /// The texts of tokens whose text is not their slice (a word across a repaired line
    /// break leaves the break out).
    texts: Vec<String>,
    count: usize,
}

impl PackedTokens {
    /// Packs `tokens` of `text`.
    pub fn pack(text: &str, tokens: &[Token]) -> Self {
        let mut packed = PackedTokens {
            bytes: Vec::with_capacity(tokens.len() * 3),
            count: tokens.len(),
            ..Default::default()
        };
        let mut tag_index: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut chars = Chars::new(text);
        let mut previous_end = 0;
        for t in tokens {
            let slice = chars.slice(t.start, t.end);
            let differs = slice != Some(t.text.as_str());
            let next = tag_index.len();
            let tag = *tag_index.entry(&t.pos).or_insert(next);
            if tag == next {
                packed.tags.push(t.pos.to_string());
            }
            put(
                &mut packed.bytes,
                zigzag(t.start as i64 - previous_end as i64),
            );
            put(&mut packed.bytes, t.end.saturating_sub(t.start));
            put(&mut packed.bytes, tag * 2 + usize::from(differs));
            if differs {
                packed.texts.push(t.text.to_string());
            }
            previous_end = t.start + t.end.saturating_sub(t.start);
        }
        packed
    }

    /// The tokens of `text` as they were packed. A message that does not fit the text (a
    /// different text, or damage) is an error, never a panic.
    pub fn unpack(&self, text: &str) -> Result<Vec<Token>, Mismatch> {
        let damaged = || Mismatch;
        let tags: Vec<Cow<'static, str>> = self
            .tags
            .iter()
            .map(|t| Cow::Borrowed(intern_tag(t)))
            .collect();
        let mut tokens = Vec::with_capacity(self.count);
        let mut bytes = self.bytes.as_slice();
        let mut texts = self.texts.iter();
        let mut chars = Chars::new(text);
        let mut end = 0;
        for _ in 0..self.count {
            let delta = unzigzag(take(&mut bytes).ok_or_else(damaged)?);
            let len = take(&mut bytes).ok_or_else(damaged)?;
            let tag = take(&mut bytes).ok_or_else(damaged)?;
            let start = usize::try_from(end as i64 + delta).map_err(|_| damaged())?;
            end = start.checked_add(len).ok_or_else(damaged)?;
            let pos = tags.get(tag / 2).ok_or_else(damaged)?.clone();
            let token_text = if tag % 2 == 1 {
                CompactString::from(texts.next().ok_or_else(damaged)?.as_str())
            } else {
                CompactString::from(chars.slice(start, end).ok_or_else(damaged)?)
            };
            tokens.push(Token {
                start,
                end,
                text: token_text,
                pos,
            });
        }
        if !bytes.is_empty() {
            return Err(damaged());
        }
        Ok(tokens)
    }
}

/// Slices a text by char offsets that only move forward, in one walk: tokens come in
/// order, each starting where the last ended or after it.
struct Chars<'t> {
    text: &'t str,
    /// Char offset `at` is at byte `byte`.
    at: usize,
    byte: usize,
}

impl<'t> Chars<'t> {
    fn new(text: &'t str) -> Self {
        Chars {
            text,
            at: 0,
            byte: 0,
        }
    }

    /// Moves to char `i` and returns its byte offset, if the text has it and `i` is not
    /// behind the last offset asked for (then `None`, and nothing moves).
    fn advance_to(&mut self, i: usize) -> Option<usize> {
        let skip = i.checked_sub(self.at)?;
        let mut byte = self.byte;
        let bytes = self.text.as_bytes();
        for _ in 0..skip {
            let lead = *bytes.get(byte)?;
            // The length of a UTF-8 sequence from its lead byte: the text is a str.
            byte += match lead {
                0..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
        }
        self.at = i;
        self.byte = byte;
        Some(byte)
    }

    /// Chars `start..end`; later calls may not start before `end`.
    fn slice(&mut self, start: usize, end: usize) -> Option<&'t str> {
        if end < start {
            return None;
        }
        let s = self.advance_to(start)?;
        let e = self.advance_to(end)?;
        self.text.get(s..e)
    }
}

/// A signed number as an unsigned one, small in magnitude to small: 0, -1, 1, -2 …
fn zigzag(n: i64) -> usize {
    ((n << 1) ^ (n >> 63)) as usize
}

fn unzigzag(n: usize) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

fn put(out: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn take(bytes: &mut &[u8]) -> Option<usize> {
    let mut n = 0usize;
    for shift in (0..usize::BITS).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= usize::from(b & 0x7F).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_survive_packing() {
        let analyzer = jiexi_engine::Analyzer::new();
        for text in [
            "記者羅柳斌報道：2024年12月17日，深圳市常務副市長黃敏表示。",
            "激發本地企業的自主研發能\n\n  力。𠝹 𨋢 ＡＩ 😀",
            "",
            "   ",
        ] {
            let tokens = analyzer.analyze(text).tokens;
            let packed = PackedTokens::pack(text, &tokens);
            assert_eq!(packed.unpack(text).unwrap(), tokens, "{text}");
            assert!(packed.bytes.len() <= 3 * tokens.len() + 3);
        }
    }

    #[test]
    fn a_different_text_is_an_error() {
        let analyzer = jiexi_engine::Analyzer::new();
        let text = "深圳市常務副市長黃敏表示";
        let packed = PackedTokens::pack(text, &analyzer.analyze(text).tokens);
        assert!(packed.unpack("深圳").is_err());
        let mut cut = packed.clone();
        cut.bytes.pop();
        assert!(cut.unpack(text).is_err());
        let mut tags = packed;
        tags.tags.clear();
        assert!(tags.unpack(text).is_err());
    }

    proptest::proptest! {
        /// Any tokens, even out of order or overlapping, come back as they were.
        #[test]
        fn any_tokens_survive_packing(
            text in "\\PC{0,40}",
            spans in proptest::collection::vec((0usize..45, 0usize..5, "[a-z]{1,3}", "\\PC{0,3}"), 0..12),
        ) {
            let tokens: Vec<Token> = spans
                .into_iter()
                .map(|(start, len, pos, t)| Token {
                    start,
                    end: start + len,
                    text: CompactString::from(t),
                    pos: Cow::Owned(pos),
                })
                .collect();
            let packed = PackedTokens::pack(&text, &tokens);
            proptest::prop_assert_eq!(packed.unpack(&text).unwrap(), tokens);
        }
    }
}
