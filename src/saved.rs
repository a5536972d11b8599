//! Whether something the user made (corrections, articles) is safely on the device, and
//! the line that says so: one look and one set of states for every panel that stores.

use leptos::prelude::*;

use crate::i18n::I18n;

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

/// `[data-testid=<testid>][data-state=loading|saved|unavailable]`: `saved` and `lost`
/// are the (繁體, English) messages for the saved and the unavailable state.
#[component]
pub fn SavedNote(
    saved: RwSignal<Saved>,
    testid: &'static str,
    saved_text: (&'static str, &'static str),
    lost_text: (&'static str, &'static str),
) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <p class="muted storage-state" data-testid=testid data-state=move || saved.with(|s| s.as_str())>
            {move || match saved.get() {
                Saved::Loading => i18n.tr("載入中…", "Loading…").to_string(),
                Saved::Saving => i18n.tr("儲存中…", "Saving…").to_string(),
                Saved::Saved => i18n.tr(saved_text.0, saved_text.1).to_string(),
                Saved::Unavailable(why) => format!("{} ({why})", i18n.tr(lost_text.0, lost_text.1)),
            }}
        </p>
    }
}
