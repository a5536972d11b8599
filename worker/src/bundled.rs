//! The documents shipped inside the app (see `worker/build.rs`).

/// A document bundled with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledDoc {
    /// The file name without extension; stable, used as `data-doc-id`.
    pub id: &'static str,
    /// `seed` for the corpus pages in `seeds/`, `sample` for the demo text in `samples/`.
    pub kind: &'static str,
    pub text: &'static str,
}

impl BundledDoc {
    /// The first non-empty line, shortened: seed pages start with their headline.
    pub fn title(&self) -> String {
        let title = jiexi_engine::library::title_of(self.text, 40);
        if title.is_empty() {
            self.id.to_string()
        } else {
            title
        }
    }
}

/// Every bundled document, seeds first, in file-name order.
pub const BUNDLED: &[BundledDoc] = include!(concat!(env!("OUT_DIR"), "/bundled_docs.rs"));
