"""Typed, frozen records that persbericht emits (annotation-guide field names).

Every extracted item carries ``start``/``end``: Python ``str`` offsets (code points)
into the exact input text, ``end`` exclusive, so ``text[start:end] == item.text``.
Records are independent of spaCy; they serialise to JSON with :meth:`Record.to_dict`
and read back with :meth:`Release.from_dict`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ArticleKind = Literal["main", "related"]
EntityLabel = Literal["PERSON", "COUNTRY", "INSTITUTION", "LOCATION", "ORGANIZATION"]
Qualifier = Literal["exact", "about", "almost", "more_than", "at_least", "less_than", "at_most"]
QuantityKind = Literal["count", "money", "percentage", "duration", "ratio", "measure"]
StatementType = Literal["decision", "agreement", "commitment", "intention", "proposal", "position"]
Polarity = Literal["positive", "negative"]
Modality = Literal["must", "should", "will", "can"]

ENTITY_LABELS: tuple[str, ...] = EntityLabel.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
QUANTITY_KINDS: tuple[str, ...] = QuantityKind.__args__  # type: ignore[attr-defined]
STATEMENT_TYPES: tuple[str, ...] = StatementType.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base of every record: frozen, no unknown fields, JSON-ready."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-compatible dict (dates as ISO strings)."""
        return self.model_dump(mode="json")


class Span(Record):
    """A stretch of the input text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Period(Record):
    """A closed date interval; ``None`` marks an open end."""

    start: date | None
    end: date | None


class Article(Record):
    """The release itself (``main``) or a teaser of another release (``related``)."""

    kind: ArticleKind
    title: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Paragraph(Record):
    """A paragraph of an article body, with the index of its article."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    article: int = Field(ge=0)


class Quote(Span):
    """A quotation (between “…”, "…" or ‘…’), possibly across sentences."""

    speaker: str | None = None


class Entity(Span):
    """A named mention: PERSON, COUNTRY, INSTITUTION, LOCATION or ORGANIZATION."""

    label: EntityLabel
    norm: str | None


class Person(Record):
    """A person named in the release, once, with roles and mentions."""

    name: str
    roles: list[str]
    mentions: list[str]
    spans: list[tuple[int, int]] = Field(default_factory=list)


class Time(Span):
    """A time expression resolved to a closed interval.

    ``resolved`` is false when the expression is relative and no reference date was
    known: ``period`` is then ``None`` (never resolved against the machine's clock).
    """

    period: Period | None
    resolved: bool = True


class ClaimPeriod(Record):
    """The time a numeric claim is about: the governing time expression, resolved."""

    text: str
    start: date | None
    end: date | None
    span: tuple[int, int] | None = None


class Quantity(Span):
    """A numeric claim: the number phrase and what it counts or measures."""

    value: float | int
    qualifier: Qualifier
    unit: str | None
    kind: QuantityKind
    counted: str | None
    period: ClaimPeriod | None
    vague: bool = False


class Statement(Span):
    """A policy statement: who decides, agrees, commits, proposes, intends or demands."""

    type: StatementType
    actor: str | None
    speaker: str | None
    polarity: Polarity = "positive"
    modality: Modality | None = None
    entities: list[int] = Field(default_factory=list)
    quantities: list[int] = Field(default_factory=list)


class Release(Record):
    """Everything persbericht extracts from one release page.

    ``reference_date_source`` says where ``reference_date`` came from: ``published``
    (the page's own date), ``given`` (handed to the extractor) or ``None`` (unknown:
    relative time expressions stay unresolved).
    """

    doc: str | None
    text_sha256: str
    reference_date: date | None
    reference_date_source: Literal["published", "given"] | None = None
    published: date | None
    title: str | None
    author: str | None
    people: list[Person] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    encoding: str = "utf-8"
    warnings: list[str] = Field(default_factory=list)
    persbericht_version: str | None = None

    def to_json(self) -> str:
        """One-line JSON (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Release:
        """Validate and rebuild a release from :meth:`to_dict` output."""
        return cls.model_validate(data)


def release_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Release`, generated from the types."""
    schema = Release.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "persbericht Release"
    return schema
