"""Scoring follows the annotation guide's Scoring section (tests/cases/scoring.json)."""

from __future__ import annotations

import json

import pytest

from persbericht.evaluate import (
    score_articles,
    score_entities,
    score_quantities,
    score_statements,
    score_times,
)
from tests.conftest import CASES

SCORERS = {
    "entities": score_entities,
    "quantities": score_quantities,
    "times": score_times,
    "statements": score_statements,
}
CASES_TABLE = json.loads((CASES / "scoring.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES_TABLE])
def test_layer_scoring(case: dict) -> None:
    result = SCORERS[case["layer"]](case["gold"], case["pred"]).as_dict()
    for key, expected in case["expect"].items():
        if key == "overlap_f1":
            assert result["overlap"]["f1"] == expected
        else:
            assert result[key] == expected, key


def test_articles_allow_five_characters() -> None:
    gold = {
        "title": "T",
        "author": None,
        "published": None,
        "articles": [
            {"kind": "main", "title": "T", "start": 0, "end": 100},
            {"kind": "related", "title": "U", "start": 110, "end": 200},
        ],
    }
    pred = {
        "title": "T",
        "author": None,
        "published": None,
        "articles": [
            {"kind": "main", "title": "T", "start": 0, "end": 105},
            {"kind": "related", "title": "U", "start": 110, "end": 206},
        ],
    }

    result = score_articles(gold, pred).as_dict()

    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 1)
    assert result["title_accuracy"] == 1.0
