"""Data-driven tests of the times layer: ``tests/cases/times.json``.

Each case gives a Dutch sentence, a reference date (or ``null``) and every time
expression that must be found, with its offsets and its resolved period.
"""

from __future__ import annotations

import doctest
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from persbericht.times import find as find_module
from persbericht.times import grammar, resolve
from persbericht.times.find import find_times

CASES = json.loads((Path(__file__).parents[2] / "cases" / "times.json").read_text(encoding="utf-8"))


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def _as_dict(time: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"text": time.text, "start": time.start, "end": time.end}
    if time.period is None:
        item["period"] = None
        item["resolved"] = False
    else:
        item["period"] = {
            "start": time.period.start.isoformat() if time.period.start else None,
            "end": time.period.end.isoformat() if time.period.end else None,
        }
    return item


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_time_case(case: dict[str, Any]) -> None:
    reference = date.fromisoformat(case["reference_date"]) if case["reference_date"] else None
    found = find_times(case["text"], reference)
    for time in found:
        assert case["text"][time.start : time.end] == time.text
        assert time.resolved == (time.period is not None)
    assert [_as_dict(t) for t in found] == case["expected"]


def test_enough_cases() -> None:
    assert len(CASES) >= 100
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("module", [resolve, grammar, find_module], ids=lambda m: m.__name__)
def test_doctests(module: Any) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_component_fills_state(nlp: Any) -> None:
    from persbericht.stages import doc_state

    doc = nlp.make_doc("Vorig jaar waren er meer meldingen dan sinds begin dit jaar.")
    doc_state(doc).reference_date = date(2024, 3, 1)
    doc = nlp.get_pipe("persbericht_times")(doc)
    times = doc_state(doc).times
    assert [t.text for t in times] == ["Vorig jaar", "sinds begin dit jaar"]
    assert times[0].period is not None
    assert times[0].period.start == date(2023, 1, 1)


def test_component_drops_counted_year(nlp: Any) -> None:
    from persbericht.stages import doc_state

    doc = nlp.make_doc("In 2024 zijn 2023 zaken behandeld en in 2022 gestart.")
    for name, pipe in nlp.pipeline:
        if name in {"tok2vec", "tagger", "morphologizer", "parser"}:
            doc = pipe(doc)
    if not doc.has_annotation("DEP"):
        pytest.skip("the pipeline has no parser")
    doc_state(doc).reference_date = date(2024, 3, 1)
    doc = nlp.get_pipe("persbericht_times")(doc)
    assert [t.text for t in doc_state(doc).times] == ["2024", "2022"]
