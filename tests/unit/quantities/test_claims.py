"""Numeric claims: the sentence table in tests/cases/quantities.json.

Each case gives the time expressions the times layer would find (text and interval),
so the claims' periods are tested independently of the times layer.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from persbericht.quantities.claims import find_claims
from persbericht.records import Period, Time

CASES = json.loads(
    (Path(__file__).parents[2] / "cases" / "quantities.json").read_text(encoding="utf-8")
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _times(text: str, rows: list[dict[str, Any]]) -> list[Time]:
    times = []
    for row in rows:
        start = text.index(row["text"])
        period = Period(start=_date(row["start"]), end=_date(row["end"]))
        times.append(
            Time(start=start, end=start + len(row["text"]), text=row["text"], period=period)
        )
    return times


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True)] if case.get("xfail") else []
    return pytest.param(case, id=case["id"], marks=marks)


def _title_span(text: str) -> tuple[int, int] | None:
    first_line = text.split("\n", 1)[0]
    return (0, len(first_line)) if "\n" in text else None


def _publication_lines(text: str) -> list[tuple[int, int]]:
    start = text.find("Publicatiedatum")
    return [] if start == -1 else [(start, text.index("\n", start))]


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_claims(case: dict[str, Any]) -> None:
    text = case["text"]
    claims = find_claims(
        text,
        _times(text, case["times"]),
        _date(case["reference_date"]),
        title_span=_title_span(text),
        ignored_spans=_publication_lines(text),
    )
    got = [
        {
            "text": q.text,
            "value": q.value,
            "qualifier": q.qualifier,
            "unit": q.unit,
            "kind": q.kind,
            "period": (
                {
                    "text": q.period.text,
                    "start": q.period.start and q.period.start.isoformat(),
                    "end": q.period.end and q.period.end.isoformat(),
                }
                if q.period
                else None
            ),
        }
        for q in claims
    ]
    expected = [{**c, "period": c.get("period")} for c in case["claims"]]
    for claim in got + expected:
        claim["value"] = round(claim["value"], 6)
    assert got == expected
    for q in claims:
        assert text[q.start : q.end] == q.text


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 80
