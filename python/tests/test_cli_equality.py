"""The package answers exactly what the CLI prints, byte for byte once serialised."""

import json

import jiexi
import pytest
from conftest import BUNDLED, read_text, run_cli, to_json

# Sentences written for these tests: Traditional and Simplified, names, dates, amounts, and
# text at the edges (control characters, emoji, characters beyond the BMP, width variants).
OWN = [
    "記者陳大文報道：香港科技園公司昨日宣布，將於2025年3月在沙田舉行創科博覽。",
    "深圳市南山区政府表示，今年第一季度区内企业研发投入同比增长12.5%。",
    "李小姐說：「我們已經投資了三千萬港元。」",
    "",
    "   \n\t  ",
    "\x00\x01控制字元\x07與\x1b[0m轉義序列\x7f",
    "表情😀👍🏽在句中，🇭🇰旗幟也在。",
    "𠀀𪚥𡃁：擴展區的字，與普通字混排。",
    "ＦＵＬＬ　ＷＩＤＴＨ全形字母１２３與ASCII abc。",
    "第一行的句子斷\n在行中間，第二行接上。\r\n第三行。",
]


# Each run of the CLI loads its dictionaries (seconds in a debug build): one run per check.
@pytest.fixture(scope="session")
def cli_analyses(cli):
    """`jiexi analyze FILE…` over the bundled documents: a JSON line each, with "file"."""
    return run_cli(cli, "analyze", *map(str, BUNDLED)).decode("utf-8").splitlines()


@pytest.mark.parametrize("index", range(len(BUNDLED)), ids=[p.name for p in BUNDLED])
def test_analyze_equals_cli_analyze(cli_analyses, index):
    path = BUNDLED[index]
    expected = cli_analyses[index]
    assert to_json({"file": str(path), **jiexi.analyze(read_text(path))}) == expected


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_stories_equal_cli_stories(cli, path):
    expected = run_cli(cli, "stories", str(path)).decode("utf-8")
    assert to_json(jiexi.stories(read_text(path))) + "\n" == expected


def test_own_sentences_equal_cli_jsonl(cli):
    lines = "".join(to_json({"id": i, "text": t}) + "\n" for i, t in enumerate(OWN))
    printed = run_cli(cli, "analyze", "--jsonl", stdin=lines.encode("utf-8")).decode("utf-8")
    expected = printed.splitlines()
    got = [to_json({"id": i, **a}) for i, a in enumerate(jiexi.analyze_many(OWN))]
    assert got == expected


def one_line_texts_by_script():
    """The single-line sentences, grouped by script: the CLI's `segment` and `entities` detect
    the script once for all of stdin, the package once per text."""
    groups = {}
    for text in OWN:
        if text.strip() and "\n" not in text:
            groups.setdefault(jiexi.analyze(text)["script"], []).append(text)
    return groups


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_segment_equals_cli_segment_of_each_line(cli, script):
    texts = one_line_texts_by_script()[script]
    printed = run_cli(cli, "segment", stdin="\n".join(texts).encode("utf-8")).decode("utf-8")
    lines = printed.split("\n")[:-1]  # not splitlines(): that also splits at \x1c, \x85, …
    assert [jiexi.segment(t) for t in texts] == [line.split(" ") if line else [] for line in lines]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
def test_entities_equal_cli_entities_of_each_line(cli, script):
    texts = one_line_texts_by_script()[script]
    printed = run_cli(cli, "entities", stdin="\n".join(texts).encode("utf-8")).decode("utf-8")
    expected = [json.loads(line)["entities"] for line in printed.split("\n")[:-1]]
    assert [jiexi.entities(t) for t in texts] == expected


# Relative dates, amounts and percentages, each with the article's date (or none).
DATED = [
    ("記者昨日（14日）獲悉，該公司上週五融資近1億美元。", "2024-12-16"),
    ("去年底，港幣2.5億元的項目已完成九成。", "2025-03-02"),
    ("今年9月，投資額增長百分之二十五。", None),
]


def test_dated_sentences_equal_cli_jsonl_with_dates(cli):
    lines = "".join(
        to_json({"id": i, "text": t, **({"date": d} if d else {})}) + "\n" for i, (t, d) in enumerate(DATED)
    )
    printed = run_cli(cli, "analyze", "--jsonl", stdin=lines.encode("utf-8")).decode("utf-8")
    texts, dates = [t for t, _ in DATED], [d for _, d in DATED]
    got = [to_json({"id": i, **a}) for i, a in enumerate(jiexi.analyze_many(texts, dates=dates))]
    assert got == printed.splitlines()
    one = jiexi.analyze(DATED[0][0], date=DATED[0][1])
    assert to_json({"id": 0, **one}) == printed.splitlines()[0]
    valued = [e for e in one["entities"] if "value" in e]
    assert any(e["type"] == "MONEY" and e["currency"] == "USD" and e.get("approximate") for e in valued)
    assert any(e["type"] == "DATE" and e["value"] == "2024-12-13" and e["precision"] == "day" for e in valued)


def test_a_bad_date_or_a_wrong_number_of_dates_is_refused():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        jiexi.analyze("今日", date="2024-13-01")
    with pytest.raises(ValueError, match="2 dates for 1 texts"):
        jiexi.analyze_many(["今日"], dates=["2024-01-01", None])
