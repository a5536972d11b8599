//! The user's corrections: the user dictionary applied on top of every analysis, kept in
//! IndexedDB and shared with the app's other tabs.

use jiexi_corpus::corrections::{Correction, UserDictionary};
use leptos::prelude::*;

use crate::state::client::AnalysisClient;
use crate::state::saved::Writes;
use crate::state::storage;
use crate::state::tabs::Tabs;

/// Where the user dictionary is kept.
const KEY: &str = "user-dictionary";
/// Tabs tell each other on this channel that the dictionary changed.
const CHANNEL: &str = "jiexi-corrections";

/// The corrections and their storage state; `Copy`, shared by the panels.
#[derive(Clone, Copy)]
pub struct Corrections {
    pub client: AnalysisClient,
    pub saved: Writes,
    /// Analyses the current text again (after a change).
    reanalyze: Callback<()>,
    pub notice: RwSignal<Option<String>>,
    tabs: Tabs,
}

impl Corrections {
    /// Loads the saved dictionary; texts analysed before it arrives are analysed again.
    pub fn load(
        client: AnalysisClient,
        reanalyze: Callback<()>,
        notice: RwSignal<Option<String>>,
    ) -> Self {
        let this = Corrections {
            client,
            saved: Writes::new(),
            reanalyze,
            notice,
            tabs: Tabs::new(CHANNEL),
        };
        this.tabs
            .on_change(move || leptos::task::spawn_local(this.reload()));
        leptos::task::spawn_local(this.reload());
        this
    }

    /// Reads the stored dictionary (at start, and when another tab changed it) and applies
    /// it if it differs from the one in use.
    async fn reload(self) {
        match storage::get(KEY).await {
            Ok(json) => {
                let dict = json
                    .map(|j| serde_json::from_str::<UserDictionary>(&j))
                    .transpose();
                match dict {
                    Ok(dict) => {
                        self.apply(dict.unwrap_or_default());
                        self.saved.read(Ok(()));
                    }
                    // A damaged record is left as it is (not overwritten until the
                    // user changes something) and reported.
                    Err(e) => self
                        .saved
                        .read(Err(format!("the saved dictionary could not be read ({e})"))),
                }
            }
            Err(e) => self.saved.read(Err(e)),
        }
    }

    /// Uses `dict` from now on (and analyses the text again) if it differs.
    fn apply(self, dict: UserDictionary) {
        if self.client.corrections.with_untracked(|d| *d != dict) {
            self.client.corrections.set(dict);
            self.reanalyze.run(());
        }
    }

    /// Changes the dictionary, applies it to the text at once and saves it. The change
    /// is made again to the dictionary as stored when it is saved, so that corrections
    /// another tab saved meanwhile are kept (and then applied here too).
    pub fn change(self, f: impl Fn(&mut UserDictionary) -> Result<(), String> + 'static) {
        let mut dict = self.client.corrections.get_untracked();
        if let Err(message) = f(&mut dict) {
            self.notice.set(Some(message));
            return;
        }
        self.client.corrections.set(dict.clone());
        self.reanalyze.run(());
        self.saved.begin();
        leptos::task::spawn_local(async move {
            let saved = storage::update(KEY, move |json| {
                // A damaged or missing record is replaced by the dictionary in use.
                let stored = json.and_then(|j| serde_json::from_str::<UserDictionary>(&j).ok());
                let dict = match stored {
                    Some(mut stored) => match f(&mut stored) {
                        Ok(()) => stored,
                        Err(_) => dict,
                    },
                    None => dict,
                };
                match serde_json::to_string(&dict) {
                    Ok(json) => (Some(json), Ok(dict)),
                    Err(e) => (None, Err(e.to_string())),
                }
            })
            .await;
            match saved {
                Ok(Ok(dict)) => {
                    self.tabs.announce();
                    self.saved.end(Ok(()));
                    // With a later change still on its way, this result lacks it: the
                    // last write's result holds them all.
                    if !self.saved.busy() {
                        self.apply(dict);
                    }
                }
                Ok(Err(e)) | Err(e) => self.saved.end(Err(e)),
            }
        });
    }

    pub fn add(self, correction: Correction) {
        self.change(move |d| d.add(correction.clone()).map_err(|e| e.to_string()));
    }
}
