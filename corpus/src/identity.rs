//! What counts as the same entity: one key for every mention of a name, in either
//! script and any width, and for a defined short form the key of its full name. Every
//! view and export that counts entities groups them by this key.

use jiexi_engine::script::fold;
use jiexi_engine::{Entity, EntityType};
use serde::{Deserialize, Serialize};

/// One entity as the user thinks of it: every mention of the same name (in either script,
/// any width) under one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityGroup {
    pub kind: EntityType,
    /// The folded text every form shares (see [`entity_key`]).
    pub key: String,
    /// Its name: [`display_name`] of its mentions.
    pub text: String,
    pub count: usize,
    /// Every surface form seen, most frequent first.
    pub forms: Vec<String>,
    /// Char offsets of every mention, in text order.
    pub mentions: Vec<(usize, usize)>,
}

/// The key mentions of one entity share: its type and its folded text
/// ([`fold`]), the full name's for a short form of it (and the canonical name's for a
/// mention the [`authority`](crate::authority) file gathers under one).
pub fn entity_key(e: &Entity) -> (EntityType, String) {
    (e.kind, fold(e.alias_of.as_deref().unwrap_or(&e.text)))
}

/// The name to show for one entity's mentions: the full (or canonical) name they are
/// given most often as `alias_of`, else the most frequent form that is the key itself,
/// else the most frequent form. `forms` and `names` are (text, count), most frequent first.
pub fn display_name(key: &str, forms: &[(String, usize)], names: &[(String, usize)]) -> String {
    names
        .first()
        .or_else(|| forms.iter().find(|(f, _)| fold(f) == key))
        .or(forms.first())
        .map(|(f, _)| f.clone())
        .unwrap_or_default()
}

/// Counts `text` in `counts` (first-seen order kept for ties).
pub(crate) fn tally(counts: &mut Vec<(String, usize)>, text: &str) {
    match counts.iter_mut().find(|(f, _)| f == text) {
        Some((_, n)) => *n += 1,
        None => counts.push((text.to_string(), 1)),
    }
}

/// Entities grouped by name, most frequent first (then by type and text, so the order is
/// stable).
pub fn group_entities(entities: &[Entity]) -> Vec<EntityGroup> {
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut index: std::collections::HashMap<(EntityType, String), usize> = Default::default();
    let mut form_counts: Vec<Vec<(String, usize)>> = Vec::new();
    let mut name_counts: Vec<Vec<(String, usize)>> = Vec::new();
    for e in entities {
        let key = entity_key(e);
        let at = *index.entry(key.clone()).or_insert_with(|| {
            groups.push(EntityGroup {
                kind: e.kind,
                key: key.1,
                text: String::new(),
                count: 0,
                forms: Vec::new(),
                mentions: Vec::new(),
            });
            form_counts.push(Vec::new());
            name_counts.push(Vec::new());
            groups.len() - 1
        });
        let g = &mut groups[at];
        g.count += 1;
        g.mentions.push((e.start, e.end));
        tally(&mut form_counts[at], &e.text);
        if let Some(name) = &e.alias_of {
            tally(&mut name_counts[at], name);
        }
    }
    for ((g, mut forms), mut names) in groups.iter_mut().zip(form_counts).zip(name_counts) {
        // Stable: ties keep first-seen order.
        forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        names.sort_by_key(|f| std::cmp::Reverse(f.1));
        // Named by its full name when short forms are grouped under it.
        g.text = display_name(&g.key, &forms, &names);
        g.forms = forms.into_iter().map(|(f, _)| f).collect();
    }
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.text.cmp(&b.text))
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::csv::entity_table_tsv;
    use crate::test_support::*;

    #[test]
    fn a_short_form_is_grouped_under_its_full_name() {
        let mut short = entity(30, 34, EntityType::Org, "晶泰科技");
        short.alias_of = Some("深圳晶泰科技有限公司".to_string());
        let mut again = short.clone();
        (again.start, again.end) = (50, 54);
        let entities = [
            entity(0, 10, EntityType::Org, "深圳晶泰科技有限公司"),
            short,
            again,
            entity(60, 64, EntityType::Org, "晶泰集團"),
        ];
        let groups = group_entities(&entities);
        assert_eq!(groups.len(), 2);
        assert_eq!(
            groups[0].text, "深圳晶泰科技有限公司",
            "named by the full name"
        );
        assert_eq!(groups[0].count, 3);
        assert_eq!(groups[0].forms, ["晶泰科技", "深圳晶泰科技有限公司"]);
        assert_eq!(entity_key(&entities[1]), entity_key(&entities[0]));
    }

    #[test]
    fn groups_merge_scripts_and_count() {
        let a = analysed();
        let groups = group_entities(&a.entities);
        let person = groups
            .iter()
            .find(|g| g.kind == EntityType::Person)
            .unwrap();
        assert_eq!(person.text, "羅柳斌");
        assert_eq!(person.count, 3);
        assert_eq!(person.forms, ["羅柳斌", "罗柳斌"]);
        assert_eq!(person.mentions.len(), 3);
        assert!(groups.windows(2).all(|w| w[0].count >= w[1].count));
        let tsv = entity_table_tsv(&groups);
        assert!(tsv.contains("PERSON\t羅柳斌\t3\t羅柳斌 / 罗柳斌"));
    }
}
