//! The user's authority file: who the entities are, as the journalist knows them. Kept on
//! the device and applied on top of the engine's output (never baked into its
//! dictionaries), so removing it gives back the raw analysis exactly.
//!
//! An [`Authority`] holds [`Entry`]s — one per entity the user has touched — and the
//! strings they [`Blocked`]. An entry gathers engine entity keys ([`Key`], what
//! [`entity_key`](crate::identity::entity_key) gives) under one canonical name and type,
//! with aliases and a note. Every change is an [`Op`]; [`Authority::change`] makes it and
//! returns its inverse, so the page can undo any change exactly.
//!
//! Applying ([`Authority::apply`], [`Resolver`]) keeps every offset: a mention keeps its
//! text and place, and gets the entry's type and, through `alias_of`, its canonical name,
//! so [`entity_key`](crate::identity::entity_key) — which every view and export groups
//! by — gives the entry's key. Blocked mentions are dropped.
//!
//! An alias makes no new mentions: it names as this entity whatever the engine (or the
//! user's dictionary, [`corrections`](crate::corrections)) found with that text. Where
//! a name is found is the dictionary's business; who it is, the authority's. This keeps
//! applying a pure relabelling, which cannot break an analysis's offsets.

mod apply;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use jiexi_engine::script::fold;
use jiexi_engine::EntityType;
use serde::{Deserialize, Serialize};

use crate::Error;
pub use apply::Resolver;

/// The `format` field of an authority file.
pub const FORMAT: &str = "jiexi-authority";
/// The version of that format this build writes and reads.
pub const VERSION: u32 = 1;

/// An entity's key: its type and folded text (Simplified, half-width), as
/// [`entity_key`](crate::identity::entity_key) gives it and the entity index shows it.
pub type Key = (EntityType, String);

/// One entity as the user defined it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The type every mention of it gets.
    pub kind: EntityType,
    /// The canonical name folded: with `kind`, its key in every view ([`Entry::key`]).
    pub key: String,
    /// The canonical name as the user wrote it; `None` until they name it (the views
    /// then show the engine's most frequent form).
    pub name: Option<String>,
    /// The engine's keys this entity gathers (its own raw key among them, unless renamed
    /// away from it).
    pub members: BTreeSet<Key>,
    /// Other names of it (another script, a romanisation), as written: a mention whose
    /// text folds to one of them (Latin in any case) is this entity, whatever type the
    /// engine gave it.
    pub aliases: BTreeSet<String>,
    /// The user's note; may be empty.
    pub note: String,
}

impl Entry {
    /// Its identity in the views: (type, folded canonical name).
    pub fn key(&self) -> Key {
        (self.kind, self.key.clone())
    }

    /// The name to show: the user's, or the folded key until they give one.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.key)
    }

    /// An entry that says nothing the engine did not: dropped, so undoing a retype by
    /// retyping back leaves no trace.
    fn is_trivial(&self) -> bool {
        self.name.is_none()
            && self.aliases.is_empty()
            && self.note.is_empty()
            && self.members.len() == 1
            && self.members.contains(&self.key())
    }

    fn new(key: &Key) -> Entry {
        Entry {
            kind: key.0,
            key: key.1.clone(),
            name: None,
            members: BTreeSet::from([key.clone()]),
            aliases: BTreeSet::new(),
            note: String::new(),
        }
    }
}

/// A string the user never wants as an entity: of any type, or of one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blocked {
    /// As the user wrote it; matched folded, so either script blocks both.
    pub text: String,
    /// `None`: whatever type it was given.
    pub kind: Option<EntityType>,
}

/// One change to the authority file. [`Authority::change`] returns its inverse.
///
/// Entities are named by their key as the views show it (an [`IndexEntry`]'s kind and
/// key, after the authority is applied): an entry's identity, or an engine key the
/// file does not hold yet (then an entry is made for it).
///
/// [`IndexEntry`]: crate::index::IndexEntry
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// Make these entities one, named `name`, of type `kind`. A key that is an entry's
    /// brings that whole entry (members, aliases, note) along; so does an entry already
    /// called `name` with that type.
    Merge {
        keys: Vec<Key>,
        name: String,
        kind: EntityType,
    },
    /// Take one engine key out of an entity (`Some`), or undo the entity whole (`None`):
    /// its mentions go back to what the engine said.
    Split { entity: Key, member: Option<Key> },
    /// Give an entity a new canonical name.
    Rename { entity: Key, name: String },
    /// Give an entity another type, in every document.
    Retype { entity: Key, kind: EntityType },
    /// Add another name of it.
    Alias { entity: Key, alias: String },
    /// Remove one of its other names.
    Unalias { entity: Key, alias: String },
    /// Replace its note (empty to remove it).
    Note { entity: Key, note: String },
    /// Never show `text` as an entity (of type `kind`, or of any type).
    Block {
        text: String,
        kind: Option<EntityType>,
    },
    /// Show it again.
    Unblock {
        text: String,
        kind: Option<EntityType>,
    },
    /// Take out the entries with these keys, then put these entries and blocks back: the
    /// inverse of every other change (what undo applies).
    Restore {
        remove: Vec<Key>,
        put: Vec<Entry>,
        unblock: Vec<Blocked>,
        block: Vec<Blocked>,
    },
}

/// The authority file: versioned JSON, on the device and in the library file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub format: String,
    pub version: u32,
    /// Sorted by key; each key, engine key and alias in one entry at most.
    entries: Vec<Entry>,
    /// Sorted, each once (compared folded).
    blocked: Vec<Blocked>,
}

impl Default for Authority {
    fn default() -> Self {
        Authority {
            format: FORMAT.to_string(),
            version: VERSION,
            entries: Vec::new(),
            blocked: Vec::new(),
        }
    }
}

fn refuse(detail: String) -> Error {
    Error::Authority(detail)
}

/// How aliases compare: folded, and Latin letters in any case (`Carrie Lam`, `CARRIE LAM`).
pub(crate) fn alias_form(alias: &str) -> String {
    fold(alias.trim()).to_lowercase()
}

fn same_block(a: &Blocked, text: &str, kind: Option<EntityType>) -> bool {
    a.kind == kind && fold(&a.text) == fold(text)
}

impl Authority {
    /// The entities the user defined, by key.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The blocked strings, sorted.
    pub fn blocked(&self) -> &[Blocked] {
        &self.blocked
    }

    /// True when applying it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.blocked.is_empty()
    }

    /// The entry the views show under `key`.
    pub fn entry(&self, key: &Key) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key() == *key)
    }

    /// Makes `op`, or refuses it and changes nothing. Returns the change that undoes it.
    pub fn change(&mut self, op: &Op) -> Result<Op, Error> {
        let mut next = self.clone();
        next.make(op)?;
        next.entries.retain(|e| !e.is_trivial());
        next.entries.sort_by_key(Entry::key);
        next.blocked.sort();
        next.validate()?;
        let undo = next.restoring(self);
        *self = next;
        Ok(undo)
    }

    /// The [`Op::Restore`] that turns `self` back into `before`.
    fn restoring(&self, before: &Authority) -> Op {
        Op::Restore {
            remove: (self.entries.iter())
                .filter(|e| !before.entries.contains(e))
                .map(Entry::key)
                .collect(),
            put: (before.entries.iter())
                .filter(|e| !self.entries.contains(e))
                .cloned()
                .collect(),
            unblock: (self.blocked.iter())
                .filter(|b| !before.blocked.contains(b))
                .cloned()
                .collect(),
            block: (before.blocked.iter())
                .filter(|b| !self.blocked.contains(b))
                .cloned()
                .collect(),
        }
    }

    /// Where the entry for `key` is: the entry with that key, else the one gathering it.
    fn find(&self, key: &Key) -> Option<usize> {
        (self.entries.iter().position(|e| e.key() == *key))
            .or_else(|| self.entries.iter().position(|e| e.members.contains(key)))
    }

    /// The entry for `key`, made if the file has none.
    fn find_or_add(&mut self, key: &Key) -> usize {
        self.find(key).unwrap_or_else(|| {
            self.entries.push(Entry::new(key));
            self.entries.len() - 1
        })
    }

    /// Refuses a key another entry than `at` already has.
    fn check_free(&self, key: &Key, at: usize) -> Result<(), Error> {
        match self.entries.iter().position(|e| e.key() == *key) {
            Some(other) if other != at => Err(refuse(format!(
                "{} {:?} is already an entity; merge the two instead",
                key.0.as_str(),
                self.entries[other].display_name()
            ))),
            _ => Ok(()),
        }
    }

    fn make(&mut self, op: &Op) -> Result<(), Error> {
        let named = |name: &str| -> Result<String, Error> {
            let name = name.trim();
            if name.is_empty() || name.chars().count() > 200 {
                return Err(refuse("a name must have 1 to 200 characters".into()));
            }
            Ok(name.to_string())
        };
        match op {
            Op::Merge { keys, name, kind } => {
                let name = named(name)?;
                if keys.is_empty() {
                    return Err(refuse("nothing to merge".into()));
                }
                let mut merged = Entry {
                    kind: *kind,
                    key: fold(&name),
                    name: Some(name),
                    members: BTreeSet::new(),
                    aliases: BTreeSet::new(),
                    note: String::new(),
                };
                let own = merged.key();
                for key in keys.iter().chain([&own]) {
                    match self.find(key) {
                        Some(at) => {
                            let old = self.entries.remove(at);
                            merged.members.extend(old.members);
                            merged.aliases.extend(old.aliases);
                            if !old.note.is_empty() && !merged.note.contains(&old.note) {
                                if !merged.note.is_empty() {
                                    merged.note.push('\n');
                                }
                                merged.note.push_str(&old.note);
                            }
                        }
                        // Its own key is a member only if the engine's entities have it.
                        None if key != &own || keys.contains(&own) => {
                            merged.members.insert(key.clone());
                        }
                        None => {}
                    }
                }
                self.entries.push(merged);
            }
            Op::Split { entity, member } => {
                let at = self.entries.iter().position(|e| e.key() == *entity);
                let at = at.ok_or_else(|| {
                    refuse(format!(
                        "{} {:?} is not in the file",
                        entity.0.as_str(),
                        entity.1
                    ))
                })?;
                match member {
                    None => {
                        self.entries.remove(at);
                    }
                    Some(m) => {
                        let e = &mut self.entries[at];
                        if !e.members.remove(m) {
                            return Err(refuse(format!(
                                "{:?} is not part of {:?}",
                                m.1,
                                e.display_name()
                            )));
                        }
                        if e.members.is_empty() && e.aliases.is_empty() {
                            self.entries.remove(at);
                        }
                    }
                }
            }
            Op::Rename { entity, name } => {
                let name = named(name)?;
                let at = self.find_or_add(entity);
                self.check_free(&(self.entries[at].kind, fold(&name)), at)?;
                let e = &mut self.entries[at];
                e.key = fold(&name);
                e.name = Some(name);
            }
            Op::Retype { entity, kind } => {
                let at = self.find_or_add(entity);
                self.check_free(&(*kind, self.entries[at].key.clone()), at)?;
                self.entries[at].kind = *kind;
            }
            Op::Alias { entity, alias } => {
                let alias = named(alias)?;
                let at = self.find_or_add(entity);
                let folded = alias_form(&alias);
                let taken =
                    self.entries.iter().enumerate().find(|(i, e)| {
                        *i != at && e.aliases.iter().any(|a| alias_form(a) == folded)
                    });
                if let Some((_, other)) = taken {
                    return Err(refuse(format!(
                        "{alias:?} already names {:?}",
                        other.display_name()
                    )));
                }
                let e = &mut self.entries[at];
                if !e.aliases.iter().any(|a| alias_form(a) == folded) {
                    e.aliases.insert(alias);
                }
            }
            Op::Unalias { entity, alias } => {
                if let Some(at) = self.find(entity) {
                    let folded = alias_form(alias);
                    self.entries[at].aliases.retain(|a| alias_form(a) != folded);
                }
            }
            Op::Note { entity, note } => {
                let at = self.find_or_add(entity);
                self.entries[at].note = note.trim().to_string();
            }
            Op::Block { text, kind } => {
                let text = named(text)?;
                if !self.blocked.iter().any(|b| same_block(b, &text, *kind)) {
                    self.blocked.push(Blocked { text, kind: *kind });
                }
            }
            Op::Unblock { text, kind } => {
                self.blocked.retain(|b| !same_block(b, text.trim(), *kind));
            }
            Op::Restore {
                remove,
                put,
                unblock,
                block,
            } => {
                self.entries.retain(|e| !remove.contains(&e.key()));
                self.entries.extend(put.iter().cloned());
                self.blocked.retain(|b| !unblock.contains(b));
                self.blocked.extend(block.iter().cloned());
            }
        }
        Ok(())
    }

    /// The file's promises: each key, engine key and alias in one entry at most, each
    /// block once. Checked after every change and on reading a file.
    fn validate(&self) -> Result<(), Error> {
        let mut keys = std::collections::HashSet::new();
        let mut members = std::collections::HashSet::new();
        let mut aliases = std::collections::HashSet::new();
        for e in &self.entries {
            if e.key.is_empty() || e.name.as_deref().is_some_and(|n| fold(n) != e.key) {
                return Err(refuse(format!("entity {:?} has a bad key", e.key)));
            }
            if !keys.insert(e.key()) {
                return Err(refuse(format!("entity {:?} appears twice", e.key)));
            }
            for m in &e.members {
                if !members.insert(m) {
                    return Err(refuse(format!("{:?} is part of two entities", m.1)));
                }
            }
            for a in &e.aliases {
                if !aliases.insert(alias_form(a)) {
                    return Err(refuse(format!("{a:?} names two entities")));
                }
            }
        }
        let mut blocks = std::collections::HashSet::new();
        if !(self.blocked.iter())
            .all(|b| !b.text.is_empty() && blocks.insert((fold(&b.text), b.kind)))
        {
            return Err(refuse("a blocked string is empty or listed twice".into()));
        }
        Ok(())
    }

    /// Parses and checks an authority file: a bad file is refused whole.
    pub fn from_json(json: &str) -> Result<Authority, Error> {
        let a: Authority = serde_json::from_str(json)
            .map_err(|e| refuse(format!("not a jiexi authority file ({e})")))?;
        a.check_read()?;
        Ok(a)
    }

    /// Checks a file read from elsewhere (its own file, or inside a library file).
    pub(crate) fn check_read(&self) -> Result<(), Error> {
        if self.format != FORMAT {
            return Err(refuse(format!(
                "not a jiexi authority file (format {:?})",
                self.format
            )));
        }
        if self.version != VERSION {
            return Err(refuse(format!(
                "authority file version {} is not supported (this jiexi reads version {VERSION})",
                self.version
            )));
        }
        let mut sorted = self.clone();
        sorted.entries.sort_by_key(Entry::key);
        sorted.blocked.sort();
        if sorted != *self {
            return Err(refuse(
                "the authority file's entries are out of order".into(),
            ));
        }
        self.validate()
    }

    /// Pretty JSON, for its own file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an authority file always serialises")
    }
}
