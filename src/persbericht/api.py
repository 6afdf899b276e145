"""The one extraction path used by the library, the command line and the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.errors import InputError, SettingsError
from persbericht.extensions import DOC_STATE
from persbericht.io.read import text_sha256
from persbericht.pipeline import default_pipeline
from persbericht.records import Release
from persbericht.stages import doc_state
from persbericht.state import DocState
from persbericht.version import __version__

#: Longest text accepted by :func:`extract` (characters); longer is not a press release.
MAX_CHARS = 1_000_000


def as_reference_date(value: date | str | None) -> date | None:
    """Accept a ``date``, an ISO string or ``None``; anything else is a :class:`SettingsError`.

    >>> as_reference_date("2024-03-01")
    datetime.date(2024, 3, 1)
    """
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        msg = f"reference_date {value!r} is not an ISO date (YYYY-MM-DD)"
        raise SettingsError(msg) from exc


def extract(
    text: str,
    *,
    reference_date: date | str | None = None,
    source: str | Path | None = None,
    nlp: Language | None = None,
    encoding: str = "utf-8",
) -> Release:
    """Extract everything persbericht knows from one release page.

    ``reference_date`` is used when the page states no publication date; without either,
    relative time expressions stay unresolved (``Time.resolved`` is false) and the
    record says so in ``warnings``.

    >>> release = extract("Nieuwe regels\\n\\nPublicatiedatum: 12-06-2024\\n\\n"
    ...                   "Sinds vorig jaar zijn er ruim 5.000 Marokkanen geteld.\\n")
    >>> release.published.isoformat(), release.articles[0].title
    ('2024-06-12', 'Nieuwe regels')
    >>> [(e.text, e.norm) for e in release.entities]
    [('Marokkanen', 'MA')]
    >>> [(q.text, q.value, q.qualifier) for q in release.quantities]
    [('ruim 5.000', 5000, 'more_than')]
    >>> [(t.text, str(t.period.start), str(t.period.end)) for t in release.times][-1]
    ('Sinds vorig jaar', '2023-01-01', '2024-06-12')
    """
    if not isinstance(text, str):
        raise InputError(source, f"text must be str, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError(source, f"text too long ({len(text)} characters > {MAX_CHARS})")
    given = as_reference_date(reference_date)
    pipeline = nlp if nlp is not None else default_pipeline()
    doc = pipeline.make_doc(text)
    setattr(doc._, DOC_STATE, DocState(given_reference_date=given))
    doc = pipeline(doc)
    return doc_to_release(doc, source=source, encoding=encoding)


def doc_to_release(
    doc: Doc, *, source: str | Path | None = None, encoding: str = "utf-8"
) -> Release:
    """Turn a processed ``Doc`` (its ``doc._.persbericht`` state) into a :class:`Release`."""
    state = doc_state(doc)
    page = state.page
    warnings = list(state.warnings)
    if page is not None and page.published is not None:
        ref_source: str | None = "published"
    elif state.given_reference_date is not None:
        ref_source = "given"
    else:
        ref_source = None
    unresolved = sum(1 for t in state.times if not t.resolved)
    if unresolved:
        warnings.append(
            f"no reference date: {unresolved} relative time expression(s) left unresolved; "
            "pass reference_date (or --reference-date)"
        )
    if page is not None and not page.paragraphs:
        warnings.append("no release body found (only a title, metadata or boilerplate)")
    return Release(
        doc=None if source is None else Path(source).name,
        text_sha256=text_sha256(doc.text),
        reference_date=state.reference_date,
        reference_date_source=ref_source,  # type: ignore[arg-type]
        published=None if page is None else page.published,
        title=None if page is None else page.title,
        author=None if page is None else page.author,
        people=state.people,
        articles=[] if page is None else list(page.articles),
        paragraphs=[] if page is None else list(page.paragraphs),
        quotes=state.quotes or ([] if page is None else list(page.quotes)),
        entities=state.entities,
        quantities=state.quantities,
        times=state.times,
        statements=state.statements,
        encoding=encoding,
        warnings=warnings,
        persbericht_version=__version__,
    )
