"""Helpers shared by the pipeline components."""

from __future__ import annotations

from spacy.tokens import Doc

from persbericht.extensions import DOC_STATE
from persbericht.state import DocState


def doc_state(doc: Doc) -> DocState:
    """The release state of ``doc``, created on first use (no reference date)."""
    state = getattr(doc._, DOC_STATE)
    if state is None:
        state = DocState()
        setattr(doc._, DOC_STATE, state)
    return state  # type: ignore[no-any-return]
