//! The interface language: Traditional Chinese or English, switchable and remembered on
//! the device. Strings live beside the components as (zh, en) pairs, so a label and
//! its translation are reviewed together.

use leptos::prelude::*;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    ZhHant,
    En,
}

/// Where the choice is kept (`localStorage`).
const STORAGE_KEY: &str = "jiexi.lang";

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    fn parse(tag: &str) -> Option<Lang> {
        match tag {
            "zh-Hant" => Some(Lang::ZhHant),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The saved choice, else the browser's language (English unless it is Chinese).
    fn initial() -> Lang {
        let window = web_sys::window();
        let saved = window
            .as_ref()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|t| Lang::parse(&t));
        saved.unwrap_or_else(|| {
            let browser = window.and_then(|w| w.navigator().language());
            match browser {
                Some(l) if l.starts_with("en") => Lang::En,
                _ => Lang::ZhHant,
            }
        })
    }
}

/// The language signal, shared through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

impl I18n {
    /// Provides the language to the app and keeps `<html lang>` and storage in step.
    pub fn provide() -> I18n {
        let lang = RwSignal::new(Lang::initial());
        Effect::new(move |_| {
            let l = lang.get();
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    // Failing to set `lang` only affects fonts and screen-reader voices.
                    let _ = root.set_attribute("lang", l.tag());
                }
            }
            if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten())
            {
                // Private modes may refuse storage: the choice then lasts for this visit.
                let _ = storage.set_item(STORAGE_KEY, l.tag());
            }
        });
        let i18n = I18n(lang);
        provide_context(i18n);
        i18n
    }

    /// The app's language (from context; Traditional Chinese outside the app, e.g. tests).
    pub fn get() -> I18n {
        use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(Lang::ZhHant)))
    }

    /// `zh` or `en`, whichever the current language is (reactive).
    pub fn tr(self, zh: &'static str, en: &'static str) -> &'static str {
        match self.0.get() {
            Lang::ZhHant => zh,
            Lang::En => en,
        }
    }
}

/// A reactive label: `tr("語料", "Corpus")` in a view.
pub fn tr(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy {
    let i18n = I18n::get();
    move || i18n.tr(zh, en)
}

/// The label of an entity type in the current language.
pub fn type_label(kind: jiexi_engine::EntityType, lang: Lang) -> &'static str {
    use jiexi_engine::EntityType::*;
    let (zh, en) = match kind {
        Person => ("人名", "Person"),
        Norp => ("族群", "Group"),
        Fac => ("設施", "Facility"),
        Org => ("機構", "Organisation"),
        Gpe => ("行政區", "Place (GPE)"),
        Loc => ("地點", "Location"),
        Product => ("產品", "Product"),
        Event => ("事件", "Event"),
        WorkOfArt => ("作品", "Work"),
        Law => ("法規", "Law"),
        Language => ("語言", "Language"),
        Date => ("日期", "Date"),
        Time => ("時間", "Time"),
        Percent => ("百分比", "Percent"),
        Money => ("金額", "Money"),
        Quantity => ("數量", "Quantity"),
        Ordinal => ("序數", "Ordinal"),
        Cardinal => ("數字", "Number"),
    };
    match lang {
        Lang::ZhHant => zh,
        Lang::En => en,
    }
}
