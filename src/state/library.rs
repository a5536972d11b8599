//! The library: the bundled documents and the user's own articles. What the user pastes,
//! types or opens from a file is saved by itself (a moment after the last change) as a
//! document of theirs, one IndexedDB record each, and the last one open comes back on
//! reload. Documents can be renamed (title, source, date), deleted with undo, searched
//! by title, exported as one JSON file and imported back (merged, no duplicates).

use jiexi_corpus::library::{title_of, Document, Library};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::saved::Writes;
use crate::state::storage;
use crate::state::tabs::Tabs;
use jiexi_worker::bundled::{self};

/// IndexedDB keys of documents: this prefix and the document's id.
const PREFIX: &str = "doc:";
/// localStorage: the id of the document open last, restored on reload.
const CURRENT: &str = "jiexi.current";
/// localStorage: the bundled document open last (when no document of the user's is).
const BUNDLED_OPEN: &str = "jiexi.bundled";
/// localStorage: set once a first visit was greeted with a seed story.
const WELCOMED: &str = "jiexi.welcomed";
/// localStorage: text typed just before the page was left, not yet in IndexedDB (a
/// write begun while a page unloads may never finish; localStorage is synchronous).
const DRAFT: &str = "jiexi.draft";
/// Tabs tell each other on this channel that the library changed.
const CHANNEL: &str = "jiexi-library";
/// Saving waits this long after the last change (typing is not saved key by key).
const SAVE_DELAY_MS: i32 = 600;
/// Titles made from the text are this long at most.
const AUTO_TITLE: usize = 40;

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A new document id: time and randomness, unique across tabs and devices.
fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("u{}-{random:x}", now_ms())
}

/// `doc` with its text replaced by `text` (a title still made from the text follows it).
fn with_text(mut doc: Document, text: String) -> Document {
    if doc.title == title_of(&doc.text, AUTO_TITLE) {
        doc.title = title_of(&text, AUTO_TITLE);
    }
    doc.text = text;
    doc.updated = now_ms();
    doc
}

/// What a save made of the stored document.
enum Stored {
    Saved(Document),
    /// The record was gone (deleted in another tab) and is stored again as this tab has
    /// it: the typing is kept, and the user told why the document is back.
    Recreated(Document),
    /// Another tab had saved another text: nothing was written.
    Overtaken {
        theirs: Document,
        ours: String,
    },
}

/// The user's documents, which one is open, and whether they are safely stored. `Copy`.
#[derive(Clone, Copy)]
pub struct LibraryState {
    /// Newest first.
    pub docs: RwSignal<Vec<Document>>,
    /// The user document shown in the input, if any (a bundled one is not theirs).
    pub current: RwSignal<Option<String>>,
    pub saved: Writes,
    /// The document deleted last, for Undo.
    pub deleted: RwSignal<Option<Document>>,
    pub notice: RwSignal<Option<String>>,
    /// A save is scheduled: the pending timer.
    timer: StoredValue<Option<i32>>,
    /// The text waiting to be saved (kept here, not in the timer's closure: a cleared
    /// timer's closure is never freed, and would keep a copy of the text per keystroke).
    pending: StoredValue<Option<String>>,
    /// The stored text the text box started from: the open document as opened, or as this
    /// tab saved it last. A save finding another text stored was overtaken by another tab.
    base: StoredValue<Option<String>>,
    /// Shows a text in the input and analyses it.
    restore: Callback<String>,
    /// Opens a bundled document (by id) when no document of the user's comes back: the
    /// one open last, or on a first visit the welcome story.
    reopen: Callback<String>,
    tabs: Tabs,
}

impl LibraryState {
    /// Loads the library; `restore` receives the text of the document open last, and
    /// `reopen` the bundled document to open when none of the user's was.
    pub fn load(
        notice: RwSignal<Option<String>>,
        restore: Callback<String>,
        reopen: Callback<String>,
    ) -> Self {
        let this = LibraryState {
            docs: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            saved: Writes::new(),
            deleted: RwSignal::new(None),
            notice,
            timer: StoredValue::new(None),
            pending: StoredValue::new(None),
            base: StoredValue::new(None),
            restore,
            reopen,
            tabs: Tabs::new(CHANNEL),
        };
        this.listen();
        // Leaving or reloading within the save delay: save what was typed last.
        if let Some(w) = web_sys::window() {
            let on_hide = Closure::<dyn FnMut()>::new(move || this.leave());
            // If it cannot be registered, edits still save after the delay.
            let _ =
                w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
            on_hide.forget();
        }
        leptos::task::spawn_local(async move {
            this.reload().await;
            let last = local_storage().and_then(|s| s.get_item(CURRENT).ok().flatten());
            let doc = last.and_then(|id| this.find(&id));
            if let Some(doc) = &doc {
                this.current.set(Some(doc.id.clone()));
                this.base.set_value(Some(doc.text.clone()));
            }
            // A draft left at unload is newer than what IndexedDB holds: it wins, and is
            // saved now.
            let draft = local_storage().and_then(|s| {
                let text = s.get_item(DRAFT).ok().flatten();
                let _ = s.remove_item(DRAFT);
                text
            });
            match (draft, doc) {
                (Some(text), _) => {
                    restore.run(text.clone());
                    this.edited(text);
                }
                (None, Some(doc)) => restore.run(doc.text),
                (None, None) => this.reopen_bundled(),
            }
        });
        this
    }

    /// Nothing of the user's to show: the bundled document open last, or on a first visit
    /// (nothing stored, never greeted) the welcome story.
    fn reopen_bundled(self) {
        let Some(storage) = local_storage() else {
            // Nothing is kept here (private mode): every visit is a first one.
            if let Some(doc) = bundled::welcome() {
                self.reopen.run(doc.id.clone());
            }
            return;
        };
        let welcomed = storage.get_item(WELCOMED).ok().flatten().is_some()
            || self.docs.with_untracked(|d| !d.is_empty());
        let welcome = (!welcomed)
            .then(bundled::welcome)
            .flatten()
            .map(|d| d.id.clone());
        let _ = storage.set_item(WELCOMED, "1");
        let last = storage.get_item(BUNDLED_OPEN).ok().flatten();
        if let Some(id) = last.filter(|id| bundled::find(id).is_some()).or(welcome) {
            let _ = storage.set_item(BUNDLED_OPEN, &id);
            self.reopen.run(id);
        }
    }

    /// A bundled document is opened: what was typed is saved first, and on reload it
    /// comes back.
    pub fn open_bundled(self, id: &str) {
        self.close();
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(BUNDLED_OPEN, id);
        }
    }

    /// Reads every stored document again (at start, and when another tab changed them).
    async fn reload(self) {
        match storage::get_prefixed(PREFIX).await {
            Ok(records) => {
                let mut docs = Vec::with_capacity(records.len());
                let mut damaged = 0;
                for json in records {
                    match serde_json::from_str::<Document>(&json) {
                        Ok(doc) if doc.validate().is_ok() => docs.push(doc),
                        // Left in storage untouched, and reported.
                        _ => damaged += 1,
                    }
                }
                if damaged > 0 {
                    self.notice.set(Some(format!(
                        "{damaged} saved document(s) could not be read and are not listed"
                    )));
                }
                self.docs.set(Library::new(docs).documents);
                self.saved.read(Ok(()));
                self.follow_other_tab();
            }
            Err(e) => self.saved.read(Err(e)),
        }
    }

    /// The open document was saved by another tab: with nothing unsaved here, the input
    /// shows that version at once (rather than a stale one that would be edited into a
    /// conflict).
    fn follow_other_tab(self) {
        let Some(doc) = self.current.get_untracked().and_then(|id| self.find(&id)) else {
            return;
        };
        let unsaved = self.pending.with_value(Option::is_some) || self.saved.busy();
        let stale = self
            .base
            .with_value(|b| b.as_ref().is_some_and(|b| *b != doc.text));
        if stale && !unsaved {
            self.base.set_value(Some(doc.text.clone()));
            self.restore.run(doc.text);
        }
    }

    /// Another tab saved or deleted: list what is stored now.
    fn listen(self) {
        self.tabs
            .on_change(move || leptos::task::spawn_local(self.reload()));
    }

    fn announce(self) {
        self.tabs.announce();
    }

    fn find(self, id: &str) -> Option<Document> {
        self.docs
            .with_untracked(|d| d.iter().find(|d| d.id == id).cloned())
    }

    fn set_current(self, id: Option<String>) {
        if let Some(storage) = local_storage() {
            // Only which document reopens on reload; losing it loses nothing else.
            let _ = storage.remove_item(BUNDLED_OPEN);
            let _ = match &id {
                Some(id) => storage.set_item(CURRENT, id),
                None => storage.remove_item(CURRENT),
            };
        }
        self.current.set(id);
    }

    /// Stores `doc` and lists it first.
    fn put(self, doc: Document) {
        self.put_all(vec![doc]);
    }

    /// Stores `docs` in one transaction and lists them first (one update of the list,
    /// however many: an import of a thousand documents renders the list once).
    fn put_all(self, docs: Vec<Document>) {
        self.docs.update(|list| {
            list.retain(|d| !docs.iter().any(|n| n.id == d.id));
            list.splice(0..0, docs.iter().cloned());
        });
        let records: Result<Vec<(String, String)>, _> = docs
            .iter()
            .map(|d| serde_json::to_string(d).map(|json| (format!("{PREFIX}{}", d.id), json)))
            .collect();
        let records = match records {
            Ok(records) => records,
            Err(e) => {
                self.saved.begin();
                return self.saved.end(Err(e.to_string()));
            }
        };
        self.saved.begin();
        leptos::task::spawn_local(async move {
            let result = storage::put_many(&records).await;
            if result.is_ok() {
                // Listed again: a reload read before this write may have dropped them.
                self.docs.update(|list| {
                    list.retain(|d| !docs.iter().any(|n| n.id == d.id));
                    list.splice(0..0, docs);
                });
                self.announce();
            }
            self.saved.end(result);
        });
    }

    /// The text in the input changed (typed, pasted, a file opened): saved shortly, as
    /// the open user document or, if none is open, as a new one.
    pub fn edited(self, text: String) {
        if text.trim().is_empty() {
            // Cleared: the document stays in the library; what comes next is a new one.
            self.close();
            return;
        }
        self.cancel_timer();
        self.pending.set_value(Some(text));
        let save = Closure::once_into_js(move || {
            self.timer.set_value(None);
            self.flush();
        });
        let timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                save.unchecked_ref(),
                SAVE_DELAY_MS,
            )
            .ok()
        });
        self.timer.set_value(timer);
    }

    fn cancel_timer(self) {
        if let Some(timer) = self.timer.get_value() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(timer);
            }
            self.timer.set_value(None);
        }
    }

    /// The page is being left: the text waiting for its timer goes to localStorage at
    /// once (restored and saved on the next visit) and to IndexedDB if there is time.
    fn leave(self) {
        if let Some(text) = self.pending.get_value() {
            if let Some(s) = local_storage() {
                // Too large for localStorage (over ~5 MB): the IndexedDB save below is
                // then the only chance.
                let _ = s.set_item(DRAFT, &text);
            }
        }
        self.flush();
    }

    /// Saves the text waiting for its timer now (before another document is opened, so
    /// the last keystrokes are never lost).
    fn flush(self) {
        self.cancel_timer();
        if let Some(text) = self.pending.try_update_value(Option::take).flatten() {
            self.save_now(text);
        }
    }

    fn save_now(self, text: String) {
        if text.trim().is_empty() {
            return;
        }
        // The open document as listed (a copy: the fallback if its record is gone).
        let Some(listed) = self.current.get_untracked().and_then(|id| self.find(&id)) else {
            // The same text again (a file opened twice, an article pasted again) is the
            // document the library has, not a second one that would count twice in every
            // corpus view.
            let same = self
                .docs
                .with_untracked(|docs| docs.iter().find(|d| d.text.trim() == text.trim()).cloned());
            if let Some(doc) = same {
                self.set_current(Some(doc.id.clone()));
                self.base.set_value(Some(doc.text.clone()));
                self.notice.set(Some(format!(
                    "文件庫已有這篇文章：「{}」，已開啟，沒有重複加入。 \
                     This text is already in the library as “{}”: opened, not added twice.",
                    doc.title, doc.title
                )));
                return;
            }
            let doc = Document {
                id: new_id(),
                title: title_of(&text, AUTO_TITLE),
                source: String::new(),
                date: String::new(),
                text: text.clone(),
                updated: now_ms(),
            };
            self.set_current(Some(doc.id.clone()));
            self.base.set_value(Some(text));
            self.put(doc);
            return;
        };
        let base = self.base.get_value();
        if base.as_deref() == Some(text.as_str()) {
            return;
        }
        // Saves in flight start from this tab's own last write, not from a conflict.
        self.base.set_value(Some(text.clone()));
        // Listed at once: if storage fails, this visit still has the text.
        self.list(with_text(listed.clone(), text.clone()));
        let id = listed.id.clone();
        self.store(&id, move |stored| {
            let Some(doc) = stored else {
                return Stored::Recreated(with_text(listed, text));
            };
            if base.as_deref().is_some_and(|b| b != doc.text) && doc.text != text {
                // Another tab saved a different text since this one was opened: both
                // are kept (theirs here, this tab's as a copy).
                return Stored::Overtaken {
                    theirs: doc,
                    ours: text,
                };
            }
            Stored::Saved(with_text(doc, text))
        });
    }

    /// Changes document `id` as stored now (not as this tab read it: another tab may have
    /// changed it since) in one transaction, and lists the result.
    fn store(self, id: &str, change: impl FnOnce(Option<Document>) -> Stored + 'static) {
        let key = format!("{PREFIX}{id}");
        self.saved.begin();
        leptos::task::spawn_local(async move {
            let result = storage::update(&key, move |json| {
                // A damaged record is replaced by the version listed here.
                let stored = json.and_then(|j| serde_json::from_str::<Document>(&j).ok());
                let outcome = change(stored);
                let json = match &outcome {
                    Stored::Saved(doc) | Stored::Recreated(doc) => serde_json::to_string(doc).ok(),
                    Stored::Overtaken { .. } => None,
                };
                (json, outcome)
            })
            .await;
            match result {
                Ok(Stored::Saved(doc)) => self.stored(doc),
                Ok(Stored::Recreated(doc)) => {
                    self.notice.set(Some(format!(
                        "「{}」已不在儲存中（可能已在另一分頁刪除）；此分頁的版本已重新儲存。 \
                         “{}” was no longer stored (deleted in another tab?); this tab's version is saved again.",
                        doc.title, doc.title
                    )));
                    self.stored(doc);
                }
                Ok(Stored::Overtaken { theirs, ours }) => {
                    let copy = Document {
                        id: new_id(),
                        title: format!("{}（副本）", theirs.title),
                        text: ours.clone(),
                        updated: now_ms(),
                        ..theirs.clone()
                    };
                    self.notice.set(Some(format!(
                        "「{}」已在另一分頁修改；此分頁的版本另存為「{}」。 \
                         “{}” was changed in another tab; this tab's version is saved as “{}”.",
                        theirs.title, copy.title, theirs.title, copy.title
                    )));
                    self.list(theirs);
                    self.set_current(Some(copy.id.clone()));
                    self.base.set_value(Some(ours));
                    // Begun before this write ends: the state goes from saving to saved
                    // once, when the copy is stored.
                    self.put(copy);
                    self.saved.end(Ok(()));
                }
                // The list keeps this visit's version; the state says it is not saved.
                Err(e) => self.saved.end(Err(e)),
            }
        });
    }

    /// `doc` was stored: listed as stored, and the other tabs told.
    fn stored(self, doc: Document) {
        self.list(doc);
        self.announce();
        self.saved.end(Ok(()));
    }

    /// Lists `doc` (first, replacing its older version).
    fn list(self, doc: Document) {
        self.docs.update(|list| {
            list.retain(|d| d.id != doc.id);
            list.insert(0, doc);
        });
    }

    /// Another document is opened (or a new one begun): what was typed in this one is
    /// saved first; then no user document is open.
    pub fn close(self) {
        self.flush();
        self.set_current(None);
        self.base.set_value(None);
    }

    /// The text of the user document `id`.
    pub fn text_of(self, id: &str) -> Option<String> {
        self.find(id).map(|d| d.text)
    }

    /// The open document's date as the user gave it (`2024-12-17`), or empty.
    pub fn current_date(self) -> String {
        let Some(id) = self.current.get_untracked() else {
            return String::new();
        };
        self.docs.with_untracked(|docs| {
            docs.iter()
                .find(|d| d.id == id)
                .map(|d| d.date.clone())
                .unwrap_or_default()
        })
    }

    /// The open document's id and date, tracked: what sees its date change.
    pub fn open_dated(self) -> Option<(String, String)> {
        let id = self.current.get()?;
        self.docs.with(|docs| {
            let doc = docs.iter().find(|d| d.id == id)?;
            Some((id.clone(), doc.date.clone()))
        })
    }

    /// Opens the user document `id`; its text.
    pub fn open(self, id: &str) -> Option<String> {
        let doc = self.find(id)?;
        self.close();
        self.set_current(Some(doc.id));
        self.base.set_value(Some(doc.text.clone()));
        Some(doc.text)
    }

    /// Changes the open document's title, source or date (of the version stored now: a
    /// text another tab saved meanwhile stays).
    pub fn describe(self, f: impl Fn(&mut Document) + 'static) {
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        let Some(listed) = self.find(&id) else { return };
        let describe = move |doc: &mut Document| {
            f(doc);
            doc.title = doc
                .title
                .chars()
                .take(jiexi_corpus::library::MAX_TITLE)
                .collect();
            doc.updated = now_ms();
        };
        // Listed at once; the stored version replaces it once saved.
        let mut shown = listed.clone();
        describe(&mut shown);
        self.list(shown);
        self.store(&id, move |stored| {
            let gone = stored.is_none();
            let mut doc = stored.unwrap_or(listed);
            describe(&mut doc);
            if gone {
                Stored::Recreated(doc)
            } else {
                Stored::Saved(doc)
            }
        });
    }

    /// Deletes document `id`; `undo` puts it back.
    pub fn delete(self, id: &str) {
        let Some(doc) = self.find(id) else { return };
        self.docs.update(|docs| docs.retain(|d| d.id != doc.id));
        if self.current.get_untracked().as_deref() == Some(id) {
            self.set_current(None);
        }
        self.deleted.set(Some(doc.clone()));
        self.saved.begin();
        leptos::task::spawn_local(async move {
            let result = storage::delete(&format!("{PREFIX}{}", doc.id)).await;
            if result.is_ok() {
                self.announce();
            }
            self.saved.end(result);
        });
    }

    pub fn undo(self) {
        if let Some(doc) = self.deleted.get_untracked() {
            self.deleted.set(None);
            self.put(doc);
        }
    }

    /// The whole library as one JSON file.
    /// A document's title, the user's or a bundled story's (its id if neither has it).
    pub fn title(self, id: &str) -> String {
        self.docs
            .with_untracked(|d| d.iter().find(|d| d.id == id).map(|d| d.title.clone()))
            .or_else(|| bundled::find(id).map(|d| d.title.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// Saves the whole library as one file, the user's `authority` file with it.
    pub fn export(self, authority: jiexi_corpus::authority::Authority) {
        let json = self.docs.with_untracked(|d| {
            let mut library = Library::new(d.clone());
            library.authority = authority;
            library.to_json()
        });
        if let Err(e) =
            crate::shell::download::download("jiexi-library.json", "application/json", &json)
        {
            self.notice.set(Some(e));
        }
    }

    /// Adds the documents of an exported library that are not here yet.
    /// Adds articles read from many files (or a zip of them) at once, none opened: texts
    /// already in the library (or twice in the batch) are skipped; `failed` says why each
    /// file that could not be read was not (naming it). The notice sums it up.
    pub fn add_many(self, texts: Vec<(String, String)>, failed: Vec<String>) {
        let now = now_ms();
        let incoming: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, (_, text))| Document {
                id: new_id(),
                title: title_of(&text, AUTO_TITLE),
                source: String::new(),
                date: String::new(),
                text,
                // In the order dropped: the library lists the newest first.
                updated: now + i as u64,
            })
            .collect();
        let bundled: Vec<&str> = bundled::all().iter().map(|d| d.id.as_str()).collect();
        let (added, merged) =
            Library::merge(&self.docs.get_untracked(), &bundled, Library::new(incoming));
        self.put_all(added);
        let mut notice = format!(
            "已加入 {} 篇，{} 篇已在文件庫 · {} added, {} already in the library",
            merged.added, merged.duplicates, merged.added, merged.duplicates
        );
        if !failed.is_empty() {
            notice.push_str(&format!(
                "；{} 個檔案未能讀取 · {} could not be read — {}",
                failed.len(),
                failed.len(),
                failed.join("; ")
            ));
        }
        self.notice.set(Some(notice));
    }

    /// Merges a library file into this one (texts already here are skipped); its
    /// authority file, if it has one, is returned for the caller to adopt.
    pub fn import(self, name: &str, json: &str) -> Option<jiexi_corpus::authority::Authority> {
        match Library::from_json(json) {
            Ok(mut incoming) => {
                let authority = std::mem::take(&mut incoming.authority);
                let bundled: Vec<&str> = bundled::all().iter().map(|d| d.id.as_str()).collect();
                let (added, merged) =
                    Library::merge(&self.docs.get_untracked(), &bundled, incoming);
                self.put_all(added);
                self.notice.set(Some(format!(
                    "{name}: {} document(s) added, {} already in the library",
                    merged.added, merged.duplicates
                )));
                (!authority.is_empty()).then_some(authority)
            }
            Err(e) => {
                self.notice.set(Some(format!("{name}: {e}")));
                None
            }
        }
    }
}
