//! The legend: one toggle per entity type found, with its count of mentions (the panel
//! counts names: one word each says which); switching a type off
//! removes its highlights (the text stays).

use jiexi_engine::EntityType;
use leptos::prelude::*;

use crate::shell::i18n::{tr, type_label, I18n};

#[component]
pub fn Legend(
    /// Mentions per type, in display order (`Stats::entities`).
    counts: Signal<Vec<(EntityType, usize)>>,
    hidden: RwSignal<Vec<EntityType>>,
) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <div class="legend" data-testid="legend" role="group" aria-label=tr("實體類型（提及次數）", "Entity types (mentions)")>
            <span class="legend-what">{tr("提及次數：", "Mentions:")}</span>
            {move || {
                counts
                    .get()
                    .into_iter()
                    .map(|(kind, n)| {
                        let on = move || !hidden.with(|h| h.contains(&kind));
                        view! {
                            <button
                                type="button"
                                class="legend-item"
                                data-testid="legend-toggle"
                                data-entity-type=kind.as_str()
                                data-count=n
                                aria-pressed=move || on().to_string()
                                on:click=move |_| {
                                    hidden.update(|h| match h.iter().position(|k| *k == kind) {
                                        Some(at) => {
                                            h.remove(at);
                                        }
                                        None => h.push(kind),
                                    })
                                }
                            >
                                <span class="swatch" data-entity=kind.as_str() aria-hidden="true"></span>
                                {move || type_label(kind, i18n.0.get())}
                                " "
                                <span class="count">{n}</span>
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
