//! The newest answer wins: questions to the worker are numbered as they are asked, and
//! an answer is kept only if it answers the newest question. A concordance typed over,
//! a graph asked again with other types, a text replaced while it was analysed: each
//! answer to a superseded question arrives late and must never be shown.

use std::ops::Deref;

use leptos::prelude::*;

/// The newest question's answer, once it has come (`None` before, or when cleared).
/// Reads go through the signal (`Deref`); answers through [`Latest::answer`], which
/// drops those to questions asked before the newest.
pub struct Latest<T: Send + Sync + 'static> {
    asked: StoredValue<u64>,
    answer: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Latest<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Latest<T> {}

impl<T: Send + Sync + 'static> Default for Latest<T> {
    fn default() -> Self {
        Latest {
            asked: StoredValue::new(0),
            answer: RwSignal::new(None),
        }
    }
}

impl<T: Send + Sync + 'static> Latest<T> {
    /// Numbers a new question: from now on, answers to earlier ones are dropped.
    pub fn ask(&self) -> u64 {
        self.asked.update_value(|n| *n += 1);
        self.asked.get_value()
    }

    /// Whether `id` is the newest question.
    pub fn is_newest(&self, id: u64) -> bool {
        self.asked.get_value() == id
    }

    /// Keeps `answer` if it answers the newest question; says whether it did.
    pub fn answer(&self, id: u64, answer: T) -> bool {
        let newest = self.is_newest(id);
        if newest {
            self.answer.set(Some(answer));
        }
        newest
    }
}

impl<T: Send + Sync + 'static> Deref for Latest<T> {
    type Target = RwSignal<Option<T>>;

    fn deref(&self) -> &Self::Target {
        &self.answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_to_a_superseded_question_is_dropped() {
        let owner = Owner::new();
        owner.with(|| {
            let latest = Latest::<&str>::default();
            let first = latest.ask();
            let second = latest.ask();
            assert!(!latest.answer(first, "stale"));
            assert_eq!(latest.get_untracked(), None);
            assert!(latest.answer(second, "fresh"));
            assert_eq!(latest.get_untracked(), Some("fresh"));
            // A later question makes the shown answer's successor the only one kept.
            let third = latest.ask();
            assert!(!latest.answer(second, "late"));
            assert_eq!(latest.get_untracked(), Some("fresh"));
            assert!(latest.answer(third, "newest"));
            assert_eq!(latest.get_untracked(), Some("newest"));
        });
    }
}
