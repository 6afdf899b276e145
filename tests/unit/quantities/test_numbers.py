"""Dutch number grammar: the table in tests/cases/numbers.json, and the doctests."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest

from persbericht.quantities import claims, numbers
from persbericht.quantities.numbers import find_number_phrases

CASES = json.loads(
    (Path(__file__).parents[2] / "cases" / "numbers.json").read_text(encoding="utf-8")
)


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_number_phrase(case: dict[str, Any]) -> None:
    found = find_number_phrases(case["phrase"])
    if case["value"] is None:
        assert found == []
        return
    assert len(found) == 1
    assert found[0].value == pytest.approx(case["value"])
    assert found[0].qualifier == case.get("qualifier", "exact")


def test_range_gives_two_phrases() -> None:
    low, high = find_number_phrases("tussen 100 en 200")
    assert (low.value, low.qualifier, high.value, high.qualifier) == (
        100,
        "at_least",
        200,
        "at_most",
    )


def test_range_low_end_shares_scale() -> None:
    low, high = find_number_phrases("2 à 3 miljoen")
    assert (low.value, high.value) == (2000000, 3000000)


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("module", [numbers, claims], ids=lambda m: m.__name__)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0
