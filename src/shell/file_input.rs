//! Opening a `.txt` file, picked or dropped: the bytes go to the worker, which decodes
//! them (UTF-8, UTF-16, Big5, GB18030) or says why it cannot. Many files at once, or a
//! `.zip` of them, are added to the library together (`AnalysisClient::import_files`).

use jiexi_corpus::input::MAX_TEXT_BYTES;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shell::i18n::tr;
use crate::state::client::AnalysisClient;
use crate::state::status::Status;

/// Files larger than this are refused before being read: even UTF-16 (two bytes a char)
/// this large is over the analysis limit.
const MAX_FILE_BYTES: f64 = (MAX_TEXT_BYTES * 2) as f64;

/// Reads `file` and hands it to the worker.
pub fn open(client: AnalysisClient, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        client.status.set(Status::FileError(format!(
            "{name}: {:.1} MB is more than the {:.0} MB jiexi analyses at once; split it into smaller files",
            file.size() / 1e6,
            MAX_TEXT_BYTES as f64 / 1e6
        )));
        return;
    }
    client.status.set(Status::Working);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                client.open_file(name, bytes);
            }
            Err(_) => client.status.set(Status::FileError(format!(
                "{name}: the browser could not read this file"
            ))),
        }
    });
}

/// A zip this large is refused before it is read: the worker holds it and its texts.
const MAX_ARCHIVE_BYTES: f64 = 100e6;

fn is_zip(name: &str) -> bool {
    name.to_lowercase().ends_with(".zip")
}

/// Every file of a drop.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    ev.data_transfer()
        .and_then(|d| d.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// One text file opens as the article; several, or a zip, go to the library together,
/// with their progress shown and each failure named.
pub fn open_many(client: AnalysisClient, files: Vec<web_sys::File>) {
    match files.as_slice() {
        [] => {}
        [one] if !is_zip(&one.name()) => open(client, one.clone()),
        _ => leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(files.len());
            for file in files {
                let name = file.name();
                let limit = if is_zip(&name) {
                    MAX_ARCHIVE_BYTES
                } else {
                    MAX_FILE_BYTES
                };
                let bytes = if file.size() > limit {
                    Err(format!(
                        "{:.1} MB is more than the {:.0} MB allowed",
                        file.size() / 1e6,
                        limit / 1e6
                    ))
                } else {
                    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                        .await
                        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                        .map_err(|_| "the browser could not read this file".to_string())
                };
                read.push((name, bytes));
            }
            client.import_files(read);
        }),
    }
}

/// The file picked in the `<input type=file>` that fired `ev`; the input is reset, so
/// the same file can be picked again after editing it.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// Reads the picked file as UTF-8 text (the user's own exports: dictionary, library) and
/// hands its name and text to `then`.
pub fn read_picked_text(ev: &web_sys::Event, then: impl FnOnce(String, String) + 'static) {
    let Some(file) = picked_file(ev) else { return };
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        then(
            file.name(),
            text.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        );
    });
}

#[component]
pub fn FileInput() -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // Reset, so the same file can be picked again after editing it.
        input.set_value("");
        open_many(client, files);
    };
    view! {
        <label class="file-button">
            {tr("開啟 .txt 或 .zip 檔案", "Open .txt or .zip files")}
            <input
                type="file"
                multiple
                accept=".txt,.zip,text/plain,application/zip"
                data-testid="file-input"
                on:change=on_change
            />
        </label>
        {move || client.batch.get().map(|b| view! {
            <span class="import-progress" data-testid="import-progress" role="status">
                <progress max=b.total value=b.done></progress>
                {format!(" {} / {}", b.done, b.total)}
            </span>
        })}
    }
}
