"""Per-document working state that the pipeline stages read and write.

A spaCy ``Doc`` carries one :class:`DocState` in ``doc._.persbericht`` (registered in
:mod:`persbericht.extensions`). Each stage fills its own fields with typed records;
:func:`persbericht.api.doc_to_release` turns the state into a :class:`~persbericht.records.Release`.
Keeping the records here (not in ``user_data`` dicts) means the layers exchange typed
values; batch parallelism runs whole files in worker processes, so the state never has
to be serialised with the ``Doc``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from persbericht.records import Entity, Person, Quantity, Quote, Statement, Time

if TYPE_CHECKING:
    from persbericht.segment.page import PageLayout


@dataclass
class DocState:
    """What the stages know about one release while it goes through the pipeline."""

    given_reference_date: date | None = None
    page: PageLayout | None = None
    reference_date: date | None = None
    entities: list[Entity] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
