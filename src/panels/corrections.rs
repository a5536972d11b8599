//! The correction views: mark selected text as an entity or a word, change an entity's
//! type or remove it, and the user dictionary panel (export and import as a jieba user
//! dictionary). The store is `state::corrections`.

use jiexi_corpus::corrections::{Correction, UserDictionary};
use jiexi_engine::EntityType;
use leptos::prelude::*;

use crate::panels::type_guess::guess_type;
use crate::state::corrections::Corrections;

use crate::panels::saved_note::SavedNote;
use crate::shell::i18n::{tr, type_label, I18n};

/// Text selected in the reader, and where: the correction popover opens by it.
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub text: String,
    /// Where the popover goes, in CSS pixels of the viewport: below the selection, or
    /// above it near the bottom of the screen, and never past either edge.
    pub left: f64,
    pub top: f64,
}

/// The width and height the popover is given room for.
const POPOVER_WIDTH: f64 = 360.0;
const POPOVER_HEIGHT: f64 = 120.0;

/// The popover's place for a selection whose box is `rect`, in a `width` × `height`
/// viewport.
fn popover_at(rect: (f64, f64, f64, f64), width: f64, height: f64) -> (f64, f64) {
    let (left, top, _right, bottom) = rect;
    let x = left.min(width - POPOVER_WIDTH - 8.0).max(8.0);
    let below = bottom + 8.0;
    let y = if below + POPOVER_HEIGHT <= height {
        below
    } else {
        (top - POPOVER_HEIGHT - 8.0).max(8.0)
    };
    (x, y.min(height - POPOVER_HEIGHT).max(8.0))
}

/// The reader's selection, if it can be a correction (one line, 1–40 chars), and where.
fn selected() -> Option<Picked> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok().flatten()?;
    let text = selected_text(&selection)?;
    let rect = selection.get_range_at(0).ok()?.get_bounding_client_rect();
    let number = |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
    };
    let (width, height) = (number(window.inner_width()), number(window.inner_height()));
    let (left, top) = popover_at(
        (rect.left(), rect.top(), rect.right(), rect.bottom()),
        width,
        height,
    );
    Some(Picked { text, left, top })
}

/// The text of `selection`, if it is in the reader and can be a correction.
fn selected_text(selection: &web_sys::Selection) -> Option<String> {
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

/// Shown by the selection when text is selected in the reader: mark it as an entity (of
/// the type its text suggests) or as a word.
#[component]
pub fn CorrectionBar(picked: RwSignal<Option<Picked>>) -> impl IntoView {
    let corrections = expect_context::<Corrections>();
    let kind = RwSignal::new(EntityType::Person);
    // Guessed when the text picked changes, not when the same selection is read again (a
    // click on the popover's own buttons ends with a mouseup over the reader's section):
    // the type the user chose stays chosen.
    let text = Memo::new(move |_| picked.with(|p| p.as_ref().map(|p| p.text.clone())));
    Effect::new(move |_| {
        if let Some(t) = text.get() {
            kind.set(guess_type(&t));
        }
    });
    view! {
        {move || picked.get().map(|Picked { text, left, top }| {
            let entity_text = text.clone();
            let word_text = text.clone();
            view! {
                <div
                    class="correction-bar popover"
                    data-testid="correction-bar"
                    role="group"
                    aria-label=tr("更正", "Correct")
                    // Through the CSSOM (`style:`), not a style attribute: the page's
                    // Content-Security-Policy allows no inline styles.
                    style:left=format!("{left:.0}px")
                    style:top=format!("{top:.0}px")
                >
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
pub fn pick_selection(picked: RwSignal<Option<Picked>>) {
    if let Some(p) = selected() {
        picked.set(Some(p));
    }
}

/// Change the type of the selected entity, or remove it everywhere.
#[component]
pub fn EntityActions(text: String, kind: EntityType) -> impl IntoView {
    let corrections = expect_context::<Corrections>();
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
pub fn DictionaryPanel() -> impl IntoView {
    let corrections = expect_context::<Corrections>();
    let i18n = I18n::get();
    let dict = corrections.client.corrections;
    let export = move |_| {
        let text = dict.with_untracked(UserDictionary::to_jieba);
        if let Err(e) = crate::shell::download::download(
            "jiexi-user-dict.txt",
            "text/plain;charset=utf-8",
            &text,
        ) {
            corrections.notice.set(Some(e));
        }
    };
    let import = move |ev: web_sys::Event| {
        crate::shell::file_input::read_picked_text(&ev, move |name, text| {
            match UserDictionary::from_jieba(&name, &text) {
                Ok(imported) => corrections.change(move |d| {
                    for c in &imported.corrections {
                        d.add(c.clone()).map_err(|e| e.to_string())?;
                    }
                    Ok(())
                }),
                Err(e) => corrections.notice.set(Some(e.to_string())),
            }
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_popover_stays_on_screen() {
        // (selection box), viewport -> popover's top-left corner
        let cases = [
            (
                (100.0, 200.0, 160.0, 224.0),
                (1366.0, 900.0),
                (100.0, 232.0),
            ),
            // near the bottom: above the selection
            (
                (100.0, 850.0, 160.0, 874.0),
                (1366.0, 900.0),
                (100.0, 722.0),
            ),
            // near the right edge, on a phone
            ((300.0, 100.0, 380.0, 124.0), (390.0, 844.0), (22.0, 132.0)),
            // wider than the screen: pinned to the left edge
            ((50.0, 100.0, 80.0, 124.0), (300.0, 600.0), (8.0, 132.0)),
        ];
        for (rect, (w, h), at) in cases {
            assert_eq!(popover_at(rect, w, h), at, "{rect:?} in {w}x{h}");
        }
    }
}
