//! The user's authority file (who the entities are: merges, names, types, aliases, blocks,
//! notes): kept in IndexedDB, shared with the app's other tabs, sent to the worker, and
//! every change undoable (`Authority::change` returns the inverse).

use jiexi_corpus::authority::{Authority, Op};
use leptos::prelude::*;

use crate::state::client::AnalysisClient;
use crate::state::saved::Writes;
use crate::state::storage;
use crate::state::tabs::Tabs;

/// Where the authority file is kept.
const KEY: &str = "authority";
/// Tabs tell each other on this channel that the file changed.
const CHANNEL: &str = "jiexi-authority";
/// Changes that can be undone, newest last.
const UNDO_DEPTH: usize = 50;

/// A change made, as the undo button names it, and what undoes it.
#[derive(Clone, PartialEq)]
pub struct Done {
    pub label: String,
    inverse: Op,
}

#[derive(Clone, Copy)]
pub struct AuthorityStore {
    client: AnalysisClient,
    pub saved: Writes,
    /// Changes of this tab, undoable in reverse order.
    pub undo: RwSignal<Vec<Done>>,
    reanalyze: Callback<()>,
    notice: RwSignal<Option<String>>,
    tabs: Tabs,
}

impl AuthorityStore {
    /// Loads the saved file and sends it to the worker; the text shown is analysed again
    /// with it.
    pub fn load(
        client: AnalysisClient,
        reanalyze: Callback<()>,
        notice: RwSignal<Option<String>>,
    ) -> Self {
        let this = AuthorityStore {
            client,
            saved: Writes::new(),
            undo: RwSignal::new(Vec::new()),
            reanalyze,
            notice,
            tabs: Tabs::new(CHANNEL),
        };
        this.tabs
            .on_change(move || leptos::task::spawn_local(this.reload()));
        leptos::task::spawn_local(this.reload());
        this
    }

    /// The file in use.
    pub fn file(self) -> RwSignal<Authority> {
        self.client.authority
    }

    async fn reload(self) {
        match storage::get(KEY).await {
            Ok(json) => match json.map(|j| Authority::from_json(&j)).transpose() {
                Ok(file) => {
                    self.use_file(file.unwrap_or_default());
                    self.saved.read(Ok(()));
                }
                // A damaged record is kept as it is until the user changes something.
                Err(e) => self.saved.read(Err(format!(
                    "the saved authority file could not be read ({e})"
                ))),
            },
            Err(e) => self.saved.read(Err(e)),
        }
    }

    fn use_file(self, file: Authority) {
        if self.client.authority.with_untracked(|a| *a != file) {
            self.client.set_authority(file);
            self.reanalyze.run(());
        }
    }

    /// Makes `op`, applies it everywhere at once, saves it, and keeps its inverse for
    /// Undo under `label`. A change the file refuses (an unknown entity, an empty name)
    /// says why and changes nothing. True if it was made.
    pub fn change(self, op: Op, label: String) -> bool {
        let mut file = self.client.authority.get_untracked();
        match file.change(&op) {
            Ok(inverse) => {
                self.undo.update(|u| {
                    u.push(Done { label, inverse });
                    if u.len() > UNDO_DEPTH {
                        u.remove(0);
                    }
                });
                self.commit(file, op);
                true
            }
            Err(e) => {
                self.notice.set(Some(e.to_string()));
                false
            }
        }
    }

    /// Takes an imported library's authority file: used as it is when this device has none
    /// (nothing is lost), else this device's is kept and the user told (merging two
    /// people's decisions about who is who is theirs to make, one by one).
    pub fn adopt(self, incoming: Authority) {
        if self.client.authority.with_untracked(Authority::is_empty) {
            let op = Op::Restore {
                remove: Vec::new(),
                put: incoming.entries().to_vec(),
                unblock: Vec::new(),
                block: incoming.blocked().to_vec(),
            };
            self.change(op, "import".to_string());
        } else if self.client.authority.with_untracked(|a| *a != incoming) {
            self.notice.set(Some(
                "匯入的文件庫附有實體名錄，但此裝置已有自己的名錄，故保留本機的。                  The imported library has an authority file; this device's own is kept."
                    .to_string(),
            ));
        }
    }

    /// Undoes this tab's last change.
    pub fn undo(self) {
        let Some(done) = self.undo.try_update(Vec::pop).flatten() else {
            return;
        };
        let mut file = self.client.authority.get_untracked();
        match file.change(&done.inverse) {
            Ok(_) => self.commit(file, done.inverse),
            Err(e) => self.notice.set(Some(e.to_string())),
        }
    }

    /// Uses `file` (the file in use with `op` made) here and in the worker, and stores
    /// it for the next visit and the other tabs. `op` is made again on the file as stored,
    /// so a change another tab saved meanwhile is kept (and then used here too).
    fn commit(self, file: Authority, op: Op) {
        self.client.set_authority(file.clone());
        self.reanalyze.run(());
        self.saved.begin();
        leptos::task::spawn_local(async move {
            let saved = storage::update(KEY, move |json| {
                let stored = json.and_then(|j| Authority::from_json(&j).ok());
                let merged = match stored {
                    Some(mut stored) => match stored.change(&op) {
                        Ok(_) => stored,
                        Err(_) => file,
                    },
                    None => file,
                };
                (Some(merged.to_json()), merged)
            })
            .await;
            match saved {
                Ok(merged) => {
                    self.tabs.announce();
                    self.saved.end(Ok(()));
                    if !self.saved.busy() {
                        self.use_file(merged);
                    }
                }
                Err(e) => self.saved.end(Err(e)),
            }
        });
    }
}
