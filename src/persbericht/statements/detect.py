"""Component ``persbericht_statements``: quotation speakers and policy statements (issue 6).

Skeleton stage: registered and wired into the pipeline; fills nothing yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.stages import doc_state


class StatementTagger:
    """Fills its layer of ``doc._.persbericht``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc_state(doc)
        return doc


@Language.factory("persbericht_statements")
def make_statements(nlp: Language, name: str) -> StatementTagger:
    """Build the ``persbericht_statements`` component."""
    return StatementTagger(name)
