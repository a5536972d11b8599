"""Types of the compiled engine (``jiexi._engine``); ``jiexi`` re-exports every function."""

from typing import Iterable, List, Literal, Optional, TypedDict, overload

EntityType = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]

class Token(TypedDict):
    """One word: ``text == original[start:end]`` (char offsets, end exclusive)."""

    start: int
    end: int
    text: str
    pos: str
    """Part-of-speech tag (jieba / ICTCLAS tag set: n, v, nr, ns, x, …)."""

_EntityRequired = TypedDict(
    "_EntityRequired",
    {
        "start": int,
        "end": int,
        "type": EntityType,
        "text": str,
        "confidence": float,
        # A defined short form's full name, as written in the text; else None.
        "alias_of": Optional[str],
    },
)

class Entity(_EntityRequired, total=False):
    """DATE, MONEY and PERCENT entities carry these only when the text fixes a value."""

    value: "str | int | float"
    """DATE: ISO 8601 cut to its precision; MONEY: the amount; PERCENT: the number."""
    precision: Literal["year", "month", "day"]
    currency: Optional[str]
    """MONEY: an ISO 4217 code, or None when the text does not say."""
    approximate: bool
    """MONEY: present (True) when the text hedges the amount."""

class Analysis(TypedDict):
    script: Literal["traditional", "simplified"]
    tokens: List[Token]
    entities: List[Entity]

class TokenColumns(TypedDict):
    """The tokens with ``tokens="columns"``: four lists of the same length, token ``i`` being
    ``start[i]``, ``end[i]``, ``text[i]``, ``pos[i]``. The same values as the dicts, made in
    less time (no dict per token)."""

    start: List[int]
    end: List[int]
    text: List[str]
    pos: List[str]

class ColumnAnalysis(TypedDict):
    script: Literal["traditional", "simplified"]
    tokens: TokenColumns
    entities: List[Entity]

class Story(TypedDict):
    title: str
    title_start: int
    title_end: int
    subtitle: Optional[str]
    kicker: Optional[str]
    dateline: Optional[str]
    byline: Optional[str]
    source: Optional[str]
    date: Optional[str]
    """ISO YYYY-MM-DD."""
    start: int
    end: int
    furniture: List[List[int]]
    """Lines of page furniture inside the story, as [start, end]."""

@overload
def analyze(text: str, /, date: Optional[str] = None, tokens: Literal["dicts"] = "dicts") -> Analysis:
    """The script, tokens and entities of ``text``: what ``jiexi analyze [--date DATE] FILE``
    prints. ``date`` (``YYYY-MM-DD``) is the article's own: relative dates get values from it.
    ``tokens="columns"`` gives the tokens as four lists (``TokenColumns``) instead of a dict
    per token: the same values, faster to make.

    Raises TypeError if ``text`` is not a str, ValueError if it holds a lone surrogate, for a
    bad date or a ``tokens`` other than "dicts" or "columns".
    """
@overload
def analyze(text: str, /, date: Optional[str] = None, *, tokens: Literal["columns"]) -> ColumnAnalysis: ...

@overload
def analyze_many(
    texts: Iterable[str],
    /,
    threads: Optional[int] = None,
    dates: Optional[List[Optional[str]]] = None,
    tokens: Literal["dicts"] = "dicts",
) -> List[Analysis]:
    """``analyze`` of every text, in input order, on ``threads`` threads (every core by
    default; ``RAYON_NUM_THREADS`` caps it), with the GIL released. ``dates``: each text's
    article date (or None), in order; ``tokens`` as for ``analyze``.

    Raises TypeError if an item is not a str, ValueError for a lone surrogate, threads=0, a
    bad date, not as many dates as texts, or a ``tokens`` other than "dicts" or "columns".
    """
@overload
def analyze_many(
    texts: Iterable[str],
    /,
    threads: Optional[int] = None,
    dates: Optional[List[Optional[str]]] = None,
    *,
    tokens: Literal["columns"],
) -> List[ColumnAnalysis]: ...

def segment(text: str, /) -> List[str]:
    """The words of ``text`` (whitespace left out), before the split at entity boundaries
    that ``analyze`` makes; ``analyze(text)["tokens"]`` has them with offsets."""

def entities(text: str, /, date: Optional[str] = None) -> List[Entity]:
    """``analyze(text)["entities"]``, without building the tokens."""

def stories(text: str, /) -> List[Story]:
    """A newspaper page's stories, in page order: what ``jiexi stories FILE`` prints."""

def fold(text: str, /) -> str:
    """The form entity names are compared in: full-width folded, Simplified, char for char."""
