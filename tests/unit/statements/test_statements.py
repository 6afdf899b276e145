"""Policy statements and quotation speakers, from the table in ``tests/cases/statements.json``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from persbericht.stages import doc_state
from tests.conftest import CASES

TITLE = "Testbericht\n\n"  # the page stage takes the first line as the title
FIELDS = ("type", "actor", "speaker", "polarity", "modality")


def _cases() -> list[Any]:
    table = json.loads((CASES / "statements.json").read_text(encoding="utf-8"))
    params = []
    for case in table["cases"]:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason="known miss"))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _has_parser(nlp: Any) -> bool:
    return "parser" in nlp.pipe_names


@pytest.mark.parametrize("case", _cases())
def test_statements(nlp: Any, case: dict[str, Any]) -> None:
    if case.get("needs_model") and not _has_parser(nlp):
        pytest.skip("needs the trained Dutch model (dependency parse)")
    text = TITLE + case["text"]
    state = doc_state(nlp(text))
    got = state.statements
    assert [s.type for s in got] == [e["type"] for e in case["expected"]]
    for statement, expected in zip(got, case["expected"], strict=True):
        assert text[statement.start : statement.end] == statement.text
        for name in FIELDS:
            if name in expected:
                assert getattr(statement, name) == expected[name], name
        if "has" in expected:
            assert expected["has"] in statement.text
    if "quotes" in case:
        assert [q.speaker for q in state.quotes] == case["quotes"]


def test_statements_sorted_and_linked(nlp: Any) -> None:
    text = (
        TITLE + "België en Frankrijk gaan samenwerken. "
        "De regering trekt 20 miljoen euro uit voor de opvang van Oekraïners."
    )
    state = doc_state(nlp(text))
    starts = [s.start for s in state.statements]
    assert starts == sorted(starts)
    last = state.statements[-1]
    assert last.type == "decision"  # money allocated now: decided (a "zal" would commit)
    assert [state.entities[k].text for k in last.entities] == ["Oekraïners"]
    assert all(last.start <= state.quantities[k].start < last.end for k in last.quantities)


def test_case_table_size() -> None:
    table = json.loads((CASES / "statements.json").read_text(encoding="utf-8"))
    cases = table["cases"]
    assert len(cases) >= 70
    assert {e["type"] for c in cases for e in c["expected"]} == {
        "decision",
        "agreement",
        "commitment",
        "intention",
        "proposal",
        "position",
    }
    assert sum(1 for c in cases if not c["expected"]) >= 10
    assert sum(1 for c in cases if c.get("xfail")) <= 6
