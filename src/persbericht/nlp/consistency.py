"""One label per name within a document, and lone surnames of tagged people.

The NER labels each mention on its own context, so the same name can get two labels in
one release ("Sabena" ORG in one sentence, LOC in the next), and a surname repeated
without the first name is often missed. This component, placed after the ``ner`` of
persbericht's shipped pipeline, gives every mention of a name the label most of its
mentions got (ties: the first), and tags a capitalised word that is the last word of a
multi-word ``PER`` entity elsewhere in the document as ``PER`` when it is not yet part
of an entity.

Chosen on the even articles of CoNLL-2002 ``ned.testa`` (F 75.7 → 77.4 with the NER of
that time) and checked on the odd ones (72.9 → 73.9); see docs/model.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

#: The label whose multi-word names lend their last word (the surname).
PERSON_LABEL = "PER"


def make_consistent(doc: Doc) -> Doc:
    """Relabel repeated names to their majority label; tag lone surnames of people.

    >>> import spacy
    >>> nlp = spacy.blank("nl")
    >>> doc = nlp("Otto Schily sprak . Daarna zweeg Schily .")
    >>> doc.ents = [Span(doc, 0, 2, label="PER")]
    >>> [(e.text, e.label_) for e in make_consistent(doc).ents]
    [('Otto Schily', 'PER'), ('Schily', 'PER')]
    """
    labels: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for ent in doc.ents:
        labels[ent.text][ent.label_] += 1
    spans = [Span(doc, e.start, e.end, label=labels[e.text].most_common(1)[0][0]) for e in doc.ents]
    surnames = {
        e[-1].text for e in doc.ents if e.label_ == PERSON_LABEL and len(e) > 1 and e[-1].is_title
    }
    if surnames:
        taken = {i for span in spans for i in range(span.start, span.end)}
        spans += [
            Span(doc, t.i, t.i + 1, label=PERSON_LABEL)
            for t in doc
            if t.text in surnames and t.i not in taken
        ]
    doc.ents = filter_spans(spans)
    return doc


@Language.component("persbericht_ner_consistency", assigns=["doc.ents"], requires=["doc.ents"])
def ner_consistency(doc: Doc) -> Doc:
    """Pipeline component wrapping :func:`make_consistent`."""
    return make_consistent(doc)
