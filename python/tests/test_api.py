"""The package's own promises: batch equals a loop, bad input raises clearly, odd text is
analysed without harm, offsets index the Python string."""

import doctest
import gc
import pathlib
import re

import jiexi
import pytest
from conftest import BUNDLED, read_text
from test_cli_equality import OWN

TEXTS = OWN + [read_text(p) for p in BUNDLED]


def check_offsets(text, analysis):
    """Tokens in order inside the text, entities exactly their slice of it."""
    end = 0
    for token in analysis["tokens"]:
        assert end <= token["start"] < token["end"] <= len(text)
        end = token["end"]
    end = 0
    for entity in analysis["entities"]:
        assert end <= entity["start"] < entity["end"] <= len(text)
        assert text[entity["start"]:entity["end"]] == entity["text"]
        end = entity["end"]


@pytest.mark.parametrize("threads", [None, 1, 3])
def test_analyze_many_equals_a_loop_of_analyze(threads):
    assert jiexi.analyze_many(TEXTS, threads=threads) == [jiexi.analyze(t) for t in TEXTS]


def test_analyze_many_takes_any_iterable_and_keeps_order():
    texts = ["香港", "深圳市", "", "北京"]
    assert jiexi.analyze_many(t for t in texts) == jiexi.analyze_many(tuple(texts))
    assert [a["tokens"][0]["text"] if a["tokens"] else "" for a in jiexi.analyze_many(texts)] == [
        "香港", "深圳市", "", "北京",
    ]
    assert jiexi.analyze_many([]) == []


def columns_of(tokens):
    """Token dicts as the four lists of tokens="columns"."""
    return {key: [t[key] for t in tokens] for key in ("start", "end", "text", "pos")}


@pytest.mark.parametrize("threads", [1, 3])
def test_token_columns_are_the_token_dicts_transposed(threads):
    for dicts, columns in zip(
        jiexi.analyze_many(TEXTS, threads=threads),
        jiexi.analyze_many(TEXTS, threads=threads, tokens="columns"),
    ):
        assert list(columns) == ["script", "tokens", "entities"]
        assert columns["tokens"] == columns_of(dicts["tokens"])
        assert columns["script"] == dicts["script"] and columns["entities"] == dicts["entities"]
    for text in OWN:
        assert jiexi.analyze(text, tokens="columns")["tokens"] == columns_of(jiexi.analyze(text)["tokens"])


def test_an_unknown_token_shape_is_refused():
    for call in (lambda: jiexi.analyze("香港", tokens="rows"), lambda: jiexi.analyze_many(["香港"], tokens="")):
        with pytest.raises(ValueError, match='tokens must be "dicts" or "columns"'):
            call()
    with pytest.raises(TypeError):
        jiexi.analyze("香港", tokens=None)


@pytest.mark.parametrize("caller_had_it_on", [True, False])
def test_the_garbage_collector_is_as_the_caller_left_it(caller_had_it_on):
    """The collector pauses while the objects are made, and only then."""
    (gc.enable if caller_had_it_on else gc.disable)()
    try:
        jiexi.analyze("香港特區政府今日公布")
        assert gc.isenabled() == caller_had_it_on
        jiexi.analyze_many(OWN * 60, tokens="columns")  # more than one chunk
        assert gc.isenabled() == caller_had_it_on
    finally:
        gc.enable()


def test_entities_are_analyze_entities():
    for text in TEXTS:
        assert jiexi.entities(text) == jiexi.analyze(text)["entities"]


@pytest.mark.parametrize("text", OWN)
def test_odd_text_keeps_offsets_into_the_python_string(text):
    check_offsets(text, jiexi.analyze(text))
    words = jiexi.segment(text)
    assert "".join(words) == re.sub(r"\s", "", text)


def test_a_megabyte_of_text():
    sample = read_text(pathlib.Path(BUNDLED[-1]))
    text = (sample * (1_000_000 // len(sample) + 1))[:1_000_000]
    analysis = jiexi.analyze(text)
    check_offsets(text, analysis)
    assert analysis["tokens"][-1]["end"] <= 1_000_000 and len(analysis["entities"]) > 1000


BAD = [
    (jiexi.analyze, 3, TypeError, "jiexi.analyze: text must be str, not int"),
    (jiexi.analyze, None, TypeError, "text must be str, not NoneType"),
    (jiexi.analyze, b"\xe9\xa6\x99", TypeError, 'decode bytes first, e.g. data.decode("utf-8")'),
    (jiexi.analyze, "香港\ud800", ValueError, "a lone surrogate (U+D800) at index 2"),
    (jiexi.segment, "\udfff", ValueError, "jiexi.segment: text is not valid Unicode"),
    (jiexi.entities, ["香港"], TypeError, "jiexi.entities: text must be str, not list"),
    (jiexi.stories, 1.5, TypeError, "jiexi.stories: text must be str, not float"),
    (jiexi.fold, "a\udc80b", ValueError, "(U+DC80) at index 1"),
    (jiexi.analyze_many, "香港", TypeError, "texts must be an iterable of str, not one str"),
    (jiexi.analyze_many, 5, TypeError, "texts must be an iterable of str, not int"),
    (jiexi.analyze_many, ["香港", 5], TypeError, "jiexi.analyze_many: texts[1] must be str, not int"),
    (jiexi.analyze_many, ["ok", "\ud83d"], ValueError, "texts[1] is not valid Unicode"),
]


@pytest.mark.parametrize("function,arg,error,message", BAD, ids=lambda x: repr(x)[:30])
def test_bad_input_raises_a_clear_exception(function, arg, error, message):
    with pytest.raises(error, match=re.escape(message)):
        function(arg)


def test_threads_must_be_positive():
    with pytest.raises(ValueError, match="threads must be at least 1"):
        jiexi.analyze_many(["香港"], threads=0)
    with pytest.raises(OverflowError):
        jiexi.analyze_many(["香港"], threads=-1)


def test_a_surrogate_error_keeps_python_s_own_as_its_cause():
    with pytest.raises(ValueError) as caught:
        jiexi.analyze("\ud800")
    assert isinstance(caught.value.__cause__, UnicodeEncodeError)


def test_the_docstring_example_runs():
    failed, tried = doctest.testmod(jiexi, raise_on_error=False)[:2]
    assert tried >= 1 and failed == 0


def test_the_stubs_name_every_function():
    stub = (pathlib.Path(jiexi.__file__).parent / "_engine.pyi").read_text(encoding="utf-8")
    stubbed = set(re.findall(r"^def (\w+)\(", stub, flags=re.M))
    assert stubbed == set(jiexi.__all__)
    assert (pathlib.Path(jiexi.__file__).parent / "py.typed").exists()


def test_fold_maps_width_and_script():
    assert jiexi.fold("羅柳斌") == jiexi.fold("罗柳斌") == "罗柳斌"
    assert jiexi.fold("ＡＢ１") == "AB1"
