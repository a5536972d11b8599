//! Offline use and updates: registers the service worker (`sw.js`, written at build time
//! by `scripts/build/precache.mjs`) and tells the page when a new version is ready. The new
//! version takes over only when the user asks, so an update never interrupts work.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The service worker API, where the browser offers it (not over plain http, not in
/// some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    has.then(|| navigator.service_worker())
}

/// Registers the service worker; the returned signal turns `true` when a new version
/// is installed and waiting.
pub fn register() -> RwSignal<bool> {
    let available = RwSignal::new(false);
    let Some(container) = container() else {
        return available;
    };
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
            // Without a service worker the app still works, only not offline.
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && controlled() {
            available.set(true);
        }
        let watched = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let controlled = controlled.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // A first install is not an update: there was no version before.
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    available.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget(); // Lives as long as that worker.
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget(); // Lives as long as the page.
    });
    available
}

/// Lets the waiting version take over and reloads the page once it has.
pub fn apply_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            // A failed reload leaves the old version running; nothing is lost.
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    leptos::task::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Some(waiting) = registration.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
