//! The authority file's algebra (each change undone exactly, the laws of the named
//! changes), its application to analyses, and the views that read it.

use proptest::prelude::*;

use super::*;
use crate::index::{CorpusIndex, Query};
use crate::test_support::*;

const GPE: EntityType = EntityType::Gpe;
const ORG: EntityType = EntityType::Org;
const PERSON: EntityType = EntityType::Person;

fn key(kind: EntityType, text: &str) -> Key {
    (kind, fold(text))
}

fn changed(mut a: Authority, ops: &[Op]) -> Authority {
    for op in ops {
        a.change(op).unwrap_or_else(|e| panic!("{op:?}: {e}"));
    }
    a
}

/// An authority file with a bit of everything, for laws that must hold on any file.
fn busy() -> Authority {
    changed(
        Authority::default(),
        &[
            Op::Merge {
                keys: vec![key(ORG, "港大"), key(ORG, "香港大學"), key(ORG, "HKU")],
                name: "香港大學".into(),
                kind: ORG,
            },
            Op::Alias {
                entity: key(PERSON, "林鄭月娥"),
                alias: "Carrie Lam".into(),
            },
            Op::Retype {
                entity: key(PERSON, "晶泰"),
                kind: ORG,
            },
            Op::Block {
                text: "本報".into(),
                kind: None,
            },
        ],
    )
}

#[test]
fn named_changes_keep_their_laws() {
    let merge = Op::Merge {
        keys: vec![key(GPE, "港"), key(GPE, "香港")],
        name: "香港".into(),
        kind: GPE,
    };
    let split = Op::Split {
        entity: key(GPE, "香港"),
        member: None,
    };
    let block = Op::Block {
        text: "記者".into(),
        kind: Some(PERSON),
    };
    let unblock = Op::Unblock {
        text: "记者".into(),
        kind: Some(PERSON),
    };
    let retype = Op::Retype {
        entity: key(PERSON, "羅柳斌"),
        kind: ORG,
    };
    let back = Op::Retype {
        entity: key(ORG, "羅柳斌"),
        kind: PERSON,
    };
    for base in [Authority::default(), busy()] {
        // (what, the changes, the changes that must give the same file)
        for (what, ops, same) in [
            (
                "a merge then its split",
                vec![merge.clone(), split.clone()],
                vec![],
            ),
            (
                "block then unblock (other script)",
                vec![block.clone(), unblock.clone()],
                vec![],
            ),
            (
                "retype then retype back",
                vec![retype.clone(), back.clone()],
                vec![],
            ),
            (
                "blocking twice",
                vec![block.clone(), block.clone()],
                vec![block.clone()],
            ),
        ] {
            assert_eq!(
                changed(base.clone(), &ops),
                changed(base.clone(), &same),
                "{what}"
            );
        }
    }
}

#[test]
fn refused_changes_say_why_and_change_nothing() {
    let base = busy();
    for (op, why) in [
        (
            Op::Merge {
                keys: vec![],
                name: "x".into(),
                kind: ORG,
            },
            "nothing to merge",
        ),
        (
            Op::Rename {
                entity: key(ORG, "晶泰"),
                name: "香港大學".into(),
            },
            "already an entity",
        ),
        (
            Op::Alias {
                entity: key(ORG, "晶泰"),
                alias: "carrie lam".into(),
            },
            "already names",
        ),
        (
            Op::Split {
                entity: key(ORG, "香港大學"),
                member: Some(key(ORG, "北大")),
            },
            "not part of",
        ),
        (
            Op::Block {
                text: "  ".into(),
                kind: None,
            },
            "1 to 200",
        ),
    ] {
        let mut a = base.clone();
        let err = a.change(&op).unwrap_err().to_string();
        assert!(
            err.contains(why) && err.contains("not changed"),
            "{op:?}: {err}"
        );
        assert_eq!(a, base, "{op:?}");
    }
}

#[test]
fn the_file_reads_back_as_written_and_refuses_bad_files() {
    let a = busy();
    assert_eq!(Authority::from_json(&a.to_json()).unwrap(), a);
    let json = a.to_json();
    for (bad, why) in [
        (json.replace("jiexi-authority", "other"), "format"),
        (
            json.replace("\"version\": 1", "\"version\": 7"),
            "version 7",
        ),
        (
            json.replace("\"note\"", "\"nota\""),
            "not a jiexi authority file",
        ),
        ("{}".to_string(), "not a jiexi authority file"),
    ] {
        let err = Authority::from_json(&bad).unwrap_err().to_string();
        assert!(err.contains(why), "{err}");
    }
}

/// A merged, renamed, retyped and blocked sentence's entities, as the views get them.
#[test]
fn applying_relabels_drops_blocked_and_keeps_offsets() {
    let text = "港大與HKU合辦講座，晶泰出席。本報記者。";
    let raw = vec![
        entity(0, 2, ORG, "港大"),
        entity(3, 6, ORG, "HKU"),
        entity(11, 13, PERSON, "晶泰"),
        entity(16, 18, ORG, "本報"),
    ];
    let a = busy();
    let mut entities = raw.clone();
    a.resolver().apply(&mut entities);
    let got: Vec<(&str, EntityType, Key)> = entities
        .iter()
        .map(|e| (e.text.as_str(), e.kind, crate::identity::entity_key(e)))
        .collect();
    assert_eq!(
        got,
        [
            ("港大", ORG, key(ORG, "香港大學")),
            ("HKU", ORG, key(ORG, "香港大學")),
            ("晶泰", ORG, key(ORG, "晶泰")),
        ]
    );
    let groups = crate::identity::group_entities(&entities);
    assert_eq!(
        groups[0].text, "香港大學",
        "the canonical name, though never written"
    );
    assert_eq!(groups[0].forms, ["港大", "HKU"]);
    let mut analysis = Analysis {
        entities: raw.clone(),
        ..Analysis::default()
    };
    Authority::default().apply(&mut analysis);
    assert_eq!(analysis.entities, raw, "an empty file changes nothing");
    assert!(text.chars().count() >= 18);
}

#[test]
fn an_alias_in_another_script_names_the_same_entity() {
    let a = changed(
        Authority::default(),
        &[
            Op::Rename {
                entity: key(PERSON, "林鄭月娥"),
                name: "林鄭月娥".into(),
            },
            Op::Alias {
                entity: key(PERSON, "林鄭月娥"),
                alias: "Carrie Lam".into(),
            },
        ],
    );
    let mut entities = vec![
        entity(0, 4, PERSON, "林郑月娥"),
        entity(10, 20, ORG, "Carrie Lam"),
        entity(30, 40, PERSON, "CARRIE LAM"),
    ];
    a.resolver().apply(&mut entities);
    let keys: Vec<Key> = entities.iter().map(crate::identity::entity_key).collect();
    assert!(
        keys.iter().all(|k| *k == key(PERSON, "林鄭月娥")),
        "{keys:?}"
    );
}

#[test]
fn merging_one_name_into_another_changes_every_view() {
    let text = "港、粵、澳三地合作。香港經濟向好。";
    let entities = vec![
        entity(0, 1, GPE, "港"),
        entity(2, 3, GPE, "粵"),
        entity(4, 5, GPE, "澳"),
        entity(10, 12, GPE, "香港"),
    ];
    let mut ix = CorpusIndex::with_entities(vec![("d", text, entities)]);
    let before = ix.cooccurrence(crate::cooccurrence::Unit::Sentence, &[], 30);
    assert!(before.nodes.iter().any(|n| n.key == "港"));
    assert_eq!(before.edges.len(), 3, "the 港–粵–澳 triangle");

    let a = changed(
        Authority::default(),
        &[Op::Merge {
            keys: vec![key(GPE, "港")],
            name: "香港".into(),
            kind: GPE,
        }],
    );
    ix.set_authority(a);
    let g = ix.cooccurrence(crate::cooccurrence::Unit::Sentence, &[], 30);
    assert!(g.nodes.iter().all(|n| n.key != "港"), "{g:?}");
    let hk = g.nodes.iter().find(|n| n.key == "香港").expect("香港");
    assert_eq!(
        (hk.text.as_str(), hk.count),
        ("香港", 2),
        "named by its canonical name"
    );
    let rows = ix.entities();
    assert_eq!((rows[0].text.as_str(), rows[0].count), ("香港", 2));
    let (hits, total) = ix
        .concordance(
            &Query::Entity {
                kind: GPE,
                key: "香港".into(),
            },
            2,
            crate::index::Order::Document,
            10,
        )
        .unwrap();
    assert_eq!(total, 2);
    assert_eq!(hits[0].keyword, "港");

    ix.set_authority(Authority::default());
    assert_eq!(
        ix.cooccurrence(crate::cooccurrence::Unit::Sentence, &[], 30),
        before,
        "removing the file gives the raw views back"
    );
}

#[test]
fn exports_write_the_applied_entities() {
    let a = changed(
        Authority::default(),
        &[
            Op::Retype {
                entity: key(GPE, "深圳"),
                kind: EntityType::Loc,
            },
            Op::Block {
                text: "羅柳斌".into(),
                kind: None,
            },
        ],
    );
    let mut analysis = analysed();
    a.apply(&mut analysis);
    analysis.check(TEXT).unwrap();
    use crate::export::{brat, conll, csv, html};
    for (format, out) in [
        ("csv", csv::entities_csv(&analysis)),
        ("conll", conll::conll(TEXT, &analysis)),
        ("brat", brat::brat_ann(TEXT, &analysis)),
        ("html", html::html("t", TEXT, &analysis)),
    ] {
        assert!(out.contains("LOC"), "{format}: {out}");
        assert!(!out.contains("PERSON"), "{format}: blocked: {out}");
    }
}

/// Random changes over a small world of names, so they collide often.
fn op() -> impl Strategy<Value = Op> {
    let names = prop::sample::select(vec![
        "港",
        "香港",
        "港大",
        "香港大學",
        "HKU",
        "深圳",
        "深港",
    ]);
    let kinds = prop::sample::select(vec![GPE, ORG, PERSON]);
    let k = (kinds.clone(), names.clone()).prop_map(|(t, n)| key(t, n));
    prop_oneof![
        (
            prop::collection::vec(k.clone(), 1..4),
            names.clone(),
            kinds.clone()
        )
            .prop_map(|(keys, n, kind)| Op::Merge {
                keys,
                name: n.into(),
                kind
            }),
        (k.clone(), prop::option::of(k.clone()))
            .prop_map(|(entity, member)| Op::Split { entity, member }),
        (k.clone(), names.clone()).prop_map(|(entity, n)| Op::Rename {
            entity,
            name: n.into()
        }),
        (k.clone(), kinds.clone()).prop_map(|(entity, kind)| Op::Retype { entity, kind }),
        (k.clone(), names.clone()).prop_map(|(entity, n)| Op::Alias {
            entity,
            alias: n.into()
        }),
        (k.clone(), names.clone()).prop_map(|(entity, n)| Op::Unalias {
            entity,
            alias: n.into()
        }),
        (k.clone(), "[a-z ]{0,5}").prop_map(|(entity, note)| Op::Note { entity, note }),
        (names.clone(), prop::option::of(kinds.clone())).prop_map(|(n, kind)| Op::Block {
            text: n.into(),
            kind
        }),
        (names, prop::option::of(kinds)).prop_map(|(n, kind)| Op::Unblock {
            text: n.into(),
            kind
        }),
    ]
}

proptest! {
    #[test]
    fn every_change_is_undone_exactly(ops in prop::collection::vec(op(), 1..12)) {
        let mut a = Authority::default();
        let mut history = vec![a.clone()];
        let mut undos = Vec::new();
        for op in &ops {
            if let Ok(undo) = a.change(op) {
                undos.push(undo);
                history.push(a.clone());
            } else {
                prop_assert_eq!(&a, history.last().unwrap(), "a refused change changes nothing");
            }
            let read = Authority::from_json(&a.to_json());
            prop_assert_eq!(read, Ok(a.clone()), "lossless");
        }
        while let Some(undo) = undos.pop() {
            history.pop();
            a.change(&undo).unwrap();
            prop_assert_eq!(&a, history.last().unwrap());
        }
        prop_assert_eq!(a, Authority::default());
    }
}

proptest! {
    // Each case analyses a text (slow in a debug build): a few dozen cover the ways
    // changes and sentences combine.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn applying_keeps_analyses_valid_and_is_deterministic(
        ops in prop::collection::vec(op(), 0..8),
        picks in prop::collection::vec(0usize..6, 1..6),
    ) {
        const PARTS: [&str; 6] = [
            "深港合作加快。",
            "香港大學校長出席論壇。",
            "深圳市副市長羅柳斌表示，",
            "港大與HKU學生會合辦講座。",
            "香港特區政府與深圳市政府簽署協議。",
            "記者羅柳斌報道：",
        ];
        let text: String = picks.iter().map(|&i| PARTS[i]).collect();
        thread_local!(static ANALYZER: Analyzer = Analyzer::new());
        let raw = ANALYZER.with(|a| a.analyze(&text));
        let mut a = Authority::default();
        for op in &ops {
            let _ = a.change(op);
        }
        let mut once = raw.clone();
        a.apply(&mut once);
        prop_assert!(once.check(&text).is_ok(), "{:?}", once.check(&text));
        let mut twice = raw.clone();
        a.apply(&mut twice);
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(&once.tokens, &raw.tokens);
        prop_assert!(once.entities.len() <= raw.entities.len());
        let mut none = raw.clone();
        Authority::default().apply(&mut none);
        prop_assert_eq!(none, raw);
    }
}
