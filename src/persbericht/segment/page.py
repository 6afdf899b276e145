"""Page segmentation of a scraped release: pure functions on ``str``, offsets kept valid.

The page is read line by line: the title, a metadata block (publication date, author,
labels such as ``Gebied:``), boilerplate lines ("Deel dit artikel"), the main release
and, after a marker such as "Blijf op de hoogte" or "Lees ook", the teasers of related
releases (a short title line and its lead). Every block keeps offsets into the exact
input text; clean-up (NBSP and other odd spaces) is 1:1 so no offset moves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Literal

import regex

from persbericht.records import Article, Paragraph, Quote
from persbericht.resources import read_json
from persbericht.segment.quotes import find_quotes
from persbericht.segment.text import clean_text

BlockKind = Literal[
    "title", "meta", "boilerplate", "marker", "contact", "heading", "paragraph", "list_item"
]

#: A line longer than this is body text, never a title or heading.
MAX_TITLE_CHARS = 200
#: Lines of a trailing contact block (phone, name, address, URL) are at most this long.
MAX_CONTACT_CHARS = 150
_CONTACT_DETAIL = regex.compile(
    r"(?i)(?:https?://|www\.|\S+@\S+\.\w+|\b(?:tel|telefoon|gsm|e-mail)\b|\+?\d[\d ./-]{7,}\d)"
)


@dataclass(frozen=True)
class Block:
    """One non-blank line of the page, classified (offsets exclude surrounding blanks)."""

    start: int
    end: int
    kind: BlockKind
    article: int | None = None


@dataclass(frozen=True)
class PageLayout:
    """What the page segmentation found; every offset points into the input text."""

    title: str | None
    title_span: tuple[int, int] | None
    published: date | None
    published_span: tuple[int, int] | None
    author: str | None
    author_span: tuple[int, int] | None
    blocks: tuple[Block, ...]
    articles: tuple[Article, ...]
    paragraphs: tuple[Paragraph, ...]
    quotes: tuple[Quote, ...] = field(default_factory=tuple)

    @property
    def boilerplate(self) -> tuple[Block, ...]:
        """Blocks that carry no release content (share buttons, markers, metadata)."""
        return tuple(b for b in self.blocks if b.kind in ("boilerplate", "marker", "meta"))


@dataclass(frozen=True)
class _PageData:
    boilerplate: frozenset[str]
    related_markers: frozenset[str]
    published_labels: tuple[str, ...]
    author_labels: tuple[str, ...]
    other_labels: tuple[str, ...]
    contact_labels: frozenset[str]
    publisher_words: tuple[str, ...]
    press_contact_re: regex.Pattern[str]
    months: dict[str, int]
    date_re: regex.Pattern[str]
    weekday_re: str


@cache
def _page_data() -> _PageData:
    data = read_json("page.json")
    months: dict[str, int] = data["months"]
    month_alt = "|".join(sorted(months, key=len, reverse=True))
    weekday_re = "|".join(sorted(data["weekdays"], key=len, reverse=True))
    date_re = regex.compile(
        rf"""(?ix)
        (?:(?:{weekday_re})\.?,?\s+)?
        (?:
            (?P<d>\d{{1,2}})\s*(?P<mname>{month_alt})\.?\s*(?P<y>\d{{4}})
          | (?P<d2>\d{{1,2}})[-/.](?P<m2>\d{{1,2}})[-/.](?P<y2>\d{{4}})
          | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
        )
        (?:,?\s*(?:om\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*uur)?)?
        """
    )
    return _PageData(
        boilerplate=frozenset(data["boilerplate"]),
        related_markers=frozenset(data["related_markers"]),
        published_labels=tuple(sorted(data["published_labels"], key=len, reverse=True)),
        author_labels=tuple(sorted(data["author_labels"], key=len, reverse=True)),
        other_labels=tuple(sorted(data["other_labels"], key=len, reverse=True)),
        contact_labels=frozenset(data["contact_labels"]),
        publisher_words=tuple(data["publisher_words"]),
        press_contact_re=regex.compile(
            r"(?i)\b(?:" + "|".join(map(regex.escape, data["press_contact_words"])) + r")\b"
        ),
        months=months,
        date_re=date_re,
        weekday_re=weekday_re,
    )


def parse_dutch_date(value: str) -> tuple[date, int, int] | None:
    """The first Dutch-written date in ``value`` with its offsets, or ``None``.

    >>> parse_dutch_date("Gepubliceerd op dinsdag 4 maart 2025")[0]
    datetime.date(2025, 3, 4)
    >>> parse_dutch_date("Publicatiedatum: 28-03-2022 12:51")[0]
    datetime.date(2022, 3, 28)
    """
    data = _page_data()
    for match in data.date_re.finditer(value):
        try:
            if match.group("d"):
                month = data.months[match.group("mname").lower()]
                found = date(int(match.group("y")), month, int(match.group("d")))
            elif match.group("d2"):
                found = date(int(match.group("y2")), int(match.group("m2")), int(match.group("d2")))
            else:
                found = date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3")))
        except ValueError:
            continue
        return found, match.start(), match.end()
    return None


def _norm_line(line: str) -> str:
    return " ".join(line.split()).strip().rstrip(":").strip().lower()


def _split_label(line: str, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """``(label, value)`` when ``line`` starts with one of ``labels`` as a label."""
    low = line.lower()
    for label in labels:
        if low == label or low == label + ":":
            return label, ""
        if low.startswith(label) and len(low) > len(label):
            rest = line[len(label) :]
            if rest[0] in ":|" or (rest[0] == " " and label in ("gepubliceerd op", "door")):
                return label, rest.lstrip(" :|\t").strip()
            if rest[0] == " " and rest.lstrip()[:1] in (":", "|"):
                return label, rest.lstrip()[1:].strip()
    return None


def _is_date_line(line: str) -> bool:
    """A line that is only a date (optionally with a place dateline or a clock time)."""
    found = parse_dutch_date(line)
    if found is None:
        return False
    _, start, end = found
    before, after = line[:start].strip(" ,|-–"), line[end:].strip(" ,|-–")
    placeish = before == "" or regex.fullmatch(r"\p{Lu}[\p{L}'’ -]{1,30}", before) is not None
    return placeish and after == ""


def _is_name(value: str) -> bool:
    """A short value that looks like a person's or body's name (for ``Door X``)."""
    words = value.split()
    return 1 <= len(words) <= 7 and len(value) <= 80 and value[:1].isupper() and value[-1:] != "."


def _is_issuer_line(lines: list[_Line], i: int, pending: str | None) -> bool:
    """A short name line inside the metadata block ("Ministerie van Asiel en Migratie").

    It counts as metadata only when a date or label line follows it directly, so the
    first line of the body is never taken for one.
    """
    text = lines[i].text
    if i + 1 >= len(lines) or not _is_name(text) or len(text) > 60:
        return False
    probe = _Meta()
    return _read_meta_line(lines[i + 1], pending, probe)[0] and (
        probe.published is not None or probe.author is not None
    )


def _is_author(value: str, colon: bool) -> bool:
    """An author value: a name ("Door Els de Wit"), or after a colon any short byline."""
    if not value:
        return True
    if colon:
        return len(value) <= 80 and value[-1:] not in ".!?"
    return _is_name(_strip_article(value))


def _strip_article(value: str) -> str:
    """ "de Politiezone Gent" -> "Politiezone Gent" (a byline naming a body)."""
    head, _, rest = value.partition(" ")
    return rest if head in ("de", "het") and rest[:1].isupper() else value


@dataclass
class _Line:
    start: int
    end: int
    text: str  # cleaned and stripped


def _lines(cleaned: str) -> list[_Line]:
    out: list[_Line] = []
    for match in regex.finditer(r"[^\n]+", cleaned):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(_Line(match.start() + lead, match.start() + lead + len(stripped), stripped))
    return out


def _looks_like_title(line: _Line) -> bool:
    return len(line.text) <= MAX_TITLE_CHARS and not line.text.startswith(("- ", "• ", "* "))


def _is_heading(line: _Line, next_line: _Line | None) -> bool:
    """A short line without closing punctuation followed by body text."""
    text = line.text
    if len(text) > 120 or text[-1] in '.!?:;,”"’)' or text.startswith(("- ", "• ", "* ")):
        return False
    return next_line is not None and len(next_line.text) > len(text)


@dataclass
class _Meta:
    published: date | None = None
    published_span: tuple[int, int] | None = None
    author: str | None = None
    author_span: tuple[int, int] | None = None


def _read_meta_line(line: _Line, pending: str | None, meta: _Meta) -> tuple[bool, str | None]:
    """Classify a header line as metadata; returns ``(is_meta, pending_label)``."""
    data = _page_data()
    text = line.text
    if pending == "author" and _is_name(text) and meta.author is None:
        meta.author, meta.author_span = text, (line.start, line.end)
        return True, None
    if pending == "published" and _is_date_line(text):
        _set_published(line, meta)
        return True, None
    for kind, labels in (
        ("published", data.published_labels),
        ("author", data.author_labels),
        ("other", data.other_labels),
    ):
        split = _split_label(text, labels)
        if split is None:
            continue
        label, value = split
        if kind == "author" and not _is_author(value, text[len(label) :].lstrip()[:1] == ":"):
            continue
        if kind == "published" and value and parse_dutch_date(value) is None:
            continue
        if not value:
            return True, kind
        if kind == "published" and meta.published is None:
            _set_published(line, meta)
            # "Nieuwsbericht | 12-06-2024 | 14:30": the line may carry nothing else.
        elif kind == "author" and meta.author is None:
            value = _strip_article(value) if label == "door" else value
            offset = line.start + text.rfind(value)
            meta.author, meta.author_span = value, (offset, offset + len(value))
        return True, None
    labelled = regex.match(r"^\p{L}[\p{L} ]{1,40}?\s*[:|]\s*(.+)$", text)
    if _is_date_line(text) or (labelled is not None and _is_date_line(labelled.group(1))):
        # "12 juni 2024", or any short label with a date: "Datum van publicatie: 28/11/2025"
        if meta.published is None:
            _set_published(line, meta)
        return True, None
    low = text.lower()
    if (
        len(text) <= 60
        and text[-1:] not in ".!?"
        and any(regex.search(rf"\b{word}\b", low) for word in data.publisher_words)
    ):
        return True, None  # "Stad Gent – persbericht"
    return False, None


def _set_published(line: _Line, meta: _Meta) -> None:
    found = parse_dutch_date(line.text)
    if found is not None:
        meta.published = found[0]
        meta.published_span = (line.start + found[1], line.start + found[2])


def _cut_contact_tail(
    lines: list[_Line],
    kinds: list[BlockKind],
    articles_idx: list[list[int]],
    article_of: list[int | None],
) -> None:
    """Move a trailing contact block out of the main release.

    Either a contact heading ("Meer informatie", "Contact") followed only by short lines
    that are not sentences, or such trailing lines with contact details (phone, e-mail,
    web address). Prose ("Bel de infolijn op 0800 14 689.") stays in the release.
    """
    data = _page_data()
    main = articles_idx[0]

    def contact_tail_start() -> int | None:
        """Where the trailing contact block starts in ``main``, or ``None``."""
        cut = len(main)
        for pos in range(len(main) - 1, 0, -1):
            text = lines[main[pos]].text
            if len(text) > MAX_CONTACT_CHARS:
                break
            if _norm_line(text) in data.contact_labels:
                tail = [lines[i].text for i in main[pos + 1 :]]
                # Contact details, not prose: no line is a finished sentence, unless it
                # speaks to the press ("Voor vragen van de pers ...").
                if all(t[-1] not in ".!?" or data.press_contact_re.search(t) for t in tail):
                    cut = pos
                break
        while cut > 1:
            text = lines[main[cut - 1]].text
            press = data.press_contact_re.search(text) is not None
            if (
                len(text) > MAX_CONTACT_CHARS
                or (text[-1] in ".!?" and not press)
                or not _CONTACT_DETAIL.search(text)
            ):
                break
            cut -= 1
        return cut if 1 < cut < len(main) else None

    # Several blocks may follow each other ("Meer informatie", then "Downloads").
    while len(main) >= 3 and (cut := contact_tail_start()) is not None:
        for index in main[cut:]:
            kinds[index], article_of[index] = "contact", None
        del main[cut:]


def segment_page(text: str) -> PageLayout:
    """Segment a scraped release page.

    >>> page = segment_page("Nieuwe regels\\n\\nPublicatiedatum: 12-06-2024\\n\\n"
    ...                     "De regering keurt de regels goed.\\n")
    >>> page.title, page.published.isoformat(), [a.kind for a in page.articles]
    ('Nieuwe regels', '2024-06-12', ['main'])
    """
    data = _page_data()
    cleaned = clean_text(text)
    lines = _lines(cleaned)
    kinds: list[BlockKind] = ["paragraph"] * len(lines)
    meta = _Meta()

    # Title: the first line that is neither boilerplate nor metadata.
    i, title_index, pending = 0, None, None
    while i < len(lines):
        norm = _norm_line(lines[i].text)
        if norm in data.boilerplate:
            kinds[i] = "boilerplate"
        elif norm in data.related_markers:
            kinds[i] = "marker"
        else:
            is_meta, pending = _read_meta_line(lines[i], pending, meta)
            if is_meta:
                kinds[i] = "meta"
            elif _looks_like_title(lines[i]):
                kinds[i], title_index = "title", i
                i += 1
                break
            else:
                break
        i += 1

    # Metadata block right under the title.
    pending = None
    while title_index is not None and i < len(lines):
        norm = _norm_line(lines[i].text)
        if norm in data.boilerplate:
            kinds[i] = "boilerplate"
        else:
            is_meta, pending = _read_meta_line(lines[i], pending, meta)
            if not is_meta and not _is_issuer_line(lines, i, pending):
                break
            kinds[i] = "meta"
        i += 1
    body_start = i

    # Body: main release, then teasers after a related marker (or a title + date pair).
    articles_idx: list[list[int]] = [[title_index] if title_index is not None else []]
    article_of: list[int | None] = [None] * len(lines)
    if title_index is not None:
        article_of[title_index] = 0
    in_related, teaser_state = False, "need_title"
    for j in range(body_start, len(lines)):
        line = lines[j]
        norm = _norm_line(line.text)
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        if norm in data.related_markers:
            kinds[j], in_related, teaser_state = "marker", True, "need_title"
            continue
        if norm in data.boilerplate:
            kinds[j] = "boilerplate"
            continue
        if (
            not in_related
            and nxt is not None
            and j > body_start
            and len(line.text) <= 160
            and _is_date_line(nxt.text)
        ):
            # A title line with its own date below the release: a teaser without a marker.
            in_related, teaser_state = True, "need_title"
        if in_related:
            if _is_date_line(line.text) and teaser_state == "after_title":
                kinds[j] = "meta"
                article_of[j] = len(articles_idx) - 1
                continue
            short = _looks_like_title(line) and len(line.text) <= 160
            single = len(regex.findall(r"[.!?](?:\s|$)", line.text)) <= 1
            if teaser_state == "need_title" or (teaser_state == "in_lead" and short and single):
                kinds[j], teaser_state = "title", "after_title"
                articles_idx.append([j])
                article_of[j] = len(articles_idx) - 1
                continue
            teaser_state = "in_lead"
        kinds[j] = (
            "list_item"
            if line.text.startswith(("- ", "• ", "* ", "– "))
            else "heading"
            if not in_related and _is_heading(line, nxt)
            else "paragraph"
        )
        articles_idx[-1].append(j)
        article_of[j] = len(articles_idx) - 1

    if meta.published is None and body_start < len(lines):
        # EU-style dateline opening the lead: "Brussel, 12 juni 2024 – De Commissie ..."
        lead = lines[body_start].text
        found = parse_dutch_date(lead[:60])
        if found is not None and regex.match(r"\p{Lu}[\p{L} '’-]{1,30},?\s*$", lead[: found[1]]):
            meta.published = found[0]
            offset = lines[body_start].start
            meta.published_span = (offset + found[1], offset + found[2])

    _cut_contact_tail(lines, kinds, articles_idx, article_of)

    articles: list[Article] = []
    final_index: dict[int | None, int | None] = {None: None}
    for n, members in enumerate(articles_idx):
        if not members:
            continue
        if n > 0 and len(members) == 1:
            # A teaser title with no lead below it is page furniture, not a release.
            kinds[members[0]], article_of[members[0]] = "boilerplate", None
            continue
        final_index[n] = len(articles)
        first, last = lines[members[0]], lines[members[-1]]
        title = first.text if kinds[members[0]] == "title" else None
        articles.append(
            Article(
                kind="main" if n == 0 else "related",
                title=None if title is None else text[first.start : first.end],
                start=first.start,
                end=last.end,
            )
        )
    blocks = tuple(
        Block(ln.start, ln.end, kinds[k], final_index.get(article_of[k]))
        for k, ln in enumerate(lines)
    )
    paragraphs = tuple(
        Paragraph(start=b.start, end=b.end, article=b.article)
        for b in blocks
        if b.kind in ("paragraph", "list_item", "heading", "title") and b.article is not None
    )
    content = [(p.start, p.end) for p in paragraphs]
    title_span = None if title_index is None else (lines[title_index].start, lines[title_index].end)
    return PageLayout(
        title=None if title_span is None else text[title_span[0] : title_span[1]],
        title_span=title_span,
        published=meta.published,
        published_span=meta.published_span,
        author=None
        if meta.author_span is None
        else text[meta.author_span[0] : meta.author_span[1]],
        author_span=meta.author_span,
        blocks=blocks,
        articles=tuple(articles),
        paragraphs=paragraphs,
        quotes=tuple(find_quotes(text, content)),
    )
