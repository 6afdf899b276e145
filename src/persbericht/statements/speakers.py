"""Who is quoted: the speaker of each quotation, as a canonical person name.

Attribution patterns, in order: after the quotation ("“…”, zegt X", "“…” Dat verklaarde
X", "“…”, aldus X"), before it ("X: “…”", "volgens X"), the sentences just before it
that name someone, the speaker of the quotation just before it, and the release's
author when the quotation speaks in the first person. Names come from the people layer
(``Person.spans``); without it a capitalised-name pattern stands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from persbericht.records import Person, Quote
from persbericht.resources import read_json
from persbericht.statements.cues import QUOTE_MARKS, lexicon, split_sentences, words

SPEAKERS_TABLE = "statement_speakers.json"


@dataclass(frozen=True)
class _SpeakerData:
    speech_verbs: frozenset[str]
    after_window_words: int
    continuation_distance: int
    min_quote_words: int
    name_pattern: regex.Pattern[str]
    not_name_words: frozenset[str]


@cache
def _data() -> _SpeakerData:
    data = read_json(SPEAKERS_TABLE)
    return _SpeakerData(
        speech_verbs=frozenset(data["speech_verbs"]),
        after_window_words=int(data["after_window_words"]),
        continuation_distance=int(data["continuation_distance"]),
        min_quote_words=int(data["min_quote_words"]),
        name_pattern=regex.compile(data["name_pattern"]),
        not_name_words=frozenset(data["not_name_words"]),
    )


@dataclass(frozen=True)
class NameMention:
    """A mention of a person: its span and the canonical name."""

    start: int
    end: int
    name: str


def person_mentions(text: str, people: Sequence[Person]) -> list[NameMention]:
    """Mentions of people, from the people layer or, without it, capitalised names.

    >>> [m.name for m in person_mentions("Burgemeester Jan de Vries zei het.", [])]
    ['Jan de Vries']
    >>> [m.name for m in person_mentions("Volgens Minister Anna de Wit kan het.", [])]
    ['Anna de Wit']
    """
    mentions = [NameMention(s, e, p.name) for p in people for s, e in p.spans]
    if not people:
        mentions = _fallback_names(text)
    return sorted(mentions, key=lambda m: m.start)


def _fallback_names(text: str) -> list[NameMention]:
    """Two or more capitalised words (with "de", "van der", ...), a full name; the
    surname alone later in the text maps back to the full name."""
    found: list[NameMention] = []
    surnames: dict[str, str] = {}
    roles = _role_words()
    for match in _data().name_pattern.finditer(text):
        start, name = match.start(), match.group()
        skip = roles | _data().not_name_words
        while name.count(" ") and name.partition(" ")[0].lower() in skip:
            # "Volgens burgemeester Jan de Vries": opener and role are no part of it
            first, _, name = name.partition(" ")
            start += len(first) + 1
        if len(name.split()) < 2:
            continue
        found.append(NameMention(start, match.end(), name))
        parts = name.split()
        surnames[" ".join(parts[1:])] = name
    for surname, full in surnames.items():
        if not surname:
            continue
        for match in regex.finditer(rf"\b{regex.escape(surname)}\b", text, regex.IGNORECASE):
            if not any(m.start <= match.start() < m.end for m in found):
                found.append(NameMention(match.start(), match.end(), full))
    return found


@cache
def _role_words() -> frozenset[str]:
    """Role words of the entities layer's table ("burgemeester", "minister")."""
    data = read_json("person_roles.json")
    return frozenset(str(w) for w in data["role_words"])


def _in(mentions: Sequence[NameMention], start: int, end: int) -> list[NameMention]:
    return [m for m in mentions if start <= m.start and m.end <= end]


def _paragraph_of(position: int, paragraphs: Sequence[tuple[int, int]]) -> int | None:
    for k, (start, end) in enumerate(paragraphs):
        if start <= position < end:
            return k
    return None


def _has_speech_verb(text: str) -> bool:
    verbs = _data().speech_verbs
    return any(w in verbs for w in words(text))


def opens_with_speech_verb(text: str) -> bool:
    """Whether ``text`` opens with a speech verb: the tail of an attribution.

    >>> opens_with_speech_verb("zegt de burgemeester.")
    True
    """
    first = words(text)[:1]
    return bool(first) and first[0] in _data().speech_verbs


def _is_first_person(text: str) -> bool:
    first = lexicon().first_person
    return any(w in first for w in words(text))


def attribute_speakers(
    text: str,
    quotes: Sequence[Quote],
    paragraphs: Sequence[tuple[int, int]],
    people: Sequence[Person],
    author: str | None = None,
) -> list[Quote]:
    """The quotations with ``speaker`` filled where the text says who speaks.

    >>> t = "Burgemeester Jan de Vries: “Wij grijpen in.”"
    >>> q = Quote(start=28, end=43, text="Wij grijpen in.")
    >>> attribute_speakers(t, [q], [(0, len(t))], [])[0].speaker
    'Jan de Vries'
    """
    mentions = person_mentions(text, people)
    author_name = _author_name(author, mentions)
    result: list[Quote] = []
    previous: Quote | None = None
    for quote in quotes:
        speaker = _speaker(text, quote, paragraphs, mentions, previous, author_name)
        attributed = quote.model_copy(update={"speaker": speaker})
        result.append(attributed)
        previous = attributed
    return result


def _author_name(author: str | None, mentions: Sequence[NameMention]) -> str | None:
    if not author:
        return None
    for mention in mentions:
        if mention.name == author or author.endswith(mention.name.split()[-1]):
            return mention.name
    return author if len(author.split()) >= 2 else None


def _speaker(
    text: str,
    quote: Quote,
    paragraphs: Sequence[tuple[int, int]],
    mentions: Sequence[NameMention],
    previous: Quote | None,
    author: str | None,
) -> str | None:
    data = _data()
    para_index = _paragraph_of(quote.start, paragraphs)
    if para_index is None:
        return None
    para_start, para_end = paragraphs[para_index]
    short = len(words(quote.text)) < data.min_quote_words
    after = _after_attribution(text, quote.end, para_end, mentions)
    rest = text[quote.end : para_end].strip(QUOTE_MARKS + " \n")
    if after is None and not rest and para_index + 1 < len(paragraphs):
        # “…” closes its paragraph; the next one may open with "Dat zei X."
        next_start, next_end = paragraphs[para_index + 1]
        after = _after_attribution(text, next_start, next_end, mentions)
    if after is not None:
        return after
    before = _before_attribution(text, quote.start, para_start, mentions)
    if before is not None:
        return before
    if short:
        return None  # a title or a slogan in quotation marks
    context = _context_speaker(text, quote.start, para_index, paragraphs, mentions)
    if context is not None:
        return context
    if (
        previous is not None
        and previous.speaker is not None
        and quote.start - previous.end <= data.continuation_distance
    ):
        return previous.speaker
    if author is not None and _is_first_person(quote.text):
        return author
    return None


def _after_attribution(
    text: str, quote_end: int, para_end: int, mentions: Sequence[NameMention]
) -> str | None:
    """ "…”, zegt X" / "…” Dat verklaarde X, ..." / "…”, aldus X"."""
    start = quote_end
    while start < para_end and text[start] in QUOTE_MARKS:
        start += 1
    sentences = split_sentences(text, start, para_end)
    if not sentences:
        return None
    s, e = sentences[0]
    if s - start > 3:  # the quotation ended its sentence; what follows is new narration
        opening = text[start:s]
        if any(ch.isalpha() for ch in opening):
            return None
    head = " ".join(words(text[s:e])[: _data().after_window_words])
    if not _has_speech_verb(head):
        return None
    found = _in(mentions, s, e)
    return found[0].name if found else None


def _before_attribution(
    text: str, quote_start: int, para_start: int, mentions: Sequence[NameMention]
) -> str | None:
    """ "X: “…”" / "Volgens X “…”" / "X zegt: “…”" in the same sentence."""
    end = quote_start
    while end > para_start and text[end - 1] in QUOTE_MARKS + " ":
        end -= 1
    sentences = split_sentences(text, para_start, end)
    if not sentences:
        return None
    s, e = sentences[-1]
    if e < end - 2:
        return None  # the text before the mark ended a sentence
    lead = text[s:end]
    if not (lead.rstrip().endswith(":") or _has_speech_verb(lead)):  # "volgens" is one
        return None
    found = _in(mentions, s, end)
    return found[-1].name if found else None


def _context_speaker(
    text: str,
    quote_start: int,
    para_index: int,
    paragraphs: Sequence[tuple[int, int]],
    mentions: Sequence[NameMention],
) -> str | None:
    """A person named in the sentence just before the quotation (or the end of the
    paragraph before): the one next to a speech verb, else the first named."""
    para_start, _ = paragraphs[para_index]
    sentences = split_sentences(text, para_start, quote_start)
    if not sentences and para_index > 0:
        prev_start, prev_end = paragraphs[para_index - 1]
        sentences = split_sentences(text, prev_start, prev_end)
    if not sentences:
        return None
    s, e = sentences[-1]
    found = _in(mentions, s, e)
    if not found:
        return None
    return found[0].name
