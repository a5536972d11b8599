//! Applying the authority file to the engine's entities: a relabelling that keeps every
//! offset and text, so every promise of `Analysis::check` still holds.

use std::collections::{HashMap, HashSet};

use jiexi_engine::script::fold;
use jiexi_engine::{Analysis, Entity, EntityType};

use super::{alias_form, Authority, Entry, Key};
use crate::identity::entity_key;

/// The authority file made ready to apply: lookups by engine key, alias and blocked
/// string. Build it once for many documents.
pub struct Resolver<'a> {
    by_member: HashMap<&'a Key, &'a Entry>,
    by_alias: HashMap<String, &'a Entry>,
    blocked: HashSet<(String, Option<EntityType>)>,
}

impl Authority {
    /// The resolver to apply this file with.
    pub fn resolver(&self) -> Resolver<'_> {
        Resolver {
            by_member: (self.entries.iter())
                .flat_map(|e| e.members.iter().map(move |m| (m, e)))
                .collect(),
            by_alias: (self.entries.iter())
                .flat_map(|e| e.aliases.iter().map(move |a| (alias_form(a), e)))
                .collect(),
            blocked: (self.blocked.iter())
                .map(|b| (fold(&b.text), b.kind))
                .collect(),
        }
    }

    /// Applies the file to one analysis: blocked mentions dropped, the rest under their
    /// entity's key, type and canonical name. Tokens and offsets are untouched.
    pub fn apply(&self, analysis: &mut Analysis) {
        if !self.is_empty() {
            self.resolver().apply(&mut analysis.entities);
        }
    }
}

impl Authority {
    /// The engine keys whose mentions may be resolved differently under `self` than
    /// under `before`: the members of every entry not in both as it is. `None` when any
    /// mention may be: the blocked strings differ, or a changed entry has aliases (both
    /// match a mention by its text, not its key). Re-applying a new file to a library
    /// then touches only the documents that mention these.
    pub fn touched_since(&self, before: &Authority) -> Option<HashSet<Key>> {
        if self.blocked != before.blocked {
            return None;
        }
        fn by_key(entries: &[Entry]) -> HashMap<Key, &Entry> {
            entries.iter().map(|e| (e.key(), e)).collect()
        }
        let (now, then) = (by_key(&self.entries), by_key(&before.entries));
        let changed = (self.entries.iter())
            .filter(|e| then.get(&e.key()) != Some(e))
            .chain(
                before
                    .entries
                    .iter()
                    .filter(|e| now.get(&e.key()) != Some(e)),
            );
        let mut touched = HashSet::new();
        for e in changed {
            if !e.aliases.is_empty() {
                return None;
            }
            touched.extend(e.members.iter().cloned());
        }
        Some(touched)
    }
}

impl Resolver<'_> {
    /// Applies the file to entities in text order (they stay in it).
    pub fn apply(&self, entities: &mut Vec<Entity>) {
        entities.retain_mut(|e| self.resolve(e));
    }

    /// Gives `e` its entity's type and canonical name; false if it is blocked.
    pub fn resolve(&self, e: &mut Entity) -> bool {
        let key = entity_key(e);
        self.resolve_keyed(e, &key).is_some()
    }

    /// As [`resolve`](Self::resolve), for a mention whose engine key is known (`key`,
    /// [`entity_key`] of `e` as the engine gave it): the corpus index keeps those, so
    /// applying a new file folds only the mentions it touches. Returns the mention's key
    /// now, or `None` if it is blocked.
    pub fn resolve_keyed(&self, e: &mut Entity, key: &Key) -> Option<Key> {
        // The surface form is folded only when an alias or a block may need it: most
        // files merge and rename, and this runs for every mention of the corpus.
        let needed = !(self.by_alias.is_empty() && self.blocked.is_empty());
        let folded;
        let surface = if needed && e.text != key.1 {
            folded = fold(&e.text);
            &folded
        } else {
            &key.1
        };
        let entry = self.by_member.get(&key).copied().or_else(|| {
            if self.by_alias.is_empty() {
                return None;
            }
            (self.by_alias.get(&surface.to_lowercase()))
                .or_else(|| self.by_alias.get(&key.1.to_lowercase()))
                .copied()
        });
        let kind = entry.map_or(e.kind, |entry| entry.kind);
        let blocked = |text: &String| {
            [None, Some(e.kind), Some(kind)]
                .into_iter()
                .any(|k| self.blocked.contains(&(text.clone(), k)))
        };
        if !self.blocked.is_empty() && (blocked(surface) || blocked(&key.1)) {
            return None;
        }
        let Some(entry) = entry else {
            return Some(key.clone());
        };
        if e.kind != entry.kind {
            // A value is what the engine read for its own type (a date's day, an
            // amount): an entity the user retyped keeps its text, not that reading.
            e.value = None;
        }
        e.kind = entry.kind;
        match &entry.name {
            // `entity_key` folds it to the entry's key; the views show it as written.
            Some(name) => e.alias_of = Some(name.clone()),
            // Unnamed: its key already, unless it came in by an alias.
            None if key.1 != entry.key => e.alias_of = Some(entry.key.clone()),
            None => {}
        }
        Some(entity_key(e))
    }
}
