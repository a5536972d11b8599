//! One analysis in flight at a time, the newest text next: a pure state machine, tested
//! natively.

/// Which text to send to the worker when. Texts are numbered by the caller
/// ([`super::latest::Latest::ask`], so the answer shown is the newest text's). One
/// request at most is in flight; texts that
/// arrive meanwhile replace each other, and only the newest is sent when the worker is
/// free. Without this, a paste that fires an input event per line queued hundreds of
/// analyses of a long article (10,000 chars took 7 s instead of 30 ms).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Queue {
    latest_id: u64,
    latest_text: String,
    in_flight: bool,
    /// The id of the request in flight.
    sent_id: u64,
}

/// What the client does after a queue event.
#[derive(Debug, PartialEq)]
pub enum Next {
    /// Send this request.
    Send(u64, String),
    /// Show this answer (the text it belongs to).
    Show(String),
    Clear,
    Wait,
}

impl Queue {
    /// A new text from the user, numbered `id` (greater than any before).
    pub fn submit(&mut self, id: u64, text: String) -> Next {
        self.latest_id = id;
        self.latest_text = text;
        if self.latest_text.trim().is_empty() {
            Next::Clear
        } else if self.in_flight {
            Next::Wait
        } else {
            self.in_flight = true;
            self.sent_id = self.latest_id;
            Next::Send(self.latest_id, self.latest_text.clone())
        }
    }

    /// Whether request `id` was sent and not answered yet.
    pub fn is_waiting_for(&self, id: u64) -> bool {
        self.in_flight && self.sent_id == id
    }

    /// The worker died: nothing is in flight any more. The newest text is kept.
    pub fn abandon(&mut self) {
        self.in_flight = false;
    }

    /// The worker answered request `id`.
    pub fn answered(&mut self, id: u64) -> Next {
        self.in_flight = false;
        if id == self.latest_id {
            Next::Show(self.latest_text.clone())
        } else if self.latest_text.trim().is_empty() {
            Next::Wait
        } else {
            self.in_flight = true;
            self.sent_id = self.latest_id;
            Next::Send(self.latest_id, self.latest_text.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_text_is_sent_after_a_burst() {
        let mut q = Queue::default();
        assert_eq!(q.submit(1, "a".into()), Next::Send(1, "a".into()));
        assert_eq!(q.submit(2, "ab".into()), Next::Wait);
        assert_eq!(q.submit(3, "abc".into()), Next::Wait);
        // The answer to "a" is stale: send the newest text, skipping "ab".
        assert_eq!(q.answered(1), Next::Send(3, "abc".into()));
        assert_eq!(q.answered(3), Next::Show("abc".into()));
    }

    #[test]
    fn a_dead_worker_is_abandoned_and_the_newest_text_resent() {
        let mut q = Queue::default();
        assert_eq!(q.submit(1, "a".into()), Next::Send(1, "a".into()));
        assert!(q.is_waiting_for(1));
        assert_eq!(q.submit(2, "ab".into()), Next::Wait);
        q.abandon();
        assert!(!q.is_waiting_for(1));
        // After the restart the user retries: the newest text goes out.
        assert_eq!(q.submit(3, "ab".into()), Next::Send(3, "ab".into()));
    }

    #[test]
    fn clearing_the_text_drops_answers_in_flight() {
        let mut q = Queue::default();
        assert_eq!(q.submit(1, "a".into()), Next::Send(1, "a".into()));
        assert_eq!(q.submit(2, "  ".into()), Next::Clear);
        assert_eq!(q.answered(1), Next::Wait);
        assert_eq!(q.submit(3, "b".into()), Next::Send(3, "b".into()));
    }
}
