//! The entity card: one entity of the corpus at a glance — its names, type, where and
//! when it is mentioned, who it is mentioned with, and the user's note. Read from the
//! index with the authority file applied, so a merged entity has one card.

use std::collections::HashMap;

use jiexi_engine::EntityType;
use serde::{Deserialize, Serialize};

use crate::authority::Key;
use crate::identity::{display_name, tally};
use crate::index::CorpusIndex;
use crate::stats::ends_sentence;

/// One entity at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub kind: EntityType,
    /// Folded: its key in the views.
    pub key: String,
    /// Its canonical name.
    pub name: String,
    /// Other names the authority file gives it.
    pub aliases: Vec<String>,
    /// Every form it is written in, most frequent first.
    pub forms: Vec<String>,
    /// The engine's keys the authority file gathers under it (empty if it has no entry).
    pub members: Vec<Key>,
    /// Mentions in the corpus.
    pub count: usize,
    /// Documents it is in, with the mentions in each, most first.
    pub docs: Vec<(String, usize)>,
    /// The earliest and latest dates (ISO, `2024-12-17`) of those documents; `None`
    /// when none of them has one.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The people and organisations named in the same sentence most often, with how many
    /// sentences, most first.
    pub related: Vec<Related>,
    /// The user's note, or empty.
    pub note: String,
}

/// An entity mentioned beside the card's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub kind: EntityType,
    pub key: String,
    pub name: String,
    /// Sentences naming both.
    pub together: usize,
}

/// A date that sorts as text: `YYYY-MM-DD` at its start (the library's dates are free
/// text; anything else cannot be ordered).
fn iso_date(date: &str) -> Option<&str> {
    let d = date.trim().get(..10)?;
    let ok = d.char_indices().all(|(i, c)| match i {
        4 | 7 => c == '-',
        _ => c.is_ascii_digit(),
    });
    ok.then_some(d)
}

impl CorpusIndex {
    /// The card of the entity the views show under `key`, or `None` if the corpus never
    /// mentions it; `limit` is how many companions to list. Dates are the documents'
    /// own, as indexed.
    pub fn card(&self, key: &Key, limit: usize) -> Option<Card> {
        let mut forms = Vec::new();
        let mut names = Vec::new();
        let mut docs: Vec<(String, usize)> = Vec::new();
        let mut dates: Vec<String> = Vec::new();
        // Companions: (key) → (sentences together, their forms, their alias_of names).
        type Tallies = (usize, Vec<(String, usize)>, Vec<(String, usize)>);
        let mut companions: HashMap<Key, Tallies> = HashMap::new();
        for (id, doc) in self.documents() {
            let mine: Vec<usize> = (doc.keys.iter().enumerate())
                .filter(|(_, k)| *k == key)
                .map(|(i, _)| i)
                .collect();
            if mine.is_empty() {
                continue;
            }
            docs.push((id.to_string(), mine.len()));
            if let Some(d) = iso_date(&doc.date) {
                dates.push(d.to_string());
            }
            for &i in &mine {
                let e = &doc.entities[i];
                tally(&mut forms, &e.text);
                if let Some(name) = &e.alias_of {
                    tally(&mut names, name);
                }
            }
            // Sentence number of every char, so mentions compare in one step.
            let mut sentence = Vec::with_capacity(doc.chars.len());
            let mut n = 0;
            for &c in &doc.chars {
                sentence.push(n);
                n += usize::from(ends_sentence(c));
            }
            let mine_in: std::collections::HashSet<usize> = mine
                .iter()
                .filter_map(|&i| sentence.get(doc.entities[i].start).copied())
                .collect();
            let mut seen: std::collections::HashSet<(&Key, usize)> = Default::default();
            for (e, k) in doc.keyed() {
                let Some(&s) = sentence.get(e.start) else {
                    continue;
                };
                if !matches!(e.kind, EntityType::Person | EntityType::Org)
                    || k == key
                    || !mine_in.contains(&s)
                {
                    continue;
                }
                let c = companions.entry(k.clone()).or_default();
                if seen.insert((k, s)) {
                    c.0 += 1;
                }
                tally(&mut c.1, &e.text);
                if let Some(name) = &e.alias_of {
                    tally(&mut c.2, name);
                }
            }
        }
        if docs.is_empty() {
            return None;
        }
        let by_count = |v: &mut Vec<(String, usize)>| v.sort_by_key(|f| std::cmp::Reverse(f.1));
        by_count(&mut forms);
        by_count(&mut names);
        docs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        dates.sort();
        let mut related: Vec<Related> = (companions.into_iter())
            .map(|((kind, k), (together, mut f, mut n))| {
                by_count(&mut f);
                by_count(&mut n);
                Related {
                    name: display_name(&k, &f, &n),
                    kind,
                    key: k,
                    together,
                }
            })
            .collect();
        related.sort_by(|a, b| {
            (b.together.cmp(&a.together))
                .then(a.kind.cmp(&b.kind))
                .then(a.key.cmp(&b.key))
        });
        related.truncate(limit);
        let entry = self.authority().entry(key);
        Some(Card {
            kind: key.0,
            key: key.1.clone(),
            name: display_name(&key.1, &forms, &names),
            aliases: entry.map_or_else(Vec::new, |e| e.aliases.iter().cloned().collect()),
            forms: forms.into_iter().map(|(f, _)| f).collect(),
            members: entry.map_or_else(Vec::new, |e| e.members.iter().cloned().collect()),
            count: docs.iter().map(|(_, n)| n).sum(),
            docs,
            first_seen: dates.first().cloned(),
            last_seen: dates.last().cloned(),
            related,
            note: entry.map_or_else(String::new, |e| e.note.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authority::{Authority, Op};
    use crate::test_support::entity;

    const ORG: EntityType = EntityType::Org;
    const PERSON: EntityType = EntityType::Person;

    #[test]
    fn a_merged_entity_has_one_card_with_its_dates_and_companions() {
        let ix_docs = vec![
            (
                "a",
                "港大校長羅柳斌出席。深圳市政府表示歡迎。",
                vec![
                    entity(0, 2, ORG, "港大"),
                    entity(4, 7, PERSON, "羅柳斌"),
                    entity(10, 15, ORG, "深圳市政府"),
                ],
            ),
            (
                "b",
                "HKU與深圳市政府簽約，羅柳斌見證。",
                vec![
                    entity(0, 3, ORG, "HKU"),
                    entity(4, 9, ORG, "深圳市政府"),
                    entity(12, 15, PERSON, "罗柳斌"),
                ],
            ),
            (
                "c",
                "深圳市政府發布新政策。",
                vec![entity(0, 5, ORG, "深圳市政府")],
            ),
        ];
        let mut ix = CorpusIndex::with_entities(ix_docs).with_dates(&[
            ("a", "2025-01-03"),
            ("b", "2024-12-17 morning"),
            ("c", "last week"),
        ]);
        let hku: Key = (ORG, "香港大学".into());
        let mut a = Authority::default();
        for op in [
            Op::Merge {
                keys: vec![(ORG, "港大".into()), (ORG, "HKU".into())],
                name: "香港大學".into(),
                kind: ORG,
            },
            Op::Alias {
                entity: hku.clone(),
                alias: "University of Hong Kong".into(),
            },
            Op::Note {
                entity: hku.clone(),
                note: "Also 香港大学 in mainland papers.".into(),
            },
        ] {
            a.change(&op).unwrap();
        }
        ix.set_authority(a);
        let card = ix.card(&hku, 5).expect("mentioned");
        assert_eq!(card.name, "香港大學");
        assert_eq!(card.forms, ["港大", "HKU"]);
        assert_eq!(card.aliases, ["University of Hong Kong"]);
        assert_eq!(card.count, 2);
        assert_eq!(card.docs, [("a".to_string(), 1), ("b".to_string(), 1)]);
        assert_eq!(card.first_seen.as_deref(), Some("2024-12-17"));
        assert_eq!(card.last_seen.as_deref(), Some("2025-01-03"));
        let related: Vec<(&str, usize)> = (card.related.iter())
            .map(|r| (r.name.as_str(), r.together))
            .collect();
        // 羅柳斌 twice (both scripts), 深圳市政府 once: only in b's first sentence.
        assert_eq!(related, [("羅柳斌", 2), ("深圳市政府", 1)]);
        assert!(card.note.contains("mainland"));
        assert_eq!(ix.card(&(ORG, "港大".into()), 5), None, "merged away");
    }
}
