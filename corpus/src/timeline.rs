//! A document's timeline: the sentences that hold a date with a value, each placed at
//! that date, earliest first. Dates said relative to the article (昨日, 上周五) have a value
//! only when the document was analysed with its date ([`analyze_dated`]), so a dated
//! story's timeline holds them and an undated one only its calendar dates.

use jiexi_engine::{Analysis, Analyzer, CalendarDate, Entity, EntityType, Precision, Value};
use serde::{Deserialize, Serialize};

/// One sentence at one date. A sentence with two dates is on the timeline twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    /// The date, ISO 8601 cut to its precision (`2024`, `2024-12`, `2024-12-17`).
    pub date: String,
    pub precision: Precision,
    /// The DATE entity's text, as written (`昨日(16日)`).
    pub said: String,
    /// The sentence: char offsets into the document, end exclusive, and its text.
    pub start: usize,
    pub end: usize,
    pub sentence: String,
    /// The entities within the sentence, the date among them, in text order.
    pub entities: Vec<Entity>,
}

/// A moment of one document of the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMoment {
    pub doc: String,
    pub moment: Moment,
}

/// The library's timeline: the moments of every indexed document (each analysed as an
/// article of its own date when indexed, the authority file applied), merged earliest
/// first (documents in index order on a tie). Nothing is analysed again.
pub fn library_timeline(index: &crate::index::CorpusIndex) -> Vec<DocMoment> {
    let mut all = Vec::new();
    for (id, doc) in index.documents() {
        all.extend(
            moments(&doc.chars, &doc.entities)
                .into_iter()
                .map(|moment| DocMoment {
                    doc: id.to_string(),
                    moment,
                }),
        );
    }
    // ISO dates cut to their precision sort as text: 2024 < 2024-12 < 2024-12-17.
    all.sort_by(|a, b| a.moment.date.cmp(&b.moment.date));
    all
}

/// Analyses `text` as an article of `date` (a library document's free-text date: used
/// when it is `YYYY-MM-DD`, ignored otherwise), as the timeline needs.
pub fn analyze_dated(analyzer: &Analyzer, text: &str, date: &str) -> Analysis {
    analyzer.analyze_dated(text, CalendarDate::parse(date.trim()))
}

/// The timeline of `text` from its `analysis`: earliest first; a date known to the year
/// comes before the months of that year, a month before its days; the same date keeps
/// text order.
pub fn timeline(text: &str, analysis: &Analysis) -> Vec<Moment> {
    let chars: Vec<char> = text.chars().collect();
    moments(&chars, &analysis.entities)
}

/// [`timeline`] of a text's chars and its entities, in text order.
fn moments(chars: &[char], entities: &[Entity]) -> Vec<Moment> {
    let mut moments = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        let (EntityType::Date, Some(Value::Date(date))) = (e.kind, e.value) else {
            continue;
        };
        let (start, end) = sentence_around(chars, e.start, e.end);
        // Entities are in text order: the sentence's are those around the date's.
        let first = entities[..k]
            .iter()
            .rposition(|x| x.end <= start)
            .map_or(0, |i| i + 1);
        let last = entities[k..]
            .iter()
            .position(|x| x.start >= end)
            .map_or(entities.len(), |i| k + i);
        moments.push((
            date,
            Moment {
                date: date.iso(),
                precision: date.precision(),
                said: e.text.clone(),
                start,
                end,
                sentence: chars[start..end].iter().collect(),
                entities: entities[first..last].to_vec(),
            },
        ));
    }
    // Stable: the same date keeps text order.
    moments.sort_by_key(|(date, _)| *date);
    moments.into_iter().map(|(_, m)| m).collect()
}

/// Chars that end a sentence; closing quotes and brackets after one stay with it.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n')
}

fn closes(c: char) -> bool {
    matches!(c, '」' | '』' | '”' | '’' | '）' | ')' | '"')
}

/// The sentence holding chars `start..end`: from after the previous sentence's end to its
/// own end mark (and any closing quotes), leading and trailing whitespace left out.
fn sentence_around(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut from = chars[..start.min(chars.len())]
        .iter()
        .rposition(|&c| ends_sentence(c))
        .map_or(0, |i| i + 1);
    while from < start && (chars[from].is_whitespace() || closes(chars[from])) {
        from += 1;
    }
    let mut to = chars[end.min(chars.len())..]
        .iter()
        .position(|&c| ends_sentence(c))
        .map_or(chars.len(), |i| end + i + 1);
    while to < chars.len() && closes(chars[to]) {
        to += 1;
    }
    while to > end && chars[to - 1].is_whitespace() {
        to -= 1;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> &'static Analyzer {
        static A: std::sync::LazyLock<Analyzer> = std::sync::LazyLock::new(Analyzer::new);
        &A
    }

    const STORY: &str = "【本報訊】運輸署昨日(16日)宣布，新巴士線將於明年1月1日通車。\n\
        署方表示，工程去年底完成，造價約3000萬元。\n\
        「計劃早於2019年提出。」有議員說。記者近日走訪沿線。";

    #[test]
    fn the_library_timeline_dates_each_document_by_its_own_date_and_merges_them() {
        let mut index = crate::index::CorpusIndex::default();
        let source = |text: &str, date: &str| crate::index::Source {
            text: text.to_string(),
            date: date.to_string(),
        };
        let docs = vec![
            ("a".to_string(), Some(source(STORY, "2024-12-17"))),
            (
                "b".to_string(),
                Some(source("記者昨日獲悉，計劃於2020年啟動。", "")),
            ),
        ];
        index.update_changed(analyzer(), docs);
        let all = library_timeline(&index);
        let got: Vec<(&str, &str)> = all
            .iter()
            .map(|m| (m.doc.as_str(), m.moment.date.as_str()))
            .collect();
        // b has no date: its 昨日 stays off the timeline, its 2020 is on it.
        assert_eq!(
            got,
            [
                ("a", "2019"),
                ("b", "2020"),
                ("a", "2023-12"),
                ("a", "2024-12-16"),
                ("a", "2025-01-01")
            ]
        );
    }

    #[test]
    fn a_date_the_user_retyped_leaves_the_timeline_with_its_value() {
        let mut index = crate::index::CorpusIndex::default();
        let text = "記者昨日獲悉，計劃於2020年啟動。";
        index.update(analyzer(), &[("b".to_string(), text.to_string())]);
        let dates = |index: &crate::index::CorpusIndex| -> Vec<String> {
            library_timeline(index)
                .into_iter()
                .map(|m| m.moment.date)
                .collect()
        };
        assert_eq!(dates(&index), ["2020"]);
        let mut file = crate::authority::Authority::default();
        let retype = crate::authority::Op::Retype {
            entity: (EntityType::Date, "2020年".into()),
            kind: EntityType::Event,
        };
        file.change(&retype).unwrap();
        index.set_authority(file);
        assert!(dates(&index).is_empty());
        let (_, doc) = index.documents().next().unwrap();
        let retyped = doc.entities.iter().find(|e| e.text == "2020年").unwrap();
        assert_eq!((retyped.kind, retyped.value), (EntityType::Event, None));
    }

    #[test]
    fn a_dated_story_is_in_date_order_with_its_sentences() {
        let analysis = analyze_dated(analyzer(), STORY, "2024-12-17");
        let moments = timeline(STORY, &analysis);
        let got: Vec<(&str, Precision, &str)> = moments
            .iter()
            .map(|m| (m.date.as_str(), m.precision, m.said.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("2019", Precision::Year, "2019年"),
                ("2023-12", Precision::Month, "去年底"),
                ("2024-12-16", Precision::Day, "昨日(16日)"),
                ("2025-01-01", Precision::Day, "明年1月1日"),
            ]
        );
        let chars: Vec<char> = STORY.chars().collect();
        for m in &moments {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.sentence);
            assert!(m
                .entities
                .iter()
                .all(|e| e.start >= m.start && e.end <= m.end));
            assert!(m.entities.iter().any(|e| e.text == m.said));
        }
        assert_eq!(moments[0].sentence, "「計劃早於2019年提出。」");
        assert_eq!(
            moments[2].sentence,
            "【本報訊】運輸署昨日(16日)宣布，新巴士線將於明年1月1日通車。"
        );
        assert!(moments[2].entities.iter().any(|e| e.text == "運輸署"));
        assert!(moments[1].entities.iter().any(|e| e.text == "3000萬元"));
    }

    #[test]
    fn an_undated_story_keeps_only_calendar_dates() {
        for date in ["", "17 Dec", "2024-02-30"] {
            let moments = timeline(STORY, &analyze_dated(analyzer(), STORY, date));
            let dates: Vec<&str> = moments.iter().map(|m| m.date.as_str()).collect();
            assert_eq!(dates, ["2019"], "{date:?}");
        }
    }
}
