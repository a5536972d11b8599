//! Telling this app's other tabs that something stored changed, so that they read it
//! again (BroadcastChannel). Only a hint: a tab that misses it (no BroadcastChannel, or
//! frozen in the background) still loses nothing, as every save is made to what is
//! stored (see [`crate::state::storage::update`]).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// One channel between the tabs; `Copy`.
#[derive(Clone, Copy)]
pub struct Tabs(StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>);

impl Tabs {
    /// Joins channel `name` (none where the browser has no BroadcastChannel).
    pub fn new(name: &str) -> Self {
        Tabs(StoredValue::new_local(
            web_sys::BroadcastChannel::new(name).ok(),
        ))
    }

    /// Runs `changed` each time another tab announces a change, for the page's lifetime.
    pub fn on_change(self, changed: impl Fn() + 'static) {
        self.0.with_value(|channel| {
            if let Some(channel) = channel {
                let on_message =
                    Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| changed());
                channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                // Lives as long as the page.
                on_message.forget();
            }
        });
    }

    /// Tells the other tabs that something changed.
    pub fn announce(self) {
        self.0.with_value(|channel| {
            if let Some(channel) = channel {
                // Only a hint: nothing is lost if it cannot be sent.
                let _ = channel.post_message(&JsValue::from_str("changed"));
            }
        });
    }
}
