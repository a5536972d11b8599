//! Export: the analysis as files other tools read (written by `jiexi_engine::export`),
//! saved through the browser's download, and the entity table to the clipboard.

use std::sync::Arc;

use jiexi_corpus::export::{brat, conll, csv, html, json};
use jiexi_corpus::identity::EntityGroup;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::Shown;
use crate::i18n::tr;

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

/// A file name from the document's title: safe characters only, at most 40 of them.
fn base_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    if cleaned.is_empty() {
        "jiexi".to_string()
    } else {
        format!("jiexi-{cleaned}")
    }
}

/// The document's title: its first non-empty line.
fn title_of(text: &str) -> String {
    let title = jiexi_corpus::library::title_of(text, 60);
    if title.is_empty() {
        "jiexi".to_string()
    } else {
        title
    }
}

#[component]
pub fn ExportBar(
    shown: Signal<Option<Shown>>,
    groups: Signal<Arc<Vec<EntityGroup>>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    // Each button: test id, label, file extension, MIME type, writer.
    type Writer = fn(&str, &Shown) -> String;
    let formats: [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Writer,
    ); 6] = [
        ("export-json", "JSON", "json", "application/json", |_, s| {
            json::json(&s.text, &s.analysis)
        }),
        (
            "export-csv",
            "CSV",
            "csv",
            "text/csv;charset=utf-8",
            |_, s| {
                // A BOM so spreadsheet programs read the Chinese as UTF-8.
                format!("\u{FEFF}{}", csv::entities_csv(&s.analysis))
            },
        ),
        (
            "export-conll",
            "CoNLL",
            "conll",
            "text/plain;charset=utf-8",
            |_, s| conll::conll(&s.text, &s.analysis),
        ),
        (
            "export-brat-txt",
            "brat .txt",
            "txt",
            "text/plain;charset=utf-8",
            |_, s| s.text.clone(),
        ),
        (
            "export-brat-ann",
            "brat .ann",
            "ann",
            "text/plain;charset=utf-8",
            |_, s| brat::brat_ann(&s.text, &s.analysis),
        ),
        (
            "export-html",
            "HTML",
            "html",
            "text/html;charset=utf-8",
            |title, s| html::html(title, &s.text, &s.analysis),
        ),
    ];
    let copy = move |_| {
        let tsv = csv::entity_table_tsv(&groups.get_untracked());
        let Some(window) = web_sys::window() else {
            return;
        };
        let promise = window.navigator().clipboard().write_text(&tsv);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            notice.set(Some(match done {
                Ok(_) => "已複製實體表 Entity table copied".to_string(),
                Err(_) => "無法複製（瀏覽器拒絕）Copy refused by the browser".to_string(),
            }));
        });
    };
    view! {
        <div class="exports" role="group" aria-label=tr("匯出", "Export") data-testid="exports">
            <span class="exports-label">{tr("匯出", "Export")}</span>
            {formats
                .into_iter()
                .map(|(id, label, ext, mime, write)| {
                    view! {
                        <button
                            type="button"
                            data-testid=id
                            disabled=move || shown.with(|s| s.is_none())
                            on:click=move |_| {
                                let result = shown.with_untracked(|s| {
                                    s.as_ref().map(|s| {
                                        let title = title_of(&s.text);
                                        let name = format!("{}.{ext}", base_name(&title));
                                        download(&name, mime, &write(&title, s))
                                    })
                                });
                                if let Some(Err(message)) = result {
                                    notice.set(Some(message));
                                }
                            }
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                data-testid="copy-entities"
                disabled=move || shown.with(|s| s.is_none())
                on:click=copy
            >
                {tr("複製實體表", "Copy entity table")}
            </button>
        </div>
    }
}
