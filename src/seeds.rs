//! The list of bundled documents; choosing one loads it into the reader.

use leptos::prelude::*;

use crate::bundled::{BundledDoc, BUNDLED};

/// One button per bundled document. `on_open` receives the document chosen.
#[component]
pub fn SeedList(on_open: Callback<BundledDoc>) -> impl IntoView {
    view! {
        <nav class="seeds" aria-labelledby="seeds-heading">
            <h2 id="seeds-heading">"語料 Corpus"</h2>
            <ul data-testid="corpus-list">
                {BUNDLED
                    .iter()
                    .map(|doc| {
                        let doc = *doc;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    data-testid="corpus-doc"
                                    data-doc-id=doc.id
                                    data-kind=doc.kind
                                    on:click=move |_| on_open.run(doc)
                                >
                                    {doc.title()}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {BUNDLED.is_empty().then(|| view! { <p class="muted">"No bundled documents."</p> })}
        </nav>
    }
}
