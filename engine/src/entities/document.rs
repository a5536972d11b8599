//! Names hold for the whole text: once a name is found, its other mentions are the same
//! entity, whatever their context there.
//!
//! After the layers' candidates are resolved, three sources of names are gathered:
//! - short forms the text defines: `深圳某某科技有限公司（以下簡稱「某某科技」）`, `（下稱
//!   「…」）`, `（簡稱…）`: the short form takes the full name's type;
//! - an organisation's own short forms: its name without the place before it and the
//!   company words after it (某某科技有限公司 → 某某科技, 某某);
//! - every name found (a person named once after a title, a company by its suffix).
//!
//! Each is then looked for everywhere else in the text, where no entity is yet and the
//! words' edges allow (a two-char short form inside a longer word is no mention).

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;
use rustc_hash::FxHashMap;

use super::Candidate;
use crate::lexicon::gazetteer;
use crate::segment::Prepared;
use crate::EntityType;

/// The confidence of a mention found by its name elsewhere in the text.
const MENTION_CONFIDENCE: f32 = 0.75;

/// Words after a company's name that its short form leaves out, outermost first.
const COMPANY_WORDS: [&str; 12] = [
    "股份有限公司",
    "有限公司",
    "有限责任公司",
    "控股",
    "集团",
    "公司",
    "股份",
    "实业",
    "企业",
    "科技",
    "国际",
    "银行",
];

/// A short form defined right after a name: （以下簡稱「X」）, (下稱"X"), （簡稱X）. A
/// scanned page may read the closing 」 as `|`.
fn definition() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r#"^[（(](?:以下简称|以下称|下称|简称|以下简称为|下同称)[:：]?[「“"『]?([^」”"』|）)，,、。]{2,12}?)[」”"』|]?[）)]"#,
        )
        .expect("definition pattern compiles")
    })
}

/// A long input (a corpus pasted as one text) is taken this many chars at a time, to the
/// next sentence end: an article's names hold within it, the automaton stays small enough
/// for its fast packed search, and the search stays linear. A newspaper page runs to
/// 4,000–5,000 chars: at 4,000 its last paragraphs lost the names its first ones found.
const WINDOW: usize = 12000;

/// Adds the other mentions of the names found in `found` (resolved, in text order).
pub(super) fn add_mentions(prepared: &Prepared, found: &mut Vec<Candidate>) {
    let n = prepared.chars.len();
    let mut state = Mentions {
        covered: vec![None; n],
        removed: vec![false; found.len()],
        added: Vec::new(),
        aliased: Vec::new(),
    };
    for (k, c) in found.iter().enumerate() {
        state.covered[c.start..c.end]
            .iter_mut()
            .for_each(|x| *x = Some(k));
    }
    let (mut from, mut first) = (0, 0);
    while from < n {
        let to = window_end(prepared, from);
        let last = first + found[first..].partition_point(|c| c.start < to);
        let names = names_in(prepared, &found[first..last]);
        if !names.is_empty() {
            state.search(prepared, found, &names, from, to);
        }
        (from, first) = (to, last);
    }
    for &(k, full) in &state.aliased {
        found[k].alias_of = Some(full);
    }
    if !state.added.is_empty() {
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !state.removed[k - 1]
        });
        found.extend(state.added);
        found.sort_by_key(|c| c.start);
    }
}

/// The end of the window that starts at char `from`: the first sentence end `WINDOW`
/// chars on, or the end of the text.
fn window_end(prepared: &Prepared, from: usize) -> usize {
    let chars = &prepared.chars;
    let mut end = (from + WINDOW).min(chars.len());
    while end < chars.len() && !matches!(chars[end - 1], '。' | '\n' | '!' | '?') {
        end += 1;
    }
    end
}

/// The names to look for, from the candidates of one window.
fn names_in<'a>(prepared: &'a Prepared, found: &[Candidate]) -> Vec<(Cow<'a, str>, Name)> {
    let mut names: FxHashMap<Cow<'a, str>, Name> = FxHashMap::default();
    let g = gazetteer();
    for c in found.iter() {
        if !matches!(
            c.kind,
            EntityType::Person
                | EntityType::Org
                | EntityType::Gpe
                | EntityType::Loc
                | EntityType::Fac
        ) || c.end - c.start < 2
        {
            continue;
        }
        // People and organisations found by their context are looked for again; places
        // are found by the same gazetteer or suffix wherever they recur.
        let text = prepared.slice(c.start, c.end);
        if matches!(c.kind, EntityType::Person | EntityType::Org) && g.get(text).is_none() {
            names
                .entry(Cow::Borrowed(text))
                .or_insert(Name::found(c.kind));
        }
        // Most names are followed by no bracket: the pattern (with its capture, the slow
        // kind of search) runs after the few that are.
        let bracket = prepared
            .chars
            .get(c.end)
            .is_some_and(|&b| b == '（' || b == '(');
        let rest = prepared.slice(c.end, (c.end + 20).min(prepared.chars.len()));
        let defined = bracket.then(|| definition().captures(rest)).flatten();
        if let Some(short) = defined.and_then(|m| m.get(1)) {
            // A page's line break inside the definition (深合  區) is no part of the name
            // its other mentions are written with.
            let short = short.as_str();
            let short = if short.contains(char::is_whitespace) {
                Cow::Owned(short.split_whitespace().collect::<String>())
            } else {
                Cow::Borrowed(short)
            };
            names.insert(
                short,
                Name {
                    kind: c.kind,
                    defined: true,
                    short: true,
                    full: Some((c.start, c.end)),
                },
            );
        }
        if c.kind == EntityType::Org {
            let forms = company_short_forms(prepared.slice(c.start, c.end));
            for short in forms
                .into_iter()
                .filter(|f| is_proper(prepared, c.start, f))
            {
                names.entry(Cow::Borrowed(short)).or_insert(Name {
                    kind: EntityType::Org,
                    defined: false,
                    short: true,
                    full: Some((c.start, c.end)),
                });
            }
        }
    }
    names.into_iter().collect()
}

/// What the search of the windows has found so far.
struct Mentions {
    /// The candidate covering each char, if any (`usize::MAX`: a mention added here).
    covered: Vec<Option<usize>>,
    /// The candidates a mention has taken the place of.
    removed: Vec<bool>,
    added: Vec<Candidate>,
    /// Candidates a layer found on a short form's span, with its full name's place.
    aliased: Vec<(usize, (usize, usize))>,
}

impl Mentions {
    /// Looks for `names` in chars `from..to`.
    fn search(
        &mut self,
        prepared: &Prepared,
        found: &[Candidate],
        names: &[(Cow<'_, str>, Name)],
        from: usize,
        to: usize,
    ) {
        // All names at once, the longest where several start at one place. An NFA: the
        // default picks a DFA for few names, whose building cost more than the search
        // of a window saves (the packed search does the work either way).
        let Ok(automaton) = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|n| n.0.as_bytes()))
        else {
            return;
        };
        let offset = prepared.bytes[from];
        let window = &prepared.analysed[offset..prepared.bytes[to]];
        for m in automaton.find_iter(window) {
            let start = char_index(prepared, offset + m.start());
            let end = char_index(prepared, offset + m.end());
            let name = names[m.pattern().as_usize()].1;
            let aligned = prepared.starts_word(start) && prepared.ends_word(end);
            if end > self.covered.len() || !(aligned || name.defined) {
                continue;
            }
            // A shorter entity inside the name gives way (the 海晴 of 海晴科技 read as a
            // person), and so does one of another type on a short form's very span (泰豐
            // before 表示, read as a person); one that crosses its edges keeps its place.
            let inside = self.covered[start..end].iter().flatten().copied();
            // A layer found the short form itself: the same entity as its full name.
            let same = self.covered[start].filter(|&k| {
                found
                    .get(k)
                    .is_some_and(|c| (c.start, c.end, c.kind) == (start, end, name.kind))
            });
            if let (Some(k), Some(full)) = (same, name.full) {
                self.aliased.push((k, full));
                continue;
            }
            if inside.clone().any(|k| {
                found.get(k).is_none_or(|c| {
                    let same_span = c.start == start && c.end == end;
                    c.start < start
                        || c.end > end
                        || (same_span && !(name.short && c.kind != name.kind))
                })
            }) {
                continue;
            }
            for k in inside {
                self.removed[k] = true;
            }
            self.covered[start..end]
                .iter_mut()
                .for_each(|x| *x = Some(usize::MAX));
            self.added.push(Candidate {
                alias_of: name.full,
                ..Candidate::new(start, end, name.kind, MENTION_CONFIDENCE)
            });
        }
    }
}

/// The char index of byte offset `byte` of the analysis text.
fn char_index(prepared: &Prepared, byte: usize) -> usize {
    prepared.bytes.partition_point(|&b| b < byte)
}

/// A name to look for: its type; whether the text defines it (then any mention counts,
/// wherever the segmenter put its word edges); whether it is a short form, which wins
/// over another type guessed on its span.
#[derive(Clone, Copy)]
struct Name {
    kind: EntityType,
    defined: bool,
    short: bool,
    /// A short form's full name (where it first stands): its mentions are that entity's.
    full: Option<(usize, usize)>,
}

impl Name {
    fn found(kind: EntityType) -> Self {
        Name {
            kind,
            defined: false,
            short: false,
            full: None,
        }
    }
}

/// Whether a short form found inside the name starting at `start` is a name of its own:
/// it holds a word the dictionary does not know or tags a proper noun (晶泰, not 生物|醫藥
/// or 科技), and is not only one-char place abbreviations (粵港).
fn is_proper(prepared: &Prepared, start: usize, form: &str) -> bool {
    let end_of_name = prepared.chars.len();
    let Some(offset) = prepared.slice(start, end_of_name).find(form) else {
        return false;
    };
    let from = start + prepared.slice(start, end_of_name)[..offset].chars().count();
    let to = from + form.chars().count();
    let abbreviations = form.chars().all(|c| "港粤澳深中美京沪台华".contains(c));
    let words = &prepared.words;
    let first = words.partition_point(|w| w.end <= from);
    let proper = words[first..]
        .iter()
        .take_while(|w| w.start < to)
        .any(|w| !w.known || matches!(w.pos, "nr" | "ns" | "nz" | "nt" | "nrt" | "eng"));
    proper && !abbreviations
}

/// A company's short forms: without the place it starts with and the company words it
/// ends with (深圳某某科技有限公司 → 某某科技, 某某). None that is a place itself or shorter
/// than two chars.
fn company_short_forms(name: &str) -> Vec<&str> {
    let g = gazetteer();
    let mut head = name;
    // The place first: the longest known place the name starts with.
    if let Some(b) = head
        .char_indices()
        .map(|(b, _)| b)
        .skip(2)
        .take(4)
        .filter(|&b| matches!(g.get(&head[..b]), Some(EntityType::Gpe | EntityType::Loc)))
        .last()
    {
        head = &head[b..];
    }
    let mut forms = Vec::new();
    let mut stripped = false;
    while let Some(w) = COMPANY_WORDS.iter().find(|w| head.ends_with(**w)) {
        head = &head[..head.len() - w.len()];
        stripped = true;
        if head.chars().count() >= 2 && g.get(head).is_none_or(|k| k == EntityType::Org) {
            forms.push(head);
        }
    }
    if !stripped {
        forms.clear();
    }
    forms
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::entities;
    use crate::EntityType::{self, *};

    fn count(text: &str, name: &str, kind: EntityType) -> usize {
        entities(text)
            .iter()
            .filter(|(t, k)| t == name && *k == kind)
            .count()
    }

    #[test]
    fn short_forms_are_their_full_names_entity() {
        let text = "深圳星河量子科技有限公司（以下簡稱「星河量子」）昨日落戶河套。星河量子總裁陳志明表示，星河量子明年招聘。";
        let analysis = crate::Analyzer::new().analyze(text);
        let short: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.text == "星河量子")
            .collect();
        assert!(short.len() >= 2, "{:?}", analysis.entities);
        for e in short {
            assert_eq!(e.kind, EntityType::Org);
            assert_eq!(e.alias_of.as_deref(), Some("深圳星河量子科技有限公司"));
        }
        let full = analysis
            .entities
            .iter()
            .find(|e| e.text.starts_with("深圳星河"));
        assert_eq!(
            full.and_then(|e| e.alias_of.as_deref()),
            None,
            "the full name is its own"
        );
    }

    #[test]
    fn a_short_form_defined_across_a_line_break_is_found_whole() {
        // A scanned page: the definition broken by a line, its closing 」 read as |.
        // From seeds/000.
        let text = "總面積約106平方公里的橫琴粵澳深度合作區(下稱「深合\n\n區|)是關鍵。爲支持深合區基礎設施建設,自深合區成立以來";
        let found = entities(text);
        let n = found.iter().filter(|(t, _)| t == "深合區").count();
        assert_eq!(n, 3, "{found:?}");
    }

    #[test]
    fn names_hold_for_the_whole_text() {
        let cases: [(&str, &str, EntityType, usize); 4] = [
            (
                "深圳海晴科技有限公司（以下簡稱「海晴科技」）昨日公布業績，海晴科技收入上升。",
                "海晴科技",
                Org,
                2,
            ),
            (
                "東莞泰豐實業有限公司宣布裁員。泰豐表示，工廠會繼續運作。",
                "泰豐",
                Org,
                1,
            ),
            (
                "大埔北盛電子公司（下稱「北盛」）承認控罪，北盛須繳罰款。",
                "北盛",
                Org,
                2,
            ),
            (
                "行政長官李家明昨日出席活動。李家明致辭時表示，政府會加強支援。",
                "李家明",
                Person,
                2,
            ),
        ];
        for (text, name, kind, n) in cases {
            assert_eq!(count(text, name, kind), n, "{text}: {:?}", entities(text));
        }
    }

    #[test]
    fn common_words_are_no_short_forms() {
        // 生物醫藥 and 科技 head 深圳生物醫藥科技有限公司 but name no company of their own.
        let text = "深圳生物醫藥科技有限公司成立。生物醫藥是重點產業，科技創新帶動發展。";
        let found = entities(text);
        assert!(
            found.iter().all(|(t, _)| t != "生物醫藥" && t != "科技"),
            "{found:?}"
        );
    }

    #[test]
    fn a_short_form_inside_a_word_is_no_mention() {
        // 中華 as the head of 中華電器公司 is not the 中華 of 中華民族.
        let found = entities("中華電器公司今日開業，弘揚中華民族傳統。");
        assert!(
            found.iter().all(|(t, _)| t != "中華民族" && t != "中華"),
            "{found:?}"
        );
    }

    #[test]
    fn company_short_forms_leave_out_place_and_company_words() {
        assert_eq!(
            super::company_short_forms("深圳海晴科技有限公司"),
            ["海晴科技", "海晴"]
        );
        assert!(super::company_short_forms("香港大学").is_empty());
        assert!(super::company_short_forms("中国银行").is_empty());
    }
}
