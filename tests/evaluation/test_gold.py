"""Gold files: the compiler reproduces the shared gold; every corpus gold file is valid."""

from __future__ import annotations

import json
import shutil

import pytest

from persbericht.gold import compile_spec, validate_gold, validate_gold_dict
from tests.conftest import CORPUS

CORPUS_GOLD = sorted(CORPUS.rglob("*.gold.json"))


def test_compiler_reproduces_shared_seed_and_dev_gold(shared_dir, tmp_path):
    pairs = [
        (
            shared_dir / "gold" / "seed.spec.json",
            shared_dir / "gold" / "seed.txt",
            shared_dir / "gold" / "seed.gold.json",
        ),
        (
            shared_dir / "gold" / "dev" / "001.spec.json",
            shared_dir / "data" / "releases_dev" / "001.txt",
            shared_dir / "data" / "releases_dev" / "001.gold.json",
        ),
    ]
    for spec, text, gold in pairs:
        shutil.copy(spec, tmp_path / spec.name)
        shutil.copy(text, tmp_path / text.name)

        compiled = compile_spec(tmp_path / spec.name)

        expected = json.loads(gold.read_text(encoding="utf-8"))
        for key, value in expected.items():
            assert compiled[key] == value, (spec.name, key)


def test_validator_finds_wrong_offsets_and_labels():
    text = "België en Marokko"
    gold = {
        "text_sha256": "wrong",
        "entities": [
            {"start": 0, "end": 5, "text": "België", "label": "LAND", "norm": None},
            {"start": 10, "end": 17, "text": "Marokko", "label": "COUNTRY", "norm": "Marokko"},
        ],
        "times": [
            {
                "start": 0,
                "end": 6,
                "text": "België",
                "period": {"start": "2024-02-01", "end": "2024-01-01"},
            }
        ],
    }
    problems = " | ".join(validate_gold_dict(gold, text))
    assert "text_sha256" in problems
    assert "not 'België'" in problems
    assert "'LAND' is not one of" in problems
    assert "ISO alpha-2" in problems
    assert "starts after it ends" in problems


@pytest.mark.parametrize("gold_path", CORPUS_GOLD, ids=[p.stem for p in CORPUS_GOLD])
def test_corpus_gold_is_valid(gold_path):
    assert validate_gold(gold_path) == []


def test_corpus_is_large_enough():
    assert len(CORPUS_GOLD) >= 40
    for gold_path in CORPUS_GOLD:
        spec = gold_path.with_name(gold_path.name.replace(".gold.json", ".spec.json"))
        if spec.exists():  # the gold must be what the hand-written spec compiles to
            assert compile_spec(spec) == json.loads(gold_path.read_text(encoding="utf-8"))
