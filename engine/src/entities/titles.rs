//! Titles in 《》: works (books, programmes, films) or, by their last word, laws and
//! newspapers.

use super::Candidate;
use crate::segment::Prepared;
use crate::EntityType;

/// Endings that make a title a law, regulation or agreement.
const LAW_ENDINGS: [&str; 12] = [
    "法",
    "条例",
    "规定",
    "法案",
    "宪法",
    "办法",
    "决定",
    "公约",
    "协定",
    "守则",
    "细则",
    "规划纲要",
];

/// Endings that make a title a newspaper, agency or magazine: an organisation, as
/// OntoNotes has it (《大公報》, 《人民日報》).
const PRESS_ENDINGS: [&str; 8] = [
    "报",
    "日报",
    "晚报",
    "时报",
    "新闻",
    "周刊",
    "杂志",
    "通讯社",
];

/// Titles longer than this are more likely a broken bracket than a title.
const MAX_TITLE: usize = 40;

pub(super) fn find(prepared: &Prepared, out: &mut Vec<Candidate>) {
    let chars = &prepared.chars;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '《' {
            let close = chars[i + 1..]
                .iter()
                .take(MAX_TITLE + 1)
                .position(|&c| c == '》' || c == '《' || c == '\n');
            if let Some(len) = close.filter(|&n| n > 0 && chars[i + 1 + n] == '》') {
                let (start, end) = (i + 1, i + 1 + len);
                let title = prepared.slice(start, end);
                let kind = if LAW_ENDINGS.iter().any(|e| title.ends_with(e)) {
                    EntityType::Law
                } else if PRESS_ENDINGS.iter().any(|e| title.ends_with(e)) {
                    EntityType::Org
                } else {
                    EntityType::WorkOfArt
                };
                out.push(Candidate::new(start, end, kind, 0.9));
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::test_support::{assert_has, entities};
    use crate::EntityType::*;

    #[test]
    fn table() {
        assert_has("根據《香港國安法》規定", "香港國安法", Law);
        assert_has(
            "《粵港澳大灣區發展規劃綱要》提出",
            "粵港澳大灣區發展規劃綱要",
            Law,
        );
        assert_has("他在《大公報》發表文章", "大公報", Org);
        assert_has("據《東京新聞》報道", "東京新聞", Org);
        assert_has("電影《長津湖》上映", "長津湖", WorkOfArt);
        assert!(entities("未閉合《的書名")
            .iter()
            .all(|(_, k)| *k != WorkOfArt));
    }
}
