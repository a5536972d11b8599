//! Where the user is: the pane and the corpus view, and the concordance query, kept in the
//! URL's hash (`#/corpus/kwic?q=河套`) so that back and forward, reload and bookmarks
//! work. The hash, not the path: the app is one `index.html` served from any static host
//! and any sub-path, and from the service worker's cache offline, where only the hash
//! never reaches a server.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The panes. On a wide screen reading shows the entities and the library beside the
/// text, so those three are one layout; on a phone each is a tab of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Read,
    Entities,
    Library,
    /// Exploring the corpus, at one of its views.
    Corpus(CorpusView),
}

/// The corpus views, in the order the dashboard shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CorpusView {
    #[default]
    Kwic,
    Index,
    Words,
    Network,
    Trends,
    Timeline,
    Distinctive,
}

impl CorpusView {
    pub const ALL: [CorpusView; 7] = [
        CorpusView::Kwic,
        CorpusView::Index,
        CorpusView::Words,
        CorpusView::Network,
        CorpusView::Trends,
        CorpusView::Timeline,
        CorpusView::Distinctive,
    ];

    /// Its name in the URL, and the id of its section.
    pub fn as_str(self) -> &'static str {
        match self {
            CorpusView::Kwic => "kwic",
            CorpusView::Index => "index",
            CorpusView::Words => "words",
            CorpusView::Network => "network",
            CorpusView::Trends => "trends",
            CorpusView::Timeline => "timeline",
            CorpusView::Distinctive => "distinctive",
        }
    }

    fn parse(name: &str) -> Option<CorpusView> {
        CorpusView::ALL.into_iter().find(|v| v.as_str() == name)
    }
}

impl Pane {
    /// What the layout keys on (`data-pane`).
    pub fn as_str(self) -> &'static str {
        match self {
            Pane::Read => "read",
            Pane::Entities => "entities",
            Pane::Library => "library",
            Pane::Corpus(_) => "corpus",
        }
    }
}

/// A place in the app: a pane and, in the concordance, the query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub pane: Pane,
    pub query: Option<String>,
}

impl Route {
    pub fn pane(pane: Pane) -> Route {
        Route { pane, query: None }
    }

    /// The route a hash names (`#/corpus/kwic?q=%E6%B2%B3`, already percent-decoded by
    /// `decode`); anything unknown is the reading pane, so an old or mistyped link
    /// still opens the app.
    pub fn parse(hash: &str, decode: impl Fn(&str) -> String) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, params) = hash.split_once('?').unwrap_or((hash, ""));
        let mut parts = path.trim_matches('/').split('/');
        let pane = match (parts.next(), parts.next()) {
            (Some("entities"), _) => Pane::Entities,
            (Some("library"), _) => Pane::Library,
            (Some("corpus"), view) => {
                Pane::Corpus(view.and_then(CorpusView::parse).unwrap_or_default())
            }
            _ => Pane::Read,
        };
        let query = params
            .split('&')
            .find_map(|p| p.strip_prefix("q="))
            .map(|q| decode(&q.replace('+', " ")))
            .filter(|q| !q.trim().is_empty());
        Route { pane, query }
    }

    /// The hash of this route; `encode` percent-encodes the query.
    pub fn to_hash(&self, encode: impl Fn(&str) -> String) -> String {
        let path = match self.pane {
            Pane::Corpus(view) => format!("#/corpus/{}", view.as_str()),
            pane => format!("#/{}", pane.as_str()),
        };
        match &self.query {
            Some(q) if !q.trim().is_empty() => format!("{path}?q={}", encode(q)),
            _ => path,
        }
    }
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .map(String::from)
        .unwrap_or_else(|_| s.to_string())
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The route, kept in step with the URL. `Copy`; provided by the app.
#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    /// Reads the URL and follows its changes (links, back and forward).
    pub fn start() -> Router {
        let route = RwSignal::new(Route::parse(&current_hash(), decode));
        let on_change = Closure::<dyn Fn()>::new(move || {
            let next = Route::parse(&current_hash(), decode);
            if route.get_untracked() != next {
                route.set(next);
            }
        });
        if let Some(w) = web_sys::window() {
            // Without it, links still work; only back and forward would not be followed.
            let _ = w
                .add_event_listener_with_callback("hashchange", on_change.as_ref().unchecked_ref());
        }
        // Lives as long as the page.
        on_change.forget();
        Router { route }
    }

    /// Goes to `to` as a new history entry (back returns here).
    pub fn go(self, to: Route) {
        if self.route.get_untracked() == to {
            return;
        }
        if let Some(w) = web_sys::window() {
            // The hashchange that follows sets the route; set now too, so a failure to
            // change the URL still moves the user.
            let _ = w.location().set_hash(&to.to_hash(encode));
        }
        self.route.set(to);
    }

    /// Changes the current entry (a query being typed is one place, not one per key).
    pub fn replace(self, to: Route) {
        if self.route.get_untracked() == to {
            return;
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&to.to_hash(encode)));
        }
        self.route.set(to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn hashes_name_panes_views_and_queries() {
        let cases = [
            ("", Route::pane(Pane::Read)),
            ("#/read", Route::pane(Pane::Read)),
            ("#/entities", Route::pane(Pane::Entities)),
            ("#/library", Route::pane(Pane::Library)),
            ("#/corpus", Route::pane(Pane::Corpus(CorpusView::Kwic))),
            (
                "#/corpus/network",
                Route::pane(Pane::Corpus(CorpusView::Network)),
            ),
            (
                "#/corpus/kwic?q=河套",
                Route {
                    pane: Pane::Corpus(CorpusView::Kwic),
                    query: Some("河套".into()),
                },
            ),
            (
                "#/corpus/nowhere?q=",
                Route::pane(Pane::Corpus(CorpusView::Kwic)),
            ),
            ("#/somewhere/else", Route::pane(Pane::Read)),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash, plain), route, "{hash}");
        }
    }

    #[test]
    fn a_route_survives_its_hash() {
        for view in CorpusView::ALL {
            let route = Route {
                pane: Pane::Corpus(view),
                query: Some("深圳 灣".into()),
            };
            assert_eq!(Route::parse(&route.to_hash(plain), plain), route);
        }
        for pane in [Pane::Read, Pane::Entities, Pane::Library] {
            assert_eq!(
                Route::parse(&Route::pane(pane).to_hash(plain), plain),
                Route::pane(pane)
            );
        }
    }
}
