//! The chosen entity's card, from the whole library: its names, where and when it is
//! mentioned and with whom, the user's note; and what the user knows better than the
//! engine: merge it with another entity, rename it, give it other names, block it. Each
//! change applies to every view at once and can be undone (`state::authority`).

use jiexi_corpus::authority::{Key, Op};
use jiexi_engine::script::fold;
use jiexi_engine::EntityType;
use leptos::prelude::*;

use crate::reader::ReaderView;
use crate::shell::i18n::{tr, type_label, I18n};
use crate::state::authority::AuthorityStore;
use crate::state::client::AnalysisClient;
use crate::state::library::LibraryState;

/// Entities offered to merge with: the most mentioned of the same type.
const MERGE_CHOICES: usize = 200;

#[component]
pub fn EntityCard(kind: EntityType, key: String) -> impl IntoView {
    let client = expect_context::<AnalysisClient>();
    let library = expect_context::<LibraryState>();
    let store = expect_context::<AuthorityStore>();
    let view_state = expect_context::<ReaderView>();
    let i18n = I18n::get();
    let entity: Key = (kind, key.clone());
    // The card is the whole library's: its index is built (or brought up to date) as
    // the corpus views do, also from the reading pane.
    Effect::new(move |_| {
        client.workers.track();
        library.docs.with(|d| client.index_corpus(d.iter()));
    });
    // Asked again when the library's index changes: re-indexed, or recounted after a
    // change of the authority file (the recount's answer, not the change, so the card is
    // counted once, and with the file).
    {
        let entity = entity.clone();
        Effect::new(move |_| {
            client.corpus.track();
            client.card(entity.clone());
        });
    }
    let card = Memo::new(move |_| client.card.get().flatten());
    // After a change that gives the entity a new key, the card and the marks follow it.
    let follow =
        move |name: &str, kind: EntityType| view_state.selected.set(Some((kind, fold(name))));

    let new_name = RwSignal::new(String::new());
    let alias = RwSignal::new(String::new());
    let merge_with = RwSignal::new(String::new());
    let merge_choices = Memo::new(move |_| {
        client.corpus.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.entities
                        .iter()
                        .filter(|e| e.kind == kind)
                        .take(MERGE_CHOICES)
                        .map(|e| (e.key.clone(), e.text.clone(), e.count))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    let rename = {
        let entity = entity.clone();
        move |_| {
            let name = new_name.get_untracked().trim().to_string();
            if name.is_empty() {
                return;
            }
            let renamed = store.change(
                Op::Rename {
                    entity: entity.clone(),
                    name: name.clone(),
                },
                format!("{} → {name}", entity.1),
            );
            if renamed {
                follow(&name, kind);
            }
        }
    };
    let add_alias = {
        let entity = entity.clone();
        move |_| {
            let a = alias.get_untracked().trim().to_string();
            if a.is_empty() {
                return;
            }
            store.change(
                Op::Alias {
                    entity: entity.clone(),
                    alias: a.clone(),
                },
                format!("+ {a}"),
            );
            alias.set(String::new());
        }
    };
    // The name the card shows (the key until the card has come).
    let key_text = StoredValue::new(entity.1.clone());
    let shown_name = move || {
        card.get_untracked()
            .map_or_else(|| key_text.get_value(), |c| c.name)
    };
    let merge = {
        let entity = entity.clone();
        move |_| {
            let other = merge_with.get_untracked();
            if other.is_empty() {
                return;
            }
            let name = shown_name();
            let merged = store.change(
                Op::Merge {
                    keys: vec![entity.clone(), (kind, other.clone())],
                    name: name.clone(),
                    kind,
                },
                format!("{name} + {other}"),
            );
            merge_with.set(String::new());
            if merged {
                follow(&name, kind);
            }
        }
    };
    // A type for the whole library: the entity keeps its name and merges, and its card
    // follows it to its new key.
    let retype = {
        let entity = entity.clone();
        move |ev: leptos::ev::Event| {
            let Some(to) = EntityType::parse(&event_target_value(&ev)) else {
                return;
            };
            let name = shown_name();
            let retyped = store.change(
                Op::Retype {
                    entity: entity.clone(),
                    kind: to,
                },
                format!("{name}: {} → {}", kind.as_str(), to.as_str()),
            );
            if retyped {
                follow(&name, to);
            }
        }
    };
    let block = move |_| {
        let text = shown_name();
        store.change(
            Op::Block {
                text: text.clone(),
                kind: Some(kind),
            },
            format!("✕ {text}"),
        );
        view_state.selected.set(None);
    };

    let body = move || {
        let entity = entity.clone();
        card.get().map(|c| {
            let first = c.first_seen.clone().unwrap_or_default();
            let last = c.last_seen.clone().unwrap_or_default();
            let docs: Vec<String> = c
                .docs
                .iter()
                .take(5)
                .map(|(id, n)| format!("{} ({n})", library.title(id)))
                .collect();
            let more_docs = c.docs.len().saturating_sub(5);
            let members = c.members.clone();
            let split_entity = entity.clone();
            let note_entity = entity.clone();
            let unalias_entity = entity.clone();
            view! {
                <dl class="card-facts">
                    <dt>{tr("名稱", "Name")}</dt>
                    <dd data-testid="card-name">{c.name.clone()}</dd>
                    <dt>{tr("類型", "Type")}</dt>
                    <dd>{move || type_label(c.kind, i18n.0.get())}</dd>
                    <dt>{tr("提及", "Mentions")}</dt>
                    <dd data-testid="card-count">{c.count} {tr(" 處，", " in ")} {c.docs.len()} {if c.docs.len() == 1 { tr(" 份文件", " document") } else { tr(" 份文件", " documents") }}</dd>
                    {(!first.is_empty()).then(|| view! {
                        <dt>{tr("日期", "Dates")}</dt>
                        <dd data-testid="card-dates">{if first == last { first.clone() } else { format!("{first} – {last}") }}</dd>
                    })}
                    {(c.forms.len() > 1).then(|| view! {
                        <dt>{tr("寫法", "Written as")}</dt>
                        <dd>{c.forms.join(" / ")}</dd>
                    })}
                    <dt>{tr("文件", "Documents")}</dt>
                    <dd data-testid="card-docs">{docs.join("；")}{(more_docs > 0).then(|| format!(" …+{more_docs}"))}</dd>
                    {(!c.related.is_empty()).then(|| view! {
                        <dt>{tr("常一起出現", "Often with")}</dt>
                        <dd data-testid="card-related">{c.related.iter().map(|r| format!("{} ({})", r.name, r.together)).collect::<Vec<_>>().join("、")}</dd>
                    })}
                </dl>
                {(!c.aliases.is_empty()).then(|| view! {
                    <ul class="card-aliases" data-testid="card-aliases">
                        {c.aliases.iter().map(|a| {
                            let (a, entity) = (a.clone(), unalias_entity.clone());
                            let label = a.clone();
                            view! {
                                <li>{a.clone()} " "
                                    <button type="button" class="link" data-testid="card-unalias"
                                        on:click=move |_| { store.change(Op::Unalias { entity: entity.clone(), alias: a.clone() }, format!("− {a}")); }>
                                        {tr("移除", "remove")}<span class="visually-hidden">{format!(" {label}")}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {(members.len() > 1).then(|| view! {
                    <div class="card-members" data-testid="card-members">
                        <span>{tr("合併自：", "Merged from: ")}</span>
                        {members.iter().map(|m| view! { <span class="member">{m.1.clone()}</span> }).collect_view()}
                        <button type="button" data-testid="card-split"
                            on:click=move |_| { store.change(Op::Split { entity: split_entity.clone(), member: None }, i18n.tr("拆開", "split").to_string()); }>
                            {tr("拆開", "Split")}
                        </button>
                    </div>
                })}
                <label class="card-note">{tr("筆記", "Note")}
                    <textarea data-testid="card-note" rows="2" prop:value=c.note.clone()
                        on:change=move |ev| { store.change(Op::Note { entity: note_entity.clone(), note: event_target_value(&ev) }, i18n.tr("筆記", "note").to_string()); }>
                    </textarea>
                </label>
            }
        })
    };

    view! {
        <section class="entity-card" data-testid="entity-card" aria-label=tr("實體卡", "Entity card")>
            {move || card.with(Option::is_none).then(|| view! {
                <p class="muted">{tr("正在統計整個文件庫…", "Counting it across the library…")}</p>
            })}
            {body}
            <div class="card-actions">
                <label>{tr("改名為", "Rename to")}
                    <input data-testid="card-rename-input" prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                </label>
                <button type="button" data-testid="card-rename" on:click=rename>{tr("改名", "Rename")}</button>
                <label>{tr("另一名稱", "Other name")}
                    <input data-testid="card-alias-input" prop:value=move || alias.get()
                        placeholder=move || i18n.tr("例如英文名", "e.g. its English name")
                        on:input=move |ev| alias.set(event_target_value(&ev)) />
                </label>
                <button type="button" data-testid="card-alias" on:click=add_alias>{tr("加入", "Add")}</button>
                <label>{tr("與…合併", "Merge with")}
                    <select data-testid="card-merge-select" prop:value=move || merge_with.get()
                        on:change=move |ev| merge_with.set(event_target_value(&ev))>
                        <option value="">{tr("（選擇）", "(choose)")}</option>
                        {move || {
                            let own = key.clone();
                            merge_choices.get().into_iter().filter(|(k, _, _)| *k != own).map(|(k, text, n)| view! {
                                <option value=k>{format!("{text} ({n})")}</option>
                            }).collect_view()
                        }}
                    </select>
                </label>
                <button type="button" data-testid="card-merge" on:click=merge>{tr("合併", "Merge")}</button>
                <label>{tr("改類型為", "Change type to")}
                    <select data-testid="card-retype" on:change=retype>
                        <option value="" selected>{tr("（選擇）", "(choose)")}</option>
                        {EntityType::ALL.into_iter().filter(|t| *t != kind).map(|t| view! {
                            <option value=t.as_str()>{move || type_label(t, i18n.0.get())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="card-block" on:click=block>{tr("永不標註", "Never mark it")}</button>
            </div>
        </section>
    }
}

/// This tab's last change to the authority file, undoable, and the blocked strings,
/// each can be shown again.
#[component]
pub fn AuthorityBar() -> impl IntoView {
    let store = expect_context::<AuthorityStore>();
    let file = store.file();
    view! {
        <div class="authority-bar" data-testid="authority-bar">
            {move || store.undo.with(|u| u.last().map(|d| d.label.clone())).map(|label| view! {
                <button type="button" data-testid="authority-undo" on:click=move |_| store.undo()>
                    {tr("復原", "Undo")} {format!(" ({label})")}
                </button>
            })}
            {move || {
                let blocked = file.with(|f| f.blocked().to_vec());
                (!blocked.is_empty()).then(|| view! {
                    <details data-testid="blocked-list">
                        <summary>{tr("不標註的字串", "Never marked")} {format!(" ({})", blocked.len())}</summary>
                        <ul>
                            {blocked.into_iter().map(|b| {
                                let text = b.text.clone();
                                view! {
                                    <li data-testid="blocked" data-text=b.text.clone()>
                                        {b.text.clone()} " "
                                        <button type="button" data-testid="unblock"
                                            on:click=move |_| { store.change(Op::Unblock { text: text.clone(), kind: b.kind }, format!("↺ {}", text)); }>
                                            {tr("再標註", "Mark again")}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </details>
                })
            }}
        </div>
    }
}
