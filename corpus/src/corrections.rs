//! The user's corrections: names marked as entities of a type, false entities removed,
//! words the segmentation should keep whole. They apply to every text at once, in both
//! scripts and any width (matching is on the Simplified, width-folded form, which has as
//! many chars as the original), on top of what the engine found.
//!
//! They are kept as a user dictionary in jieba's `word freq tag` format: the tag is an
//! OntoNotes type for an entity (`羅柳斌 100 PERSON`), `-TYPE` for a text that is not
//! an entity of that type (`中央 100 -ORG`), or a jieba part of speech for a word
//! (`大灣區 100 n`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::Error;
use jiexi_engine::script::fold;
use jiexi_engine::{Analysis, Entity, EntityType, Token};

/// One correction.
///
/// Externally tagged (`{"entity": {…}}`): the worker protocol's binary codec cannot
/// read internally tagged enums.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Correction {
    /// `text` is an entity of type `type` wherever it occurs.
    Entity {
        text: String,
        #[serde(rename = "type")]
        entity_type: EntityType,
    },
    /// `text` is never an entity of type `type`.
    NotEntity {
        text: String,
        #[serde(rename = "type")]
        entity_type: EntityType,
    },
    /// `text` is one word (token), tagged `pos`.
    Word { text: String, pos: String },
}

impl Correction {
    pub fn text(&self) -> &str {
        match self {
            Correction::Entity { text, .. }
            | Correction::NotEntity { text, .. }
            | Correction::Word { text, .. } => text,
        }
    }
}

/// The longest text a correction may have, in chars: names and terms, not sentences.
pub const MAX_CORRECTION_CHARS: usize = 40;

/// The user dictionary: corrections in the order they were made. A later correction of
/// the same text and kind replaces an earlier one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDictionary {
    pub corrections: Vec<Correction>,
}

/// The form texts are matched in: folded ([`fold`]), lower case.
fn key(text: &str) -> Vec<char> {
    fold(text).chars().flat_map(char::to_lowercase).collect()
}

impl UserDictionary {
    /// Adds `correction`, replacing what it contradicts: an entity correction replaces
    /// earlier entity and not-entity corrections of the same text; a not-entity one the
    /// entity correction of that type.
    pub fn add(&mut self, mut correction: Correction) -> Result<(), Error> {
        // Kept trimmed: an entity never starts or ends with whitespace.
        let trimmed = correction.text().trim().to_string();
        match &mut correction {
            Correction::Entity { text, .. }
            | Correction::NotEntity { text, .. }
            | Correction::Word { text, .. } => *text = trimmed,
        }
        let text = correction.text();
        let chars = text.chars().count();
        if chars == 0 || chars > MAX_CORRECTION_CHARS || text.chars().any(char::is_control) {
            return Err(Error::Correction(format!(
                "a correction is 1 to {MAX_CORRECTION_CHARS} characters on one line, not {chars}"
            )));
        }
        let k = key(text);
        self.corrections.retain(|c| {
            let same = key(c.text()) == k;
            !same
                || match (&correction, c) {
                    (Correction::Entity { .. }, Correction::Entity { .. })
                    | (Correction::Entity { .. }, Correction::NotEntity { .. })
                    | (Correction::Word { .. }, Correction::Word { .. }) => false,
                    (
                        Correction::NotEntity { entity_type: a, .. },
                        Correction::Entity { entity_type: b, .. }
                        | Correction::NotEntity { entity_type: b, .. },
                    ) => a != b,
                    _ => true,
                }
        });
        self.corrections.push(correction);
        Ok(())
    }

    /// Removes `correction`; whether it was there. By value, not by position: the change
    /// is made again to the dictionary as stored, where another tab may have added some.
    pub fn remove(&mut self, correction: &Correction) -> bool {
        let before = self.corrections.len();
        self.corrections.retain(|c| c != correction);
        self.corrections.len() < before
    }

    pub fn is_empty(&self) -> bool {
        self.corrections.is_empty()
    }

    /// The dictionary as a jieba user dictionary (`word freq tag` per line).
    pub fn to_jieba(&self) -> String {
        let mut out = String::new();
        for c in &self.corrections {
            let tag = match c {
                Correction::Entity { entity_type, .. } => entity_type.as_str().to_string(),
                Correction::NotEntity { entity_type, .. } => format!("-{}", entity_type.as_str()),
                Correction::Word { pos, .. } => pos.clone(),
            };
            out.push_str(&format!("{} 100 {tag}\n", c.text()));
        }
        out
    }

    /// Parses a jieba user dictionary (`word [freq] [tag]` per line; blank lines and
    /// lines starting with `#` skipped). Fails on the first bad line, naming it, so a
    /// bad file changes nothing.
    pub fn from_jieba(source: &str, text: &str) -> Result<UserDictionary, Error> {
        let mut dict = UserDictionary::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim().trim_start_matches('\u{FEFF}');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| Error::Correction(format!("{source}: line {}: {why}", n + 1));
            let mut parts = line.split_whitespace();
            let word = parts.next().ok_or_else(|| bad("no word"))?.to_string();
            let mut tag = "n";
            for part in parts {
                if part.parse::<u64>().is_err() {
                    tag = part;
                }
            }
            let correction = if let Some(t) = tag.strip_prefix('-') {
                let entity_type =
                    EntityType::parse(t).ok_or_else(|| bad(&format!("unknown type {t}")))?;
                Correction::NotEntity {
                    text: word,
                    entity_type,
                }
            } else if let Some(entity_type) = EntityType::parse(tag) {
                Correction::Entity {
                    text: word,
                    entity_type,
                }
            } else if tag.chars().all(|c| c.is_ascii_alphabetic()) && tag.len() <= 8 {
                Correction::Word {
                    text: word,
                    pos: tag.to_string(),
                }
            } else {
                return Err(bad(&format!("unknown tag {tag}")));
            };
            dict.add(correction).map_err(|e| bad(&e.to_string()))?;
        }
        Ok(dict)
    }

    /// Applies the corrections to `analysis` of `text`: forced entities replace what
    /// they overlap, removed ones go, forced words become single tokens. Tokens are
    /// split at the new entities' edges, so entities stay runs of whole tokens.
    pub fn apply(&self, text: &str, analysis: &mut Analysis) {
        if self.corrections.is_empty() {
            return;
        }
        let chars: Vec<char> = text.chars().collect();
        let folded = key(text);
        // Lower-casing can change the number of chars (rare letters): then offsets would
        // not line up, so corrections are skipped rather than misplaced.
        if folded.len() != chars.len() {
            return;
        }
        let mut removed: HashMap<Vec<char>, Vec<EntityType>> = HashMap::new();
        let mut forced: Vec<(usize, usize, EntityType)> = Vec::new();
        let mut words: Vec<(usize, usize, &str)> = Vec::new();
        for c in &self.corrections {
            let k = key(c.text());
            match c {
                Correction::NotEntity { entity_type, .. } => {
                    removed.entry(k).or_default().push(*entity_type)
                }
                Correction::Entity { entity_type, .. } => {
                    forced.extend(occurrences(&folded, &k).map(|(s, e)| (s, e, *entity_type)))
                }
                Correction::Word { pos, .. } => {
                    words.extend(occurrences(&folded, &k).map(|(s, e)| (s, e, pos.as_str())))
                }
            }
        }
        // Longer forced entities first; an occurrence inside a longer one is dropped.
        forced.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        let mut taken: Vec<(usize, usize, EntityType)> = Vec::new();
        for f in forced {
            if !taken.iter().any(|t| t.0 < f.1 && f.0 < t.1) {
                taken.push(f);
            }
        }
        let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let gone = |e: &Entity| {
            removed
                .get(&key(&e.text))
                .is_some_and(|types| types.contains(&e.kind))
        };
        // A name marked inside a longer entity is part of it there (晶泰科技 marked ORG
        // within 深圳晶泰科技有限公司): the longer name stays whole.
        taken.retain(|t| {
            !analysis
                .entities
                .iter()
                .any(|e| !gone(e) && e.start <= t.0 && t.1 <= e.end && e.end - e.start > t.1 - t.0)
        });
        analysis.entities.retain(|e| {
            let gone = gone(e);
            let overlapped = taken.iter().any(|t| t.0 < e.end && e.start < t.1);
            !gone && !overlapped
        });
        for &(start, end, kind) in &taken {
            analysis.entities.push(Entity {
                start,
                end,
                kind,
                text: slice(start, end),
                confidence: 1.0,
                alias_of: None,
                value: None,
            });
        }
        analysis.entities.sort_by_key(|e| e.start);

        // Words: one token per occurrence, unless it would take part of an entity (a word
        // inside an entity is fine: the entity is still a run of whole tokens).
        for &(start, end, pos) in &words {
            let cuts_entity = analysis.entities.iter().any(|e| {
                let overlaps = e.start < end && start < e.end;
                let inside = e.start <= start && end <= e.end;
                overlaps && !inside
            });
            // Tokens across a repaired line break are never split (see `split_tokens`).
            let crosses_space = chars[start..end].iter().any(|c| c.is_whitespace())
                || analysis.tokens.iter().any(|t| {
                    t.start < end && start < t.end && t.end - t.start != t.text.chars().count()
                });
            if cuts_entity || crosses_space {
                continue;
            }
            let mut tokens = split_tokens(&analysis.tokens, &chars, &[start, end]);
            tokens.retain(|t| t.end <= start || t.start >= end);
            tokens.push(Token {
                start,
                end,
                text: slice(start, end).into(),
                pos: std::borrow::Cow::Owned(pos.to_string()),
            });
            tokens.sort_by_key(|t| t.start);
            analysis.tokens = tokens;
        }
        let cuts: Vec<usize> = taken.iter().flat_map(|t| [t.0, t.1]).collect();
        analysis.tokens = split_tokens(&analysis.tokens, &chars, &cuts);
        // A token across a repaired line break is not split (its span holds the break):
        // a forced entity inside one cannot be shown as whole tokens, so it is dropped.
        let starts: std::collections::HashSet<usize> =
            analysis.tokens.iter().map(|t| t.start).collect();
        let ends: std::collections::HashSet<usize> =
            analysis.tokens.iter().map(|t| t.end).collect();
        analysis
            .entities
            .retain(|e| starts.contains(&e.start) && ends.contains(&e.end));
    }
}

/// Non-overlapping occurrences of `pattern` in `text`, left to right.
fn occurrences<'a>(
    text: &'a [char],
    pattern: &'a [char],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        if pattern.is_empty() {
            return None;
        }
        while from + pattern.len() <= text.len() {
            let at = from;
            if text[at..at + pattern.len()] == *pattern {
                from = at + pattern.len();
                return Some((at, from));
            }
            from += 1;
        }
        None
    })
}

/// `tokens` with every token that straddles a cut split there.
fn split_tokens(tokens: &[Token], chars: &[char], cuts: &[usize]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + cuts.len());
    for t in tokens {
        let mut inner: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|&c| t.start < c && c < t.end)
            .collect();
        // A token across a repaired line break holds whitespace in its span: not split.
        if inner.is_empty() || t.end - t.start != t.text.chars().count() {
            out.push(t.clone());
            continue;
        }
        inner.sort_unstable();
        inner.dedup();
        let mut start = t.start;
        for end in inner.into_iter().chain([t.end]) {
            out.push(Token {
                start,
                end,
                text: chars[start..end].iter().collect(),
                pos: t.pos.clone(),
            });
            start = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiexi_engine::Analyzer;

    fn entity(text: &str, entity_type: EntityType) -> Correction {
        Correction::Entity {
            text: text.into(),
            entity_type,
        }
    }

    fn analysed(text: &str, dict: &UserDictionary) -> Analysis {
        let mut a = Analyzer::new().analyze(text);
        dict.apply(text, &mut a);
        a
    }

    fn found(a: &Analysis) -> Vec<(&str, EntityType)> {
        a.entities
            .iter()
            .map(|e| (e.text.as_str(), e.kind))
            .collect()
    }

    /// Tokens tile the non-space text, entities are runs of whole tokens.
    fn assert_consistent(text: &str, a: &Analysis) {
        let joined: String = a.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(joined, text.replace(char::is_whitespace, ""));
        assert!(a.tokens.windows(2).all(|w| w[0].end <= w[1].start));
        for e in &a.entities {
            assert!(
                a.tokens.iter().any(|t| t.start == e.start),
                "{e:?} starts a token"
            );
            assert!(
                a.tokens.iter().any(|t| t.end == e.end),
                "{e:?} ends a token"
            );
        }
    }

    #[test]
    fn corrections_apply_everywhere_in_both_scripts() {
        let text = "大灣區發展規劃綱要提到，前海管理局與大湾区合作。";
        let mut dict = UserDictionary::default();
        dict.add(entity("大灣區", EntityType::Loc)).unwrap();
        dict.add(entity("前海管理局", EntityType::Org)).unwrap();
        let a = analysed(text, &dict);
        let f = found(&a);
        assert!(f.contains(&("大灣區", EntityType::Loc)), "{f:?}");
        assert!(f.contains(&("大湾区", EntityType::Loc)), "{f:?}");
        assert!(f.contains(&("前海管理局", EntityType::Org)), "{f:?}");
        assert_consistent(text, &a);
    }

    #[test]
    fn false_entities_are_removed_and_types_changed() {
        let text = "記者羅柳斌報道：深圳市政府表示。";
        let before = analysed(text, &UserDictionary::default());
        assert!(found(&before).contains(&("羅柳斌", EntityType::Person)));
        let mut dict = UserDictionary::default();
        dict.add(Correction::NotEntity {
            text: "罗柳斌".into(),
            entity_type: EntityType::Person,
        })
        .unwrap();
        dict.add(entity("深圳市政府", EntityType::Org)).unwrap();
        let a = analysed(text, &dict);
        let f = found(&a);
        assert!(!f.iter().any(|(t, _)| *t == "羅柳斌"), "{f:?}");
        assert!(f.contains(&("深圳市政府", EntityType::Org)), "{f:?}");
        // Marking it an entity again replaces the removal.
        dict.add(entity("羅柳斌", EntityType::Person)).unwrap();
        assert_eq!(dict.corrections.len(), 2);
        assert!(found(&analysed(text, &dict)).contains(&("羅柳斌", EntityType::Person)));
    }

    #[test]
    fn words_become_single_tokens() {
        let text = "河套深港科技創新合作區今日開幕，研發能力提升";
        let mut dict = UserDictionary::default();
        for word in ["研發能力", "今日開"] {
            dict.add(Correction::Word {
                text: word.into(),
                pos: "n".into(),
            })
            .unwrap();
        }
        let a = analysed(text, &dict);
        assert!(a
            .tokens
            .iter()
            .any(|t| t.text == "研發能力" && t.pos == "n"));
        // 今日開 would take part of the date 今日 (when found): the entity wins.
        let date = a.entities.iter().any(|e| e.text == "今日");
        assert_eq!(a.tokens.iter().any(|t| t.text == "今日開"), !date);
        assert_consistent(text, &a);
    }

    #[test]
    fn jieba_format_round_trips_and_rejects_bad_files() {
        let mut dict = UserDictionary::default();
        dict.add(entity("羅柳斌", EntityType::Person)).unwrap();
        dict.add(Correction::NotEntity {
            text: "中央".into(),
            entity_type: EntityType::Org,
        })
        .unwrap();
        dict.add(Correction::Word {
            text: "大灣區".into(),
            pos: "ns".into(),
        })
        .unwrap();
        let file = dict.to_jieba();
        assert_eq!(file, "羅柳斌 100 PERSON\n中央 100 -ORG\n大灣區 100 ns\n");
        assert_eq!(UserDictionary::from_jieba("u.txt", &file).unwrap(), dict);
        // jieba's own files: word only, word + freq, word + freq + tag.
        let plain =
            UserDictionary::from_jieba("u.txt", "# comment\n創科\n深港 5\n前海 3 ns\n").unwrap();
        assert_eq!(plain.corrections.len(), 3);
        for bad in ["羅柳斌 100 -NOPE\n", "x 1 <script>\n"] {
            let err = UserDictionary::from_jieba("u.txt", bad)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("u.txt: line 1"), "{err}");
        }
        let long = "字".repeat(MAX_CORRECTION_CHARS + 1);
        assert!(dict.add(entity(&long, EntityType::Org)).is_err());
        assert!(dict.add(entity(" ", EntityType::Org)).is_err());
    }

    #[test]
    fn serde_form_is_stable() {
        let c = entity("羅柳斌", EntityType::Person);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"entity":{"text":"羅柳斌","type":"PERSON"}}"#);
        assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
    }

    #[test]
    fn a_name_marked_inside_a_longer_entity_leaves_it_whole() {
        let text = "深圳晶泰科技有限公司今日宣布，晶泰科技將擴充團隊。";
        let mut analysis = Analyzer::new().analyze(text);
        let full = analysis
            .entities
            .iter()
            .find(|e| e.text == "深圳晶泰科技有限公司")
            .cloned()
            .expect("the engine finds the company");
        let mut dict = UserDictionary::default();
        dict.add(Correction::Entity {
            text: "晶泰科技".into(),
            entity_type: EntityType::Org,
        })
        .unwrap();
        dict.apply(text, &mut analysis);
        assert!(analysis.entities.contains(&full), "{:?}", analysis.entities);
        let alone: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.text == "晶泰科技")
            .map(|e| (e.start, e.kind))
            .collect();
        assert_eq!(
            alone,
            vec![(15, EntityType::Org)],
            "the mention on its own is marked"
        );
    }
}
