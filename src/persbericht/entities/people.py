"""People: person names by pattern, their roles, and their mentions within a release.

Pure functions over the text and its tokens; the model's PER spans, when there is a
model, come in as extra name spans. A person's canonical name is the first mention that
has a first name and a surname; later surname-only mentions ("De Moor") and, when only
one person has it, first-name-only mentions ("Peter") are linked to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import regex
from spacy.lang.nl.stop_words import STOP_WORDS

from persbericht.entities.gazetteer import Gazetteer, Token, first_names, gazetteer, token_key
from persbericht.records import Person
from persbericht.resources import read_json

NameSpan = tuple[int, int]


def _role_key(tokens: Sequence[Token], start: int, n: int) -> tuple[str, ...]:
    """Lookup key of ``n`` tokens as a role; "COA-bestuursvoorzitter" keys as its head."""
    key = tuple(t.text.lower() for t in tokens[start : start + n])
    if n == 1 and key and "-" in key[0]:
        head = key[0].rsplit("-", 1)[1]
        if (head,) in role_data().role_words:
            return (head,)
    return key


@dataclass(frozen=True)
class RoleData:
    """Role words, name particles and labels from ``person_roles.json``."""

    role_words: dict[tuple[str, ...], str]
    role_max_len: int
    complement_starts: frozenset[str]
    complement_max: int
    prefixes: frozenset[str]
    particles: frozenset[tuple[str, ...]]
    particle_max: int
    author_re: regex.Pattern[str]
    not_surnames: frozenset[str]
    articles: frozenset[str]
    cut_words: frozenset[str]
    field_roles: frozenset[str]
    body_endings: tuple[str, ...]
    body_qualifiers: frozenset[str]
    honorifics: frozenset[str]
    after_name_starts: frozenset[str]


@cache
def role_data() -> RoleData:
    """The role tables, loaded once.

    >>> ("burgemeester",) in role_data().role_words
    True
    """
    data = read_json("person_roles.json")
    words = {token_key(w): w for w in data["role_words"]}
    particles = frozenset(token_key(p) for p in data["name_particles"])
    labels = "|".join(regex.escape(label) for label in data["author_labels"])
    author_re = regex.compile(rf"(?m)^[ \t]*(?:{labels})[ \t]*:?[ \t]*\n?\s*([^\n]+?)[ \t]*$")
    return RoleData(
        role_words=words,
        role_max_len=max(len(k) for k in words),
        complement_starts=frozenset(data["role_complement_starts"]),
        complement_max=int(data["role_complement_max_tokens"]),
        prefixes=frozenset(data["role_prefixes"]),
        particles=particles,
        particle_max=max(len(p) for p in particles),
        author_re=author_re,
        not_surnames=frozenset(data["not_surnames"]),
        articles=frozenset(data["articles"]),
        cut_words=frozenset(data["role_cut_words"]),
        field_roles=frozenset(data["field_roles"]),
        body_endings=tuple(data["complement_body_endings"]),
        body_qualifiers=frozenset(data["complement_body_qualifiers"]),
        honorifics=frozenset(data["honorifics"]),
        after_name_starts=frozenset(data["after_name_complement_starts"]),
    )


def _is_name_word(token: Token, gaz: Gazetteer, roles: RoleData) -> bool:
    return (
        token.capitalised
        and token.text.replace("-", "").replace("'", "").isalpha()
        and token.text not in gaz.never
        and token.text not in roles.not_surnames
        and token.text.lower() not in STOP_WORDS
        and not token.text.isupper()
        and token.text not in _organisation_name_words()
    )


@cache
def _organisation_name_words() -> frozenset[str]:
    """ "Erasmus Universiteit": words that end an organisation's name, never a surname."""
    return frozenset(read_json("organizations.json")["organisation_name_words"])


@cache
def _body_suffixes() -> tuple[str, ...]:
    return tuple(read_json("institutions.json")["institution_suffixes"])


def _body_word(tokens: Sequence[Token]) -> bool:
    """Whether a capitalised word among ``tokens`` names a body ("Inlichtingendienst")."""
    suffixes = _body_suffixes()
    return any(t.capitalised and t.text.lower().endswith(suffixes) for t in tokens)


_INITIALS_RE = regex.compile(r"[[:Lu:]](?:\.[[:Lu:]]){0,3}")


def _initials_end(tokens: Sequence[Token], i: int) -> int | None:
    """Index after initials such as "J." or "J.P." starting at ``i``, or None."""
    j = i
    while (
        j + 1 < len(tokens)
        and _INITIALS_RE.fullmatch(tokens[j].text) is not None
        and tokens[j + 1].text == "."
        and tokens[j + 1].start == tokens[j].end
    ):
        j += 2
    return j if j > i else None


def _entity_word(token: Token, gaz: Gazetteer) -> bool:
    """A country, body or organisation name cannot be a surname ("Frans Marokko")."""
    entry = gaz.entries.get((token.text,))
    return entry is not None and entry.label != "LOCATION"


def _particle_len(tokens: Sequence[Token], i: int, roles: RoleData) -> int:
    """Length of the name particle ("van der", "de") starting at token ``i``, or 0."""
    for n in range(roles.particle_max, 0, -1):
        key = tuple(t.text.lower() for t in tokens[i : i + n])
        if len(key) == n and key in roles.particles:
            return n
    return 0


def _surname_end(tokens: Sequence[Token], i: int, gaz: Gazetteer, roles: RoleData) -> int | None:
    """End index (exclusive) of a surname starting at ``i`` (particles included), or None."""
    j = i + _particle_len(tokens, i, roles)
    if j >= len(tokens):
        return None
    # After a particle ("van der Meer") any capitalised word is a surname.
    plain = j > i and tokens[j].capitalised and tokens[j].text.isalpha()
    if not plain and not _is_name_word(tokens[j], gaz, roles):
        return None
    if tokens[j].line_start:  # a name never runs across lines
        return None
    if j > i and tokens[j].initial:
        return None
    end = j + 1
    # A second surname word ("Van der Velden Walda") right after a particle surname.
    if (
        j > i
        and end < len(tokens)
        and tokens[end].start == tokens[end - 1].end + 1
        and _is_name_word(tokens[end], gaz, roles)
        and (tokens[end].text,) not in gaz.entries
    ):
        end += 1
    return end


def name_spans(tokens: Sequence[Token], text: str) -> list[tuple[int, int]]:
    """Token index ranges of full person names found by pattern (no model needed).

    A known first name (or any capitalised word right after a role word) followed by an
    optional particle and a capitalised surname.

    >>> from persbericht.entities.gazetteer import tokenize
    >>> toks = tokenize("Dat zei burgemeester Aart Kwakkelstein en Nicole de Moor.")
    >>> [" ".join(t.text for t in toks[a:b]) for a, b in name_spans(toks, "")]
    ['Aart Kwakkelstein', 'Nicole de Moor']
    """
    gaz, roles, names = gazetteer(), role_data(), first_names()
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        role_link = _after_role(tokens, i, text, gaz, roles) if i > 0 else None
        after_role = role_link is not None
        if tok.text not in names and after_role and _body_word(tokens[i : i + 4]):
            after_role = False
        # "wethouder Financiën Thomas van Gils": the name starts at the first name.
        if (
            after_role
            and tok.text not in names
            and i + 1 < len(tokens)
            and tokens[i + 1].text in names
        ):
            after_role = False
        initials = _initials_end(tokens, i)
        if initials is not None:
            end = _surname_end(tokens, initials, gaz, roles)
            if end is not None and not (
                end - initials == 1 and _entity_word(tokens[initials], gaz)
            ):
                spans.append((i, end))
                i = end
                continue
        if _is_name_word(tok, gaz, roles) and (tok.text in names or after_role):
            k = i + 1
            # A second first name ("Jan Peter Balkenende") only when both are known.
            if k < len(tokens) and tokens[k].text in names and tokens[k].capitalised:
                end2 = _surname_end(tokens, k + 1, gaz, roles)
                if end2 is not None:
                    spans.append((i, end2))
                    i = end2
                    continue
            end = _surname_end(tokens, k, gaz, roles)
            # After a role phrase the name is the last capitalised words before the verb
            # ("minister van Binnenlandse Zaken Lies Maes stelde"), not "Binnenlandse Zaken".
            runs_on = (
                end is not None
                and tok.text not in names
                and role_link == "phrase"
                and end < len(tokens)
                and tokens[end].capitalised
                and tokens[end].text[:1].isalpha()
            )
            # "Jan Palfijn Ziekenhuis": the name belongs to an organisation's name.
            inside_organisation = (
                end is not None
                and end < len(tokens)
                and tokens[end].text in _organisation_name_words()
            )
            if (
                end is not None
                and not runs_on
                and not inside_organisation
                and not (end - k == 1 and _entity_word(tokens[k], gaz))
            ):
                spans.append((i, end))
                i = end
                continue
        i += 1
    return spans


def _after_role(
    tokens: Sequence[Token], i: int, text: str, gaz: Gazetteer, roles: RoleData
) -> str | None:
    """How token ``i`` follows a role: ``"adjacent"`` ("burgemeester X", "wethouder
    Financiën X") or not at all (``None``).

    A name after a longer role phrase ("voorzitter van de Europese Raad X") needs a known
    first name: capitalised portfolio and body words there are too easily taken for one.
    """
    if _role_ending_at(tokens, i, roles) is not None:
        return "adjacent"
    if i >= 2 and _role_ending_at(tokens, i - 1, roles) is not None:
        start = _role_ending_at(tokens, i - 1, roles)
        if start is not None and _role_key(tokens, start, 1)[0] in _portfolio_roles():
            return "adjacent" if tokens[i - 1].capitalised else None
    return None


def _role_ending_at(tokens: Sequence[Token], i: int, roles: RoleData) -> int | None:
    """Start index of a role word directly before token ``i`` (``burgemeester X``)."""
    j = i - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    for n in range(roles.role_max_len, 0, -1):
        start = j - n + 1
        if start < 0:
            continue
        key = _role_key(tokens, start, n)
        if key in roles.role_words:
            return start
    return None


def _role_before(tokens: Sequence[Token], i: int, text: str, roles: RoleData) -> str | None:
    """The role phrase right before the name at token ``i`` (see :func:`_role_phrase`).

    "Staatssecretaris voor asiel en migratie Nicole de Moor" → "staatssecretaris voor
    asiel en migratie"; the phrase is a role word plus a complement that starts with
    "van", "voor", "bij" ..., with no other punctuation than a comma before the name
    (or inside a listed portfolio), and the longest such phrase wins ("eerste minister").
    """
    end = i - 1 if i > 0 and tokens[i - 1].text == "," else i
    # "officier van justitie mr. Karin Bakker": a title between role and name.
    while end > 0 and (
        tokens[end - 1].text.lower() in roles.honorifics
        or (end > 1 and tokens[end - 1].text == "." and tokens[end - 2].text in roles.honorifics)
    ):
        end -= 1
    if end < i and end > 0 and tokens[end - 1].text == ",":
        end -= 1  # "De officier van justitie, mr. Karin Bakker"
    best: int | None = None
    for start in range(end - 1, max(-1, end - roles.complement_max - roles.role_max_len), -1):
        tok = tokens[start]
        if tokens[start + 1].line_start:  # a role phrase never runs across lines
            break
        # "Minister van Volksgezondheid, Welzijn en Sport X": a comma inside a portfolio.
        listed = tok.text == "," and start + 1 < end and tokens[start + 1].capitalised
        if not tok.text[:1].isalnum() and tok.text not in ("-", "&") and not listed:
            break
        for n in range(roles.role_max_len, 0, -1):
            key = _role_key(tokens, start, n)
            if key not in roles.role_words or start + n > end:
                continue
            rest = tokens[start + n : end]
            # "wethouder Financiën X": a portfolio right after the role word.
            portfolio = (
                bool(rest)
                and rest[0].capitalised
                and key[0] in _portfolio_roles()
                and rest[0].text not in first_names()
            )
            # "teamchef verkeer X": one bare lower-case word names the team or field.
            field_word = (
                len(rest) == 1
                and rest[0].text.islower()
                and rest[0].text.isalpha()
                and rest[0].text not in STOP_WORDS  # "de teamleider wordt X"
                and " ".join(key) in roles.field_roles
            )
            if (
                rest
                and rest[0].text.lower() not in roles.complement_starts
                and not portfolio
                and not field_word
            ):
                continue
            # "minister van Justitie en burgemeester X": the nearer role is X's.
            if any((t.text.lower(),) in roles.role_words for t in rest):
                continue
            best = start
            break
    if best is None:
        return None
    # "Vlaams minister", "waarnemend politiechef": the qualifier belongs to the role.
    while best > 0 and (
        (
            tokens[best - 1].text.lower() in roles.prefixes
            and tokens[best - 1].text.lower() not in roles.articles
        )
        or _country_adjective(tokens[best - 1])
    ):
        best -= 1
    return _role_phrase(text, tokens, best, end)


def _country_adjective(token: Token) -> bool:
    """ "Deense" in "de Deense minister": a state's inflected adjective qualifies a role."""
    entry = gazetteer().entries.get((token.text,))
    return entry is not None and entry.label == "COUNTRY" and token.text.endswith("e")


def _role_phrase(text: str, tokens: Sequence[Token], start: int, end: int) -> str:
    """The role phrase of tokens ``start:end`` as written, its first word lower-cased.

    Proper adjectives ("Vlaams minister"), roles capitalised by convention ("Kamerlid")
    and acronym compounds ("COA-bestuursvoorzitter") keep their capital.
    """
    first = tokens[start]
    word = first.text
    lowered = word.lower()
    entry = gazetteer().entries.get((word,))
    if lowered in _proper_prefixes():
        word = lowered.capitalize()
    elif entry is not None and entry.label == "COUNTRY":
        pass  # "Deense minister van Financiën"
    elif word[1:2].isupper():
        pass  # "COA-bestuursvoorzitter": an acronym keeps its capitals
    elif lowered in _capitalised_roles():
        word = lowered.capitalize()
    else:
        word = lowered
    rest = text[first.end : tokens[end - 1].end]
    return " ".join((word + rest).split())


@cache
def _proper_prefixes() -> frozenset[str]:
    return frozenset(read_json("person_roles.json")["proper_prefixes"])


@cache
def _capitalised_roles() -> frozenset[str]:
    return frozenset(read_json("person_roles.json")["capitalised_roles"])


def _role_after(tokens: Sequence[Token], j: int, text: str, roles: RoleData) -> str | None:
    """The apposition role after a name ending at token ``j``.

    "X, burgemeester van Y," and "X portefeuillehouder Voetbal van de Politie."; a
    complement that runs on is cut at its first "en" ("hoofdofficier van justitie in
    Amsterdam en namens ...").
    """
    if j >= len(tokens):
        return None
    k = j + 1 if tokens[j].text == "," else j
    while k < len(tokens) and tokens[k].text.lower() in roles.prefixes:
        k += 1
    for n in range(roles.role_max_len, 0, -1):
        key = tuple(t.text.lower() for t in tokens[k : k + n])
        if len(key) != n or key not in roles.role_words:
            continue
        if k == j and not tokens[k].text.islower():
            return None
        stop = k + n
        # "X, hoogleraar criminologie aan de ...": a bare field word before the complement.
        if (
            k > j
            and stop + 1 < len(tokens)
            and tokens[stop].text.isalpha()
            and tokens[stop].text.islower()
            and tokens[stop].text not in roles.complement_starts
            and tokens[stop + 1].text in roles.complement_starts
        ):
            stop += 1
        limit = min(len(tokens), stop + roles.complement_max)
        if stop < len(tokens) and (
            tokens[stop].text.lower() in roles.complement_starts or tokens[stop].capitalised
        ):
            while (
                stop < limit
                and (tokens[stop].text[:1].isalnum() or tokens[stop].text in "&-")
                and not tokens[stop].line_start
            ):
                stop += 1
        if (
            stop < len(tokens)
            and tokens[stop].text not in _ROLE_END
            and not tokens[stop].line_start
        ):
            words = [t.text for t in tokens[k + n : stop]]
            cuts = [w for w, word in enumerate(words) if word in roles.cut_words]
            if not cuts:
                return None
            stop = k + n + cuts[0]
        return _role_phrase(text, tokens, k, stop)
    return None


_ROLE_END = frozenset({",", ".", ":", ";", ")", "”", "’", "!", "?"})


def _matches_person(mention: str, found: Sequence[tuple[NameSpan, str | None]], text: str) -> bool:
    """Whether a short mention is the surname or first name of a full name in ``found``."""
    for span, _ in found:
        words = text[span[0] : span[1]].split()
        if len(words) < 2:
            continue
        surname = " ".join(words[1:])
        if mention.lower() == surname.lower() or mention == words[0]:
            return True
    return False


def _with_portfolio(role: str, tokens: Sequence[Token], j: int, text: str, gaz: Gazetteer) -> str:
    """ "Wethouder X (Opvang en Integratie)": the portfolio in parentheses completes the role."""
    if role.split()[0].lower() not in _portfolio_roles() or len(role.split()) > 1:
        return role
    if j >= len(tokens) or tokens[j].text != "(":
        return role
    k = j + 1
    while k < len(tokens) and k - j <= 8 and tokens[k].text != ")":
        if not (tokens[k].text.isalpha() or tokens[k].text in {",", "&"}):
            return role
        k += 1
    inside = tokens[j + 1 : k]
    if k >= len(tokens) or not inside or not inside[0].capitalised:
        return role
    if tuple(t.text for t in inside) in gaz.entries:  # "(Groen)": a party, not a portfolio
        return role
    return role + " " + text[inside[0].start : inside[-1].end]


def _with_complement_after(
    role: str, tokens: Sequence[Token], j: int, text: str, roles: RoleData
) -> str:
    """ "korpschef Bart de Smet van de politiezone Gent": the body after the name completes the
    role before it ("korpschef van de politiezone Gent", "schepen van Onderwijs van de stad
    Brugge").

    The complement is a name phrase from "van"/"bij" right after the name: articles, at most
    two lower-case nouns and then capitalised words, up to the end of the clause or the first
    lower-case word after the capitalised ones ("van Vluchtelingenwerk Nederland is blij").
    Lower-case words alone must reach the end of the clause ("van de politie is de man
    aangehouden" is left out).
    """
    if j >= len(tokens) or tokens[j].text not in roles.after_name_starts:
        return role
    if tokens[j].line_start or tokens[j].start != tokens[j - 1].end + 1:
        return role
    joiners = {*roles.articles, *roles.complement_starts, "en", "&", "-"}
    stop, nouns, capitalised = j + 1, 0, False
    while stop < len(tokens) and not tokens[stop].line_start:
        word = tokens[stop].text
        if word in _ROLE_END:
            break
        if word.lower() in joiners:
            pass
        elif word[:1].isupper() or word[:1].isdigit():
            capitalised = True
        elif word.isalpha() and word.islower() and capitalised:
            break  # "... van Vluchtelingenwerk Nederland [is] blij"
        elif word.isalpha() and word.islower() and _names_a_body(word, roles):
            nouns += 1  # "van de politiezone Gent": the body's noun comes before its name
        else:
            return role  # "bij de presentatie van ...": an occasion, not a body
        if nouns > 2 or stop - j > roles.complement_max:
            return role
        stop += 1
    while stop > j + 1 and tokens[stop - 1].text.lower() in joiners:
        stop -= 1  # "... Nederland in een verklaring": not the trailing "in een"
    complement = tokens[j + 1 : stop]
    if not complement or not (capitalised or stop == len(tokens) or tokens[stop].text in _ROLE_END):
        return role
    return f"{role} {text[tokens[j].start : tokens[stop - 1].end]}"


def _names_a_body(word: str, roles: RoleData) -> bool:
    """Whether a lower-case word of a complement names a body ("politiezone", "lokale").

    >>> roles = role_data()
    >>> _names_a_body("politiezone", roles), _names_a_body("presentatie", roles)
    (True, False)
    """
    return word in roles.body_qualifiers or word.endswith(roles.body_endings)


def _full_names_of_surnames(
    tokens: Sequence[Token],
    extra_names: Sequence[NameSpan],
    found: Sequence[tuple[NameSpan, str | None]],
    blocked: Sequence[NameSpan],
    gaz: Gazetteer,
    roles: RoleData,
) -> list[NameSpan]:
    """Full names whose first name is unknown, found through a surname the model knows.

    "Volgens Carvalho ..." (a model PER) and "... de Europese Raad Luís Carvalho:" give
    "Luís Carvalho": a capitalised word inside a sentence right before the surname is the
    first name, unless it is a role, a known name of a place or body, or part of an entity.
    """
    surnames = set()
    for start, end in extra_names:
        words = [t for t in tokens if start <= t.start and t.end <= end]
        if len(words) == 1 and words[0].text.isalpha() and words[0].text[1:].islower():
            surnames.add(words[0].text)
    taken = [s for s, _ in found] + list(blocked)
    out: list[NameSpan] = []
    for i in range(1, len(tokens)):
        surname, first = tokens[i], tokens[i - 1]
        if surname.text not in surnames or first.end + 1 != surname.start:
            continue
        if (
            first.initial
            or first.line_start
            or not first.capitalised
            or not first.text.isalpha()
            or (first.text,) in gaz.entries
            or first.text in gaz.never
            or first.text in roles.not_surnames
            or (first.text.lower(),) in roles.role_words
        ):
            continue
        span = (first.start, surname.end)
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        out.append(span)
        taken.append(span)
    return out


@cache
def _portfolio_roles() -> frozenset[str]:
    return frozenset(read_json("person_roles.json")["portfolio_roles"])


def author_name_span(text: str) -> tuple[int, int] | None:
    """Offsets of the name on the page's author line ("Auteur" followed by a name).

    >>> text = "Titel\\n\\nAuteur\\n\\nNicole de Moor\\n\\nDeel dit artikel"
    >>> span = author_name_span(text); text[span[0]:span[1]]
    'Nicole de Moor'
    """
    match = role_data().author_re.search(text)
    if match is None:
        return None
    if not plausible_person_name(match.group(1)):
        return None
    return match.start(1), match.end(1)


def plausible_person_name(value: str) -> bool:
    """Whether an author line's value can be a person's name (not "FOD Justitie").

    >>> plausible_person_name("Nicole de Moor"), plausible_person_name("FOD Justitie")
    (True, False)
    """
    words = value.split()
    if not 2 <= len(words) <= 6 or not all(w[:1].isupper() or w.islower() for w in words):
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    gaz = gazetteer()
    if any(w.isupper() for w in words) or token_key(value) in gaz.entries:
        return False
    return not any(w.lower().endswith(_body_suffixes()) for w in words)


@dataclass
class _PersonBuilder:
    name: str
    first: str
    surname: str
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    spans: list[NameSpan] = field(default_factory=list)

    def add(self, text: str, span: NameSpan) -> None:
        if text not in self.mentions:
            self.mentions.append(text)
        if span not in self.spans:
            self.spans.append(span)

    def add_role(self, role: str | None) -> None:
        if not role:
            return
        lowered = role.lower()
        # A shorter form of a role already known ("Vlaams minister") adds nothing; a
        # fuller form replaces the short one.
        if any(r.lower().startswith(lowered) for r in self.roles):
            return
        self.roles = [r for r in self.roles if not lowered.startswith(r.lower())]
        self.roles.append(role)


def _word_spans(text: str, phrase: str) -> list[NameSpan]:
    pattern = r"(?<![\w-])" + regex.escape(phrase) + r"(?![\w-])"
    return [(m.start(), m.end()) for m in regex.finditer(pattern, text)]


def find_people(
    text: str,
    tokens: Sequence[Token],
    extra_names: Sequence[NameSpan] = (),
    author_span: NameSpan | None = None,
    blocked: Sequence[NameSpan] = (),
) -> list[Person]:
    """The people of a release: canonical name, roles, mentions and their offsets.

    ``extra_names`` are name spans from elsewhere (the model's PER entities);
    ``blocked`` are spans of other entities that a short mention must not overlap.

    >>> from persbericht.entities.gazetteer import tokenize
    >>> text = "Staatssecretaris voor asiel en migratie Nicole de Moor is tevreden. De Moor: ja."
    >>> [(p.name, p.roles, p.mentions) for p in find_people(text, tokenize(text))]
    [('Nicole de Moor', ['staatssecretaris voor asiel en migratie'], ['Nicole de Moor', \
'De Moor'])]
    """
    roles, gaz = role_data(), gazetteer()
    found: list[tuple[NameSpan, str | None]] = []  # full-name spans with a role
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    for a, b in name_spans(tokens, text):
        span = (tokens[a].start, tokens[b - 1].end)
        role = _role_before(tokens, a, text, roles)
        if role is not None:
            role = _with_portfolio(role, tokens, b, text, gaz)
            role = _with_complement_after(role, tokens, b, text, roles)
        else:
            role = _role_after(tokens, b, text, roles)
        found.append((span, role))
    for span in _full_names_of_surnames(tokens, extra_names, found, blocked, gaz, roles):
        a, b = by_start[span[0]], by_end[span[1]]
        found.append((span, _role_before(tokens, a, text, roles)))
    known = {s for s, _ in found}
    names = first_names()
    for span in [*extra_names, *([author_span] if author_span else [])]:
        if span in known or any(s[0] < span[1] and span[0] < s[1] for s in known):
            continue
        words = text[span[0] : span[1]].split()
        if span != author_span and (
            len(words) < 2 or _particle_len(tokens, by_start.get(span[0], 0), roles)
        ):
            # A model's one-word or surname-only name only adds a mention to a person
            # named in full: it is linked below, never a person of its own.
            if not _matches_person(" ".join(words), found, text):
                continue
        elif (
            span != author_span
            and words[0] not in names
            and span[0] in by_start
            and tokens[by_start[span[0]]].line_start
        ):
            continue  # "Werkwijze Nepagenten" on a line of its own: a heading, not a name
        first, last = by_start.get(span[0]), by_end.get(span[1])
        role = None
        if first is not None and last is not None:
            role = _role_before(tokens, first, text, roles) or _role_after(
                tokens, last + 1, text, roles
            )
        found.append((span, role))
        known.add(span)
    found.sort()

    people: list[_PersonBuilder] = []
    for span, role in found:
        mention = " ".join(text[span[0] : span[1]].split())
        words = mention.split()
        person = next((p for p in people if p.name == mention), None)
        if person is None:
            # "De Moor" or "Peter" from the model: a known person's surname or first name.
            person = next(
                (
                    p
                    for p in people
                    if (p.first and mention.lower() == p.surname.lower()) or mention == p.first
                ),
                None,
            )
        if person is None:
            given, surname = (words[0], " ".join(words[1:])) if len(words) > 1 else ("", mention)
            person = _PersonBuilder(mention, given, surname)
            people.append(person)
        person.add(mention, span)
        person.add_role(role)

    taken = [s for p in people for s in p.spans] + list(blocked)
    first_counts: dict[str, int] = {}
    for p in people:
        first_counts[p.first] = first_counts.get(p.first, 0) + 1
    for p in people:
        variants = {p.surname, p.surname[:1].upper() + p.surname[1:]} if p.first else set()
        if p.first and first_counts[p.first] == 1:
            variants.add(p.first)
        for variant in sorted(variants, key=len, reverse=True):
            # "Frans" alone is the language, "Breda" alone the city: not a short mention.
            entry = gaz.entries.get(token_key(variant))
            if entry is not None and not entry.mid_sentence_only:
                continue
            for span in _word_spans(text, variant):
                if any(s[0] < span[1] and span[0] < s[1] for s in taken):
                    continue
                # A first name alone must not be the start of another name.
                i = by_end.get(span[1])
                if (
                    variant == p.first
                    and i is not None
                    and i + 1 < len(tokens)
                    and tokens[i + 1].capitalised
                    and tokens[i + 1].start == span[1] + 1
                ):
                    continue
                p.add(variant, span)
                taken.append(span)
    result = []
    for p in people:
        order = sorted(p.spans)
        mentions: list[str] = []
        for s in order:
            m = " ".join(text[s[0] : s[1]].split())
            if m not in mentions:
                mentions.append(m)
        result.append(Person(name=p.name, roles=p.roles, mentions=mentions, spans=order))
    return result
