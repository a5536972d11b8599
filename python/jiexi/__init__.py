"""jiexi: Chinese news text analysis with char offsets into the original text.

Segmentation (jieba, with dictionaries for Hong Kong Traditional and Simplified text), named
entities (OntoNotes types) and a newspaper page's stories, from the same Rust engine as the
jiexi web app and the ``jiexi`` command line. Every answer is what the command line prints,
as Python dicts and lists:

    >>> import jiexi
    >>> jiexi.segment("記者羅柳斌報道")
    ['記者', '羅柳斌', '報道']

Offsets (``start``, ``end``) count Unicode code points, as Python's ``str`` indexes do, so
``text[e["start"]:e["end"]] == e["text"]`` for every entity ``e``.
"""

from jiexi._engine import analyze, analyze_many, entities, fold, segment, stories

__all__ = ["analyze", "analyze_many", "entities", "fold", "segment", "stories"]
