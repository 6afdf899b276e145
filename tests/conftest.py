"""Shared fixtures: paths to ../shared (skipped when absent) and the project corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
CASES = Path(__file__).resolve().parent / "cases"


def _find_shared() -> Path | None:
    env = os.environ.get("PERSBERICHT_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared", REPO.parent.parent / "shared"]
    for path in candidates:
        if (path / "annotation-guide.md").exists():
            return path
    return None


SHARED = _find_shared()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``; tests that use it skip cleanly on a fresh clone without it."""
    if SHARED is None:
        pytest.skip("../shared is not present (set PERSBERICHT_SHARED to point at it)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The full persbericht pipeline, loaded once per test session."""
    from persbericht.pipeline import default_pipeline

    return default_pipeline()
