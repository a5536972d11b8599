//! The line that says whether the user's work is safely on the device, in one look for
//! every panel that stores.

use leptos::prelude::*;

use crate::shell::i18n::I18n;
use crate::state::saved::Saved;

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
