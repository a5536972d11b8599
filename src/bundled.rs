//! The documents shipped inside the app (see `build.rs`).

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
        const MAX: usize = 40;
        let line = self.text.lines().map(str::trim).find(|l| !l.is_empty());
        let line = line.unwrap_or(self.id);
        match line.char_indices().nth(MAX) {
            Some((cut, _)) => format!("{}…", &line[..cut]),
            None => line.to_string(),
        }
    }
}

/// Every bundled document, seeds first, in file-name order.
pub const BUNDLED: &[BundledDoc] = include!(concat!(env!("OUT_DIR"), "/bundled_docs.rs"));
