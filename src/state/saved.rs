//! Whether something the user made (corrections, articles) is safely on the device: one
//! set of states for every store that writes (`panels::saved_note` shows them).

use leptos::prelude::*;

/// The storage state of one kind of the user's work.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Loading,
    /// A write is on its way to disk (tests and users wait for `saved` after a change).
    Saving,
    Saved,
    /// Storage failed; the work lasts for this visit only. The reason is shown.
    Unavailable(String),
}

impl Saved {
    /// The `data-state` value tests rely on.
    pub fn as_str(&self) -> &'static str {
        match self {
            Saved::Loading => "loading",
            Saved::Saving => "saving",
            Saved::Saved => "saved",
            Saved::Unavailable(_) => "unavailable",
        }
    }
}

/// The storage state across the writes in flight. "Saved" only once every write begun
/// has finished: with one flag, a second quick change (a title, then a date) showed
/// "saved" when the first write landed, and a reload then lost the second. A failure
/// among them is shown when they have all finished (not hidden by a later success).
#[derive(Clone, Copy)]
pub struct Writes {
    pub state: RwSignal<Saved>,
    in_flight: StoredValue<usize>,
    failure: StoredValue<Option<String>>,
}

impl Writes {
    pub fn new() -> Self {
        Writes {
            state: RwSignal::new(Saved::Loading),
            in_flight: StoredValue::new(0),
            failure: StoredValue::new(None),
        }
    }

    /// A write begins.
    pub fn begin(self) {
        self.in_flight.update_value(|n| *n += 1);
        self.state.set(Saved::Saving);
    }

    /// A write begun with `begin` finished.
    pub fn end(self, result: Result<(), String>) {
        if let Err(e) = result {
            self.failure.update_value(|f| {
                f.get_or_insert(e);
            });
        }
        self.in_flight.update_value(|n| *n = n.saturating_sub(1));
        self.settle();
    }

    /// Storage was read (at start, or after another tab wrote). A first read that works
    /// means "saved"; later reads change nothing (a failed write of this tab stays shown:
    /// reading again does not store what it lost).
    pub fn read(self, result: Result<(), String>) {
        match result {
            Ok(()) if self.state.with_untracked(|s| *s == Saved::Loading) => self.settle(),
            Ok(()) => {}
            Err(e) => self.state.set(Saved::Unavailable(e)),
        }
    }

    /// Whether a write of this tab has not finished yet.
    pub fn busy(self) -> bool {
        self.in_flight.get_value() > 0
    }

    fn settle(self) {
        if self.busy() {
            return;
        }
        match self.failure.try_update_value(Option::take).flatten() {
            Some(e) => self.state.set(Saved::Unavailable(e)),
            None => self.state.set(Saved::Saved),
        }
    }
}

impl Default for Writes {
    fn default() -> Self {
        Self::new()
    }
}
