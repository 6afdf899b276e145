"""Component ``persbericht_statements``: quotation speakers and policy statements (issue 6).

A statement is a clause in which an actor decides, agrees, commits, intends, proposes
or takes a normative position (annotation guide, Statements). Clauses come from the
body paragraphs (titles and teasers' headings are not statements); the type comes from
the cue lexicon (:mod:`persbericht.statements.cues`); the actor from the subject (the
dependency parse when the pipeline has one, else the named actor nearest the cue);
the speaker from the quotation the clause stands in
(:mod:`persbericht.statements.speakers`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from persbericht.records import Entity, Person, Quantity, Quote, Statement, StatementType
from persbericht.resources import read_json
from persbericht.stages import doc_state
from persbericht.statements.actions import body_action, is_fact, subject_words_ok
from persbericht.statements.cues import (
    Cue,
    CueMatch,
    Lexicon,
    find_cues,
    in_main_clause,
    is_imperative,
    lexicon,
    modality_of,
    polarity_of,
    split_clauses,
    split_sentences,
    words,
)
from persbericht.statements.speakers import (
    attribute_speakers,
    opens_with_speech_verb,
    person_mentions,
)

#: entity labels that can act (a place acts as its municipality: "Utrecht wil ...")
ACTOR_LABELS = frozenset({"PERSON", "INSTITUTION", "COUNTRY", "ORGANIZATION", "LOCATION"})
#: a named body (not a person): it decides when it agrees, proposes when it advises
BODY_LABELS = frozenset({"INSTITUTION", "ORGANIZATION"})
#: an inverted subject starts at most this many characters after the finite verb
SUBJECT_AFTER_CHARS = 30
#: a quotation this short without a speaker is a name or a title, not speech
SHORT_QUOTE_WORDS = 5
#: page blocks whose text can hold statements
BODY_BLOCKS = frozenset({"paragraph", "list_item"})

# An appeal to the reader has no lexical cue; it is a position (guide: "bel 112").
_IMPERATIVE = Cue(
    type="position", priority=2, pattern=regex.compile(""), modality="should", appeal=True
)


@dataclass(frozen=True)
class ReleaseContext:
    """What the statements stage reads from the earlier layers of one release."""

    text: str
    paragraphs: Sequence[tuple[int, int]]
    quotes: Sequence[Quote] = ()
    entities: Sequence[Entity] = ()
    people: Sequence[Person] = ()
    quantities: Sequence[Quantity] = ()
    publisher: str | None = None
    #: the paragraphs (of ``paragraphs``) that are items of a bulleted list
    list_items: frozenset[tuple[int, int]] = frozenset()
    #: subject spans from a dependency parse (``None`` without a parser)
    subjects: Sequence[tuple[int, int]] | None = None
    #: the cue lexicon (the shipped table unless a test gives another)
    lex: Lexicon = field(default_factory=lexicon)
    #: tense ("Pres", "Past" or "") of each word the parse tags as a verb, by start offset
    #: (``None`` without a tagger)
    verb_tenses: Mapping[int, str] | None = None


def publishing_body(
    text: str,
    author: str | None,
    entities: Sequence[Entity],
    people: Sequence[Person] = (),
) -> str | None:
    """Who speaks in the release's own unattributed sentences: the police when the
    release names them, else the author (a body, not a person or a press office), else
    the body the release names most, a government ("het kabinet") included.

    >>> publishing_body("De politie hield twee mannen aan.", None, [])
    'politie'
    >>> publishing_body("Het kabinet verhoogt de accijns. Het kabinet wil meer.", None, [])
    'kabinet'
    """
    lex = lexicon()
    present = set(words(text))
    for word in lex.publisher_words:
        if word in present:
            return _police_unit(word, entities, lex) or word
    if author:
        author_words = words(author)
        while author_words and author_words[0] in lex.press_office_words:
            author_words = author_words[1:]  # "Persdienst Raad van de EU": the Raad
        named = " ".join(author_words)
        for entity in entities:
            if entity.label in BODY_LABELS and entity.text.lower() == named:
                return entity.norm or entity.text
        if named and author_words == words(author) and author not in {p.name for p in people}:
            return author
    bodies = Counter(e.norm or e.text for e in entities if e.label == "INSTITUTION")
    for noun in lex.government_nouns:
        count = len(regex.findall(rf"\b{regex.escape(noun)}\b", text, flags=regex.IGNORECASE))
        if count:
            bodies[_government_name(text, noun)] += count
    if not bodies:
        return None
    top = bodies.most_common(1)[0][0]
    return municipality_of(text, entities, top) or top


_ORGAN_PLACE = regex.compile(
    r"\bvan\s+(?:de\s+(?:stad|gemeente)\s+)?(\p{Lu}[\p{L}\-]*(?:[\s\-]\p{Lu}[\p{L}\-]*)*)$"
)


def municipality_of(
    text: str, entities: Sequence[Entity], name: str, *, executive_only: bool = False
) -> str | None:
    """The municipality a municipal organ acts for ("gemeenteraad van Utrecht" ->
    "gemeente Utrecht"): spelt as the release names it ("stad Gent"), else with the noun
    the release uses most for the body; None for any other name (and for a council when
    only executive organs count: a council that votes acts as itself).

    >>> municipality_of("De stad plant bomen.", [], "gemeenteraad van Antwerpen")
    'stad Antwerpen'
    >>> municipality_of("De stad plant bomen.", [], "Europese Commissie") is None
    True
    """
    lex = lexicon()
    name_words = words(name)
    organs = lex.executive_organs if executive_only else lex.municipal_organs
    if not name_words or name_words[0] not in organs:
        return None
    match = _ORGAN_PLACE.search(name)
    return _municipality_named(text, entities, match.group(1)) if match else None


def _town_body(entities: Sequence[Entity], place: str) -> str | None:
    """The municipality of a place that acts, as the release names it ("Utrecht wil ..."
    in a release naming "gemeente Utrecht"); None when the release names no such body.

    >>> town = Entity(start=0, end=14, text="gemeente Assen", label="INSTITUTION", norm=None)
    >>> _town_body([town], "Assen")
    'gemeente Assen'
    """
    nouns = lexicon().municipality_nouns
    for entity in entities:
        head, _, rest = entity.text.partition(" ")
        if entity.label in BODY_LABELS and head.lower() in nouns and rest == place:
            return f"{head.lower()} {place}"
    return None


def _municipality_named(text: str, entities: Sequence[Entity], place: str) -> str | None:
    """ "gemeente X" / "stad X" for a place: an entity's spelling, else the noun the text
    uses most ("de stad wil ..."), the first of the table on a tie."""
    nouns = lexicon().municipality_nouns
    if not nouns:
        return None
    named = _town_body(entities, place)
    if named is not None:
        return named
    counts = {
        noun: len(regex.findall(rf"\b{regex.escape(noun)}\b", text, regex.IGNORECASE))
        for noun in nouns
    }
    noun = max(nouns, key=lambda n: (counts[n], -nouns.index(n)))
    return f"{noun} {place}"


def _police_unit(word: str, entities: Sequence[Entity], lex: Lexicon) -> str | None:
    """The police unit the release names with a descriptor, as written ("lokale politie
    Gent", "Politie Eenheid Amsterdam"); a bare "Politie Limburg" names none.

    >>> e = Entity(start=0, end=24, text="lokale politie Antwerpen", label="INSTITUTION", norm=None)
    >>> _police_unit("politie", [e], lexicon())
    'lokale politie Antwerpen'
    """
    spellings: dict[str, Counter[str]] = {}
    for entity in entities:
        if entity.label != "INSTITUTION":
            continue
        unit_words = words(entity.text)
        if word in unit_words and any(w in lex.police_unit_words for w in unit_words):
            spellings.setdefault(entity.text.lower(), Counter())[entity.text] += 1
    if not spellings:
        return None
    _, variants = max(spellings.items(), key=lambda item: sum(item[1].values()))
    # a spelling from mid-sentence ("federale politie") over a capitalised sentence opening
    lower = [v for v in variants if v[:1].islower()]
    return lower[0] if lower else variants.most_common(1)[0][0]


def _government_name(text: str, noun: str) -> str:
    """A government noun as the release names it: with the adjective it most often
    carries ("federale regering"), or an entity spelling ("Vlaamse Regering")."""
    found = Counter(
        (m.group(1), m.group(2))
        for m in regex.finditer(rf"\b(\p{{L}}+e)\s+({regex.escape(noun)})\b", text, regex.I)
        if m.group(1).lower() not in lexicon().articles | lexicon().determiners
    )
    if found:
        (adjective, spelt), _ = found.most_common(1)[0]
        return f"{adjective} {spelt}" if spelt[0].isupper() else f"{adjective.lower()} {spelt}"
    return noun


def find_statements(context: ReleaseContext) -> list[Statement]:
    """Policy statements of a release's body paragraphs, sorted by start.

    >>> t = "De gemeente heeft besloten de proef te verlengen."
    >>> [s.type for s in find_statements(ReleaseContext(t, [(0, len(t))]))]
    ['decision']
    """
    statements: list[Statement] = []
    list_type: StatementType | None = None
    list_actor: str | None = None
    lead_statement: Statement | None = None
    for para_start, para_end in context.paragraphs:
        statements.extend(_paragraph_statements(context, para_start, para_end))
        lead = _list_lead(context, para_start, para_end, statements)
        if lead is not None:
            list_type, list_actor = lead
            own = [st for st in statements if para_start <= st.start < para_end]
            lead_statement = own[-1] if own else None
        elif (para_start, para_end) not in context.list_items:
            list_type = None
        if (
            list_type is not None
            and (para_start, para_end) in context.list_items
            and not any(para_start <= st.start < para_end for st in statements)
        ):
            statements.append(_list_statement(context, para_start, para_end, list_type, list_actor))
            if lead_statement is not None and lead_statement in statements:
                # "De regering besliste ook:" only announces the decisions listed below it
                statements.remove(lead_statement)
    return sorted(statements, key=lambda st: st.start)


def _paragraph_statements(
    context: ReleaseContext, para_start: int, para_end: int
) -> list[Statement]:
    """Statements of one paragraph, sentence by sentence, clause by clause."""
    text = context.text
    edges = [
        edge
        for q in context.quotes
        if para_start <= q.start < para_end or para_start < q.end <= para_end
        for edge in (q.start, q.end)
    ]
    statements: list[Statement] = []
    previous_found = False
    for s_start, s_end in split_sentences(text, para_start, para_end, edges):
        sentence_words = words(text[s_start:s_end])
        if (
            s_start - 4 <= max((e for e in edges if e <= s_start), default=-9)
            and opens_with_speech_verb(text[s_start:s_end])
            and sentence_words[0] not in context.lex.according_to
        ):
            continue  # "…”, adviseert X van de politie." attributes, it does not state
        if (
            previous_found
            and sentence_words[0] in context.lex.attribution_openers
            and sentence_words[1] in context.lex.attribution_verbs
        ):
            # "Dat spraken beide landen af." restates the statement just before it.
            previous_found = False
            continue
        found = [
            st
            for c_start, c_end in split_clauses(text, s_start, s_end, context.lex)
            if (st := _statement(context, c_start, c_end, (para_start, para_end)))
        ]
        statements.extend(found)
        previous_found = bool(found)
    return statements


def _list_lead(
    context: ReleaseContext, start: int, end: int, statements: Sequence[Statement]
) -> tuple[StatementType, str | None] | None:
    """A paragraph ending in ':' that announces decided measures ("De regering besliste
    ook:", "Enkele maatregelen:"): the type and actor its list items take."""
    if not context.text[start:end].rstrip().endswith(":"):
        return None
    own = [st for st in statements if start <= st.start < end]
    if own:
        return own[-1].type, own[-1].actor
    if any(w in context.lex.list_lead_words for w in words(context.text[start:end])):
        return "decision", context.publisher
    return None


def _list_statement(
    context: ReleaseContext, start: int, end: int, kind: StatementType, actor: str | None
) -> Statement:
    start, end = _trim_item(context.text, start, end)
    text = context.text[start:end]
    lex = context.lex
    return Statement(
        start=start,
        end=end,
        text=text,
        type=kind,
        actor=actor,
        speaker=None,
        polarity=polarity_of(text, 0, lex),
        modality=modality_of(text, lex),
        entities=[k for k, e in enumerate(context.entities) if start <= e.start and e.end <= end],
        quantities=[
            k for k, q in enumerate(context.quantities) if start <= q.start and q.end <= end
        ],
    )


def _trim_item(text: str, start: int, end: int) -> tuple[int, int]:
    """A list item without its bullet and closing ';'/'.'."""
    while start < end and text[start] in "-–•*· \t":
        start += 1
    while end > start and text[end - 1] in ";., \t":
        end -= 1
    return start, end


def _quote_of(context: ReleaseContext, start: int, end: int) -> Quote | None:
    for quote in context.quotes:
        inside = min(end, quote.end) - max(start, quote.start)
        if inside > (end - start) / 2:
            return quote
    return None


def _actor_entities(context: ReleaseContext, start: int, end: int) -> list[Entity]:
    return [
        e
        for e in context.entities
        if e.label in ACTOR_LABELS
        and start <= e.start
        and e.end <= end
        and (
            e.label != "COUNTRY"
            or e.text in _country_names()
            or _before_authority(context.text, e) is not None
        )
    ]


def _before_authority(text: str, entity: Entity) -> int | None:
    """End of the authority noun right after a country adjective ("Marokkaanse
    autoriteiten"), or None."""
    following = words(text[entity.end : entity.end + 40])[:1]
    if following and following[0] in lexicon().authority_nouns:
        return text.index(following[0], entity.end) + len(following[0])
    return None


@cache
def _country_names() -> frozenset[str]:
    """Country names of the entities layer's table: a country acts by its name, not by
    a demonym ("Oekraïners") or an adjective ("Marokkaanse")."""
    return frozenset(read_json("countries.json"))


def _has_actor(context: ReleaseContext, start: int, end: int) -> bool:
    if any(e.start < end and start < e.end for e in _actor_entities(context, 0, len(context.text))):
        return True
    lex = context.lex
    return any(
        w in lex.first_person or w in lex.authority_nouns for w in words(context.text[start:end])
    )


def _usable(context: ReleaseContext, match: CueMatch, span: tuple[int, int], quoted: bool) -> bool:
    """Whether a cue counts: a weak one must be a main-clause verb with an actor near it."""
    cue, lex = match.cue, context.lex
    start, end = span
    clause = context.text[start:end]
    if cue.needs_main_verb and not in_main_clause(clause, match.start, lex):
        return False
    if cue.priority < 3 and any(p.search(clause) for p in lex.weak_blockers):
        return False
    if cue.fact_blocked and lex.body_actions is not None and is_fact(clause, lex.body_actions):
        return False
    if not cue.needs_actor or quoted or _according_to(context, start, end) is not None:
        return True
    head = clause[: match.start]
    zone_start = start + max(head.rfind(","), head.rfind(":")) + 1
    zone_end = start + match.end + lex.actor_zone_after
    if any(w in lex.subject_pronouns for w in words(context.text[zone_start:zone_end])):
        return True  # "Die netwerken willen we oprollen": a pronoun is never misparsed as body
    has_actor = _subject_has_actor(context, zone_start, zone_end)
    return has_actor if has_actor is not None else _has_actor(context, zone_start, zone_end)


def _according_to(context: ReleaseContext, start: int, end: int) -> str | None:
    """The person a clause is attributed to by its opening ("Volgens De Wit moet ..."),
    or None."""
    opening = words(context.text[start:end])[:1]
    if not opening or opening[0] not in context.lex.according_to:
        return None
    for mention in person_mentions(context.text, context.people):
        if start < mention.start <= start + SUBJECT_AFTER_CHARS and mention.end <= end:
            return mention.name
    return None


def _subject_has_actor(context: ReleaseContext, start: int, end: int) -> bool | None:
    """With a parse: whether a subject in the span is an actor (None without one)."""
    if context.subjects is None:
        return None
    spans = [(s, e) for s, e in context.subjects if start <= s < end]
    if not spans:
        return None
    return any(_has_actor(context, s, e) for s, e in spans)


def _statement(
    context: ReleaseContext, start: int, end: int, paragraph: tuple[int, int]
) -> Statement | None:
    text, lex = context.text, context.lex
    clause = text[start:end]
    if clause.rstrip().endswith("?"):
        return None  # a question asks; it does not state
    quote = _quote_of(context, start, end)
    if quote is not None and quote.speaker is None and len(words(quote.text)) < SHORT_QUOTE_WORDS:
        return None  # a campaign name or title in quotation marks ("‘Blijf alert’")
    matches = [
        m for m in find_cues(clause, lex) if _usable(context, m, (start, end), quote is not None)
    ]
    if is_imperative(clause, lex):
        matches.append(CueMatch(cue=_IMPERATIVE, start=0, end=0))
    if not any(m.cue.priority >= 2 for m in matches):
        action = body_action(
            clause,
            lambda s, e: _names_body(context, start + s, start + e),
            lex,
            lambda s: _present_verb(context, start + s),
        )
        if action is not None:
            matches.append(action)
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.cue.priority, -m.start))
    cue = best.cue
    actor_entity = [] if cue.passive else _subject_entity(context, start, end, start + best.start)
    kind: StatementType = cue.type
    if cue.body_type is not None and (
        (actor_entity and actor_entity[0].label in BODY_LABELS)
        or _addresses_authority(context, clause[best.end :])
        or any(w in lex.deciding_bodies for w in words(clause[: best.start]))
    ):
        kind = cue.body_type
    modality = cue.modality or modality_of(clause, lex)
    return Statement(
        start=start,
        end=end,
        text=clause,
        type=kind,
        actor=(
            context.publisher
            if cue.appeal or cue.passive
            else _actor(
                context, start, end, start + best.start, quote, actor_entity, kind, paragraph
            )
        ),
        speaker=quote.speaker if quote is not None else None,
        polarity=cue.polarity or polarity_of(clause, best.start, lex),
        modality=modality,
        entities=[k for k, e in enumerate(context.entities) if start <= e.start and e.end <= end],
        quantities=[
            k for k, q in enumerate(context.quantities) if start <= q.start and q.end <= end
        ],
    )


def _names_body(context: ReleaseContext, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a noun phrase naming a body that acts: a public
    body, a country, a place, an official ("minister Janssen"), or an authority noun with
    its article and adjectives ("de federale regering")."""
    text, lex = context.text, context.lex
    phrase = words(text[start:end])
    if not phrase:
        return False
    if phrase in ([w] for w in lex.side_pronouns):
        return True  # "we" of the publishing body or of a quoted official's side
    for entity in context.entities:
        if entity.end != end or entity.start < start or entity.label not in ACTOR_LABELS:
            continue
        if entity.label == "ORGANIZATION":
            continue  # companies and parties act, but their acts are no policy of a body
        if entity.label == "COUNTRY" and entity.text not in _country_names():
            continue
        if entity.label == "PERSON" and not _official(context, entity):
            continue
        return subject_words_ok(text[start:end], lex, len(words(entity.text)))
    if phrase[-1] in lex.authority_nouns and phrase[-1] not in lex.opinion_nouns:
        return subject_words_ok(text[start:end], lex, 1)
    return False


def _official(context: ReleaseContext, entity: Entity) -> bool:
    """Whether a person mention is an official: a role noun stands before it, or the
    people layer gives the person a role."""
    before = words(context.text[max(0, entity.start - 30) : entity.start])[-1:]
    if before and before[0] in context.lex.authority_nouns:
        return True
    name = entity.norm or entity.text
    return any(p.roles and (p.name == name or entity.text in p.mentions) for p in context.people)


def _present_verb(context: ReleaseContext, start: int) -> bool:
    """With a tagger: the word is no past-tense verb; without one, any word may be."""
    if context.verb_tenses is None:
        return True
    return context.verb_tenses.get(start, "") != "Past"


def _addresses_authority(context: ReleaseContext, rest: str) -> bool:
    """Whether the words right after an advice verb name a public authority ("adviseert
    het kabinet", "vraagt de minister"): advice to government is a proposal."""
    lex = context.lex
    head = words(rest)[:3]
    return any(w in lex.authority_nouns and w not in lex.publisher_words for w in head)


def _subject_entity(context: ReleaseContext, start: int, end: int, cue_at: int) -> list[Entity]:
    """The named actor(s) of the clause: a parsed subject, else the named actor nearest
    before the cue (else after it); "A en B" gives both."""
    candidates = _actor_entities(context, start, end)
    bodies = [e for e in candidates if e.label != "LOCATION"]
    candidates = bodies or candidates  # a place acts only when no body is named
    if context.subjects is not None:
        in_subject = [
            e
            for e in candidates
            if any(s <= e.start and e.end <= t for s, t in context.subjects if start <= s < end)
        ]
        if in_subject:
            return _coordinated(context, candidates, in_subject[0])
    before = [e for e in candidates if e.end <= cue_at]
    lex = context.lex
    if not before and any(w in lex.publisher_words for w in words(context.text[start:cue_at])):
        return []  # "De politie zet in op ...": the publishing body is the subject
    # inverted order: the subject follows the finite verb ("Verder engageert Marokko zich")
    after = [e for e in candidates if cue_at <= e.start < cue_at + SUBJECT_AFTER_CHARS]
    if not before and not after:
        return []
    head = before[-1] if before else after[0]
    if before and len(before) >= 2:
        # the subject opens the clause more often than it stands right before the verb
        first = before[0]
        opening = words(context.text[start : first.start])
        if all(w in lex.articles or w in lex.subject_openers for w in opening):
            head = first
    return _coordinated(context, candidates, head)


def _coordinated(context: ReleaseContext, candidates: list[Entity], head: Entity) -> list[Entity]:
    """The head with the actors joined to it by "en" or a comma ("België en Marokko")."""

    coordinators = context.lex.coordinators

    def joined(left: Entity, right: Entity) -> bool:
        between = context.text[left.end : right.start]
        # "het COA en de gemeente Eindhoven": articles do not break the coordination
        joint = [w for w in words(between) if w not in context.lex.articles]
        return right.start > left.end and (
            not joint or (len(joint) == 1 and joint[0] in coordinators)
        )

    group = [head]
    for e in reversed([c for c in candidates if c.end <= head.start]):
        if not joined(e, group[0]):
            break
        group.insert(0, e)
    for e in [c for c in candidates if c.start >= head.end]:
        if not joined(group[-1], e):
            break
        group.append(e)
    return group


def _name(text: str, entity: Entity, entities: Sequence[Entity] = ()) -> str:
    """The actor's name: a person's or body's canonical name, a country as written;
    a country adjective before an authority noun gives the phrase ("de Marokkaanse
    autoriteiten"); a municipal organ gives its municipality."""
    if entity.label != "COUNTRY":
        if entity.norm and entity.norm.lower() == entity.text.lower():
            name = entity.text  # "lokale politie Gent" as written, not re-capitalised
        else:
            name = entity.norm or entity.text
        if entity.label == "INSTITUTION":
            return municipality_of(text, entities, name, executive_only=True) or name
        if entity.label == "LOCATION":
            return _town_body(entities, entity.text) or name  # "Utrecht wil ..."
        return name
    noun_end = _before_authority(text, entity)
    if noun_end is not None:
        head = text[max(0, entity.start - 4) : entity.start]
        if head.lower().endswith("de "):
            return "de " + text[entity.start : noun_end]  # "De Spaanse regering" mid-list
        return text[entity.start : noun_end]
    return entity.text


def _actor(
    context: ReleaseContext,
    start: int,
    end: int,
    cue_at: int,
    quote: Quote | None,
    named: list[Entity],
    kind: StatementType,
    paragraph: tuple[int, int],
) -> str | None:
    lex = context.lex
    clause_words = words(context.text[start:end])
    if quote is not None and quote.speaker and any(w in lex.subject_pronouns for w in clause_words):
        # "we" in a quotation is the speaker's side: the body they lead when it acts
        if kind in lex.side_types and any(w in lex.side_pronouns for w in clause_words):
            return speaker_body(context, quote.speaker) or quote.speaker
        return quote.speaker
    according_to = _according_to(context, start, end)
    if according_to is not None and quote is None:
        return according_to  # "Volgens De Wit moet ...": her position
    if named:
        names = list(dict.fromkeys(_name(context.text, e, context.entities) for e in named))
        # "Duitsland, Nederland en Zweden"
        return " en ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
    subject = _subject_noun_phrase(context.text[start:cue_at], lex)
    if subject is None:
        # an inverted subject right after the finite verb ("Vanaf 2026 betaalt de overheid")
        following = words(context.text[cue_at:end])[1:3]
        if (
            len(following) == 2
            and following[0] in lex.articles
            and following[1] in lex.authority_nouns
        ):
            subject = following[1]
    if subject is not None and quote is None:
        return _full_body(context, subject)  # "De federale regering besliste ..."
    if subject is not None and words(subject)[-1] in lex.municipality_nouns:
        # a quoted official on what "de stad" or "de gemeente" does: the town acts
        full = _full_body(context, subject)
        if full != subject:
            return full
    if quote is not None and quote.speaker:
        return quote.speaker
    if any(w in lex.third_person for w in clause_words[:3]):
        before = [m for m in person_mentions(context.text, context.people) if m.end <= start]
        if before:
            return before[-1].name
    if kind == "decision":
        # a passive decision: the deciding body named nearby in the paragraph
        bodies = [e for e in context.entities if e.label == "INSTITUTION" and _within(e, paragraph)]
        if bodies:
            after = [e for e in bodies if e.start >= end]
            return _name(context.text, after[0] if after else bodies[-1], context.entities)
    return context.publisher


def _body_name(context: ReleaseContext, entity: Entity) -> str:
    return entity.norm or entity.text


def _bodies(context: ReleaseContext) -> list[Entity]:
    """The named bodies of the release, most often named first."""
    bodies = [e for e in context.entities if e.label in BODY_LABELS]
    counts = Counter(_body_name(context, e) for e in bodies)
    return sorted(bodies, key=lambda e: -counts[_body_name(context, e)])


def _full_body(context: ReleaseContext, subject: str) -> str:
    """A body named by its bare noun ("de stad", "de regering") as the release names it
    in full ("stad Gent", "federale regering"); else the noun phrase itself.

    >>> t = "De federale regering besliste. De regering plant meer."
    >>> _full_body(ReleaseContext(t, [(0, len(t))]), "regering")
    'federale regering'
    """
    nouns = words(subject)
    if len(nouns) != 1:
        return subject
    noun = nouns[0]
    if noun in context.lex.publisher_words:
        # the publishing police by the unit the release names, else their plain name
        publisher = context.publisher or ""
        return publisher if noun in words(publisher) else subject
    for entity in _bodies(context):
        name = _body_name(context, entity)
        name_words = words(name)
        if len(name_words) > 1 and name_words[0] == noun:
            return name  # "stad" -> "stad Gent"
    holders = {p.name for p in context.people for role in p.roles if noun in words(role)[:2]}
    if len(holders) == 1:
        return holders.pop()  # "de minister" of a release quoting one minister
    if noun in context.lex.municipality_nouns:
        # "de stad" of a release naming only the town's organs ("gemeenteraad van Gent")
        for entity in _bodies(context):
            municipality = municipality_of(
                context.text, context.entities, _body_name(context, entity)
            )
            if municipality is not None:
                return municipality
        # "de stad" of the town whose mayor the release quotes ("burgemeester van Gent")
        kinds = dict(context.lex.role_bodies)
        for person in context.people:
            for role in person.roles:
                place = _ORGAN_PLACE.search(role)
                if place and noun in kinds.get(words(role)[0], ()):
                    named = _municipality_named(context.text, context.entities, place.group(1))
                    own = named is not None and named.partition(" ")[0] == noun
                    return named if own and named else f"{noun} {place.group(1)}"
    # an adjective the release puts before the same noun elsewhere ("federale regering")
    found = Counter(
        m.group(1).lower()
        for m in regex.finditer(rf"\b(\p{{Ll}}+e)\s+{regex.escape(noun)}\b", context.text)
        if m.group(1).lower() not in context.lex.articles | context.lex.determiners
    )
    if found:
        return f"{found.most_common(1)[0][0]} {noun}"
    return subject


def speaker_body(context: ReleaseContext, speaker: str) -> str | None:
    """The body a quoted official leads or speaks for, from their role: a body the role
    names ("directeur van Frontex"), or the body of the role's kind at the role's place
    ("burgemeester van Eindhoven" -> "gemeente Eindhoven").

    >>> from persbericht.records import Entity, Person
    >>> t = "De gemeente Breda en burgemeester Jan Smit."
    >>> body = Entity(start=3, end=17, text="gemeente Breda", label="INSTITUTION", norm=None)
    >>> mayor = Person(name="Jan Smit", roles=["burgemeester van Breda"], mentions=["Jan Smit"])
    >>> speaker_body(ReleaseContext(t, [(0, len(t))], entities=[body], people=[mayor]), "Jan Smit")
    'gemeente Breda'
    """
    lex = context.lex
    person = next((p for p in context.people if p.name == speaker), None)
    if person is None:
        return None
    role_nouns = dict(lex.role_bodies)
    bodies = _bodies(context)
    for role in person.roles:
        role_words = set(regex.split(r"[\s\-]+", role.lower()))
        head = words(role)[0] if words(role) else ""
        if head in lex.own_voice_roles:
            return None  # a minister's "we" is quoted as their own
        kinds = role_nouns.get(head, ())
        for entity in bodies:
            name_words = words(_body_name(context, entity))
            own = [w for w in name_words if w not in lex.name_words]
            if kinds and name_words[0] in kinds:
                place = [w for w in own if w not in kinds]
                if place and all(w in role_words for w in place):
                    return _body_name(context, entity)  # "gemeente Eindhoven"
                continue
            text_words = [w for w in words(entity.text) if w not in lex.name_words]
            if text_words and all(w in role_words for w in text_words):
                # "directeur van Frontex"; a name the role spells out is kept as spelt
                at = role.lower().find(_body_name(context, entity).lower())
                name = _body_name(context, entity)
                return role[at : at + len(name)] if at >= 0 else name
        local = _local_body(context, role, kinds, bodies)
        if local is not None:
            return local  # "schepen van Mobiliteit": the town the release names
        for word in lex.publisher_words:
            if word in role_words and word in words(context.publisher or ""):
                return context.publisher  # "woordvoerder van de politie"
    return None


def _local_body(
    context: ReleaseContext, role: str, kinds: Sequence[str], bodies: Sequence[Entity]
) -> str | None:
    """For a local official whose role names a portfolio, not a place ("wethouder
    Financiën"), the body of the role's kind the release names most ("gemeente Utrecht");
    None when the role names a place of the release (a body of another town).

    >>> from persbericht.records import Entity
    >>> t = "De stad Gent en schepen Els Peeters."
    >>> gent = Entity(start=3, end=11, text="stad Gent", label="INSTITUTION", norm=None)
    >>> c = ReleaseContext(t, [(0, len(t))], entities=[gent])
    >>> _local_body(c, "schepen van Mobiliteit", ("stad", "gemeente"), [gent])
    'stad Gent'
    """
    if not kinds:
        return None
    places = {e.text for e in context.entities if e.label in ("LOCATION", "COUNTRY")}
    if any(place in role for place in places):
        return None
    for entity in bodies:
        name = _body_name(context, entity)
        if words(name)[:1] and words(name)[0] in kinds and len(words(name)) > 1:
            return name
    return None


def _subject_noun_phrase(head: str, lex: Lexicon) -> str | None:
    """The first authority noun before the cue with its adjectives ("federale regering").

    >>> _subject_noun_phrase("Daarom heeft de federale regering", lexicon())
    'federale regering'
    """
    tokens = words(head)
    for k, word in enumerate(tokens):
        if word in lex.authority_nouns:
            first = k
            while first > 0 and k - first < 3 and tokens[first - 1] not in lex.articles:
                first -= 1
            if first > 0 and tokens[first - 1] not in lex.articles:
                first = k  # no article in reach: the noun alone
            return " ".join(tokens[first : k + 1])
    return None


def _within(entity: Entity, span: tuple[int, int]) -> bool:
    return span[0] <= entity.start and entity.end <= span[1]


def _subject_spans(doc: Doc) -> list[tuple[int, int]] | None:
    if not doc.has_annotation("DEP"):
        return None
    spans: list[tuple[int, int]] = []
    heads: set[int] = set()
    for token in doc:
        if token.dep_ in ("nsubj", "nsubj:pass", "expl"):
            if token.head.i in heads:
                continue  # a verb has one subject: a second "nsubj" is a misparsed object
            heads.add(token.head.i)
            left, right = token.left_edge, token.right_edge
            spans.append((left.idx, right.idx + len(right.text)))
    return spans


def _verb_tenses(doc: Doc) -> dict[int, str] | None:
    """Tense of each verb the tagger found, by start offset (None without a tagger)."""
    if not doc.has_annotation("POS"):
        return None
    return {
        token.idx: ",".join(token.morph.get("Tense", []))
        for token in doc
        if token.pos_ in ("VERB", "AUX")
    }


class StatementTagger:
    """Fills ``doc._.persbericht.quotes`` (with speakers) and ``.statements``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = doc_state(doc)
        page = state.page
        if page is None:
            return doc
        text = doc.text
        paragraph_spans = [(p.start, p.end) for p in page.paragraphs]
        quotes = attribute_speakers(text, page.quotes, paragraph_spans, state.people, page.author)
        state.quotes = quotes
        body = [(b.start, b.end) for b in page.blocks if b.kind in BODY_BLOCKS]
        context = ReleaseContext(
            text=text,
            paragraphs=body,
            list_items=frozenset((b.start, b.end) for b in page.blocks if b.kind == "list_item"),
            quotes=quotes,
            entities=state.entities,
            people=state.people,
            quantities=state.quantities,
            publisher=publishing_body(text, page.author, state.entities, state.people),
            subjects=_subject_spans(doc),
            verb_tenses=_verb_tenses(doc),
        )
        state.statements = find_statements(context)
        return doc


@Language.factory("persbericht_statements")
def make_statements(nlp: Language, name: str) -> StatementTagger:
    """Build the ``persbericht_statements`` component."""
    return StatementTagger(name)
