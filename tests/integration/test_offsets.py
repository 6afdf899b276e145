"""Every extracted item points at its own text; odd and scrambled pages never crash."""

from __future__ import annotations

import random

import pytest

from persbericht import extract
from tests.conftest import CORPUS

LAYERS = ("entities", "times", "quantities", "statements", "quotes", "articles")
ODD_PAGES = [
    "",
    "   \n\n",
    "Titel",
    "“open aanhalingsteken zonder einde\n\nnog meer tekst",
    "a" * 5000,
    "😀 België 2024 €5 ruim 3.000 🚀\n\n",
    "Titel\n\n- \n- 12\n\n“”\n\n''",
    "Zo. Dat. Al. Pas.\n\nMarokko 1.2.3.4 12-13-2024 31-02-2024 00:00",
    "\t\r\n\u00a0\u200b",
]


def _scrambled(n: int) -> list[str]:
    words = (CORPUS / "be_fedasil_opvang.txt").read_text(encoding="utf-8").split()
    rng = random.Random(20241129)
    return [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 200))).replace(" . ", "\n\n")
        for _ in range(n)
    ]


def _check_offsets(text: str) -> None:
    release = extract(text, reference_date="2024-03-01")
    for layer in LAYERS:
        for item in getattr(release, layer):
            assert 0 <= item.start <= item.end <= len(text)
            if hasattr(item, "text"):
                assert text[item.start : item.end] == item.text, (layer, item)
    for person in release.people:
        for start, end in person.spans:
            assert text[start:end] in person.mentions


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.txt")), ids=lambda p: p.stem)
def test_offsets_point_into_the_text_on_the_corpus(path):
    _check_offsets(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", ODD_PAGES + _scrambled(25))
def test_odd_pages_give_valid_records(text):
    _check_offsets(text)
