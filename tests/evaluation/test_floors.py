"""Regression floors: no layer's F1 (and no floored field accuracy, ``layer.field``) may
drop below the figure recorded in floors.json.

The floors are measured figures (``python -m persbericht.report --floors``) minus a small
margin; raise them when a layer improves. The corpus runs on a fresh clone; the seed and
the real development set need ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from persbericht.evaluate import evaluate_dir
from persbericht.report import field_accuracy, layer_f1
from tests.conftest import CORPUS

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


def _check(folder: Path, floors: dict[str, float]) -> None:
    evaluation = evaluate_dir(folder)
    measured = {**layer_f1(evaluation), **field_accuracy(evaluation)}
    layers = {k for k in floors if "." not in k}
    assert layers == set(layer_f1(evaluation)), "floors.json must name every layer"
    below = {
        k: (measured.get(k), floor) for k, floor in floors.items() if measured.get(k, 0) < floor
    }
    assert not below, f"below floor (measured, floor): {below}"


@pytest.mark.parametrize("subset", ["corpus", "heldout"])
def test_corpus_scores_stay_above_floors(subset):
    _check(CORPUS if subset == "corpus" else CORPUS / "heldout", FLOORS[subset])


@pytest.mark.parametrize("subset", ["seed", "dev"])
def test_shared_scores_stay_above_floors(shared_dir, subset):
    folder = shared_dir / "gold" if subset == "seed" else shared_dir / "data" / "releases_dev"
    _check(folder, FLOORS[subset])
