use proptest::prelude::*;

use super::*;

/// The five seed pages, with each story's headline and dateline as a reader sees them.
/// One story the parser cannot see: page 000's piece on 中國銀行 in 橫琴 (from 融入國家發展大局
/// on) has neither a dateline nor a two-part headline, so it stays inside the story before it.
/// A story's headline and dateline.
type Heading = (&'static str, Option<&'static str>);

const SEEDS: &[(&str, &[Heading])] = &[
    (
        include_str!("../../../seeds/000_2fdc64f32e48eb04.txt"),
        &[
            ("羅湖培育AI創新環境", Some("【香港商報訊】記者羅柳斌報道:")),
            (
                "深圳再次刷新非血緣\n\n造血幹細胞捐獻紀錄",
                Some("【香港商報訊】記者林麗青報道:"),
            ),
            (
                "廣東新型光電中試平台啟動",
                Some("【香港商報訊】記者姚志東報道:"),
            ),
            (
                "李象群雕塑展覽登陸南山博物館",
                Some("【香港商報訊】記者陳彥潔報道:"),
            ),
            (
                "深圳坪山聯手中南大學促產學研深度融合",
                Some("【香港商報訊】記者焦家志報道:"),
            ),
        ],
    ),
    (
        include_str!("../../../seeds/001_e331704125a7b1c3.txt"),
        &[
            (
                "150高端研究落地深圳園區 六大科創集群形成",
                Some("大公報記者 胡永愛報道"),
            ),
            ("小地方能作大文章 利好釋放「乘數效應」", None),
            ("三個聯動 做強河套「平台」和「通道」", None),
            ("粵醫檢AI創新平台上線 港企可參與", None),
        ],
    ),
    (
        include_str!("../../../seeds/002_57e760d7fc5c8b2b.txt"),
        &[
            (
                "聚合深港創新資源 業界「明星」薈萃",
                Some("香港文匯報訊(記者 胡永愛 深圳報道)"),
            ),
            ("特首晤廣州官員: 穗港合作發揮互補優勢", Some("香港文匯報訊")),
            ("港深設專辦商鐵路項目", Some("香港文匯報訊(記者 文森)")),
        ],
    ),
    (
        include_str!("../../../seeds/003_061affaf09b9d26f.txt"),
        &[
            (
                "借鑒前海河套經驗 港科研助力高端產業",
                Some("大公報記者 石華深圳報道"),
            ),
            (
                "錯位發展 聚焦成果產業化",
                Some("【大公報訊】記者石華深圳報道："),
            ),
            (
                "搭建鏈接機制 轉化基礎研究",
                Some("【大公報訊】記者石華深圳報道："),
            ),
            (
                "橫琴AI計算平台 籌建香港分中心",
                Some("【大公報訊】記者方俊明珠海報道："),
            ),
            (
                "專家：大數據預測電商消費潮流",
                Some("【大公報訊】記者何花深圳報道："),
            ),
        ],
    ),
    (
        include_str!("../../../seeds/004_f93e77bb0c1fc4a7.txt"),
        &[
            (
                "深港穗科技集群 創新指數全球第二",
                Some("大公報記者 黃寶儀廣州報道"),
            ),
            ("便利跨境布局 深化金融合作", None),
            ("粵港擬續辦招商大會 集聚全球資源", None),
        ],
    ),
];

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn seed_pages_split_into_their_stories() {
    for (page, expected) in SEEDS {
        let got = split(page);
        let titles: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|s| (s.title.as_str(), s.dateline.as_deref()))
            .collect();
        assert_eq!(&titles, expected);
        for s in &got {
            assert_eq!(chars(page, s.title_start, s.title_end), s.title);
        }
    }
}

#[test]
fn seed_stories_know_their_paper_reporter_and_date() {
    let first = |k: usize| split(SEEDS[k].0);
    let s = first(0);
    assert!(s.iter().all(|s| s.source.as_deref() == Some("香港商報")));
    assert_eq!(s[0].byline.as_deref(), Some("羅柳斌"));
    // 12月17日 in the lead; the page writes 2024年12月17日 in full elsewhere.
    assert_eq!(s[2].date.as_deref(), Some("2024-12-17"));
    // The masthead and the editor's credit are furniture inside the story they fall in.
    assert_eq!(s[1].furniture.len(), 2);
    let s = first(1);
    assert_eq!(
        s[0].subtitle.as_deref(),
        Some("河套建「量子谷」 港高校領銜攻關")
    );
    assert_eq!(s[1].kicker.as_deref(), Some("獨具優勢"));
    // A reporter named at the end of the story, and the page's paper.
    assert_eq!(s[1].byline.as_deref(), Some("胡永愛"));
    assert!(s.iter().all(|s| s.source.as_deref() == Some("大公報")));
    // No year anywhere on the page for 9月12日: no date rather than a guessed one.
    assert_eq!(s[0].date, None);
    let s = first(2);
    assert_eq!(s[0].byline.as_deref(), Some("胡永愛"));
    assert_eq!(s[2].byline.as_deref(), Some("文森"));
    assert!(s.iter().all(|s| s.source.as_deref() == Some("香港文匯報")));
    assert_eq!(s[0].kicker, None);
}

#[test]
fn text_without_headlines_is_one_story() {
    let text =
        "\n\n記者前日到場察看，石硤尾邨附近有一條水渠，氣味難聞。\n居民表示問題已持續數年。\n\n";
    let got = split(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].start, 2);
    assert_eq!(
        chars(text, got[0].start, got[0].end),
        text.trim(),
        "from the first non-blank char to the last"
    );
    assert!(split("").is_empty());
    assert!(split(" \n\t\n").is_empty());
}

#[test]
fn a_story_may_start_with_text_before_the_first_headline() {
    let text = "上期續：項目於下月完成。\n\n深港合作再下一城\n\n【大公報訊】記者石華深圳報道：兩地昨日簽約。\n";
    let got = split(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].title, "深港合作再下一城");
    assert_eq!(got[1].source.as_deref(), Some("大公報"));
    assert_eq!(
        got[0].end,
        got[0].start + "上期續：項目於下月完成。".chars().count()
    );
}

#[test]
fn furniture_atop_the_page_opens_the_first_story() {
    let text = "A12\n\n深港合作再下一城\n\n【大公報訊】記者石華深圳報道：兩地昨日簽約。\n";
    let got = split(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].title, "深港合作再下一城");
    assert_eq!(got[0].start, 0);
    assert_eq!(got[0].furniture, vec![(0, 3)]);
    assert_eq!(
        got[0].dateline.as_deref(),
        Some("【大公報訊】記者石華深圳報道：")
    );
}

fn page_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("深港合作 再下一城".to_string()),
        Just("獨具優勢".to_string()),
        Just("【香港商報訊】記者羅柳斌報道:".to_string()),
        Just("香港文匯報訊(記者 胡永愛 深圳報道)".to_string()),
        Just("大公報記者 胡永愛報道".to_string()),
        Just("責編 張碧珊".to_string()),
        Just("12月17日，2024年12月17日。".to_string()),
        Just("正文，在此。".to_string()),
        "[\\PC\\s]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn stories_lie_inside_the_page_and_never_overlap(text in page_text()) {
        let n = text.chars().count();
        let stories = split(&text);
        let mut last_end = 0;
        for s in &stories {
            prop_assert!(s.start < s.end && s.end <= n);
            prop_assert!(s.start >= last_end, "in order, no overlap");
            prop_assert!(s.start <= s.title_start && s.title_end <= s.end);
            prop_assert_eq!(chars(&text, s.title_start, s.title_end), s.title.clone());
            for &(a, b) in &s.furniture {
                prop_assert!(s.start <= a && a < b && b <= s.end);
            }
            if let Some(d) = &s.date {
                prop_assert_eq!(d.len(), 10);
            }
            last_end = s.end;
        }
    }
}
