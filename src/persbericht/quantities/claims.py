"""Component ``persbericht_quantities``: numeric claims (issue 5).

Skeleton stage: registered and wired into the pipeline; fills nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.stages import doc_state


class QuantityTagger:
    """Fills its layer of ``doc._.persbericht``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc_state(doc)
        return doc


@Language.factory("persbericht_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    """Build the ``persbericht_quantities`` component."""
    return QuantityTagger(name)
