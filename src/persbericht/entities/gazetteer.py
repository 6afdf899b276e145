"""Word tokens of a text and the gazetteers (names → label and norm) built from data files.

Tokens are found by a regular expression over the exact text, so offsets are the
text's own; a hyphenated word ("EU-lidstaten", "Midden-Nederland") is one token, which
keeps names inside compounds from matching on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from persbericht.entities.normalize import country_names, demonyms
from persbericht.resources import read_json, read_lines

#: A word (hyphen-, apostrophe- and ampersand-joined parts stay together, "'s-" prefix
#: included), the clitic "'t"/"'s", or one punctuation character.
TOKEN_RE = regex.compile(r"(?:'s-)?\w+(?:[-'’&.]\w+)*|['’][ts](?!\w)|[^\w\s]")

#: Characters after which the next word starts a sentence (or a line, a heading, a quote).
_OPENERS = frozenset(".!?:;“”\"‘'•–")
_BULLETS = frozenset("-*")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its character offsets."""

    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence, line or quotation
    line_start: bool = False  # first word of a line

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter (or ``'s-``)."""
        first = self.text[3:4] if self.text.startswith("'s-") else self.text[:1]
        return first.isupper()


def tokenize(text: str, sentence_starts: frozenset[int] = frozenset()) -> list[Token]:
    """Word tokens with offsets; ``initial`` marks sentence- and line-initial words.

    >>> [(t.text, t.initial) for t in tokenize("Zo gaat het. In Midden-Nederland ook")]
    [('Zo', True), ('gaat', False), ('het', False), ('.', False), ('In', True), \
('Midden-Nederland', False), ('ook', False)]
    """
    tokens: list[Token] = []
    previous_end = 0
    previous = ""
    for match in TOKEN_RE.finditer(text):
        start = match.start()
        gap = text[previous_end:start]
        initial = not tokens or "\n" in gap or previous in _OPENERS or start in sentence_starts
        # "- Meld een diefstal ...": the first word of a list item after a bullet dash.
        initial = initial or (previous in _BULLETS and tokens[-1].line_start)
        word = match.group()
        # "mr." and "dr." keep their full stop; a final full stop is punctuation.
        if word.endswith(".") and len(word) > 1:
            word = word[:-1]
        line_start = not tokens or "\n" in gap
        tokens.append(Token(word, start, start + len(word), initial, line_start))
        if len(word) < len(match.group()):
            tokens.append(Token(".", start + len(word), match.end(), False))
        previous_end = match.end()
        previous = tokens[-1].text
    return tokens


def token_key(phrase: str) -> tuple[str, ...]:
    """The token texts of a gazetteer phrase (its lookup key).

    >>> token_key("Algemene Inlichtingen- en Veiligheidsdienst")
    ('Algemene', 'Inlichtingen', '-', 'en', 'Veiligheidsdienst')
    """
    return tuple(t.text for t in tokenize(phrase))


@dataclass(frozen=True)
class Entry:
    """What a gazetteer phrase is: its label and norm, and how it may match."""

    label: str
    norm: str
    priority: int
    mid_sentence_only: bool = False  # a lower-case word too ("Houten", "Leiden")
    place_suffix: bool = False  # may be followed by a place that belongs to the name
    place_required: bool = False  # only with such a place
    word_suffix: bool = (
        False  # may be followed by a capitalised word of its name ("ACOD Onderwijs")
    )


@dataclass(frozen=True)
class Gazetteer:
    """All name tables, keyed by token tuples."""

    entries: dict[tuple[str, ...], Entry]
    max_len: int
    places: dict[tuple[str, ...], str]  # place and region names → canonical name
    city_states: dict[str, str]
    city_state_cues: frozenset[str]
    never: frozenset[str]
    generic: frozenset[tuple[str, ...]]


# Priorities: higher wins an overlap; within a priority the longer span wins.
PRIORITY_INSTITUTION = 5
PRIORITY_COUNTRY = 4
PRIORITY_ORGANIZATION = 4
PRIORITY_LOCATION = 3


def _upper_first(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer from the package tables, built once.

    >>> gazetteer().entries[("Dienst", "Vreemdelingenzaken")].label
    'INSTITUTION'
    """
    entries: dict[tuple[str, ...], Entry] = {}
    places: dict[tuple[str, ...], str] = {}

    def add(phrase: str, entry: Entry) -> None:
        key = token_key(phrase)
        old = entries.get(key)
        if old is None or old.priority < entry.priority:
            entries[key] = entry

    nl_places = read_json("places_nl.json")
    locations = read_json("locations.json")
    lowercase_words = {*nl_places["lowercase_words"], *locations["lowercase_words"]}
    aliases: dict[str, str] = locations["aliases"]
    for name in [*nl_places["places"], *locations["places"]]:
        canonical = aliases.get(name, name)
        places[token_key(name)] = canonical
        add(name, Entry("LOCATION", canonical, PRIORITY_LOCATION, name in lowercase_words))
    for name, canonical in aliases.items():
        places[token_key(name)] = canonical
        add(name, Entry("LOCATION", canonical, PRIORITY_LOCATION))
    institutions = read_json("institutions.json")
    for unit in institutions["police_units"]:
        places.setdefault(token_key(unit), unit)
    for org in read_json("organizations.json")["organizations"]:
        mid = bool(org.get("mid_sentence_only"))
        suffix = bool(org.get("sector_suffix"))
        for alias in org["aliases"]:
            entry = Entry(
                "ORGANIZATION", org["name"], PRIORITY_ORGANIZATION, mid, word_suffix=suffix
            )
            add(alias, entry)
    for name, code in {**demonyms(), **country_names()}.items():
        add(name, Entry("COUNTRY", code, PRIORITY_COUNTRY))
    for inst in institutions["institutions"]:
        for alias in inst["aliases"]:
            entry = Entry(
                "INSTITUTION",
                inst["name"],
                PRIORITY_INSTITUTION,
                place_suffix=bool(inst.get("place_suffix")),
                place_required=bool(inst.get("place_required")),
            )
            add(alias, entry)
            if alias[:1].islower():
                add(_upper_first(alias), entry)
    stop = read_json("entity_stopwords.json")
    return Gazetteer(
        entries=entries,
        max_len=max(len(k) for k in entries),
        places=places,
        city_states=dict(locations["city_states"]),
        city_state_cues=frozenset(locations["city_state_cues"]),
        never=frozenset(stop["never"]),
        generic=frozenset(token_key(g) for g in stop["generic"]),
    )


@cache
def first_names() -> frozenset[str]:
    """Dutch first names (capitalised), for name patterns that need no model.

    >>> "Nicole" in first_names(), "Zo" in first_names()
    (True, False)
    """
    return frozenset(read_lines("first_names.txt"))
