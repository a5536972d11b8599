//! The type offered first when the user marks selected text as an entity: guessed from
//! how the text ends (大學, 公司, 區 …) or what it holds (a number and 元, a date), so a
//! company is not offered as a person. Only a first choice: the user picks the type.
//! Written here, not asked of the engine: the page does not run the engine, and the
//! guess must come at once, as the selection is made.

use jiexi_engine::EntityType;

/// Endings of organisations' names, in either script.
const ORG_ENDINGS: &[&str] = &[
    "公司",
    "集團",
    "銀行",
    "大學",
    "大学",
    "學院",
    "学院",
    "醫院",
    "医院",
    "學校",
    "学校",
    "中心",
    "研究院",
    "研究所",
    "實驗室",
    "实验室",
    "委員會",
    "委员会",
    "協會",
    "协会",
    "商會",
    "商会",
    "基金會",
    "基金会",
    "政府",
    "局",
    "署",
    "處",
    "处",
    "部",
    "廳",
    "厅",
    "辦",
    "办",
    "報",
    "报",
    "社",
    "黨",
    "党",
    "會",
    "会",
    "台",
    "園區管理",
    "科技",
    "控股",
];
/// Endings of places with a government.
const GPE_ENDINGS: &[&str] = &[
    "省", "市", "區", "区", "縣", "县", "鎮", "镇", "村", "國", "国", "州",
];
/// Endings of built places.
const FAC_ENDINGS: &[&str] = &[
    "園",
    "园",
    "港",
    "站",
    "橋",
    "桥",
    "廣場",
    "广场",
    "大廈",
    "大厦",
    "中心大樓",
    "機場",
    "机场",
    "口岸",
    "鐵路",
    "铁路",
    "隧道",
];
/// Endings of other places.
const LOC_ENDINGS: &[&str] = &[
    "灣",
    "湾",
    "河",
    "江",
    "山",
    "島",
    "岛",
    "海",
    "湖",
    "合作區",
    "合作区",
    "新區",
    "新区",
];

/// The type to offer first for `text`.
pub fn guess_type(text: &str) -> EntityType {
    let text = text.trim();
    let has_digit = text
        .chars()
        .any(|c| c.is_numeric() || "〇零一二三四五六七八九十百千".contains(c));
    if text.ends_with('%')
        || text.ends_with('％')
        || text.contains("百分")
        || text.ends_with('成') && has_digit
    {
        return EntityType::Percent;
    }
    if has_digit
        && [
            "元",
            "圓",
            "圆",
            "美元",
            "港元",
            "港幣",
            "港币",
            "人民幣",
            "人民币",
        ]
        .iter()
        .any(|m| text.ends_with(m) || text.starts_with(m))
    {
        return EntityType::Money;
    }
    if has_digit
        && ["年", "月", "日", "號", "号"]
            .iter()
            .any(|d| text.ends_with(d))
    {
        return EntityType::Date;
    }
    let ends = |list: &[&str]| list.iter().any(|e| text.ends_with(e) && text != *e);
    // Longer endings are checked first where lists share a char (合作區 before 區).
    if ends(LOC_ENDINGS) {
        EntityType::Loc
    } else if ends(FAC_ENDINGS) {
        EntityType::Fac
    } else if ends(ORG_ENDINGS) {
        EntityType::Org
    } else if ends(GPE_ENDINGS) {
        EntityType::Gpe
    } else if text.chars().count() <= 4 && text.chars().all(|c| !c.is_ascii()) {
        EntityType::Person
    } else {
        EntityType::Org
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_offered_the_type_its_ending_says() {
        let cases = [
            ("深圳晶泰科技有限公司", EntityType::Org),
            ("晶泰科技", EntityType::Org),
            ("香港科技大學", EntityType::Org),
            ("創新科技署", EntityType::Org),
            ("坪山區", EntityType::Gpe),
            ("廣東省", EntityType::Gpe),
            ("河套深港科技創新合作區", EntityType::Loc),
            ("大鵬灣", EntityType::Loc),
            ("香港科學園", EntityType::Fac),
            ("皇崗口岸", EntityType::Fac),
            ("羅柳斌", EntityType::Person),
            ("陳志明", EntityType::Person),
            ("3000萬元", EntityType::Money),
            ("2024年12月", EntityType::Date),
            ("三成", EntityType::Percent),
            ("77%", EntityType::Percent),
            ("Apple Inc.", EntityType::Org),
        ];
        for (text, kind) in cases {
            assert_eq!(guess_type(text), kind, "{text}");
        }
    }
}
