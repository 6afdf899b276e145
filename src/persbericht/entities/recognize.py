"""Component ``persbericht_entities``: entities, people (issue 4).

Skeleton stage: registered and wired into the pipeline; fills nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.stages import doc_state


class EntityRecognizer:
    """Fills its layer of ``doc._.persbericht``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc_state(doc)
        return doc


@Language.factory("persbericht_entities")
def make_entities(nlp: Language, name: str) -> EntityRecognizer:
    """Build the ``persbericht_entities`` component."""
    return EntityRecognizer(name)
