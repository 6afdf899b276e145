"""The shipped Dutch pipeline: it loads offline, is small, and annotates real Dutch correctly.

Sentence-level checks are in ``tests/cases/model.json`` (invented sentences).
"""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from persbericht.errors import ModelVersionWarning
from persbericht.nlp.base import SHIPPED_MODEL, VERSION_KEY, load_base
from persbericht.version import __version__

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parents[1] / "cases" / "model.json").read_text(encoding="utf-8")
)["cases"]
MAX_MODEL_BYTES = 40 * 1024 * 1024


@pytest.fixture(scope="module")
def base() -> Language:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        return load_base()


def test_shipped_model_is_present_and_small() -> None:
    assert (SHIPPED_MODEL / "config.cfg").exists()
    size = sum(f.stat().st_size for f in SHIPPED_MODEL.rglob("*") if f.is_file())
    assert size <= MAX_MODEL_BYTES


def test_shipped_config_has_no_machine_paths() -> None:
    config = (SHIPPED_MODEL / "config.cfg").read_text(encoding="utf-8")
    assert "/tmp" not in config
    assert "/work" not in config
    assert "shared/data" not in config


def test_shipped_model_components_and_stamp(base: Language) -> None:
    for name in (
        "tok2vec",
        "tagger",
        "morphologizer",
        "parser",
        "trainable_lemmatizer",
        "persbericht_lemma_check",
        "ner",
    ):
        assert base.has_pipe(name)
    assert set(base.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}  # type: ignore[attr-defined]
    assert base.meta[VERSION_KEY] == __version__


def test_plain_spacy_load_works() -> None:
    """A fresh clone needs nothing but spaCy to load the folder."""
    nlp = spacy.load(SHIPPED_MODEL)
    assert nlp.lang == "nl"
    assert [t.text for t in nlp.make_doc("3 mld. euro")] == ["3", "mld.", "euro"]


def test_spacy_load_in_a_fresh_interpreter() -> None:
    """spaCy finds persbericht's lemma check and NER layer through entry points alone."""
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "doc = nlp('Minister Jan Peeters bezocht gisteren Gent.'); "
        "print(nlp.pipe_names[-1], len(doc))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SHIPPED_MODEL)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["persbericht_ner_consistency", "7"]


def test_shipped_pipeline_uses_numpy_blas(base: Language) -> None:
    """load_base builds the models with numpy's BLAS (faster than blis here)."""
    ops = base.get_pipe("tok2vec").model.ops  # type: ignore[attr-defined]
    assert getattr(ops, "use_blis", True) is False


def test_version_mismatch_warns(tmp_path: Path) -> None:
    stale = spacy.blank("nl")
    stale.meta[VERSION_KEY] = "0.0.1-other"
    stale.to_disk(tmp_path / "stale")
    with pytest.warns(ModelVersionWarning, match="retrain"):
        nlp = load_base(tmp_path / "stale")
    assert [t.text for t in nlp("Dat weten we al.")][-2:] == ["al", "."]


def _token(doc: Doc, text: str) -> Any:
    matches = [t for t in doc if t.text == text]
    assert matches, f"no token {text!r} in {[t.text for t in doc]}"
    return matches[0]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c, id=c["id"], marks=[pytest.mark.xfail(strict=True)] if c.get("xfail") else []
        )
        for c in CASES
    ],
)
def test_model_case(base: Language, case: dict[str, Any]) -> None:
    doc = base(case["text"])
    for text, expected in case.get("tokens", {}).items():
        token = _token(doc, text)
        got = {
            "pos": token.pos_,
            "lemma": token.lemma_,
            "dep": token.dep_,
            "head": token.head.text,
        }
        assert {k: got[k] for k in expected} == expected, text
    ents = {(e.text, e.label_) for e in doc.ents}
    for text, label in case.get("ents", []):
        assert (text, label) in ents
    if "sentences" in case:
        assert [s.text for s in doc.sents] == case["sentences"]
