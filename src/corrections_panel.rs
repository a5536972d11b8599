//! Corrections: mark selected text as an entity or a word, change an entity's type or
//! remove it, and the user dictionary that keeps them (IndexedDB), exported and imported
//! as a jieba user dictionary.

use jiexi_corpus::corrections::{Correction, UserDictionary};
use jiexi_engine::EntityType;
use leptos::prelude::*;

use crate::client::AnalysisClient;
use crate::i18n::{tr, type_label, I18n};
use crate::saved::{SavedNote, Writes};
use crate::storage;
use crate::tabs::Tabs;

/// Where the user dictionary is kept.
const KEY: &str = "user-dictionary";
/// Tabs tell each other on this channel that the dictionary changed.
const CHANNEL: &str = "jiexi-corrections";

/// The corrections and their storage state; `Copy`, shared by the panels.
#[derive(Clone, Copy)]
pub struct Corrections {
    client: AnalysisClient,
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

/// The text selected in the reader, if it can be a correction (one line, 1–40 chars).
fn selected_text() -> Option<String> {
    let selection = web_sys::window()?.get_selection().ok().flatten()?;
    let reader = web_sys::window()?
        .document()?
        .query_selector("[data-testid=reader]")
        .ok()
        .flatten()?;
    let anchor = selection.anchor_node()?;
    if !reader.contains(Some(&anchor)) {
        return None;
    }
    let text: String = String::from(selection.to_string())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let n = text.chars().count();
    (1..=jiexi_corpus::corrections::MAX_CORRECTION_CHARS)
        .contains(&n)
        .then_some(text)
}

/// A `<select>` of entity types, bound to `value`.
fn type_select(value: RwSignal<EntityType>, testid: &'static str) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <select
            data-testid=testid
            aria-label=tr("實體類型", "Entity type")
            on:change=move |ev| {
                if let Some(t) = EntityType::parse(&event_target_value(&ev)) {
                    value.set(t);
                }
            }
        >
            {EntityType::ALL
                .into_iter()
                .map(|t| {
                    view! {
                        <option value=t.as_str() selected=move || value.get() == t>
                            {move || type_label(t, i18n.0.get())}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// Shown when text is selected in the reader: mark it as an entity or as a word.
#[component]
pub fn CorrectionBar(corrections: Corrections, picked: RwSignal<Option<String>>) -> impl IntoView {
    let kind = RwSignal::new(EntityType::Person);
    view! {
        {move || picked.get().map(|text| {
            let entity_text = text.clone();
            let word_text = text.clone();
            view! {
                <div class="correction-bar" data-testid="correction-bar" role="group" aria-label=tr("更正", "Correct")>
                    <span>{tr("選取：", "Selected: ")} "「" <strong data-testid="correction-text">{text}</strong> "」"</span>
                    {type_select(kind, "correction-type")}
                    <button
                        type="button"
                        data-testid="mark-entity"
                        on:click=move |_| {
                            corrections.add(Correction::Entity {
                                text: entity_text.clone(),
                                entity_type: kind.get_untracked(),
                            });
                            picked.set(None);
                        }
                    >
                        {tr("標為實體", "Mark as entity")}
                    </button>
                    <button
                        type="button"
                        data-testid="mark-word"
                        on:click=move |_| {
                            corrections.add(Correction::Word { text: word_text.clone(), pos: "n".into() });
                            picked.set(None);
                        }
                    >
                        {tr("標為詞", "Mark as word")}
                    </button>
                    <button type="button" aria-label=tr("關閉", "Close") on:click=move |_| picked.set(None)>
                        "×"
                    </button>
                </div>
            }
        })}
    }
}

/// Reads the reader's selection after a mouse or keyboard selection ends.
pub fn pick_selection(picked: RwSignal<Option<String>>) {
    if let Some(text) = selected_text() {
        picked.set(Some(text));
    }
}

/// Change the type of the selected entity, or remove it everywhere.
#[component]
pub fn EntityActions(corrections: Corrections, text: String, kind: EntityType) -> impl IntoView {
    let new_kind = RwSignal::new(kind);
    let change_text = text.clone();
    Effect::new(move |first: Option<()>| {
        let t = new_kind.get();
        if first.is_some() && t != kind {
            corrections.add(Correction::Entity {
                text: change_text.clone(),
                entity_type: t,
            });
        }
    });
    view! {
        <div class="entity-actions">
            <label class="check">{tr("類型", "Type")} {type_select(new_kind, "change-type")}</label>
            <button
                type="button"
                data-testid="remove-entity"
                on:click=move |_| corrections.add(Correction::NotEntity { text: text.clone(), entity_type: kind })
            >
                {tr("不是實體", "Not an entity")}
            </button>
        </div>
    }
}

/// The user dictionary: every correction, removable; export and import.
#[component]
pub fn DictionaryPanel(corrections: Corrections) -> impl IntoView {
    let i18n = I18n::get();
    let dict = corrections.client.corrections;
    let export = move |_| {
        let text = dict.with_untracked(UserDictionary::to_jieba);
        if let Err(e) =
            crate::exports::download("jiexi-user-dict.txt", "text/plain;charset=utf-8", &text)
        {
            corrections.notice.set(Some(e));
        }
    };
    let import = move |ev: web_sys::Event| {
        crate::file_input::read_picked_text(
            &ev,
            move |name, text| match UserDictionary::from_jieba(&name, &text) {
                Ok(imported) => corrections.change(move |d| {
                    for c in &imported.corrections {
                        d.add(c.clone()).map_err(|e| e.to_string())?;
                    }
                    Ok(())
                }),
                Err(e) => corrections.notice.set(Some(e.to_string())),
            },
        );
    };
    let kind_label = move |c: &Correction| -> String {
        let lang = i18n.0.get();
        match c {
            Correction::Entity { entity_type, .. } => type_label(*entity_type, lang).to_string(),
            Correction::NotEntity { entity_type, .. } => {
                format!("✕ {}", type_label(*entity_type, lang))
            }
            Correction::Word { .. } => i18n.tr("詞", "word").to_string(),
        }
    };
    view! {
        <section class="dictionary" aria-labelledby="dictionary-heading">
            <h2 id="dictionary-heading">{tr("用戶詞典", "User dictionary")}</h2>
            <SavedNote
                saved=corrections.saved.state
                testid="storage-state"
                saved_text=("已儲存在此裝置。", "Saved on this device.")
                lost_text=("未能儲存：更正只保留到關閉此頁。", "Not saved: corrections last until this page is closed.")
            />
            <ul data-testid="dictionary-list">
                {move || {
                    dict.with(|d| {
                        d.corrections
                            .iter()
                            .map(|c| {
                                let kind = match c {
                                    Correction::Entity { .. } => "entity",
                                    Correction::NotEntity { .. } => "not_entity",
                                    Correction::Word { .. } => "word",
                                };
                                view! {
                                    <li data-correction-kind=kind data-correction-text=c.text().to_string()>
                                        <span class="entity-text">{c.text().to_string()}</span>
                                        <span class="forms">{kind_label(c)}</span>
                                        <button
                                            type="button"
                                            data-testid="dictionary-remove"
                                            aria-label=tr("移除", "Remove")
                                            on:click={
                                                let c = c.clone();
                                                move |_| {
                                                    let c = c.clone();
                                                    corrections.change(move |d| {
                                                        d.remove(&c);
                                                        Ok(())
                                                    })
                                                }
                                            }
                                        >
                                            "×"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
            {move || dict.with(|d| d.is_empty()).then(|| view! {
                <p class="muted">{tr("選取閱讀區中的文字即可更正。", "Select text in the reader to correct it.")}</p>
            })}
            <div class="dictionary-actions">
                <button type="button" data-testid="dictionary-export" on:click=export>
                    {tr("匯出詞典", "Export dictionary")}
                </button>
                <label class="file-button">
                    {tr("匯入詞典", "Import dictionary")}
                    <input type="file" accept=".txt,text/plain" data-testid="dictionary-import" on:change=import />
                </label>
            </div>
        </section>
    }
}
