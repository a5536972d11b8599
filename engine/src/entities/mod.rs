//! Entity recognition: independent layers propose candidates on the Simplified analysis
//! text; overlaps are resolved (longest wins, then the more specific layer); results are
//! mapped back to the original text.
//!
//! Layers: [`numeric`] (dates, times, money, percentages, quantities), [`dates`]
//! (relative dates; a date joined with its time and a range into one span), [`places`]
//! (gazetteer, place suffixes, country abbreviations), [`organisations`] (gazetteer, name +
//! organisation suffix), [`platforms`] (a place, its work, 平台), [`people`] (surname-led names in context: bylines, titles, speech
//! verbs), [`glued_names`] (names the HMM glued to a neighbour), [`titles`] (《…》 works
//! and laws). After overlaps are resolved, [`document`]
//! finds the other mentions of the names found (and of the short forms the text defines);
//! before it, [`chains`] joins a township to the village in it named after it, and
//! [`foreign_names`] a foreign name the segmenter cut into pieces; [`unlikely_people`]
//! drops people guessed from their chars alone where the context says otherwise.
//!
//! Shared by the layers, importing none of them: [`names`] (the walk back from a suffix
//! to a name's start), [`org_suffixes`] (organisation suffixes) and [`roles`] (titles
//! before a person's name).

mod chains;
mod dates;
mod document;
mod foreign_names;
mod glued_names;
mod lists;
mod names;
mod numeric;
mod org_suffixes;
mod organisations;
mod people;
mod places;
mod platforms;
mod roles;
mod titles;
mod units;
mod unlikely_people;

use crate::segment::{Original, Prepared};
use crate::{Entity, EntityType};

/// A proposed entity, in analysis char offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// How sure the layer is, 0–1; shown to users, used to break ties.
    pub confidence: f32,
    /// For a short form: where its full name stands (analysis offsets).
    pub alias_of: Option<(usize, usize)>,
}

impl Candidate {
    pub fn new(start: usize, end: usize, kind: EntityType, confidence: f32) -> Self {
        Candidate {
            start,
            end,
            kind,
            confidence,
            alias_of: None,
        }
    }
}

/// All layers' candidates for a prepared text, overlaps resolved, in text order.
pub(crate) fn recognize(prepared: &Prepared) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    numeric::find(prepared, &mut candidates);
    dates::find(prepared, &mut candidates);
    titles::find(prepared, &mut candidates);
    places::find(prepared, &mut candidates);
    organisations::find(prepared, &mut candidates);
    platforms::find(prepared, &mut candidates);
    people::find(prepared, &mut candidates);
    glued_names::find(prepared, &mut candidates);
    let mut found = resolve(candidates);
    places::drop_nationalities(prepared, &mut found);
    people::join_dotted(prepared, &mut found);
    people::join_undotted(prepared, &mut found);
    foreign_names::join_runs(prepared, &mut found);
    foreign_names::extend_edges(prepared, &mut found);
    unlikely_people::drop(prepared, &mut found);
    organisations::join_level_government(prepared, &mut found);
    organisations::join_place_prefix(prepared, &mut found);
    units::join(prepared, &mut found);
    lists::type_items(prepared, &mut found);
    chains::join(prepared, &mut found);
    document::add_mentions(prepared, &mut found);
    dates::join(prepared, &mut found);
    found
}

/// Keeps non-overlapping candidates: longer first, then more confident.
fn resolve(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let len = candidates.iter().map(|c| c.end).max().unwrap_or(0);
    // Ties keep the layers' order (the more specific layer first): the position is the
    // last part of the key, so an unstable sort on one number orders as a stable one would.
    let mut keyed: Vec<(u128, Candidate)> = candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| (resolve_key(&c, i), c))
        .collect();
    keyed.sort_unstable_by_key(|k| k.0);
    let candidates = keyed.into_iter().map(|(_, c)| c);
    let mut taken: Vec<Candidate> = Vec::with_capacity(candidates.len());
    // Chars already covered; a bitmap keeps this linear for long texts.
    let mut covered = vec![false; len];
    for c in candidates {
        if c.start >= c.end || covered[c.start..c.end].iter().any(|&x| x) {
            continue;
        }
        covered[c.start..c.end].iter_mut().for_each(|x| *x = true);
        taken.push(c);
    }
    taken.sort_by_key(|c| c.start);
    taken
}

/// Orders candidates longer first, then more confident, then earlier in the text, then
/// in the order they were proposed (`index`).
fn resolve_key(c: &Candidate, index: usize) -> u128 {
    let len = (c.end.saturating_sub(c.start) as u32) as u128;
    // Confidences are in 0–1: the bits of a non-negative f32 order as its value does.
    let confidence = c.confidence.max(0.0).to_bits() as u128;
    let start = (c.start as u32) as u128;
    let index = (index as u32) as u128;
    ((u32::MAX as u128 - len) << 96)
        | ((u32::MAX as u128 - confidence) << 64)
        | (start << 32)
        | index
}

/// Maps resolved candidates to entities in original offsets.
pub(crate) fn to_entities(
    original: &Original,
    prepared: &Prepared,
    found: &[Candidate],
) -> Vec<Entity> {
    found
        .iter()
        .map(|c| {
            let (start, end, text) = original.span(&prepared.normalized, c.start, c.end);
            Entity {
                start,
                end,
                kind: c.kind,
                text: text.into_owned(),
                confidence: c.confidence,
                alias_of: c
                    .alias_of
                    .map(|(s, e)| original.span(&prepared.normalized, s, e).2.into_owned()),
                value: None,
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Analyzer, EntityType};

    /// The entities of `text` as (text, type) pairs.
    pub fn entities(text: &str) -> Vec<(String, EntityType)> {
        thread_local!(static A: Analyzer = Analyzer::new());
        A.with(|a| {
            a.analyze(text)
                .entities
                .into_iter()
                .map(|e| (e.text, e.kind))
                .collect()
        })
    }

    /// `text` prepared as Simplified text, by one segmenter shared by the property tests
    /// (building one per case would be most of their time).
    pub fn prepared(text: &str) -> crate::segment::Prepared {
        static SEGMENTER: std::sync::LazyLock<crate::segment::Segmenter> =
            std::sync::LazyLock::new(Default::default);
        SEGMENTER.prepare(text, crate::Script::Simplified)
    }

    /// Asserts that every suffix ends with a char of `last_chars` (the pre-filter sets).
    pub fn assert_last_chars_cover<'a>(
        suffixes: impl IntoIterator<Item = &'a str>,
        last_chars: &crate::lexicon::CharSet,
    ) {
        for s in suffixes {
            assert!(last_chars.contains(s.chars().last().unwrap()), "{s}");
        }
    }

    /// Asserts that `text` has an entity `want` of type `kind`.
    pub fn assert_has(text: &str, want: &str, kind: EntityType) {
        let found = entities(text);
        assert!(
            found.iter().any(|(t, k)| t == want && *k == kind),
            "{text}: expected {want} as {kind}, found {found:?}"
        );
    }
}
