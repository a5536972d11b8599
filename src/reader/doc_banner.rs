//! The line above the reader while a bundled document is shown: what it is, that it is
//! read-only, how to analyse one's own article, and the way between a story and its page.

use leptos::prelude::*;

use crate::shell::i18n::{tr, I18n, Lang};
use jiexi_worker::bundled::{self, Bundled, Kind};

/// Where a story's headline stands in its page, as an `open_at` request.
fn in_page(story: &Bundled) -> (String, Option<(usize, usize)>) {
    let at = (
        story.start + story.headline.0,
        story.start + story.headline.1,
    );
    (story.page.to_string(), Some(at))
}

#[component]
pub fn DocBanner(
    showing: RwSignal<Option<&'static Bundled>>,
    /// Opens a document (by id) at a place.
    open_at: Callback<(String, Option<(usize, usize)>)>,
) -> impl IntoView {
    let i18n = I18n::get();
    move || {
        let doc = showing.get()?;
        let lang = i18n.0.get();
        let meta = doc.meta();
        let about = match (doc.kind, lang) {
            (Kind::Story, Lang::ZhHant) => "隨 jiexi 附上的種子語料：五版香港報章（深港創新），已分成各篇報道，只供閱讀。",
            (Kind::Story, Lang::En) => "From the seed corpus bundled with jiexi: five Hong Kong newspaper pages on Shenzhen–Hong Kong innovation, split into stories. Read-only.",
            (Kind::Page, Lang::ZhHant) => "整版原文，只供閱讀。按篇名跳到該篇在版面的位置：",
            (Kind::Page, Lang::En) => "The whole page as printed. Read-only. Jump to where each story starts:",
            (Kind::Sample, Lang::ZhHant) => "隨 jiexi 附上的示範文章，只供閱讀。",
            (Kind::Sample, Lang::En) => "A demo article bundled with jiexi. Read-only.",
        };
        let how = tr(
            "在上方貼上你自己的文章，或拖入 .txt 檔案，即可同樣分析；文章只存在此裝置。",
            "Paste your own article above, or drop a .txt file, to analyse it the same way; it stays on this device.",
        );
        let page_link = (doc.kind == Kind::Story).then(|| {
            view! {
                <button
                    type="button"
                    class="link"
                    data-testid="open-page"
                    on:click=move |_| open_at.run(in_page(doc))
                >
                    {tr("看整版", "See it in its page")}
                </button>
            }
        });
        let story_links = (doc.kind == Kind::Page).then(|| {
            view! {
                <ol class="page-stories">
                    {bundled::stories_of(doc.page)
                        .map(|story| view! {
                            <li>
                                <button
                                    type="button"
                                    class="link"
                                    data-testid="page-story"
                                    data-doc-id=story.id.clone()
                                    on:click=move |_| open_at.run(in_page(story))
                                >
                                    {story.title.clone()}
                                </button>
                            </li>
                        })
                        .collect_view()}
                </ol>
            }
        });
        Some(view! {
            <aside class="doc-banner" data-testid="doc-banner" data-kind=doc.kind.as_str() data-doc-id=doc.id.clone()>
                <p>
                    <strong data-testid="doc-banner-title">{doc.title.clone()}</strong>
                    {(!meta.is_empty()).then(|| view! { <span class="forms">{format!(" {meta}")}</span> })}
                    " "
                    {page_link}
                </p>
                <p class="muted">{about}</p>
                {story_links}
                <p class="muted">{how}</p>
            </aside>
        })
    }
}
