//! The page: input, status, reader and the bundled documents.

use leptos::prelude::*;

use crate::client::AnalysisClient;
use crate::reader::Reader;
use crate::seeds::SeedList;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let client = AnalysisClient::spawn();
    let text = RwSignal::new(String::new());
    let analyze = move |value: String| {
        text.set(value.clone());
        client.analyze(value);
    };
    let status = client.status;

    view! {
        <header class="top">
            <h1>"解析 " <span class="brand">"jiexi"</span></h1>
            <p class="tagline">"Chinese news text, analysed in your browser. Nothing leaves this device."</p>
        </header>
        <main class="layout">
            <section class="input" aria-labelledby="input-label">
                <label id="input-label" for="article-input">"貼上文章 Paste an article"</label>
                <textarea
                    id="article-input"
                    data-testid="article-input"
                    rows="8"
                    placeholder="例如：記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示……"
                    prop:value=move || text.get()
                    on:input=move |ev| analyze(event_target_value(&ev))
                ></textarea>
                <p
                    class="status"
                    data-testid="status"
                    role="status"
                    data-state=move || status.with(|s| s.as_str())
                >
                    {move || status.with(|s| s.message())}
                </p>
            </section>
            <section class="output" aria-label="分析結果 Analysis">
                <Reader shown=client.shown.into() />
            </section>
            <SeedList on_open=Callback::new(move |doc: crate::bundled::BundledDoc| {
                analyze(doc.text.to_string())
            }) />
        </main>
    }
}
