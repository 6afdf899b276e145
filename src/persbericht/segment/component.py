"""Component ``persbericht_page``: page segmentation on the Doc (runs first)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.segment.page import segment_page
from persbericht.stages import doc_state


class PageSegmenter:
    """Sets ``doc._.persbericht.page`` and the reference date; marks paragraph starts.

    Paragraph starts become sentence starts, which a parser or sentencizer later in
    the pipeline respects: sentences never run across paragraphs or headings.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = doc_state(doc)
        page = segment_page(doc.text)
        state.page = page
        if page.published is not None:
            state.reference_date = page.published
        else:
            state.reference_date = state.given_reference_date
        starts = {p.start for p in page.blocks}
        for token in doc:
            if token.i == 0:
                continue
            if token.idx in starts:
                token.is_sent_start = True
        return doc


@Language.factory("persbericht_page")
def make_page_segmenter(nlp: Language, name: str) -> PageSegmenter:
    """Build the ``persbericht_page`` component."""
    return PageSegmenter(name)
