"""Dutch cue lexicon for policy statements: sentences, clauses, cues, modality, polarity.

Pure functions on plain strings; all words and patterns come from
``resources/statement_cues.json``. Offsets are ``str`` indices into the text given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import regex

from persbericht.records import Modality, Polarity, StatementType
from persbericht.resources import read_json

CUES_TABLE = "statement_cues.json"

#: marks that open or close a quotation (the page stage finds the spans)
QUOTE_MARKS = "“”„\"‘’'«»"
_WORD_RE = regex.compile(r"\w+(?:[-']\w+)*")
# A sentence ends at . ! ? (optionally followed by a closing mark) before a blank and an
# upper-case letter, a digit or an opening mark.
_SENTENCE_END_RE = regex.compile(r"[.!?…]+[”\"’']?(?=\s+[\p{Lu}\d“\"‘'„(])")


@dataclass(frozen=True)
class Cue:
    """One entry of the cue lexicon."""

    type: StatementType
    priority: int
    pattern: regex.Pattern[str]
    modality: Modality | None = None
    polarity: Polarity | None = None
    body_type: StatementType | None = None
    needs_actor: bool = False
    needs_main_verb: bool = False
    #: an appeal to the public: the publishing body makes it, whoever is named
    appeal: bool = False
    #: a passive of planning ("wordt medio 2026 opgeleverd") or a rule for the public
    #: ("Gezinnen kunnen vanaf januari ... aanvragen"): the names in it are no actors
    passive: bool = False
    #: the cue does not count in a clause about an investigation or a suspect
    fact_blocked: bool = False


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a clause; ``start``/``end`` are relative to the clause text."""

    cue: Cue
    start: int
    end: int


@dataclass(frozen=True)
class BodyActions:
    """A present-tense act of a body as subject ("De provincie start in maart met ...")."""

    type: StatementType
    future: regex.Pattern[str]
    #: A future span or deadline ("de komende vier jaar", "tegen eind 2026"): a programme
    #: the body commits to, typed ``programme_type`` instead of ``type``.
    programme: regex.Pattern[str]
    programme_type: StatementType
    subject_max_words: int
    verb_endings: tuple[str, ...]
    not_verbs: frozenset[str]
    action_verbs: tuple[regex.Pattern[str], ...]
    fact_words: frozenset[str]
    opening_words: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """The statement cue lexicon, compiled."""

    cues: tuple[Cue, ...]
    imperative_verbs: frozenset[str]
    imperative_openers: frozenset[str]
    imperative_not_after: frozenset[str]
    negations: frozenset[str]
    negation_window_before: int
    modality: tuple[tuple[regex.Pattern[str], Modality], ...]
    subordinators: frozenset[str]
    first_person: frozenset[str]
    subject_pronouns: frozenset[str]
    third_person: frozenset[str]
    authority_nouns: frozenset[str]
    clause_splits: tuple[str, ...]
    always_split: tuple[str, ...]
    attribution_openers: frozenset[str]
    publisher_words: tuple[str, ...]
    weak_blockers: tuple[regex.Pattern[str], ...]
    actor_zone_after: int
    split_unless: tuple[str, ...]
    attribution_verbs: frozenset[str]
    list_lead_words: frozenset[str]
    deciding_bodies: frozenset[str]
    articles: frozenset[str]
    subject_openers: frozenset[str]
    coordinators: frozenset[str]
    abbreviation: regex.Pattern[str]
    #: "we" in a quotation of an official: pronouns, statement types, role noun -> body nouns
    side_pronouns: frozenset[str] = frozenset()
    side_types: frozenset[str] = frozenset()
    role_bodies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    name_words: frozenset[str] = frozenset()
    own_voice_roles: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    according_to: frozenset[str] = frozenset()
    press_office_words: frozenset[str] = frozenset()
    government_nouns: tuple[str, ...] = ()
    body_actions: BodyActions | None = None
    opinion_nouns: frozenset[str] = frozenset()
    #: descriptors that make a police mention a named unit ("lokale politie Gent")
    police_unit_words: frozenset[str] = frozenset()
    #: organs of a municipality ("gemeenteraad") and the nouns naming it ("gemeente", "stad")
    municipal_organs: frozenset[str] = frozenset()
    executive_organs: frozenset[str] = frozenset()
    municipality_nouns: tuple[str, ...] = ()


def _expand(pattern: str, pieces: dict[str, str]) -> str:
    """A cue pattern with its named pieces ("{future}") filled in."""
    for name, piece in pieces.items():
        pattern = pattern.replace("{" + name + "}", piece)
    return pattern


def _cue(entry: dict[str, Any], pieces: dict[str, str]) -> Cue:
    return Cue(
        type=entry["type"],
        priority=int(entry["priority"]),
        pattern=regex.compile(_expand(entry["pattern"], pieces), regex.IGNORECASE),
        modality=entry.get("modality"),
        polarity=entry.get("polarity"),
        body_type=entry.get("body_type"),
        needs_actor=bool(entry.get("needs_actor", False)),
        needs_main_verb=bool(entry.get("needs_main_verb", False)),
        appeal=bool(entry.get("appeal", False)),
        passive=bool(entry.get("passive", False)),
        fact_blocked=bool(entry.get("fact_blocked", False)),
    )


def _body_actions(entry: dict[str, Any], pieces: dict[str, str]) -> BodyActions:
    return BodyActions(
        type=entry["type"],
        future=regex.compile(pieces["future"], regex.IGNORECASE),
        programme=regex.compile(entry["programme"], regex.IGNORECASE),
        programme_type=entry["programme_type"],
        subject_max_words=int(entry["subject_max_words"]),
        verb_endings=tuple(entry["verb_endings"]),
        not_verbs=frozenset(entry["not_verbs"]),
        action_verbs=tuple(regex.compile(p, regex.IGNORECASE) for p in entry["action_verbs"]),
        fact_words=frozenset(entry["fact_words"]),
        opening_words=frozenset(entry["opening_words"]),
    )


def _abbreviation_pattern(abbreviations: Sequence[str]) -> regex.Pattern[str]:
    """Text that ends in an abbreviation's full stop ("o.a.", "bijv.") or an initial."""
    names = "|".join(regex.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    return regex.compile(rf"(?:\b\p{{L}}\.|\b(?:{names})\.)$", regex.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    """The compiled cue lexicon (read once).

    >>> sorted({cue.type for cue in lexicon().cues})[:2]
    ['agreement', 'commitment']
    """
    data: dict[str, Any] = read_json(CUES_TABLE)
    imperatives: dict[str, Any] = data["imperatives"]
    side: dict[str, Any] = data["speaker_side"]
    pieces = {k: v for k, v in data["time_phrases"].items() if not k.startswith("_")}
    return Lexicon(
        cues=tuple(_cue(entry, pieces) for entry in data["cues"]),
        imperative_verbs=frozenset(imperatives["verbs"]),
        imperative_openers=frozenset(imperatives["openers"]),
        imperative_not_after=frozenset(imperatives["not_after"]),
        negations=frozenset(data["negations"]),
        negation_window_before=int(data["negation_window_before"]),
        modality=tuple(
            (regex.compile(pattern, regex.IGNORECASE), value) for pattern, value in data["modality"]
        ),
        subordinators=frozenset(data["subordinators"]),
        first_person=frozenset(data["first_person"]),
        subject_pronouns=frozenset(data["subject_pronouns"]),
        third_person=frozenset(data["third_person"]),
        authority_nouns=frozenset(data["authority_nouns"]),
        clause_splits=tuple(data["clause_splits"]),
        always_split=tuple(data["always_split"]),
        attribution_openers=frozenset(data["attribution_openers"]),
        publisher_words=tuple(data["publisher_words"]),
        weak_blockers=tuple(
            regex.compile(p, regex.IGNORECASE) for p in data["weak_blockers"]["patterns"]
        ),
        actor_zone_after=int(data["actor_zone_after"]),
        split_unless=tuple(data["always_split_unless_followed_by"]),
        attribution_verbs=frozenset(data["attribution_verbs"]["words"]),
        list_lead_words=frozenset(data["list_lead_words"]["words"]),
        deciding_bodies=frozenset(data["deciding_bodies"]["words"]),
        articles=frozenset(data["articles"]),
        subject_openers=frozenset(data["subject_openers"]),
        coordinators=frozenset(data["coordinators"]),
        abbreviation=_abbreviation_pattern(data["abbreviations"]),
        side_pronouns=frozenset(side["pronouns"]),
        side_types=frozenset(side["types"]),
        role_bodies=tuple((role, tuple(nouns)) for role, nouns in side["role_bodies"].items()),
        name_words=frozenset(side["name_words"]),
        own_voice_roles=frozenset(side["own_voice_roles"]),
        determiners=frozenset(side["determiners"]),
        according_to=frozenset(data["according_to"]),
        press_office_words=frozenset(data["publisher_from_author"]["press_office_words"]),
        government_nouns=tuple(data["publisher_from_author"]["government_nouns"]),
        body_actions=_body_actions(data["body_actions"], pieces),
        opinion_nouns=frozenset(data["opinion_nouns"]),
        police_unit_words=frozenset(data["police_units"]["descriptors"]),
        municipal_organs=frozenset(data["municipality"]["organs"]),
        executive_organs=frozenset(data["municipality"]["executive"]),
        municipality_nouns=tuple(data["municipality"]["nouns"]),
    )


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Start, end and lower-cased form of each word of ``text``.

    >>> word_spans("De Raad besluit.")
    [(0, 2, 'de'), (3, 7, 'raad'), (8, 15, 'besluit')]
    """
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``.

    >>> words("De Raad ging akkoord.")
    ['de', 'raad', 'ging', 'akkoord']
    """
    return [m.group().lower() for m in _WORD_RE.finditer(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past blanks, quotation marks and stray punctuation."""
    junk = " \t\n\r\u00a0" + QUOTE_MARKS + ",;:–—-"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in " \t\n\r\u00a0" + QUOTE_MARKS + ",;:–—-":
        end -= 1
    return start, end


def split_sentences(
    text: str, start: int, end: int, boundaries: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``, also cut at the given ``boundaries``.

    The boundaries are the edges of quotations, so that a sentence never runs from
    narration into a quotation.

    >>> t = "Hij zei: “Wij doen mee.” Dat is goed."
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t), [9, 23])]
    ['Hij zei', 'Wij doen mee.', 'Dat is goed.']
    """
    cuts = {start, end}
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        head = text[max(start, match.start() - 8) : match.start() + 1]
        if match.group()[0] == "." and lexicon().abbreviation.search(head):
            continue
        cuts.add(match.end())
    cuts.update(b for b in boundaries if start < b < end)
    ordered = sorted(cuts)
    sentences: list[tuple[int, int]] = []
    for a, b in pairwise(ordered):
        s, e = _trim(text, a, b)
        if len(words(text[s:e])) >= 2:
            sentences.append((s, e))
    return sentences


def find_cues(clause: str, lex: Lexicon | None = None) -> list[CueMatch]:
    """All lexicon cues found in one clause, in text order.

    >>> [m.cue.type for m in find_cues("De Raad ging akkoord met het voorstel.")]
    ['agreement']
    """
    lex = lex or lexicon()
    found: list[CueMatch] = []
    for cue in lex.cues:
        for match in cue.pattern.finditer(clause):
            found.append(CueMatch(cue=cue, start=match.start(), end=match.end()))
    found.sort(key=lambda m: (m.start, -m.cue.priority))
    return found


def in_main_clause(clause: str, position: int, lex: Lexicon | None = None) -> bool:
    """Whether the word at ``position`` is not inside a subordinate or relative clause.

    Dutch subordinate clauses open with a subordinator ("die", "omdat", "om"); a verb
    after one, before the next comma, is not the main verb.

    >>> in_main_clause("Supporters die willen genieten", 16)
    False
    >>> in_main_clause("Wij willen meer agenten", 4)
    True
    >>> in_main_clause("Die netwerken willen we oprollen", 13)
    True
    >>> in_main_clause("Om dat te betalen stijgt de belasting", 18)
    True
    >>> in_main_clause("Het OM en de politie slaan de handen ineen", 21)
    True
    """
    lex = lex or lexicon()
    following = words(clause[position:])[1:2]
    if following and following[0] in lex.subject_pronouns | lex.third_person:
        return True  # verb before its subject ("Die netwerken willen we ..."): a main clause
    head = clause[:position]
    comma = max(head.rfind(","), head.rfind(":"), head.rfind("–"))
    # an abbreviation in capitals ("het OM") is no subordinator ("om")
    segment = [w for w in _WORD_RE.findall(head[comma + 1 :]) if not (len(w) > 1 and w.isupper())]
    segment = [w.lower() for w in segment]
    if segment[:1] == ["om"] and "te" in segment[1:-1] and segment[-1] != "te":
        segment = segment[segment.index("te", 1) + 2 :]  # "Om dat te betalen stijgt ...": closed
    return not any(w in lex.subordinators for w in segment)


def is_imperative(clause: str, lex: Lexicon | None = None) -> bool:
    """Whether the clause is an appeal to the reader ("Bel dan 112", "Geef nooit ...").

    >>> is_imperative("Geef nooit je pincode aan een ander.")
    True
    >>> is_imperative("Ga je mee?")
    False
    """
    lex = lex or lexicon()
    if clause.rstrip().endswith("?"):
        return False
    tokens = words(clause)
    while tokens and tokens[0] in lex.imperative_openers:
        tokens = tokens[1:]
    if len(tokens) < 2 or tokens[0] not in lex.imperative_verbs:
        return False
    return tokens[1] not in lex.imperative_not_after


def modality_of(clause: str, lex: Lexicon | None = None) -> Modality | None:
    """The modality the clause's modal verbs express.

    >>> modality_of("Wij zouden meer moeten doen.")
    'should'
    >>> modality_of("De gemeente zal investeren.")
    'will'
    """
    lex = lex or lexicon()
    for pattern, value in lex.modality:
        if pattern.search(clause):
            return value
    return None


def polarity_of(clause: str, cue_start: int, lex: Lexicon | None = None) -> Polarity:
    """``negative`` when a negation stands near or after the cue, else ``positive``.

    A negation far before the cue belongs to a subject clause ("Wie niet mag blijven,
    moet terugkeren") and does not negate the statement.

    >>> polarity_of("Stel je rekening niet beschikbaar.", 0)
    'negative'
    """
    lex = lex or lexicon()
    window = clause[max(0, cue_start - lex.negation_window_before) :]
    return "negative" if any(w in lex.negations for w in words(window)) else "positive"


def split_clauses(
    text: str, start: int, end: int, lex: Lexicon | None = None
) -> list[tuple[int, int]]:
    """Clauses of one sentence: cut at ", maar" and ";" always, and at "en"/"maar"
    when both sides carry a statement cue of their own.

    >>> t = "Er zijn veel gasten, maar overlast laten we niet toe."
    >>> [t[s:e] for s, e in split_clauses(t, 0, len(t))]
    ['Er zijn veel gasten', 'maar overlast laten we niet toe.']
    """
    lex = lex or lexicon()
    pieces: list[tuple[int, int]] = [(start, end)]
    for sep in lex.always_split:
        pieces = [part for s, e in pieces for part in _cut_at(text, s, e, sep, lex.split_unless)]
    clauses: list[tuple[int, int]] = []
    for s, e in pieces:
        clauses.extend(_cut_where_both_cued(text, s, e, lex))
    return [c for c in (_trim(text, s, e) for s, e in clauses) if c[1] > c[0]]


def _right_start(k: int, sep: str) -> int:
    """Start of the clause after separator ``sep`` at ``k``: "maar" stays in it."""
    word = sep.strip(" ,;")
    return k + len(sep) - len(word) - 1 if word == "maar" else k + len(sep)


def _cut_at(
    text: str, start: int, end: int, sep: str, unless: Sequence[str]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    seg_start, pos = start, start
    while (k := text.find(sep, pos, end)) >= 0:
        following = words(text[k + len(sep) : k + len(sep) + 20])
        if following and following[0] in unless:
            pos = k + len(sep)  # "mag, maar niet hier": one restricted clause
            continue
        out.append((seg_start, k))
        seg_start = _right_start(k, sep)
        pos = k + len(sep)
    out.append((seg_start, end))
    return [(s, e) for s, e in out if e > s]


def _cut_where_both_cued(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    for sep in lex.clause_splits:
        if sep in lex.always_split:
            continue
        pos = start
        while (k := text.find(sep, pos, end)) >= 0:
            pos = k + len(sep)
            right_start = _right_start(k, sep)
            if _strong_cue(text[start:k], lex) and _strong_cue(text[right_start:end], lex):
                return [(start, k), *_cut_where_both_cued(text, right_start, end, lex)]
    return [(start, end)]


def _strong_cue(clause: str, lex: Lexicon) -> bool:
    return any(m.cue.priority >= 2 for m in find_cues(clause, lex))
