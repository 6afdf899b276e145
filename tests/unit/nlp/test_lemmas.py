"""The lemma check: edit-tree lemmas that are not Dutch words are replaced, known ones kept."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.lookups import Lookups

from persbericht.nlp.lemmas import LemmaCheck

# Small stand-in tables in the shape of spacy-lookups-data's Dutch ones.
TABLES: dict[str, dict[str, Any]] = {
    "lemma_index": {"verb": ["toesturen", "gunnen", "zijn"], "noun": ["fiets"], "adj": ["snel"]},
    "lemma_exc": {"verb": {"was": ["zijn"]}, "noun": {}, "adj": {}},
    "lemma_lookup": {"gegund": "gunnen"},
    "lemma_rules": {"verb": [["gestuurd", "sturen"]], "noun": [["en", ""]], "adj": []},
}

# word, part of speech, lemma from the edit trees, lemma after the check
CASES = [
    ("toegestuurd", "VERB", "toegestuur", "toesturen"),  # suffix rule gives a known lemma
    ("gegund", "VERB", "gunen", "gunnen"),  # lookup table
    ("was", "AUX", "wassen", "zijn"),  # exception table; AUX is checked as a verb
    ("fietsen", "NOUN", "fietsen", "fiets"),  # rule for nouns
    ("gunnen", "VERB", "gunnen", "gunnen"),  # known lemma: untouched
    ("Fiets", "NOUN", "Fiets", "Fiets"),  # known in lower case: untouched
    ("blubber", "NOUN", "blubber", "blubber"),  # no known alternative: untouched
    ("snelle", "ADV", "snelle", "snelle"),  # adverbs are not checked
]


def _check(tables: dict[str, dict[str, Any]]) -> tuple[spacy.Language, LemmaCheck]:
    nlp = spacy.blank("nl")
    check = nlp.add_pipe("persbericht_lemma_check")
    lookups = Lookups()
    for name, table in tables.items():
        lookups.add_table(name, table)
    check.initialize(lookups=lookups)
    return nlp, check


@pytest.mark.parametrize(("word", "pos", "lemma", "expected"), CASES, ids=[c[0] for c in CASES])
def test_lemma_check(word: str, pos: str, lemma: str, expected: str) -> None:
    nlp, check = _check(TABLES)
    doc = nlp.make_doc(f"De {word} .")
    doc[1].pos_, doc[1].lemma_ = pos, lemma
    assert check(doc)[1].lemma_ == expected


def test_lemma_check_on_a_whole_sentence_keeps_token_order() -> None:
    nlp, check = _check(TABLES)
    doc = nlp.make_doc("gegund fietsen toegestuurd snelle")
    for token, (pos, lemma) in zip(
        doc,
        [("VERB", "gunen"), ("NOUN", "fietsen"), ("VERB", "toegestuur"), ("ADJ", "snelle")],
        strict=True,
    ):
        token.pos_, token.lemma_ = pos, lemma
    assert [t.lemma_ for t in check(doc)] == ["gunnen", "fiets", "toesturen", "snelle"]


def test_lemma_check_with_an_empty_index_leaves_lemmas() -> None:
    nlp, check = _check({**TABLES, "lemma_index": {"verb": [], "noun": [], "adj": []}})
    doc = nlp.make_doc("toegestuurd")
    doc[0].pos_, doc[0].lemma_ = "VERB", "toegestuur"
    assert check(doc)[0].lemma_ == "toegestuur"
