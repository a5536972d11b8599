//! Saving a file the page wrote through the browser's download (and an SVG as PNG,
//! drawn onto a canvas): what every export button calls.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `name`. Returns a message on failure.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let url = object_url(contents, mime).map_err(|what| format!("cannot save {name}: {what}"))?;
    save_url(&url, name);
    // The download has started from the URL; the object can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Offers a chart (an SVG document) as a PNG named `name`, drawn at twice its size on a
/// canvas. The browser decodes the SVG as an image from a `blob:` URL (the CSP allows
/// `img-src blob:`), so the canvas is not tainted and can be saved.
pub fn download_png(name: &str, svg: &str) -> Result<(), String> {
    let fail = |what: &str| format!("cannot save {name}: {what}");
    let url = object_url(svg, "image/svg+xml").map_err(&fail)?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| fail("no image"))?;
    let name = name.to_string();
    let loaded = image.clone();
    let svg_url = url.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&svg_url);
        if let Err(message) = draw_and_save(&loaded, &name) {
            web_sys::console::error_1(&message.into());
        }
    });
    let failed_url = url.clone();
    let failed_name = fail("the chart could not be read as an image");
    let onerror = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&failed_url);
        web_sys::console::error_1(&failed_name.into());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// A `blob:` URL holding `contents` typed `mime`; the caller revokes it.
fn object_url(contents: &str, mime: &str) -> Result<String, &'static str> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "no Blob")?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no URL")
}

fn draw_and_save(image: &web_sys::HtmlImageElement, name: &str) -> Result<(), String> {
    const SCALE: u32 = 2;
    let fail = |what: &str| format!("cannot save {name}: {what}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| fail("no canvas"))?
        .dyn_into()
        .map_err(|_| fail("no canvas"))?;
    let (w, h) = (image.natural_width().max(1), image.natural_height().max(1));
    canvas.set_width(w * SCALE);
    canvas.set_height(h * SCALE);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| fail("no 2d context"))?
        .dyn_into()
        .map_err(|_| fail("no 2d context"))?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            f64::from(w * SCALE),
            f64::from(h * SCALE),
        )
        .map_err(|_| fail("the chart could not be drawn"))?;
    let name = name.to_string();
    let on_blob =
        wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            let Some(blob) = blob else { return };
            if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
                save_url(&url, &name);
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        });
    canvas
        .to_blob_with_type(on_blob.unchecked_ref(), "image/png")
        .map_err(|_| fail("no PNG"))
}

fn save_url(url: &str, name: &str) {
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(url);
        anchor.set_download(name);
        anchor.click();
    }
}
