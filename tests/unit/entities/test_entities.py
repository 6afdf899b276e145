"""Entity and people cases from ``tests/cases/entities.json`` (pattern/gazetteer path)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from persbericht.entities.recognize import analyse
from persbericht.nlp.base import SHIPPED_MODEL

CASES = json.loads(
    (Path(__file__).resolve().parents[2] / "cases" / "entities.json").read_text(encoding="utf-8")
)
HAS_MODEL = (SHIPPED_MODEL / "config.cfg").exists()


def _params(items: list[dict]) -> list:
    params = []
    for case in items:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("reason", "known miss")))
        if case.get("model") and not HAS_MODEL:
            marks.append(pytest.mark.skip(reason="needs the trained model"))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _model_spans(text: str, case: dict) -> list[tuple[int, int, str]]:
    """The ``model_spans`` of a case ([phrase, CoNLL label]) at every place the phrase occurs:
    a stand-in for the statistical NER, so rules on its spans are tested without the model."""
    spans = []
    for phrase, label in case.get("model_spans", []):
        starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
        assert starts, f"{phrase!r} is not in the text"
        spans += [(start, start + len(phrase), label) for start in starts]
    return sorted(spans)


@pytest.mark.parametrize("case", _params(CASES["sentences"]))
def test_sentence_entities(case: dict, request: pytest.FixtureRequest) -> None:
    text = case["text"]
    if case.get("model"):
        # Through the full pipeline, so the trained NER contributes.
        entities = request.getfixturevalue("nlp")(text)._.persbericht.entities
    else:
        entities = analyse(text, _model_spans(text, case)).entities
    got = [{"text": e.text, "label": e.label, "norm": e.norm} for e in entities]
    assert got == case["entities"]
    for e in entities:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "Auteur\n", "“", "de Moor"])
def test_degenerate_texts(text: str) -> None:
    result = analyse(text)
    assert result.entities == []
    assert result.people == []


@pytest.mark.parametrize("case", _params(CASES["releases"]))
def test_release_people(case: dict) -> None:
    result = analyse(case["text"], _model_spans(case["text"], case))
    got = [{"name": p.name, "roles": p.roles, "mentions": p.mentions} for p in result.people]
    assert got == case["people"]


def test_entities_sorted_and_disjoint() -> None:
    text = "\n".join(case["text"] for case in CASES["sentences"])
    entities = analyse(text).entities
    for a, b in itertools.pairwise(entities):
        assert a.end <= b.start
