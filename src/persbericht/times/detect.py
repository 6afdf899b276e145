"""Component ``persbericht_times``: time expressions resolved to date intervals (issue 5).

A thin wrapper around :func:`persbericht.times.find.find_times`: it reads
``doc._.persbericht.reference_date`` and writes ``doc._.persbericht.times``. When the
pipeline has a tagger, a bare year that counts the noun after it ("in 2024 zijn 2023
zaken behandeld") is dropped; without one the grammar's word lists decide alone.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from persbericht.records import Time
from persbericht.stages import doc_state
from persbericht.times.find import find_times
from persbericht.times.grammar import words

_BARE_YEAR = regex.compile(r"(?:19|20)\d{2}")


def counts_a_noun(doc: Doc, time: Time) -> bool:
    """Whether a bare year is really a number of things, judged from the parse.

    True when the token after it is a noun that the number depends on (or, without a
    parse, simply a noun) and no temporal word ("in", "sinds", "jaar") comes before.
    """
    if not _BARE_YEAR.fullmatch(time.text) or not doc.has_annotation("POS"):
        return False
    span = doc.char_span(time.start, time.end)
    if span is None or len(span) != 1 or span.end >= len(doc):
        return False
    number, following = span[0], doc[span.end]
    if following.pos_ != "NOUN":
        return False
    if number.i > 0 and doc[number.i - 1].lower_ in words()["year_cues_before"]:
        return False
    if doc.has_annotation("DEP"):
        return number.head.i == following.i
    return True


class TimeTagger:
    """Fills ``doc._.persbericht.times`` with :class:`~persbericht.records.Time` records."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = doc_state(doc)
        found = find_times(doc.text, state.reference_date)
        state.times = [time for time in found if not counts_a_noun(doc, time)]
        return doc


@Language.factory("persbericht_times")
def make_times(nlp: Language, name: str) -> TimeTagger:
    """Build the ``persbericht_times`` component."""
    return TimeTagger(name)
