//! The side panel: the article's entities grouped by type and sorted by frequency
//! (filterable), the mentions of the selected one, keywords and counts.

use std::sync::Arc;

use jiexi_corpus::identity::EntityGroup;
use jiexi_engine::script::to_simplified;
use std::collections::HashMap;

use jiexi_engine::{EntityType, Value};
use leptos::prelude::*;

use crate::panels::corrections::EntityActions;
use crate::panels::entity_card::{AuthorityBar, EntityCard};
use crate::reader::{EntityKey, ReaderView};
use crate::shell::i18n::{tr, type_label, I18n};
use crate::state::client::Shown;

/// Rows listed per type until the user asks for all: a long text has thousands of names,
/// and rendering every row at once froze the page.
const ROWS_SHOWN: usize = 60;

/// Scrolls the reader to the mention starting at char `start` and focuses it.
pub fn jump_to(start: usize) {
    let selector = format!("[data-testid=reader] mark[data-start=\"{start}\"]");
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten());
    if let Some(element) = element {
        // The current mention is marked apart from the entity's other mentions.
        if let Ok(Some(previous)) = element.owner_document().map_or(Ok(None), |d| {
            d.query_selector("[data-testid=reader] mark.current")
        }) {
            let _ = previous.class_list().remove_1("current");
        }
        let _ = element.class_list().add_1("current");
        // Centred: the floating stepper sits at the bottom of the screen.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            // Focus moves the keyboard user to the mention; failure leaves focus where it was.
            let _ = html.focus();
        }
    }
}

/// Whether a group matches the filter (either script, any form, or the type's name).
fn matches(g: &EntityGroup, filter: &str, lang: crate::shell::i18n::Lang) -> bool {
    let filter = filter.trim();
    if filter.is_empty() {
        return true;
    }
    let f = to_simplified(filter).to_lowercase();
    g.forms
        .iter()
        .any(|form| to_simplified(form).to_lowercase().contains(&f))
        || g.kind.as_str().to_lowercase().contains(&f)
        || type_label(g.kind, lang).to_lowercase().contains(&f)
}

#[component]
pub fn EntityPanel(
    shown: Signal<Option<Shown>>,
    groups: Signal<Arc<Vec<EntityGroup>>>,
) -> impl IntoView {
    let view = expect_context::<ReaderView>();
    let i18n = I18n::get();
    let filter = RwSignal::new(String::new());
    // Types whose whole list is shown (else the first `ROWS_SHOWN`).
    let expanded = RwSignal::new(Vec::<EntityType>::new());
    let selected_group = Memo::new(move |_| {
        let key: Option<EntityKey> = view.selected.get();
        key.and_then(|(kind, text)| {
            groups.with(|gs| gs.iter().find(|g| g.kind == kind && g.key == text).cloned())
        })
    });
    // Which mention of the selected entity the reader was last moved to.
    let cursor = RwSignal::new(0usize);
    Effect::new(move |_| {
        selected_group.track();
        cursor.set(0);
    });
    let step = move |delta: isize| {
        if let Some(g) = selected_group.get_untracked() {
            let n = g.mentions.len() as isize;
            let at = (cursor.get_untracked() as isize + delta).rem_euclid(n.max(1)) as usize;
            cursor.set(at);
            jump_to(g.mentions[at].0);
        }
    };
    crate::shell::shortcuts::on_shortcut(move |key, ev| {
        let delta = match key {
            "n" | "j" => 1,
            "p" | "k" => -1,
            _ => return,
        };
        if selected_group.with_untracked(Option::is_some) {
            ev.prevent_default();
            step(delta);
        }
    });

    // Each mention's value (a date, an amount, a percentage), by where it starts.
    let values = Memo::new(move |_| {
        shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.analysis
                        .entities
                        .iter()
                        .filter_map(|e| e.value.map(|v| (e.start, v)))
                        .collect::<HashMap<usize, Value>>()
                })
                .unwrap_or_default()
        })
    });
    let value_of = move |g: &EntityGroup| {
        values.with(|v| {
            g.mentions
                .iter()
                .find_map(|(start, _)| v.get(start).copied())
        })
    };
    // Dates, amounts and percentages in value order rather than by mentions.
    let by_value = RwSignal::new(false);
    let by_type = move || {
        let lang = i18n.0.get();
        let f = filter.get();
        let groups = groups.get();
        let sort = by_value.get();
        EntityType::ALL
            .into_iter()
            .filter_map(|kind| {
                let mut rows: Vec<EntityGroup> = groups
                    .iter()
                    .filter(|g| g.kind == kind && matches(g, &f, lang))
                    .cloned()
                    .collect();
                if sort && has_values(kind) {
                    rows.sort_by(|a, b| value_order(value_of(a), value_of(b)));
                }
                (!rows.is_empty()).then_some((kind, rows))
            })
            .collect::<Vec<_>>()
    };

    view! {
        <aside class="panel" aria-labelledby="entities-heading">
            <h2 id="entities-heading">{tr("實體", "Entities")}</h2>
            <label class="filter">
                <span class="visually-hidden">{tr("篩選實體", "Filter entities")}</span>
                <input
                    type="search"
                    id="entity-filter"
                    data-testid="entity-filter"
                    placeholder=tr("篩選…", "Filter…")
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </label>
            {move || selected_group.get().map(|g| {
                let n = g.mentions.len();
                view! {
                    <div class="selection" data-testid="selection" data-count=n>
                        <p>
                            <strong>{g.text.clone()}</strong>
                            " · " {move || type_label(g.kind, i18n.0.get())}
                            " · " {n} {if n == 1 { tr(" 處", " mention") } else { tr(" 處", " mentions") }}
                        </p>
                        <div class="selection-nav">
                            <button type="button" data-testid="mention-prev" aria-keyshortcuts="p k" on:click=move |_| step(-1)>
                                {tr("◀ 上一處", "◀ Previous")}
                            </button>
                            <span aria-live="polite" data-testid="mention-count">{move || format!("{} / {n}", cursor.get() + 1)}</span>
                            <button type="button" data-testid="mention-next" aria-keyshortcuts="n j" on:click=move |_| step(1)>
                                {tr("下一處 ▶", "Next ▶")}
                            </button>
                            <button type="button" on:click=move |_| view.selected.set(None)>
                                {tr("取消", "Clear")}
                            </button>
                        </div>
                        <EntityActions text=g.text.clone() kind=g.kind />
                        <EntityCard kind=g.kind key=g.key.clone() />
                    </div>
                }
            })}
            <AuthorityBar />
            <div data-testid="entity-list" class="entity-list">
                {move || {
                    let sections = by_type();
                    if sections.is_empty() {
                        return view! { <p class="muted">{tr("未找到實體。", "No entities found.")}</p> }.into_any();
                    }
                    sections
                        .into_iter()
                        .map(|(kind, rows)| {
                            let n = rows.len();
                            let all = expanded.with(|e| e.contains(&kind));
                            let shown_rows: Vec<EntityGroup> =
                                rows.into_iter().take(if all { usize::MAX } else { ROWS_SHOWN }).collect();
                            view! {
                                <section class="entity-group" data-entity-group=kind.as_str()>
                                    <h3>
                                        <span class="swatch" data-entity=kind.as_str() aria-hidden="true"></span>
                                        {move || type_label(kind, i18n.0.get())}
                                        " · " {n} {move || i18n.tr(" 個名稱", if n == 1 { " name" } else { " names" })}
                                    </h3>
                                    {has_values(kind).then(|| view! {
                                        <label class="check sort-by-value">
                                            <input type="checkbox" data-testid="sort-by-value" prop:checked=move || by_value.get()
                                                on:change=move |ev| by_value.set(event_target_checked(&ev)) />
                                            {tr("按數值排列", "Sort by value")}
                                        </label>
                                    })}
                                    <ul>
                                        {shown_rows
                                            .into_iter()
                                            .map(|g| { let v = value_of(&g); entity_row(g, v, view) })
                                            .collect_view()}
                                    </ul>
                                    {(n > ROWS_SHOWN && !all).then(|| view! {
                                        <button
                                            type="button"
                                            class="more"
                                            data-testid="entity-more"
                                            on:click=move |_| expanded.update(|e| e.push(kind))
                                        >
                                            {tr("顯示全部", "Show all")} " " {n}
                                        </button>
                                    })}
                                </section>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </div>
            <Keywords shown=shown />
            <Stats shown=shown />
        </aside>
    }
}

/// `text` in the display script chosen for the reader, tracked (see [`ReaderView::shown`]).
pub fn shown_as(view: ReaderView, text: &str) -> impl Fn() -> String + Send + Sync + 'static {
    let text = text.to_string();
    move || view.shown(&text)
}

/// Types whose entities carry values.
fn has_values(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Date | EntityType::Money | EntityType::Percent
    )
}

/// Amounts by currency, then largest first; percentages largest first; dates earliest
/// first; entities with no value last.
fn value_order(a: Option<Value>, b: Option<Value>) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (
            Some(Value::Money {
                amount: x,
                currency: cx,
                ..
            }),
            Some(Value::Money {
                amount: y,
                currency: cy,
                ..
            }),
        ) => {
            let code = |c: Option<jiexi_engine::Currency>| c.map_or("~", |c| c.code());
            code(cx).cmp(code(cy)).then(y.total_cmp(&x))
        }
        (Some(Value::Percent(x)), Some(Value::Percent(y))) => y.total_cmp(&x),
        (Some(Value::Date(x)), Some(Value::Date(y))) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

/// A number with thousands separators (30,000,000; 2.5).
fn grouped(n: f64) -> String {
    let whole = n.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    let fraction = n.abs().fract();
    if fraction > 0.0 {
        let f = format!("{fraction:.4}");
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    if n < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A value as a reader wants it: 30,000,000 CNY (≈ when hedged), 25%, 2024-12-17.
pub fn value_label(v: Value) -> String {
    match v {
        Value::Money {
            amount,
            currency,
            approximate,
        } => format!(
            "{}{}{}",
            if approximate { "≈" } else { "" },
            grouped(amount),
            currency.map_or(String::new(), |c| format!(" {}", c.code()))
        ),
        Value::Percent(p) => format!("{}%", grouped(p)),
        Value::Date(d) => d.iso(),
    }
}

fn entity_row(g: EntityGroup, value: Option<Value>, view: ReaderView) -> impl IntoView {
    let key: EntityKey = (g.kind, g.key.clone());
    let pressed = {
        let key = key.clone();
        move || view.selected.with(|s| s.as_ref() == Some(&key)).to_string()
    };
    let first = g.mentions.first().map(|m| m.0);
    let others = (g.forms.len() > 1).then(|| g.forms[1..].join(" / "));
    view! {
        <li data-entity-type=g.kind.as_str() data-entity-text=g.text.clone() data-count=g.count
            data-value=value.map(|v| match v {
                Value::Money { amount, .. } => amount.to_string(),
                Value::Percent(p) => p.to_string(),
                Value::Date(d) => d.iso(),
            })>
            <button
                type="button"
                aria-pressed=pressed
                on:click=move |_| {
                    view.selected.set(Some(key.clone()));
                    if let Some(start) = first {
                        jump_to(start);
                    }
                }
            >
                <span class="entity-text">{shown_as(view, &g.text)}</span>
                {others.map(|o| view! { <span class="forms">{shown_as(view, &o)}</span> })}
                {value.map(|v| view! { <span class="value" data-testid="entity-value">{value_label(v)}</span> })}
                <span class="count">{g.count}</span>
            </button>
        </li>
    }
}

#[component]
fn Keywords(shown: Signal<Option<Shown>>) -> impl IntoView {
    let view = expect_context::<ReaderView>();
    let list = move |words: Vec<String>| {
        words
            .into_iter()
            .map(|w| {
                let shown = shown_as(view, &w);
                view! { <li data-keyword=w>{shown}</li> }
            })
            .collect_view()
    };
    view! {
        {move || shown.with(|s| s.as_ref().map(|s| {
            let tfidf: Vec<String> = s.keywords.tfidf.iter().map(|k| k.word.clone()).collect();
            let textrank: Vec<String> = s.keywords.textrank.iter().map(|k| k.word.clone()).collect();
            view! {
                <section class="keywords" data-testid="keywords">
                    <h2>{tr("關鍵詞", "Keywords")}</h2>
                    <h3>"TF-IDF"</h3>
                    <ul class="chips" data-method="tfidf">{list(tfidf)}</ul>
                    <h3>"TextRank"</h3>
                    <ul class="chips" data-method="textrank">{list(textrank)}</ul>
                </section>
            }
        }))}
    }
}

#[component]
fn Stats(shown: Signal<Option<Shown>>) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        {move || shown.with(|s| s.as_ref().map(|s| {
            let st = s.stats.clone();
            let engine_ms = s.engine_ms;
            view! {
                <section class="stats" data-testid="stats">
                    <h2>{tr("統計", "Statistics")}</h2>
                    <dl>
                        <dt>{tr("字數", "Characters")}</dt><dd data-stat="chars">{st.chars}</dd>
                        <dt>{tr("詞數", "Words")}</dt><dd data-stat="words">{st.words}</dd>
                        <dt>{tr("句數", "Sentences")}</dt><dd data-stat="sentences">{st.sentences}</dd>
                        {st.entities.into_iter().map(|(k, n)| view! {
                            <dt>{move || type_label(k, i18n.0.get())}</dt>
                            <dd data-stat=k.as_str()>{n}</dd>
                        }).collect_view()}
                        <dt>{tr("分析用時", "Analysis time")}</dt>
                        <dd data-stat="engine-ms" data-ms=engine_ms>{format!("{engine_ms:.0} ms")}</dd>
                    </dl>
                </section>
            }
        }))}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_a_reader_writes_them() {
        let money = |amount, code: Option<jiexi_engine::Currency>, approximate| Value::Money {
            amount,
            currency: code,
            approximate,
        };
        let cases = [
            (
                money(30_000_000.0, Some(jiexi_engine::Currency::Cny), false),
                "30,000,000 CNY",
            ),
            (
                money(100_000_000.0, Some(jiexi_engine::Currency::Usd), true),
                "≈100,000,000 USD",
            ),
            (money(2.5, None, false), "2.5"),
            (Value::Percent(25.0), "25%"),
            (Value::Percent(0.25), "0.25%"),
        ];
        for (value, shown) in cases {
            assert_eq!(value_label(value), shown);
        }
    }

    #[test]
    fn amounts_sort_by_currency_then_largest_and_the_valueless_last() {
        let hkd = |amount| {
            Some(Value::Money {
                amount,
                currency: Some(jiexi_engine::Currency::Hkd),
                approximate: false,
            })
        };
        let mut values = [None, hkd(5.0), hkd(2_000.0), Some(Value::Percent(3.0))];
        values.sort_by(|a, b| value_order(*a, *b));
        assert_eq!(values[0], hkd(2_000.0));
        assert_eq!(values[1], hkd(5.0));
        assert_eq!(values.last(), Some(&None));
    }
}
