"""Assemble persbericht's pipeline on top of a Dutch spaCy base pipeline.

The stage order is written once, in :data:`COMPONENTS`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
import persbericht.entities.recognize
import persbericht.extensions
import persbericht.quantities.claims
import persbericht.segment.component
import persbericht.statements.detect
import persbericht.times.detect  # noqa: F401
from persbericht.nlp.base import load_base

#: The page stage runs first (it sets paragraph sentence starts the parser respects);
#: the others run after the base pipeline, in this order.
PAGE_COMPONENT = "persbericht_page"
COMPONENTS: tuple[str, ...] = (
    "persbericht_entities",
    "persbericht_times",
    "persbericht_quantities",
    "persbericht_statements",
)


def load(model: str | Path | Language | None = None) -> Language:
    """Load a Dutch pipeline with persbericht's components added.

    >>> nlp = load()  # doctest: +SKIP
    >>> nlp.pipe_names[-1]  # doctest: +SKIP
    'persbericht_statements'
    """
    nlp = load_base(model)
    if not nlp.has_pipe(PAGE_COMPONENT):
        nlp.add_pipe(PAGE_COMPONENT, first=True)
    for name in COMPONENTS:
        if not nlp.has_pipe(name):
            nlp.add_pipe(name)
    return nlp


@cache
def default_pipeline() -> Language:
    """The shipped pipeline, loaded once per process."""
    return load()
