"""Every custom spaCy attribute persbericht uses, registered once on import."""

from __future__ import annotations

from spacy.tokens import Doc

#: ``doc._.persbericht`` holds the :class:`persbericht.state.DocState` of a release.
DOC_STATE = "persbericht"

if not Doc.has_extension(DOC_STATE):
    Doc.set_extension(DOC_STATE, default=None)
