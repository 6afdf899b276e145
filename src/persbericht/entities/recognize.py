"""Component ``persbericht_entities``: entities and people (issue 4).

:func:`analyse` is the pure core: text (+ optional model entities, sentence starts and
the author line) → sorted, non-overlapping :class:`~persbericht.records.Entity` records
and :class:`~persbericht.records.Person` records. Gazetteers and patterns (countries,
demonyms, institutions, places, organisations, person names) win over the statistical
NER, whose PER/ORG/LOC/MISC spans fill in what the tables do not know.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc

from persbericht.entities.gazetteer import (
    PRIORITY_INSTITUTION,
    PRIORITY_LOCATION,
    Gazetteer,
    Token,
    first_names,
    gazetteer,
    tokenize,
)
from persbericht.entities.normalize import country_code
from persbericht.entities.people import author_name_span, find_people, plausible_person_name
from persbericht.records import Entity, Person
from persbericht.resources import read_json
from persbericht.stages import doc_state

PRIORITY_PATTERN = 6  # police units, "gemeente X": name with descriptor, one mention
PRIORITY_PERSON = 4
PRIORITY_ANAPHOR = 2
PRIORITY_MODEL = 1
PRIORITY_TABLES = 3  # gazetteers and patterns: trusted over anaphors and the model


@dataclass(frozen=True)
class Candidate:
    """A possible entity before overlaps are resolved."""

    start: int
    end: int
    label: str
    norm: str | None
    priority: int


@dataclass(frozen=True)
class Analysis:
    """What :func:`analyse` finds in one text."""

    entities: list[Entity]
    people: list[Person]


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    data = read_json("institutions.json")
    units = "|".join(regex.escape(u) for u in sorted(data["police_units"], key=len, reverse=True))
    place_heads = "|".join(
        regex.escape(h) for h in sorted(data["place_heads"], key=len, reverse=True)
    )
    known_place_heads = "|".join(
        regex.escape(h) for h in sorted(data["known_place_heads"], key=len, reverse=True)
    )
    name_heads = "|".join(
        regex.escape(h) for h in sorted(data["name_heads"], key=len, reverse=True)
    )
    connectors = "|".join(regex.escape(c) for c in data["name_connectors"] if c.isalpha())
    cap = r"(?:[[:Lu:]][\w'’&-]*)"
    suffixes = "|".join(regex.escape(x) for x in data["institution_suffixes"])
    orgs = read_json("organizations.json")
    org_heads = "|".join(regex.escape(h) for h in orgs["name_heads"])
    org_suffixes = "|".join(regex.escape(x) for x in orgs["name_suffixes"])
    # Within an organisation's name "en" would join two names ("Stichting A en Stichting B").
    org_connectors = "|".join(
        regex.escape(c) for c in data["name_connectors"] if c.isalpha() and c != "en"
    )
    explicit = [p for inst in data["institutions"] for p in inst.get("patterns", [])]
    return {
        "police": regex.compile(
            rf"(?<![\w-])(?P<head>{data['police_unit_pattern']}) (?P<unit>{units})(?![\w-])"
        ),
        "place_head": regex.compile(rf"(?<![\w-])(?P<head>{place_heads}) (?=[[:Lu:]'])"),
        "known_place_head": regex.compile(
            rf"(?<![\w-])(?P<head>{known_place_heads}) (?=[[:Lu:]'])"
        ),
        "name_head": regex.compile(
            rf"(?<![\w-])(?:{name_heads})"
            rf"(?:(?:[ \t]*[,&][ \t]*|[ \t]+)(?:(?:{connectors})[ \t]+)*{cap})+(?![\w-])"
        ),
        "adjective_body": regex.compile(
            rf"(?<![\w-])(?:[[:Lu:]]\w{{2,}}e )+[[:Lu:]]\w*(?:{suffixes})(?![\w-])"
        ),
        "org_head": regex.compile(
            rf"(?<![\w-])(?:{org_heads})(?:(?:[ \t]+(?:{org_connectors}))*[ \t]+{cap})+(?![\w-])"
        ),
        "org_suffix": regex.compile(
            rf"(?<![\w-])(?:{cap}[ \t]+){{1,3}}(?:{org_suffixes})(?![\w-])"
        ),
        "explicit": regex.compile("|".join(f"(?:{p})" for p in explicit) or r"(?!x)x"),
    }


def _institution_norm(text: str) -> str:
    return " ".join(text.split())


def _gazetteer_candidates(tokens: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    out: list[Candidate] = []
    n_tokens = len(tokens)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isalnum() and not tok.text.startswith("'s-"):
            continue
        for n in range(min(gaz.max_len, n_tokens - i), 0, -1):
            key = tuple(t.text for t in tokens[i : i + n])
            entry = gaz.entries.get(key)
            if entry is None:
                continue
            if n == 1 and tok.text in gaz.never:
                continue
            # "Groen" at a sentence start is the party only where parties are spoken of.
            if (
                entry.mid_sentence_only
                and tok.initial
                and (entry.label != "ORGANIZATION" or not _organisation_context(tokens, i))
            ):
                continue
            # Names are written as one run: no line break inside a multi-word match.
            if n > 1 and any(tokens[k].line_start for k in range(i + 1, i + n)):
                continue
            start, end = tok.start, tokens[i + n - 1].end
            label, norm = entry.label, entry.norm
            if entry.place_suffix:
                suffix = _place_after(tokens, i + n, gaz)
                if suffix is not None:
                    out.append(
                        Candidate(
                            start,
                            tokens[suffix[0] - 1].end,
                            label,
                            f"{norm} {suffix[1]}",
                            entry.priority + 1,
                        )
                    )
                elif entry.place_required:
                    continue
            if entry.word_suffix and i + n < n_tokens:
                nxt = tokens[i + n]
                if (
                    nxt.capitalised
                    and nxt.text.isalpha()
                    and not nxt.line_start
                    and (nxt.text,) not in gaz.entries
                    and nxt.text not in gaz.never
                ):
                    out.append(
                        Candidate(start, nxt.end, label, f"{norm} {nxt.text}", entry.priority)
                    )
            out.append(Candidate(start, end, label, norm, entry.priority))
    return out


def _organisation_context(tokens: Sequence[Token], i: int, window: int = 30) -> bool:
    """Whether words around token ``i`` speak of parties or organisations.

    "De oppositie ... Groen diende een amendement in": the sentence-initial "Groen" is the
    party, where "Groen licht voor ..." is not.
    """
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or not following.text.isalpha() or not following.text.islower():
        return False  # "Vooruit, zei hij": an interjection, not a subject
    cues = frozenset(read_json("organizations.json")["sentence_start_context"])
    nearby = tokens[max(0, i - window) : i + window]
    return any(t.text.lower() in cues for t in nearby)


def _described_organizations(tokens: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """The name after a word for a kind of organisation ("het bedrijf Vandersteen Logistics",
    "onderzoeksbureau Ipsos", "de krant De Standaard"): an organisation.

    A name the tables know as a state, place or body keeps that label.
    """
    data = read_json("organizations.json")
    endings = tuple(data["descriptor_endings"])
    exceptions = frozenset(data["descriptor_exceptions"])
    out: list[Candidate] = []
    for i in range(len(tokens) - 1):
        word = tokens[i].text
        if not (word.islower() or tokens[i].initial) or not word.lower().endswith(endings):
            continue
        if word.lower() in exceptions:
            continue
        k = i + 1
        articles = frozenset(("De", "Het", "'t"))
        while (
            k < len(tokens)
            and k - i <= 4
            and tokens[k].text[:1].isupper()
            and not tokens[k].line_start
            and (tokens[k].text not in gaz.never or (k == i + 1 and tokens[k].text in articles))
        ):
            k += 1
        if k == i + 2 and tokens[i + 1].text in articles:
            continue  # "de partij De ...": an article alone is no name
        if k == i + 1 or k - i > 4:
            continue
        key = tuple(t.text for t in tokens[i + 1 : k])
        if any(
            (t.text,) in gaz.entries and gaz.entries[(t.text,)].label != "ORGANIZATION"
            for t in tokens[i + 1 : k]
        ):
            continue  # "de partij in ... Nederland": a known state or place is no company
        start, end = tokens[i + 1].start, tokens[k - 1].end
        out.append(Candidate(start, end, "ORGANIZATION", " ".join(key), PRIORITY_INSTITUTION))
    return out


def _districts(tokens: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """City districts and stations: "Amsterdam-Noord", "Utrecht Centraal", and the name in
    "stadsdeel Woensel"."""
    data = read_json("locations.json")
    suffixes = tuple("-" + s for s in data["district_suffixes"])
    words = frozenset(data["district_words"])
    stations = frozenset(data["station_suffixes"])
    out: list[Candidate] = []
    for i, tok in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            following is not None
            and following.text in stations
            and (tok.text,) in gaz.places
            and following.start == tok.end + 1
        ):
            station = f"{tok.text} {following.text}"
            out.append(Candidate(tok.start, following.end, "LOCATION", station, PRIORITY_LOCATION))
        if tok.text.endswith(suffixes):
            for suffix in suffixes:
                base = tok.text[: -len(suffix)]
                if tok.text.endswith(suffix) and (base,) in gaz.places:
                    out.append(
                        Candidate(tok.start, tok.end, "LOCATION", tok.text, PRIORITY_LOCATION)
                    )
                    break
        if tok.text.lower() in words and i + 1 < len(tokens):
            name = tokens[i + 1]
            if (
                name.capitalised
                and name.text.replace("-", "").isalpha()
                and name.text not in gaz.never
                and not name.line_start
            ):
                out.append(
                    Candidate(name.start, name.end, "LOCATION", name.text, PRIORITY_LOCATION)
                )
    return out


def _places_of_states(tokens: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """ "in het Duitse Schüttorf", "de Belgische grensplaats Lanaken": X is a place."""
    data = read_json("locations.json")
    nouns = frozenset(data["place_nouns"])
    articles = frozenset(data["foreign_place_articles"])
    prepositions = frozenset(data["foreign_place_prepositions"])
    out: list[Candidate] = []
    for i in range(1, len(tokens) - 1):
        adjective = gaz.entries.get((tokens[i].text,))
        if adjective is None or adjective.label != "COUNTRY" or not tokens[i].text.endswith("e"):
            continue
        if (
            i > 1
            and tokens[i - 1].text.lower() in articles
            and tokens[i - 2].text.lower() in prepositions
        ):
            k = i + 1
        elif tokens[i + 1].text in nouns:
            k = i + 2
        else:
            continue
        if k >= len(tokens):
            continue
        name = tokens[k]
        if not name.capitalised or not name.text.replace("-", "").isalpha():
            continue
        if name.text in gaz.never or name.line_start:
            continue
        entry = gaz.entries.get((name.text,))
        if entry is not None and entry.label != "LOCATION":
            continue
        norm = gaz.places.get((name.text,), name.text)
        out.append(Candidate(name.start, name.end, "LOCATION", norm, PRIORITY_LOCATION))
    return out


def _named_after_place(tokens: Sequence[Token], gaz: Gazetteer) -> list[Candidate]:
    """An unknown capitalised name before a place: "Jongerenwerk Utrecht".

    Inside a sentence a capitalised word is a name in Dutch, so the pair names an
    organisation of that place ("Universiteit Utrecht"); a body when the word says so
    ("Veiligheidshuis Twente" stays an organisation, "Inlichtingendienst X" a body).
    """
    suffixes = tuple(read_json("institutions.json")["institution_suffixes"])
    roles = frozenset(w for w in read_json("person_roles.json")["role_words"] if " " not in w)
    out: list[Candidate] = []
    for i in range(1, len(tokens)):
        place = _place_after(tokens, i, gaz)
        if place is None:
            continue
        # "... Zaken Lies Maes": the place word starts a person's name instead.
        after = tokens[place[0]] if place[0] < len(tokens) else None
        if after is not None and after.capitalised and after.text[:1].isalpha():
            continue
        k = i - 1
        while (
            k >= 0
            and tokens[k].capitalised
            and not tokens[k].initial
            and tokens[k].text.replace("-", "").isalpha()
            and (tokens[k].text,) not in gaz.entries
            and tokens[k].text not in gaz.never
            and tokens[k].text.lower() not in roles
            and tokens[k].end + 1 == tokens[k + 1].start
        ):
            k -= 1
        if k == i - 1:
            continue
        first = tokens[k + 1]
        label = "INSTITUTION" if tokens[i - 1].text.lower().endswith(suffixes) else "ORGANIZATION"
        end = tokens[place[0] - 1].end
        text = " ".join(t.text for t in tokens[k + 1 : place[0]])
        out.append(Candidate(first.start, end, label, text, PRIORITY_LOCATION))
    return out


_ABBREVIATION_RE = regex.compile(r"[ \t]*\((?P<abbr>[[:Lu:]][[:Lu:]&]{1,7})\)")


def _abbreviations(text: str, chosen: Sequence[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """An abbreviation defined in parentheses ("Raad voor X en Y (RSJ)"), everywhere."""
    out: list[Candidate] = []
    for c in chosen:
        if c.label not in {"INSTITUTION", "ORGANIZATION"}:
            continue
        m = _ABBREVIATION_RE.match(text, c.end)
        if m is None or (m.group("abbr"),) in gaz.entries:
            continue
        abbr = m.group("abbr")
        pattern = r"(?<![\w-])" + regex.escape(abbr) + r"(?![\w-])"
        for occurrence in regex.finditer(pattern, text):
            out.append(
                Candidate(occurrence.start(), occurrence.end(), c.label, c.norm, PRIORITY_ANAPHOR)
            )
    return out


def _enumeration_item(
    tokens: Sequence[Token], first: int, step: int, gaz: Gazetteer, text: str
) -> tuple[int, int] | None:
    """The capitalised name run that starts (``step`` 1) or ends (``step`` -1) at ``first``.

    Returns the first and last token index of the run, at most four words long.
    """
    k = first
    while (
        0 <= k < len(tokens)
        and abs(k - first) < 4
        and tokens[k].text[:1].isupper()
        and not tokens[k].initial
        and not tokens[k].line_start
        and tokens[k].text not in gaz.never
    ):
        k += step
    if k == first or (0 <= k < len(tokens) and tokens[k].text[:1].isupper()):
        return None  # nothing there, or a run too long to be one list item
    a, b = sorted((first, k - step))
    if a == b and _used_lower_case(tokens[a].text, text):
        return None  # "Veiligheid" beside "veiligheid": a common noun
    return a, b


def _enumerated_names(
    text: str, tokens: Sequence[Token], chosen: Sequence[Candidate], gaz: Gazetteer
) -> list[Candidate]:
    """Unknown names listed beside an organisation (or a place) share its label.

    "de partners Proofpoint, Trellix en het RolR": the model may miss or mislabel the
    unfamiliar names of a list whose other items it knows as organisations; "in Escamp en
    Laak" after a place preposition lists places. An item the tables know (a country, a
    body) keeps its label.
    """
    data = read_json("organizations.json")
    separators = frozenset(data["enumeration_separators"])
    articles = frozenset(data["enumeration_articles"])
    locative = frozenset(read_json("locations.json")["locative_prepositions"])
    index_at = {t.start: i for i, t in enumerate(tokens)}
    index_end = {t.end: i for i, t in enumerate(tokens)}
    by_span = {(c.start, c.end): c for c in chosen}
    added: dict[tuple[int, int], Candidate] = {}

    def classify(a: int, b: int, label: str) -> tuple[bool, Candidate | None]:
        """Whether the walk goes on past the item ``a..b``, and what it adds."""
        span = (tokens[a].start, tokens[b].end)
        inside = [c for c in chosen if c.start < span[1] and span[0] < c.end]
        phrase = " ".join(t.text for t in tokens[a : b + 1])
        if not inside:
            if label == "ORGANIZATION" and _street_like(phrase.split()):
                return False, None  # "de Kerkstraat en de Graslei": streets, not companies
            return True, Candidate(*span, label, phrase, PRIORITY_ANAPHOR)
        same = by_span.get(span)
        if same is None or len(inside) > 1:
            return False, None
        key = tuple(t.text for t in tokens[a : b + 1])
        if (
            label == "ORGANIZATION"
            and same.label == "LOCATION"
            and same.priority == PRIORITY_MODEL
            and key not in gaz.entries
            and not _street_like(key)
        ):
            return True, Candidate(*span, label, same.norm, PRIORITY_MODEL)
        return True, None

    for c in chosen:
        if c.label == "ORGANIZATION":
            pass
        elif c.label != "LOCATION" or c.priority < PRIORITY_TABLES:
            continue
        if c.start not in index_at or c.end not in index_end:
            continue
        found: list[Candidate] = []
        first_item = index_at[c.start]
        # Rightwards: separator, optional article, item; again.
        j = index_end[c.end] + 1
        while j < len(tokens) and tokens[j].text in separators:
            j += 1
            if j < len(tokens) and tokens[j].text in separators:
                j += 1  # ", en"
            if j < len(tokens) and tokens[j].text in articles:
                j += 1
            item = _enumeration_item(tokens, j, 1, gaz, text) if j < len(tokens) else None
            if item is None:
                break
            goes_on, new = classify(*item, c.label)
            if new is not None:
                found.append(new)
            if not goes_on:
                break
            j = item[1] + 1
        # Leftwards: optional article, separator, item; again.
        j = index_at[c.start] - 1
        while j > 0:
            if tokens[j].text in articles:
                j -= 1
            if j <= 0 or tokens[j].text not in separators:
                break
            j -= 1
            if j > 0 and tokens[j].text in separators:
                j -= 1
            item = _enumeration_item(tokens, j, -1, gaz, text)
            if item is None:
                break
            goes_on, new = classify(*item, c.label)
            if new is not None:
                found.append(new)
            if not goes_on:
                break
            first_item = item[0]
            j = item[0] - 1
        # A place's list counts only after a place preposition ("in Escamp en Laak").
        if c.label == "LOCATION" and (
            first_item == 0 or tokens[first_item - 1].text.lower() not in locative
        ):
            continue
        for candidate in found:
            added[(candidate.start, candidate.end)] = candidate
    if not added:
        return list(chosen)
    kept = [c for c in chosen if (c.start, c.end) not in added]
    return sorted([*kept, *added.values()], key=lambda c: c.start)


def _city_states(
    tokens: Sequence[Token], chosen: Sequence[Candidate], gaz: Gazetteer
) -> list[Candidate]:
    """A city-state is the country, or the city when it is the venue of a body's meeting.

    "na afloop van de Raad ... in Luxemburg" is the city; "panden in Luxemburg" the state.
    """
    index = {t.start: i for i, t in enumerate(tokens)}
    out: list[Candidate] = []
    for c in chosen:
        i = index.get(c.start)
        if c.label != "COUNTRY" or i is None or tokens[i].text not in gaz.city_states:
            out.append(c)
            continue
        venue = False
        if i > 0 and tokens[i - 1].text in gaz.city_state_cues:
            first = i
            while first > 0 and not tokens[first].initial:
                first -= 1
            lo = tokens[first].start
            venue = any(o.label == "INSTITUTION" and lo <= o.start < c.start for o in chosen)
        if venue:
            out.append(Candidate(c.start, c.end, "LOCATION", tokens[i].text, c.priority))
        else:
            out.append(c)
    return out


def _place_after(tokens: Sequence[Token], j: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """A place name starting at token ``j`` (end index, canonical name), longest first."""
    for n in range(min(4, len(tokens) - j), 0, -1):
        key = tuple(t.text for t in tokens[j : j + n])
        if key in gaz.places and not any(t.line_start for t in tokens[j : j + n]):
            return j + n, gaz.places[key]
    return None


def _cut_at_known_body(text: str, start: int, end: int, gaz: Gazetteer) -> int:
    """End of a "Team X van de Y en het Z" match before the first body inside it."""
    tokens = tokenize(text[start:end])
    connectors = frozenset(read_json("institutions.json")["name_connectors"])
    joiners: list[list[str]] = read_json("institutions.json")["second_body_joiners"]
    for k in range(1, len(tokens)):
        if tokens[k - 1].text not in connectors:
            continue
        # "... en het Ministerie van ...": a second body joined by "en de/het".
        if k >= 2 and [tokens[k - 2].text, tokens[k - 1].text] in joiners:
            cut = k - 2
            return start + tokens[cut - 1].end if cut > 0 else end
        for n in range(min(gaz.max_len, len(tokens) - k), 0, -1):
            entry = gaz.entries.get(tuple(t.text for t in tokens[k : k + n]))
            if entry is not None and entry.label == "INSTITUTION":
                cut = k - 1
                while cut > 0 and tokens[cut - 1].text in connectors:
                    cut -= 1
                return start + tokens[cut - 1].end if cut > 0 else end
    return end


def _place_at(
    text: str, start: int, gaz: Gazetteer, known_only: bool = False
) -> tuple[int, str] | None:
    """The place name at ``start``: the longest known one, else one capitalised word.

    ("gemeente Den Haag", "gemeente Oisterwijk"); returns its end offset and canonical name.
    """
    tokens = tokenize(text[start : start + 80])
    for n in range(min(4, len(tokens)), 0, -1):
        key = tuple(t.text for t in tokens[:n])
        if key in gaz.places and not any(t.line_start for t in tokens[1:n]):
            return start + tokens[n - 1].end, gaz.places[key]
    first = tokens[0] if tokens else None
    if known_only or first is None or not first.capitalised or first.text in gaz.never:
        return None
    if not first.text.replace("-", "").replace("'", "").isalpha():
        return None
    return start + first.end, first.text


def _pattern_candidates(text: str) -> list[Candidate]:
    data = read_json("institutions.json")
    pats = _patterns()
    gaz = gazetteer()
    out: list[Candidate] = []
    for m in pats["police"].finditer(text):
        norm = data["police_unit_norm"].format(unit=m.group("unit"))
        out.append(Candidate(m.start(), m.end(), "INSTITUTION", norm, PRIORITY_PATTERN))
    for m in pats["place_head"].finditer(text):
        found = _place_at(text, m.end(), gaz)
        if found is None:
            continue
        end, place = found
        norm = data["place_heads"][m.group("head")].format(place=place)
        out.append(Candidate(m.start(), end, "INSTITUTION", norm, PRIORITY_PATTERN))
    for m in pats["known_place_head"].finditer(text):
        found = _place_at(text, m.end(), gaz, known_only=True)
        if found is None:
            continue
        end, place = found
        norm = data["known_place_heads"][m.group("head")].format(place=place)
        out.append(Candidate(m.start(), end, "INSTITUTION", norm, PRIORITY_PATTERN))
    for pattern in ("org_head", "org_suffix"):
        for m in pats[pattern].finditer(text):
            if m.group().split()[0] in gaz.never:
                continue
            phrase = " ".join(m.group().split())
            out.append(Candidate(m.start(), m.end(), "ORGANIZATION", phrase, PRIORITY_LOCATION))
    position = 0
    while (head := pats["name_head"].search(text, position)) is not None:
        end = _cut_at_known_body(text, head.start(), head.end(), gaz)
        out.append(
            Candidate(
                head.start(),
                end,
                "INSTITUTION",
                _institution_norm(text[head.start() : end]),
                PRIORITY_INSTITUTION,
            )
        )
        # A cut match is searched again after the cut ("... en het Ministerie van X").
        position = end
    for m in pats["adjective_body"].finditer(text):
        if m.group().split()[0] in gaz.never:
            continue
        end, norm = m.end(), _institution_norm(m.group())
        # "Federale Gerechtelijke Politie Antwerpen": a known place belongs to the name.
        if text[end : end + 1] == " ":
            found = _place_at(text, end + 1, gaz, known_only=True)
            if found is not None:
                end, norm = found[0], f"{norm} {found[1]}"
        out.append(Candidate(m.start(), end, "INSTITUTION", norm, PRIORITY_INSTITUTION))
    for m in pats["explicit"].finditer(text):
        phrase = m.group()
        norm = next(
            inst["name"]
            for inst in data["institutions"]
            if any(regex.fullmatch(p, phrase) for p in inst.get("patterns", []))
        )
        out.append(Candidate(m.start(), m.end(), "INSTITUTION", norm, PRIORITY_PATTERN))
    return out


def _model_span_is_plausible(
    text: str,
    start: int,
    end: int,
    key: Sequence[str],
    tokens_at: dict[int, Token],
    tokens_before: dict[int, Token],
    gaz: Gazetteer,
    model_starts: frozenset[int] = frozenset(),
) -> bool:
    """Filter the model's spans where Dutch spelling says they are not names.

    A span across a line break, with a function word ("Ervaring De Korpschef"), or part
    of a longer capitalised run ("Remote [Access Trojan]") is cut wrong; a single word
    that is capitalised only as a sentence's first word, or whose lower-case form the
    text also uses ("Asiel" beside "asiel"), is a common noun.
    """
    if "\n" in text[start:end] or any(word in gaz.never for word in key):
        return False
    # "Europees Asiel-" and "[Migratie- en] Asielpact" are halves of a coordination;
    # "NAVO-top" is a compound of a known name.
    if text[start:end].endswith("-") or regex.search(r"-\s+(?:en|of)\s+$", text[:start]):
        return False
    if "-" in key[0] and (key[0].split("-")[0],) in gaz.entries:
        return False
    # "CO2-heffing", "Europol-rapport": a compound with a common-noun head is no name.
    if "-" in key[-1] and key[-1].rsplit("-", 1)[-1][:1].islower():
        return False
    previous = tokens_before.get(start)
    if (
        previous is not None
        and previous.capitalised
        and previous.text[:1].isalpha()
        and not previous.initial
        and not previous.line_start
        and previous.text not in gaz.never
    ):
        return False
    if len(key) == 1 and previous is not None and previous.text in {"en", "&"}:
        # "factsheet Voetbal en Veiligheid": the second half of a capitalised title.
        before = tokens_before.get(previous.start)
        if (
            before is not None
            and before.capitalised
            and before.text.isalpha()
            and not before.initial
            and (before.text,) not in gaz.entries
            and (before.start not in model_starts or _used_lower_case(before.text, text))
        ):
            return False
    if len(key) == 1:
        first = tokens_at.get(start)
        entry = gaz.entries.get((key[0],))
        if first is not None and first.initial and entry is None:
            return False
        if (
            first is not None
            and first.initial
            and entry is not None
            and entry.mid_sentence_only
            and entry.label == "ORGANIZATION"
        ):
            # "Groen licht voor ...": a party's name that is also a word needs its context.
            ordered = list(tokens_at.values())
            index = next(i for i, t in enumerate(ordered) if t.start == start)
            if not _organisation_context(ordered, index):
                return False
        if _used_lower_case(key[0], text):
            return False
    return True


def _used_lower_case(word: str, text: str) -> bool:
    """Whether the text also writes ``word`` in lower case: then it is a common noun."""
    lower = word.lower()
    pattern = rf"(?<![\w-]){regex.escape(lower)}(?![\w-])"
    return lower != word and regex.search(pattern, text) is not None


def _in_role_phrase(tokens_before: dict[int, Token], start: int) -> bool:
    """Whether ``start`` follows a role word ("minister van", "schepen voor", "wethouder")."""
    roles = read_json("person_roles.json")
    words = frozenset(w for w in roles["role_words"] if " " not in w)
    complement = frozenset(roles["role_complement_starts"]) | frozenset(roles["articles"])
    previous = tokens_before.get(start)
    steps = 0
    # Back over "van", "voor", "de", "en" and the capitalised words of a portfolio list
    # ("ministers van Justitie en [Binnenlandse Zaken]", "Wethouder X (Opvang en [Integratie])").
    while previous is not None and steps < 8:
        head = previous.text.lower().rsplit("-", 1)[-1]
        if head in words or head[:-1] in words or head[:-2] in words:  # ministers, schepenen
            return True
        if not (
            previous.text.lower() in complement
            or previous.text in {",", "en", "("}
            or (previous.capitalised and not previous.initial)
        ):
            return False
        previous = tokens_before.get(previous.start)
        steps += 1
    return False


def _model_candidates(
    text: str,
    model_entities: Sequence[tuple[int, int, str]],
    gaz: Gazetteer,
    tokens: Sequence[Token] = (),
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Map CoNLL labels to the guide's; PER spans are returned for the people stage."""
    out: list[Candidate] = []
    persons: list[tuple[int, int]] = []
    tokens_at = {t.start: t for t in tokens}
    locative = frozenset(read_json("locations.json")["locative_prepositions"])
    tokens_before = {b.start: a for a, b in itertools.pairwise(tokens)}
    model_starts = frozenset(start for start, _, _ in model_entities)
    tokens_after = {a.end: b for a, b in itertools.pairwise(tokens)}
    org_words = frozenset(read_json("organizations.json")["organisation_name_words"])
    for start, end, label in model_entities:
        phrase = " ".join(text[start:end].split())
        key = tuple(t.text for t in tokenize(phrase))
        if phrase in gaz.never or key in gaz.generic or not phrase[:1].isupper():
            continue
        if not _model_span_is_plausible(
            text, start, end, key, tokens_at, tokens_before, gaz, model_starts
        ):
            continue
        code = country_code(phrase)
        # "Rotterdamse", "Europese": adjectives of places and continents are not annotated.
        stop = read_json("entity_stopwords.json")
        endings = tuple(stop["place_adjective_endings"])
        if code is None and len(key) == 1 and phrase.endswith(endings):
            continue
        residents = tuple(stop["resident_endings"])
        if code is None and len(key) == 1 and label != "PER" and phrase.endswith(residents):
            continue
        if any(word[:1].isdigit() for word in key) or _in_role_phrase(tokens_before, start):
            continue  # "Ongeveer 1"; "minister van [Financiën]" is a portfolio, not a body
        if regex.fullmatch(stop["road_number"], phrase):
            continue  # "op de A1": a motorway
        previous = tokens_before.get(start)
        if (
            label != "PER"
            and previous is not None
            and previous.text in stop["product_nouns"]
            and key not in gaz.entries
        ):
            continue  # "botnet Elysium", "operatie Endgame": a product or programme
        if label == "LOC" and len(key) >= 3 and any(word.islower() for word in key):
            label = "ORG"  # "Cel voor Financiële Informatieverwerking" names a body
        heads = read_json("institutions.json")["anaphoric_defaults"]
        if len(key) == 1 and key[0] in heads and label in {"LOC", "ORG", "MISC"}:
            # "Akkoord tussen Parlement en Raad": a bare head word names the body.
            norm = heads[key[0]]["norm"]
            out.append(Candidate(start, end, "INSTITUTION", norm, PRIORITY_MODEL))
            continue
        name_endings = tuple(read_json("organizations.json")["organisation_name_endings"])
        if label in {"PER", "MISC", "LOC"} and key[-1].lower().endswith(name_endings):
            label = "ORG"  # "Koning Boudewijnstichting", "Sint-Jansziekenhuis"
        following = tokens_after.get(end)
        if label == "PER" and following is not None and following.text in org_words:
            # "Jan Palfijn Ziekenhuis": a person's name inside an organisation's name.
            name = f"{phrase} {following.text}"
            out.append(Candidate(start, following.end, "ORGANIZATION", name, PRIORITY_TABLES))
            continue
        if label == "PER":
            common = key[0] not in first_names() and any(
                _used_lower_case(word, text) for word in key
            )
            if _looks_like_name(key, gaz) and not common:  # "Werkwijze Nepagenten"
                persons.append((start, end))
        elif code is not None and label in {"LOC", "MISC", "ORG"}:
            out.append(Candidate(start, end, "COUNTRY", code, PRIORITY_MODEL))
        elif label == "LOC":
            previous = tokens_before.get(start)
            if (
                len(key) == 1
                and key not in gaz.entries
                and (previous is None or previous.text.lower() not in locative)
            ):
                continue  # "de Trendrapportage": an unknown word without a place's context
            out.append(
                Candidate(start, end, "LOCATION", gaz.places.get(key, phrase), PRIORITY_MODEL)
            )
        elif label == "ORG" and _street_like(key):
            out.append(Candidate(start, end, "LOCATION", phrase, PRIORITY_MODEL))
        elif label == "ORG":
            public_heads = frozenset(read_json("institutions.json")["public_head_words"])
            public = any(w.lower() in public_heads for w in key)
            out.append(
                Candidate(
                    start,
                    end,
                    "INSTITUTION" if public else "ORGANIZATION",
                    phrase,
                    PRIORITY_MODEL,
                )
            )
    return out, persons


def _street_like(words: Sequence[str]) -> bool:
    """Whether a name ends like a street or square ("Korenlei", "Grote Markt").

    >>> _street_like(["Korenlei"]), _street_like(["Greenpeace"])
    (True, False)
    """
    suffixes = tuple(read_json("locations.json")["street_suffixes"])
    return bool(words) and words[-1].lower().endswith(suffixes)


def _looks_like_name(words: Sequence[str], gaz: Gazetteer) -> bool:
    """A model PER span that can be a name: at most six words, capitalised ones first and
    last, none of them a state, body or organisation ("Marokko", "FIOD")."""
    if not words or len(words) > 6 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    role_words = frozenset(w for w in read_json("person_roles.json")["role_words"] if " " not in w)
    known_first = words[0] in first_names()
    if tuple(words) in gaz.entries:  # "Middellandse Zee"
        return False
    endings = tuple(read_json("entity_stopwords.json")["place_adjective_endings"])
    if not known_first and words[0].endswith(endings):  # "Middellandse Zeeroute"
        return False
    for word in words:
        letters = word.split("'")[0].split("’")[0]
        if len(letters) > 1 and letters.isupper():  # "RAT's Infostealers": an acronym
            return False
        # "Jongerenwerk Utrecht": without a known first name a place makes it no name.
        if not known_first and (word,) in gaz.entries:
            return False
        entry = gaz.entries.get((word,))
        if word in gaz.never or (entry is not None and entry.label != "LOCATION"):
            return False
        if word.lower() in role_words:  # "Directeur Operatien", "Hoofd Regionale ..."
            return False
    return True


def _resolve(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping selection.

    Tables and patterns (priority 3 and up) beat anaphors and the model; among them the
    longer span wins ("Hoek van Holland" over "Holland"), then the higher priority.
    """
    chosen: list[Candidate] = []

    def rank(c: Candidate) -> tuple[int, int, int, int]:
        tier = 3 if c.priority >= PRIORITY_TABLES else c.priority
        return (-tier, -(c.end - c.start), -c.priority, c.start)

    for c in sorted(candidates, key=rank):
        if c.end <= c.start:
            continue
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _anaphors(
    tokens: Sequence[Token], chosen: Sequence[Candidate], heads: frozenset[str]
) -> list[Candidate]:
    """The body named in full earlier in the release, for "de Raad", "de Commissie".

    A heading that opens with the bare head ("Raad verlengt ...", "Commissie: ...") names
    the body named in full anywhere in the release.
    """
    out: list[Candidate] = []
    defaults: dict[str, dict[str, Any]] = read_json("institutions.json")["anaphoric_defaults"]
    determiners = frozenset(read_json("institutions.json")["anaphor_determiners"])
    for i, tok in enumerate(tokens):
        if tok.text not in heads:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        heading = (
            tok.line_start
            and following is not None
            and (following.text == ":" or following.text.islower())
            and not following.line_start
        )
        if not heading and (tok.initial or i == 0):
            continue
        if not heading and tokens[i - 1].text.lower() not in determiners:
            continue
        if (
            following is not None
            and following.capitalised
            and following.text[:1].isalpha()
            and not following.initial
        ):
            continue
        earlier = [
            c
            for c in chosen
            if c.label == "INSTITUTION"
            and (heading or c.end <= tok.start)
            and c.norm
            and tok.text in c.norm
        ]
        if earlier:
            norm = earlier[-1].norm
            out.append(Candidate(tok.start, tok.end, "INSTITUTION", norm, PRIORITY_ANAPHOR))
        elif tok.text in defaults:
            default = defaults[tok.text]
            context = default["context"]
            if not context or any(c.norm in context for c in chosen):
                out.append(
                    Candidate(tok.start, tok.end, "INSTITUTION", default["norm"], PRIORITY_ANAPHOR)
                )
    return out


def _drop_generic(tokens: Sequence[Token], candidates: list[Candidate], gaz: Gazetteer) -> None:
    """Remove candidates that are part of a generic reference ("ons land")."""
    spans = []
    for i in range(len(tokens)):
        for n in (2, 3):
            key = tuple(t.text.lower() for t in tokens[i : i + n])
            if key in gaz.generic:
                spans.append((tokens[i].start, tokens[i + n - 1].end))
    candidates[:] = [
        c for c in candidates if not any(a <= c.start and c.end <= b for a, b in spans)
    ]


def analyse(
    text: str,
    model_entities: Sequence[tuple[int, int, str]] = (),
    sentence_starts: frozenset[int] = frozenset(),
    author_span: tuple[int, int] | None = None,
) -> Analysis:
    """Entities and people of a Dutch text.

    ``model_entities`` are ``(start, end, label)`` spans with CoNLL labels from a
    statistical NER, when there is one.

    >>> result = analyse("De Marokkaanse minister sprak de Dienst Vreemdelingenzaken in Brussel.")
    >>> [(e.text, e.label, e.norm) for e in result.entities]
    [('Marokkaanse', 'COUNTRY', 'MA'), ('Dienst Vreemdelingenzaken', 'INSTITUTION', \
'Dienst Vreemdelingenzaken'), ('Brussel', 'LOCATION', 'Brussel')]
    """
    gaz = gazetteer()
    tokens = tokenize(text, sentence_starts)
    candidates = _gazetteer_candidates(tokens, gaz)
    candidates += _districts(tokens, gaz)
    candidates += _places_of_states(tokens, gaz)
    candidates += _pattern_candidates(text)
    candidates += _described_organizations(tokens, gaz)
    model, model_persons = _model_candidates(text, model_entities, gaz, tokens)
    candidates += model
    _drop_generic(tokens, candidates, gaz)
    if author_span is not None and not plausible_person_name(text[author_span[0] : author_span[1]]):
        author_span = None  # the page's author is a body ("FOD Justitie")
    elif author_span is None:
        author_span = author_name_span(text)
    # People first: their full names claim their spans before the short mentions are found.
    blocked_for_people = [
        (c.start, c.end) for c in candidates if c.priority >= PRIORITY_INSTITUTION
    ]
    people = find_people(text, tokens, model_persons, author_span, blocked_for_people)
    person_spans = [span for person in people for span in person.spans]
    for person in people:
        for start, end in person.spans:
            candidates.append(Candidate(start, end, "PERSON", person.name, PRIORITY_PERSON))
    # "Jongerenwerk Utrecht" unless the words belong to a person's name.
    candidates += [
        c
        for c in _named_after_place(tokens, gaz)
        if not any(a < c.end and c.start < b for a, b in person_spans)
    ]
    chosen = _resolve(candidates)
    heads = frozenset(read_json("institutions.json")["anaphoric_heads"])
    chosen = _resolve(
        [*chosen, *_anaphors(tokens, chosen, heads), *_abbreviations(text, chosen, gaz)]
    )
    chosen = _enumerated_names(text, tokens, chosen, gaz)
    chosen = _city_states(tokens, chosen, gaz)
    entities = [
        Entity(start=c.start, end=c.end, text=text[c.start : c.end], label=c.label, norm=c.norm)  # type: ignore[arg-type]
        for c in chosen
    ]
    kept = {(e.start, e.end) for e in entities if e.label == "PERSON"}
    people = [
        Person(
            name=p.name,
            roles=p.roles,
            mentions=_mentions(text, [s for s in p.spans if s in kept]),
            spans=[s for s in p.spans if s in kept],
        )
        for p in people
        if any(s in kept for s in p.spans)
    ]
    return Analysis(entities=entities, people=people)


def _mentions(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    for start, end in spans:
        mention = " ".join(text[start:end].split())
        if mention not in out:
            out.append(mention)
    return out


class EntityRecognizer:
    """Fills ``doc._.persbericht.entities`` and ``doc._.persbericht.people``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = doc_state(doc)
        model_entities: list[tuple[int, int, str]] = []
        if doc.has_annotation("ENT_IOB"):
            model_entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        author_span = None
        page = state.page
        if page is not None and page.author_span is not None:
            author_span = page.author_span
        # Sentence starts come from the text itself (punctuation, line breaks): a parser's
        # boundary inside a name would hide it.
        result = analyse(doc.text, model_entities, author_span=author_span)
        state.entities = result.entities
        state.people = result.people
        return doc


@Language.factory("persbericht_entities")
def make_entities(nlp: Language, name: str) -> EntityRecognizer:
    """Build the ``persbericht_entities`` component."""
    return EntityRecognizer(name)
