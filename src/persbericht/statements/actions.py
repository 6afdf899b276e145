"""Present-tense acts of a body: "De provincie start in maart met ...", "Fedasil opent
een nieuw opvangcentrum".

A release states many of its decisions and plans without a verb of deciding: the body
is the subject and its finite verb follows it (or, after an opening adverbial, precedes
it). Such a clause is a statement when it holds a future time phrase or when its verb is
a policy act (``body_actions`` in ``resources/statement_cues.json``); never when it
speaks of an investigation or a suspect. Pure functions on strings: the caller says
which spans name a body and whether a word may be a present-tense verb.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from persbericht.statements.cues import BodyActions, Cue, CueMatch, Lexicon, word_spans, words

#: (start, end) of a clause piece -> whether it names a body that can act
BodyTest = Callable[[int, int], bool]
#: start of a word -> whether it may be a present-tense finite verb
VerbTest = Callable[[int], bool]


def _cue(actions: BodyActions, clause: str) -> Cue:
    """A decision, or a commitment when the act spans a future period or has a deadline."""
    kind = actions.programme_type if actions.programme.search(clause) else actions.type
    return Cue(type=kind, priority=2, pattern=regex.compile(""))


def is_fact(clause: str, actions: BodyActions) -> bool:
    """Whether the clause speaks of an investigation or a suspect (a plain fact).

    >>> from persbericht.statements.cues import lexicon
    >>> is_fact("De verdachte wordt volgende week voorgeleid.", lexicon().body_actions)
    True
    """
    text = clause.lower()
    return any(
        regex.search(rf"\b{regex.escape(word)}\b", text) is not None for word in actions.fact_words
    )


def _could_be_verb(word: str, actions: BodyActions) -> bool:
    return (
        len(word) >= 3
        and word not in actions.not_verbs
        and any(word.endswith(ending) for ending in actions.verb_endings)
    )


def body_action(
    clause: str,
    is_body: BodyTest,
    lex: Lexicon,
    verb_ok: VerbTest = lambda _: True,
) -> CueMatch | None:
    """The finite verb of a body's present-tense act in ``clause``, as a cue match.

    >>> from persbericht.statements.cues import lexicon
    >>> t = "De provincie start in maart met de aanleg van een fietsbrug."
    >>> found = body_action(t, lambda s, e: t[s:e] == "De provincie", lexicon())
    >>> (found.cue.type, t[found.start : found.end]) if found else None
    ('decision', 'start')
    >>> t = "De provincie investeert de komende vier jaar 500 miljoen euro in het stroomnet."
    >>> found = body_action(t, lambda s, e: t[s:e] == "De provincie", lexicon())
    >>> found.cue.type if found else None
    'commitment'
    >>> body_action("De politie hield twee verdachten aan.", lambda s, e: True, lexicon())
    """
    actions = lex.body_actions
    if actions is None or is_fact(clause, actions):
        return None
    tokens = word_spans(clause)
    first = 0
    while first < len(tokens) and tokens[first][2] in actions.opening_words:
        first += 1
    if first >= len(tokens):
        return None
    verb = _subject_then_verb(tokens, first, is_body, actions)
    if verb is None:
        # "Vanaf 2026 betaalt de overheid ...": an opening time phrase, the verb, the subject
        opening = actions.future.match(clause, tokens[first][0])
        after = [k for k, t in enumerate(tokens) if opening and t[0] >= opening.end()]
        at = after[0] if opening and after else first
        if 0 < at < len(tokens) - 1 and _body_at(tokens, at + 1, is_body, actions) is not None:
            verb = at
    if verb is None:
        return None
    start, end, word = tokens[verb]
    if not _could_be_verb(word, actions) or (clause[start].isupper() and verb > 0):
        return None
    if not verb_ok(start):
        return None
    rest = clause[start:]
    if actions.future.search(clause) is None and not any(
        p.match(rest) for p in actions.action_verbs
    ):
        return None
    return CueMatch(cue=_cue(actions, clause), start=start, end=end)


def _subject_then_verb(
    tokens: list[tuple[int, int, str]], first: int, is_body: BodyTest, actions: BodyActions
) -> int | None:
    """Index of the word after a body subject that opens at ``first``, or None."""
    end = _body_at(tokens, first, is_body, actions)
    return end if end is not None and end < len(tokens) else None


def _body_at(
    tokens: list[tuple[int, int, str]], first: int, is_body: BodyTest, actions: BodyActions
) -> int | None:
    """Index just past the longest body phrase opening at ``first``, or None."""
    best = None
    for last in range(first, min(len(tokens), first + actions.subject_max_words)):
        if is_body(tokens[first][0], tokens[last][1]):
            best = last + 1
    return best


def subject_words_ok(phrase: str, lex: Lexicon, head_words: int) -> bool:
    """Whether the words before a phrase's head are articles, adjectives or authority
    nouns ("de federale", "minister"): the phrase is one noun phrase, not a clause.

    >>> from persbericht.statements.cues import lexicon
    >>> subject_words_ok("De federale regering", lexicon(), 1)
    True
    >>> subject_words_ok("Na de brand de regering", lexicon(), 1)
    False
    """
    before = words(phrase)[: len(words(phrase)) - head_words]
    return all(
        w in lex.articles or w in lex.authority_nouns or (w.endswith("e") and len(w) > 3)
        for w in before
    )
