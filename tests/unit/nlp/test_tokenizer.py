"""Tokenizer fixes on a blank Dutch pipeline, driven by ``tests/cases/tokenizer.json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from persbericht.nlp.tokenizer import apply_tokenizer_fixes, create_tokenizer_fixes

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[2] / "cases" / "tokenizer.json").read_text(encoding="utf-8")
)["cases"]


@pytest.fixture(scope="module")
def fixed_nlp() -> Language:
    nlp = apply_tokenizer_fixes(spacy.blank("nl"))
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c, id=c["id"], marks=[pytest.mark.xfail(strict=True)] if c.get("xfail") else []
        )
        for c in CASES
    ],
)
def test_tokenizer_case(fixed_nlp: Language, case: dict[str, Any]) -> None:
    doc = fixed_nlp(case["text"])
    assert doc.text == case["text"]
    if "tokens" in case:
        assert [t.text for t in doc] == case["tokens"]
    if "sentences" in case:
        assert [s.text for s in doc.sents] == case["sentences"]


def test_fixes_are_idempotent() -> None:
    nlp = apply_tokenizer_fixes(apply_tokenizer_fixes(spacy.blank("nl")))
    pattern = nlp.tokenizer.suffix_search.__self__.pattern  # type: ignore[union-attr]
    assert pattern.count("(?<=[0-9])%") == 1
    tokens = [t.text for t in nlp("Groei: 12,5% in 2023-2024.")]
    assert tokens == ["Groei", ":", "12,5", "%", "in", "2023", "-", "2024", "."]


def test_blank_pipeline_needs_the_fixes() -> None:
    """The cases test something: spaCy's own Dutch tokenizer gets them wrong."""
    plain = spacy.blank("nl")
    assert [t.text for t in plain("Dat weten we al.")][-1] == "al."
    assert "12,5%" in [t.text for t in plain("Het is 12,5%.")]


def test_registered_callback_applies_fixes() -> None:
    callback = spacy.registry.callbacks.get("persbericht.tokenizer_fixes.v1")
    assert callback is create_tokenizer_fixes
    nlp = callback()(spacy.blank("nl"))
    assert [t.text for t in nlp("3 mld. euro")] == ["3", "mld.", "euro"]
