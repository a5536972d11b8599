//! What the user sees when the page's own code panics.
//!
//! A panic in the page's wasm leaves it unable to run again (the instance traps), so the
//! notice is built with plain DOM calls, before the trap, and offers a reload by a plain
//! link (no script needed). The text box is left as it is: its text can still be copied,
//! and a reload reopens the document saved last. The worker has its own recovery
//! (`client.rs`: a silent worker is replaced and the text kept).

use wasm_bindgen::prelude::wasm_bindgen;

/// Installs the panic hook: the panic is logged to the console for diagnosis, then shown.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Shows the crash notice at the top of the page (once).
fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id("crash");
    notice.set_class_name("crash-banner");
    // Failed attribute or child calls leave a plainer notice; there is nothing else to do.
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("data-testid", "crash");
    notice.set_text_content(Some(
        "jiexi 出現內部錯誤，頁面已停止回應。文字框中的文字仍在，可以複製；重新載入會打開最後儲存的文章。 \
         jiexi hit an internal error and stopped. The text in the box is still there to copy; \
         reloading reopens the article saved last. ",
    ));
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", "");
        let _ = link.set_attribute("data-testid", "crash-reload");
        link.set_text_content(Some("重新載入 Reload"));
        let _ = notice.append_child(&link);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&notice);
    }
}

/// Panics on purpose, so that the crash path can be checked in a real browser (the
/// end-to-end tests call it through trunk's `window.wasmBindings`).
#[wasm_bindgen]
pub fn jiexi_debug_panic() {
    panic!("jiexi_debug_panic: a panic asked for by a test");
}
