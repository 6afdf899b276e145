"""Component ``persbericht_times``: time expressions (issue 5).

Skeleton stage: registered and wired into the pipeline; fills nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.stages import doc_state


class TimeTagger:
    """Fills its layer of ``doc._.persbericht``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc_state(doc)
        return doc


@Language.factory("persbericht_times")
def make_times(nlp: Language, name: str) -> TimeTagger:
    """Build the ``persbericht_times`` component."""
    return TimeTagger(name)
