"""Component ``persbericht_quantities``: numeric claims with unit, kind, counted and period.

The core :func:`find_claims` works on a plain string plus the time expressions of the
times layer; the component adds the dependency parse when the pipeline has one.

>>> claims = find_claims("Er zijn bijna 80.000 Marokkanen.")
>>> [(q.text, q.value, q.qualifier, q.unit) for q in claims]
[('bijna 80.000', 80000, 'almost', 'Marokkanen')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from persbericht.quantities.numbers import NumberPhrase, Token, find_number_phrases, tokenize
from persbericht.records import ClaimPeriod, Quantity, QuantityKind, Time
from persbericht.resources import read_json
from persbericht.stages import doc_state

SENTENCE_END_RE = re.compile(r"\n+|(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9À-Ý])")

TRAILING_NUMBER_RE = re.compile(r"\s+\d[\d.,]*(?:\s+[^\W\d]+)?\s*$")

#: A head noun found by the parser: (start, end) of the unit words, and of the counted phrase.
ParsedUnit = tuple[tuple[int, int] | None, tuple[int, int] | None]


@dataclass(frozen=True)
class _Context:
    non_claims: dict[str, Any]
    units: dict[str, Any]
    words: dict[str, Any]
    patterns: tuple[re.Pattern[str], ...]
    participle: re.Pattern[str]


@cache
def _context() -> _Context:
    non_claims: dict[str, Any] = read_json("non_claims.json")
    words: dict[str, Any] = read_json("quantity_context.json")
    return _Context(
        non_claims=non_claims,
        units=read_json("units.json"),
        words=words,
        patterns=tuple(re.compile(p) for p in non_claims["patterns"]),
        participle=re.compile(words["participle_re"]),
    )


@cache
def _lowers(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower for t in tokenize(phrase))


def _phrase_at(tokens: Sequence[Token], i: int, phrase: str) -> bool:
    words = _lowers(phrase)
    if i < 0 or i + len(words) > len(tokens):
        return False
    return all(tokens[i + k].lower == w for k, w in enumerate(words))


def _ends_at(tokens: Sequence[Token], i: int, phrase: str) -> bool:
    """Does ``phrase`` end just before token ``i``?"""
    return _phrase_at(tokens, i - len(_lowers(phrase)), phrase)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (lines and sentence-final punctuation), without spaCy.

    >>> split_sentences("Titel\\n\\nZe kwamen. Het was 12 uur.")
    [(0, 5), (7, 17), (18, 33)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# --- what is not a claim -------------------------------------------------------------


def _blocked_spans(text: str, times: Sequence[Time]) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for p in _context().patterns for m in p.finditer(text)]
    spans.extend((t.start, t.end) for t in times)
    return spans


def _is_year(phrase: NumberPhrase, tokens: Sequence[Token], unit_found: bool) -> bool:
    """A bare year ("in 2014", "medio 2022"): four plain digits 1900-2100 without a unit."""
    digits = tokens[phrase.first_token].text
    if unit_found or phrase.first_token != phrase.last_token:
        return False
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def _is_age(phrase: NumberPhrase, tokens: Sequence[Token], text: str) -> bool:
    data = _context().non_claims
    i, j = phrase.first_token, phrase.last_token + 1
    after = text[phrase.number_end : phrase.number_end + 24].lower().lstrip(" -–")
    if any(after.startswith(w) for w in data["age_after"]):
        return True
    # "in de leeftijd van 18, 19 en 23 jaar": walk back over the list to the age cue.
    k = i
    while k >= 2 and tokens[k - 1].lower in {",", "en"} and tokens[k - 2].text[0].isdigit():
        k -= 2
    unit_after = tokens[j].lower if j < len(tokens) else ""
    no_other_unit = unit_after == "jaar" or unit_after not in _context().units["units"]
    if no_other_unit and any(_ends_at(tokens, k, w) for w in data["age_before"]):
        return True
    if k != i and k >= 2 and tokens[k - 1].lower == "van":
        return tokens[k - 2].lower in data["age_person_nouns"]
    # "Piet (34)": an age in brackets; small numbers in brackets are counts ("Maastricht (2)").
    if (
        i > 0
        and j < len(tokens)
        and tokens[i - 1].text == "("
        and tokens[j].text == ")"
        and isinstance(phrase.value, int)
        and data["age_bounds"][0] <= phrase.value <= data["age_bounds"][1]
    ):
        return True
    # Age limits: "jongeren tot 18 jaar", "kinderen onder de 12 jaar".
    if j < len(tokens) and tokens[j].lower == "jaar":
        window = [t.lower for t in tokens[max(0, i - 4) : i]]
        if any(w in data["age_person_nouns"] for w in window) and any(
            w in data["age_limit_words"] for w in window
        ):
            return True
    # "een man van 34 (jaar)"
    return (
        i >= 2
        and tokens[i - 1].lower == "van"
        and tokens[i - 2].lower in data["age_person_nouns"]
        and (
            j >= len(tokens)
            or tokens[j].lower not in _context().units["units"]
            or tokens[j].lower == "jaar"
        )
    )


def _from_to(tokens: Sequence[Token], phrase: NumberPhrase, following: NumberPhrase) -> bool:
    """'van 174 naar 250 euro': the first number is followed by 'naar' and the second."""
    joiners = read_json("qualifiers.json")["from_to_joiners"]
    j = phrase.last_token + 1
    return (
        following.first_token == j + 1
        and j < len(tokens)
        and tokens[j].lower in joiners
        and phrase.first_token > 0
        and tokens[phrase.first_token - 1].lower == "van"
    )


def _is_age_range(phrase: NumberPhrase, unit_phrase: NumberPhrase, tokens: Sequence[Token]) -> bool:
    """'verdachten tussen 24 en 51 jaar (oud)', 'van 19 tot 33 jaar': ages, not durations."""
    data = _context().non_claims
    if phrase.range_role is None:
        return False
    low, high = (phrase, unit_phrase) if phrase.range_role == "low" else (None, phrase)
    j = high.last_token + 1
    if j >= len(tokens) or tokens[j].lower != "jaar":
        return False
    if j + 1 < len(tokens) and tokens[j + 1].lower in data["age_range_not_after"]:
        return False
    if low is None:
        # The high end: find its low end's value just before the separator.
        k = high.first_token - 1
        while k >= 0 and not tokens[k].text.isdigit():
            k -= 1
        low_value: float = float(tokens[k].text) if k >= 0 else 0.0
    else:
        low_value = float(low.value)
    youngest, oldest = data["age_bounds"]
    return bool(low_value >= youngest and float(high.value) <= oldest)


def _is_reference_number(phrase: NumberPhrase, tokens: Sequence[Token], text: str) -> bool:
    """Law articles, list numbers, phone numbers, clock times, identifiers, idioms."""
    data = _context().non_claims
    i, j = phrase.first_token, phrase.last_token + 1
    first = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[j] if j < len(tokens) else None
    # "artikel 12", "week 12" (but "die week 312 overtredingen" is a count).
    if (
        prev is not None
        and prev.lower in data["reference_words_before"]
        and not (i >= 2 and tokens[i - 2].lower in data["reference_determiners"])
    ):
        return True
    # House numbers: "Schiedamseweg 112", "Kerkstraat 3".
    if (
        prev is not None
        and first.text.isdigit()
        and prev.text[:1].isupper()
        and prev.lower.endswith(tuple(data["street_suffixes"]))
    ):
        return True
    # "Zaaknummer: 2024123", "nr. #12"
    if (
        prev is not None
        and prev.text in {":", "#"}
        and i >= 2
        and tokens[i - 2].lower in data["reference_words_before"]
    ):
        return True
    if first.text[0].isdigit():
        # Glued to letters or hyphenated identifiers: "N201", "COVID-19", "26Koggen".
        if (
            prev is not None
            and prev.end == first.start
            and (prev.text.isalpha() or prev.text == "-")
        ):
            return not (prev.text == "-" and phrase.range_role == "high")
        # A score "2-1" (a range would run upwards).
        if (
            nxt is not None
            and nxt.text in {"-", "–"}
            and nxt.start == tokens[j - 1].end
            and j + 1 < len(tokens)
            and tokens[j + 1].start == nxt.end
            and tokens[j + 1].text.isdigit()
            and int(tokens[j + 1].text) <= phrase.value
        ):
            return True
        if nxt is not None and nxt.start == tokens[j - 1].end and nxt.text.isalpha():
            return nxt.lower not in _context().units["units"]
        if first.text in data["phone_numbers"] and (
            any(t.lower in data["phone_before"] for t in tokens[max(0, i - 2) : i])
            or (nxt is not None and nxt.lower in data["phone_after"])
            or (
                first.text in data["phone_numbers_alone"]
                and (nxt is None or not nxt.text.isalpha())
            )
        ):
            return True
        if len(first.text) > 1 and first.text.startswith("0") and first.text.isdigit():
            return True
        # Clock time "om 10 uur".
        if (
            nxt is not None
            and nxt.lower in data["clock_after"]
            and prev is not None
            and any(_ends_at(tokens, i, w) for w in data["clock_before"])
            and phrase.value <= 24
        ):
            return True
    for idiom in data["idioms"]:
        n = len(_lowers(idiom))
        if any(_phrase_at(tokens, k, idiom) for k in range(max(0, i - n + 1), i + 1)):
            return True
    return False


def _inside_time_expression(phrase: NumberPhrase, tokens: Sequence[Token]) -> bool:
    """'de eerste vijf maanden', 'twee jaar geleden': a duration that is part of a time."""
    data = _context().non_claims
    i, unit_index = phrase.first_token, phrase.last_token + 1
    before = i > 0 and tokens[i - 1].lower in data["time_duration_before"]
    after = unit_index + 1 < len(tokens) and (
        tokens[unit_index + 1].lower in data["time_duration_after"]
    )
    return before or after


def _is_date_part(phrase: NumberPhrase, tokens: Sequence[Token]) -> bool:
    data = _context().non_claims
    j = phrase.last_token + 1
    i = phrase.first_token
    months = set(data["months"])
    if i > 0 and tokens[i - 1].lower in data["weekdays"] and tokens[i].text.isdigit():
        return isinstance(phrase.value, int) and 1 <= phrase.value <= 31
    day = isinstance(phrase.value, int) and 1 <= phrase.value <= 31
    if j < len(tokens) and tokens[j].lower.rstrip(".") in months:
        # "28 maart" is a date; "1072 februari" in a table is not.
        return day
    # "1 en 2 maart", "3 t/m 5 mei"
    for joiner in ("en", "of", "tot", "t/m", "-", "tot en met"):
        k = j + len(_lowers(joiner))
        if (
            day
            and _phrase_at(tokens, j, joiner)
            and k + 1 < len(tokens)
            and tokens[k].text.isdigit()
            and tokens[k + 1].lower.rstrip(".") in months
        ):
            return True
    digits = tokens[i].text
    return (
        i > 0
        and tokens[i - 1].lower.rstrip(".") in months
        and len(digits) == 4
        and digits.isdigit()
        and 1900 <= int(digits) <= 2100
    )


# --- unit, kind, counted --------------------------------------------------------------


def _unit_after(
    text: str, tokens: Sequence[Token], phrase: NumberPhrase
) -> tuple[str | None, QuantityKind | None, int | None]:
    """(unit text, kind, index of the first counted token) from the words after the number."""
    units: dict[str, str] = _context().units["units"]
    j = phrase.last_token + 1
    if j >= len(tokens):
        return None, None, None
    for multi in _context().units["multiword_units"]:
        if _phrase_at(tokens, j, multi):
            n = len(_lowers(multi))
            end = tokens[j + n - 1].end
            return text[tokens[j].start : end], units.get(multi, "measure"), j  # type: ignore[return-value]
    word = tokens[j]
    if word.lower in units:
        return word.text, units[word.lower], j  # type: ignore[return-value]
    return None, None, None


def _is_participle(word: str) -> bool:
    """'aangehouden', 'gearresteerd' (but not 'gedetineerden', 'gevangenen': nouns)."""
    ctx = _context()
    if word in ctx.words["participle_exceptions"] or not ctx.participle.match(word):
        return False
    return not word.endswith(tuple(ctx.words["noun_endings_after_ge"]))


def _noun_after(text: str, tokens: Sequence[Token], j: int) -> tuple[str | None, int | None]:
    """Heuristic counted noun after the number: modifiers ending in -e, then the head."""
    ctx = _context()
    stop = set(ctx.words["stop_words"])

    def content(k: int) -> bool:
        if k >= len(tokens):
            return False
        tok = tokens[k]
        return tok.text.isalpha() or (
            ("'" in tok.text or "’" in tok.text) and tok.lower not in stop
        )

    def participle(k: int) -> bool:
        return _is_participle(tokens[k].lower)

    calendar = set(ctx.non_claims["months"]) | set(ctx.non_claims["weekdays"])
    if not content(j) or tokens[j].lower in stop or tokens[j].lower in calendar:
        return None, None
    if j > 0 and "\n" in text[tokens[j - 1].end : tokens[j].start]:
        return None, None  # the last cell of a table, then a heading on the next line
    first = j
    k = j
    # Adjectives and participles before the head: "potentiële inbrekers", "aangehouden
    # verdachten", "nationale en internationale partijen".
    while k + 1 < len(tokens) and k - first < 6:
        invariable = tokens[k].lower in ctx.words["invariable_modifiers"]
        if not (tokens[k].lower.endswith("e") or participle(k) or invariable):
            break
        if (
            tokens[k + 1].lower in {"en", "of"}
            and k + 3 < len(tokens)
            and tokens[k + 2].lower.endswith("e")
            and content(k + 3)
            and tokens[k + 3].lower not in stop
        ):
            k += 2
            continue
        if not content(k + 1) or tokens[k + 1].lower in stop or participle(k + 1):
            break
        k += 1
    if participle(k):
        return None, None
    return text[tokens[first].start : tokens[k].end], first


def _counted(text: str, tokens: Sequence[Token], first: int) -> str:
    """The counted noun with its complements, up to the clause end (heuristic window)."""
    ctx = _context()
    separators = set(ctx.words["clause_separators"]) | {".", "!", "?"}
    limit = int(ctx.words["counted_max_tokens"])
    k = first
    while k + 1 < len(tokens) and k + 1 - first < limit and tokens[k + 1].text not in separators:
        if "\n" in text[tokens[k].end : tokens[k + 1].start]:
            break
        k += 1
    return text[tokens[first].start : tokens[k].end]


# --- period ---------------------------------------------------------------------------


def _is_past(sentence: str) -> bool:
    ctx = _context()
    words = [t.lower for t in tokenize(sentence)]
    if any(w in ctx.words["past_markers"] for w in words):
        return True
    return _is_perfect(sentence)


def _is_perfect(sentence: str) -> bool:
    """'heeft dit jaar 68 keer opgelegd': a count up to now (not 'steeg dit jaar')."""
    ctx = _context()
    words = [t.lower for t in tokenize(sentence)]
    has_aux = any(w in ctx.words["perfect_auxiliaries"] for w in words)
    prefixed = re.compile(ctx.words["prefixed_participle_re"])
    return has_aux and any(_is_participle(w) or prefixed.match(w) for w in words)


def _claim_period(
    time: Time, reference_date: date | None, *, cumulative: bool, past: bool, text: str = ""
) -> ClaimPeriod | None:
    """The claim's period from its time; a count so far this year ends at the reference date."""
    if time.period is None:
        return ClaimPeriod(text=time.text, start=None, end=None, span=(time.start, time.end))
    start, end = time.period.start, time.period.end
    # "tegen eind 2027": a deadline, the period runs up to the end of the time.
    before = text[max(0, time.start - 12) : time.start].split()
    if before and before[-1].lower() in _context().words["deadline_prepositions"]:
        begin = (
            time.start
            - len(before[-1])
            - (len(text[: time.start]) - len(text[: time.start].rstrip()))
        )
        return ClaimPeriod(text=text[begin : time.end], start=None, end=end, span=(begin, time.end))
    current = time.text.lower() in _context().words["current_period_words"]
    # "dit jaar al 119", "legde dit jaar 68 keer op": a count up to now ends at the
    # reference date; a plan for this year ("trekt dit jaar 14 miljoen uit") does not.
    if (
        reference_date is not None
        and (cumulative or (current and past))
        and end is not None
        and end > reference_date
        and (start is None or start <= reference_date)
    ):
        end = reference_date
    return ClaimPeriod(text=time.text, start=start, end=end, span=(time.start, time.end))


def _gap(time: Time, phrase: NumberPhrase) -> tuple[int, int]:
    """Characters between a time and a number; on a tie the preceding time wins."""
    if time.end <= phrase.number_start:
        return phrase.number_start - time.end, 0
    return max(0, time.start - phrase.number_end), 1


def _nearer_number(
    text: str, time: Time, phrase: NumberPhrase, numbers: Sequence[NumberPhrase]
) -> bool:
    """Does the time stand between another number and this one, closer to the other?"""
    for other in numbers:
        if other is phrase:
            continue
        between = (
            (other.number_end <= time.start and time.end <= phrase.number_start)
            or (phrase.number_end <= time.start and time.end <= other.number_start)
            # "1 op de 4, tegenover een derde een jaar eerder": the later number is nearer.
            or (phrase.number_end <= other.number_start and other.number_end <= time.start)
        )
        if not between or _gap(time, other)[0] >= _gap(time, phrase)[0]:
            continue
        # Only a time right after the other number ("616 in seizoen 2023/2024").
        gap_text = text[other.number_end : time.start] if other.number_end <= time.start else ""
        if re.search(r"[.!?]\s|\n", gap_text):
            continue  # the other number ends the previous sentence
        if len(gap_text.split()) <= 1 and other.number_end <= time.start:
            return True
    return False


def _clause_bounds(text: str, sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    seps = [",", ";", ":", " – ", " — "]
    start, end = sentence
    for sep in seps:
        left = text.rfind(sep, start, pos)
        if left != -1:
            start = max(start, left + len(sep))
        right = text.find(sep, pos, end)
        if right != -1:
            end = min(end, right)
    return start, end


def _carries_over(text: str, time: Time, reference_date: date | None) -> bool:
    """Can this time set the scene for later sentences? Not an aside in brackets
    ("(tot voor kort ...)"), not an open future ("op een later moment"), not a target
    ("tegen 2050") and not the present ("nu")."""
    if time.period is None or time.period.end is None or _is_present(time):
        return False
    lowered = time.text.lower()
    if any(f" {w} " in f" {lowered} " for w in _context().words["comparison_times"]):
        return False
    if (
        time.period.start is None
        and reference_date is not None
        and time.period.end > reference_date
    ):
        return False
    before = text[max(0, time.start - 60) : time.start]
    if before.rfind("(") > before.rfind(")"):
        return False
    # A comparison base ("tegenover een jaar eerder", "dan in 2016") sets no scene.
    tail = f" {before.lower().strip()}"
    # "tegenover 6.000 (aanvragen) een jaar eerder": look past the compared number.
    tail = TRAILING_NUMBER_RE.sub("", tail)
    return not any(tail.endswith(f" {w}") for w in _context().words["comparison_base_before"])


def _context_time(
    text: str,
    times: Sequence[Time],
    sentences: Sequence[tuple[int, int]],
    sentence: tuple[int, int],
    reference_date: date | None,
) -> Time | None:
    """The time set by earlier sentences, else (at the start of a release) by the next ones."""
    earlier = [t for t in times if t.end <= sentence[0] and _carries_over(text, t, reference_date)]
    if earlier:
        return _scene_of(earlier)
    following = [s for s in sentences if s[0] >= sentence[1]][
        : int(_context().words["lookahead_sentences"])
    ]
    if not following:
        return None
    return next(
        (
            t
            for t in times
            if sentence[1] <= t.start < following[-1][1]
            and _carries_over(text, t, reference_date)
            and t.period is not None
            and t.period.start is not None
        ),
        None,
    )


def _is_clock(time: Time) -> bool:
    """'om 14.00 uur', 'Rond 02:40 uur': a moment of a day."""
    return bool(re.search(_context().words["clock_time_re"], time.text))


def _scene_of(earlier: Sequence[Time]) -> Time:
    """The last time told about, but a clock time inside the scene before it ("In de nacht
    van zaterdag op zondag ... Rond 02:40 uur ...") leaves that scene in place."""
    last = earlier[-1]
    if not _is_clock(last) or last.period is None or last.period.start is None:
        return last
    scene = next((t for t in reversed(earlier) if not _is_clock(t)), None)
    if scene is None or scene.period is None:
        return last
    inside = (scene.period.start is None or scene.period.start <= last.period.start) and (
        scene.period.end is None
        or (last.period.end is not None and last.period.end <= scene.period.end)
    )
    return scene if inside else last


def _open_scene(
    text: str,
    times: Sequence[Time],
    sentences: Sequence[tuple[int, int]],
    sentence: tuple[int, int],
) -> Time | None:
    """A 'vanaf X' of the sentences just before, in the same paragraph, that the next
    present-tense sentences still speak of ("Vanaf 1 juli stijgt de premie. Wie ... krijgt
    dan 300 euro.")."""
    words = _context().words
    index = sentences.index(sentence) if sentence in sentences else -1
    if index <= 0:
        return None
    first = sentences[max(0, index - int(words["open_scene_sentences"]))][0]
    if "\n" in text[first : sentence[0]]:
        first = text.rfind("\n", first, sentence[0]) + 1
    candidates = [t for t in times if first <= t.start and t.end <= sentence[0]]
    if not candidates:
        return None
    last = candidates[-1]
    period = last.period
    opens = last.text.lower().startswith(tuple(words["open_scene_prefixes"]))
    if period is None or period.start is None or period.end is not None or not opens:
        return None
    return last


def _governing_time(
    text: str,
    phrase: NumberPhrase,
    sentence: tuple[int, int],
    times: Sequence[Time],
    previous: Time | None,
    all_times: Sequence[Time],
    *,
    kind: QuantityKind = "count",
    list_intro_past: bool = False,
    open_scene: Time | None = None,
) -> Time | None:
    """The time expression that governs the claim (clause, sentence, link back, context).

    A duration ("een looptijd van 25 jaar") takes only a time of its own clause; a state
    in the present ("telt nu 245.000 inwoners") takes no time written after it.
    """
    words = _context().words
    in_sentence = [t for t in times if sentence[0] <= t.start and t.end <= sentence[1]]
    clause = _clause_bounds(text, sentence, phrase.number_start)
    clause_text = text[clause[0] : phrase.number_start].lower()
    if any(f" {w} " in f" {clause_text} " for w in words["present_words"]):
        in_sentence = [t for t in in_sentence if t.end <= phrase.number_start]
    # A time right after a comparison ("het dubbele van dezelfde periode vorig jaar") is the
    # base of the comparison, not the claim's own period.
    own = []
    compared = False
    for t in in_sentence:
        between = f" {text[phrase.number_end : t.start].strip().lower()}"
        # From the claim's start: "twee keer zoveel als in 2022" holds its own "als".
        tail = f" {' '.join(text[phrase.start : t.start].lower().split())}"
        if t.start >= phrase.number_end and (
            (phrase.ratio and between.strip() in words["ratio_base_before"])
            or any(tail.endswith(f" {w}") for w in words["comparison_base_before"])
        ):
            compared = True
            continue
        lead = f" {text[max(sentence[0], t.start - 30) : t.start].strip().lower()}"
        if t.end <= phrase.number_start and any(
            lead.endswith(f" {w}") for w in words["comparison_base_before"]
        ):
            # "3.400 meer dan in april en ruim 8 procent meer ...": a base, not the scene
            compared = True
            continue
        own.append(t)
    in_clause = [t for t in own if clause[0] <= t.start and t.end <= clause[1]]
    if kind == "duration":
        return min(in_clause, key=lambda t: _gap(t, phrase)) if in_clause else None
    if any(f" {w} " in f" {clause_text} " for w in words["link_back_words"]) and not in_clause:
        before = [t for t in all_times if t.end <= clause[0]]
        if before:
            return before[-1]
    for group in (in_clause, own):
        if group:
            return min(group, key=lambda t: _gap(t, phrase))
    sentence_text = text[sentence[0] : sentence[1]]
    # A past event, a comparison with another period, or a list item ("- Syrië: 2.410
    # verzoeken") is about the period the text is discussing.
    bulleted = sentence_text.lstrip()[:1] in set(words["list_bullets"])
    label = re.match(words["list_label_re"], text[sentence[0] : phrase.start]) is not None
    listed = bulleted and (list_intro_past or label)
    past = _is_past(sentence_text)
    if previous is not None and (compared or listed or past):
        return previous
    if open_scene is not None and not past and not compared:
        return open_scene
    return None


def _list_intro_is_past(
    text: str, sentences: Sequence[tuple[int, int]], sentence: tuple[int, int]
) -> bool:
    """Is the line that introduces this list item ("De belangrijkste landen waren:") past?
    A list of measures ("Het plan bevat deze maatregelen:") is no report of a period."""
    bullets = tuple(_context().words["list_bullets"])
    index = sentences.index(sentence) if sentence in sentences else -1
    for k in range(index - 1, -1, -1):
        line = text[sentences[k][0] : sentences[k][1]].lstrip()
        if not line.startswith(bullets):
            return _is_past(line)
    return False


def _old_level(
    tokens: Sequence[Token],
    phrase: NumberPhrase,
    numbers: Sequence[NumberPhrase],
    time: Time | None,
    reference_date: date | None,
) -> bool:
    """'tegen 2027 uitbreiden van 650 naar 1.145': the first number of a change to come is
    today's level; the coming period belongs to the new one."""
    if time is None or time.period is None or reference_date is None:
        return False
    following = next((n for n in numbers if n.first_token > phrase.last_token), None)
    if following is None or not _from_to(tokens, phrase, following):
        return False
    start, end = time.period.start, time.period.end
    return end is None or end > reference_date or (start is not None and start > reference_date)


def _level_year(
    tokens: Sequence[Token],
    phrase: NumberPhrase,
    numbers: Sequence[NumberPhrase],
    period: ClaimPeriod,
) -> ClaimPeriod:
    """'steeg tussen 2021 en 2024 van 1,1 miljoen tot 6 miljoen ton': the old level is about
    the first year of the range, the new level about the last; the change keeps the range."""
    start, end = period.start, period.end
    if start is None or end is None or start.year == end.year:
        return period
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        return period
    if not _after_change_at(tokens, phrase):
        return period
    joiners = read_json("qualifiers.json")["from_to_joiners"]
    k = phrase.first_token - 1
    while k >= 0 and tokens[k].start >= phrase.start:
        k -= 1  # past the qualifier: "tot bijna 140.000"
    before = tokens[k].lower if k >= 0 else ""
    first_word = next((t.lower for t in tokens if t.start == phrase.start), "")
    following = next((n for n in numbers if n.first_token > phrase.last_token), None)
    if before == "van" and following is not None and following.first_token - phrase.last_token <= 4:
        return period.model_copy(update={"end": date(start.year, 12, 31)})
    if before in joiners or first_word in joiners:
        return period.model_copy(update={"start": date(end.year, 1, 1)})
    return period


def _after_change_at(tokens: Sequence[Token], phrase: NumberPhrase) -> bool:
    """Is there a change verb or noun in the few words before the number?"""
    change = set(read_json("qualifiers.json")["change_words"])
    window = tokens[max(0, phrase.first_token - 12) : phrase.first_token]
    return any(t.lower in change for t in window)


def _is_present(time: Time) -> bool:
    """'nu', 'momenteel', 'vandaag': the state at the reference date (no claim period)."""
    return time.text.lower().strip() in _context().words["present_words"]


def _after_change(tokens: Sequence[Token], phrase: NumberPhrase) -> bool:
    """'steeg met 12 procent tot 500': 'tot' gives the new level, not a maximum."""
    if phrase.range_role is not None or phrase.first_token == 0:
        return False
    if tokens[phrase.first_token - 1].lower != "tot":
        return False
    change = set(read_json("qualifiers.json")["change_words"])
    window = tokens[max(0, phrase.first_token - 9) : phrase.first_token]
    return any(t.lower in change for t in window)


# --- the claims -----------------------------------------------------------------------


def find_claims(
    text: str,
    times: Sequence[Time] = (),
    reference_date: date | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    title_span: tuple[int, int] | None = None,
    parsed_units: dict[int, ParsedUnit] | None = None,
    ignored_spans: Sequence[tuple[int, int]] = (),
) -> list[Quantity]:
    """Numeric claims in ``text``, sorted by start.

    ``times`` are the times layer's expressions (numbers inside them are not claims and
    they give the claims' periods); ``parsed_units`` maps a number's start offset to the
    parser's unit and counted spans; times inside ``ignored_spans`` (the page's
    publication line) give no period.

    >>> [(q.text, q.value, q.unit, q.kind) for q in find_claims("Het kost 300 tot 600 euro.")]
    [('300', 300, 'euro', 'money'), ('tot 600', 600, 'euro', 'money')]
    """
    tokens = tokenize(text)
    if ignored_spans:
        # The page's own publication date is no time a claim is about.
        times = [t for t in times if not any(s <= t.start < e for s, e in ignored_spans)]
    sentences = list(sentences) if sentences is not None else split_sentences(text)
    times = sorted(times, key=lambda t: t.start)
    blocked = _blocked_spans(text, times)
    phrases = find_number_phrases(text, tokens)
    kept: list[tuple[NumberPhrase, tuple[str | None, QuantityKind, str | None, int]]] = []
    for index, phrase in enumerate(phrases):
        if any(s < phrase.number_end and phrase.number_start < e for s, e in blocked):
            continue
        if _is_reference_number(phrase, tokens, text) or _is_age(phrase, tokens, text):
            continue
        if _is_date_part(phrase, tokens):
            continue
        # A range's low end takes the unit written after its high end; so does the first
        # number of "van 174 naar 250 euro".
        unit_phrase = phrase
        if index + 1 < len(phrases) and (
            phrase.range_role == "low" or _from_to(tokens, phrase, phrases[index + 1])
        ):
            unit_phrase = phrases[index + 1]
        if _is_age_range(phrase, unit_phrase, tokens):
            continue
        claim = _make_claim(
            text, tokens, phrase, unit_phrase, parsed_units or {}, [(t.start, t.end) for t in times]
        )
        if claim is None:
            continue
        table_unit = claim[0] is not None and claim[1] != "count"
        if claim[1] == "duration" and _inside_time_expression(unit_phrase, tokens):
            continue
        if _is_year(phrase, tokens, table_unit):
            continue
        kept.append((phrase, claim))
    numbers = [p for p, _ in kept]
    claims: list[Quantity] = []
    for phrase, (unit, kind, counted, end) in kept:
        sentence = next(
            (s for s in sentences if s[0] <= phrase.number_start < s[1]),
            (phrase.number_start, phrase.number_end),
        )
        # A time closer to another number of the sentence belongs to that number
        # ("van 616 in seizoen 2023/2024 naar 363 in seizoen 2024/2025").
        own_times = [t for t in times if not _nearer_number(text, t, phrase, numbers)]
        previous = _context_time(text, times, sentences, sentence, reference_date)
        time = _governing_time(
            text,
            phrase,
            sentence,
            own_times,
            previous,
            times,
            kind=kind,
            list_intro_past=_list_intro_is_past(text, sentences, sentence),
            open_scene=_open_scene(text, times, sentences, sentence),
        )
        cumulative = phrase.qualifier == "at_least" and phrase.start == phrase.number_start
        # A count of events this year in the past tense ("legde dit jaar 68 keer op") or
        # in the perfect runs up to now; a change or share ("steeg dit jaar met 7 procent")
        # is about the whole year.
        sentence_text = text[sentence[0] : sentence[1]]
        so_far = _is_perfect(sentence_text) or (kind == "count" and _is_past(sentence_text))
        period = (
            _claim_period(time, reference_date, cumulative=cumulative, past=so_far, text=text)
            if time is not None and not _is_present(time)
            else None
        )
        if period is not None and _old_level(tokens, phrase, numbers, time, reference_date):
            period = None
        if period is not None:
            period = _level_year(tokens, phrase, numbers, period)
        qualifier = phrase.qualifier
        if qualifier == "at_most" and _after_change(tokens, phrase):
            qualifier = "exact"
        if phrase.vague and qualifier == "exact":
            qualifier = "more_than"
        claims.append(
            Quantity(
                start=phrase.start,
                end=end,
                text=text[phrase.start : end],
                value=phrase.value,
                qualifier=qualifier,
                unit=unit,
                kind=kind,
                counted=counted,
                period=period,
                vague=phrase.vague,
            )
        )
    return _title_periods(claims, title_span)


def _make_claim(
    text: str,
    tokens: Sequence[Token],
    phrase: NumberPhrase,
    unit_phrase: NumberPhrase,
    parsed_units: dict[int, ParsedUnit],
    time_spans: Sequence[tuple[int, int]] = (),
) -> tuple[str | None, QuantityKind, str | None, int] | None:
    """(unit, kind, counted, end of the claim text) for one number phrase."""
    end = phrase.end
    if phrase.ratio:
        return None, "ratio", None, end
    j = phrase.last_token + 1
    # "12,5%": the sign belongs to the claim text.
    if j < len(tokens) and tokens[j].text == "%" and tokens[j].start == phrase.end:
        return "%", "percentage", None, tokens[j].end
    if phrase.money_symbol or unit_phrase.money_symbol:
        counted_first = j if j < len(tokens) and tokens[j].text.isalpha() else None
        counted = _counted(text, tokens, counted_first) if counted_first is not None else None
        return _money_sign(tokens, phrase, unit_phrase), "money", counted, end
    unit, kind, first = _unit_after(text, tokens, unit_phrase)
    if unit is not None and kind is not None and first is not None:
        return unit, kind, _counted(text, tokens, first), end
    noun, first = _noun_after(text, tokens, unit_phrase.last_token + 1)
    if first is not None and any(s <= tokens[first].start < e for s, e in time_spans):
        # "tegen 64 twee jaar geleden": the words after the number are a time.
        noun, first = None, None
    if noun is None and not _change_amount(tokens, phrase):
        # "Het aantal incidenten is gedaald van 616 ...": the noun after "aantal".
        first = _aantal_noun(tokens, phrase.first_token)
        noun = tokens[first].text if first is not None else None
    counted = _counted(text, tokens, first) if first is not None else None
    # The parse gives the noun's complements, when its head is the noun found above
    # (alone it attaches numbers too eagerly: "9 in Nederlandse datacenters").
    parsed = parsed_units.get(phrase.number_start)
    if parsed is not None and noun is not None and first is not None:
        unit_span, counted_span = parsed
        noun_end = tokens[first].start + len(noun)
        if unit_span is not None and counted_span is not None and unit_span[1] == noun_end:
            from_parse = text[counted_span[0] : counted_span[1]]
            # The parse often hangs the PP on the verb; keep the fuller phrase.
            if counted is None or len(from_parse) > len(counted):
                counted = from_parse
    return noun, "count", counted, end


def _money_sign(tokens: Sequence[Token], phrase: NumberPhrase, unit_phrase: NumberPhrase) -> str:
    """The currency sign as written before the number: "€ 2,5 miljoen" has unit "€"."""
    for candidate in (phrase, unit_phrase):
        if candidate.money_symbol and candidate.first_token > 0:
            return tokens[candidate.first_token - 1].text
    return "€"


def _change_amount(tokens: Sequence[Token], phrase: NumberPhrase) -> bool:
    """'daalde met 3.000': the number is the size of a change, its noun stays implicit."""
    k = phrase.first_token - 1
    while k >= 0 and tokens[k].start >= phrase.start:
        k -= 1  # past the qualifier ("met ruim 3.000")
    return k >= 0 and tokens[k].lower in _context().words["change_amount_before"]


def _aantal_noun(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the noun after the last "aantal" of the sentence before token ``i``."""
    stop = set(_context().words["stop_words"])
    for k in range(i - 1, max(-1, i - 40), -1):
        if tokens[k].text in {".", "!", "?"}:
            return None
        if tokens[k].lower == "aantal" and k + 1 < i:
            nxt = tokens[k + 1]
            return k + 1 if nxt.text.isalpha() and nxt.lower not in stop else None
    return None


def _title_periods(claims: list[Quantity], title_span: tuple[int, int] | None) -> list[Quantity]:
    """A claim in the title without its own period takes that of the body claim it restates."""
    if title_span is None:
        return claims
    out: list[Quantity] = []
    for claim in claims:
        if claim.period is None and title_span[0] <= claim.start < title_span[1]:
            body = next(
                (
                    c
                    for c in claims
                    if c.start >= title_span[1] and c.value == claim.value and c.period is not None
                ),
                None,
            )
            if body is not None:
                claim = claim.model_copy(update={"period": body.period})
        out.append(claim)
    return out


# --- spaCy component ------------------------------------------------------------------


def parsed_units(doc: Doc) -> dict[int, ParsedUnit]:
    """Unit and counted spans from the dependency parse, keyed by the number's offset."""
    found: dict[int, ParsedUnit] = {}
    if not doc.has_annotation("DEP"):
        return found
    for token in doc:
        if token.dep_ not in {"nummod", "det", "amod"} or token.head.i <= token.i:
            continue
        head = token.head
        if head.pos_ not in {"NOUN", "PROPN"}:
            continue
        left = min([head.i, *(c.i for c in head.lefts if c.dep_ == "amod" and c.i > token.i)])
        right = max(
            [head.i, *(t.i for t in head.subtree if t.i > head.i and not t.is_punct)],
        )
        right = min(right, head.i + 12)
        found[token.idx] = (
            (doc[left].idx, head.idx + len(head.text)),
            (doc[left].idx, doc[right].idx + len(doc[right].text)),
        )
    return found


class QuantityTagger:
    """Fills ``doc._.persbericht.quantities`` with the release's numeric claims."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = doc_state(doc)
        page = state.page
        title_span = page.title_span if page is not None else None
        state.quantities = find_claims(
            doc.text,
            state.times,
            state.reference_date,
            title_span=title_span,
            parsed_units=parsed_units(doc),
            ignored_spans=[page.published_span] if page and page.published_span else [],
        )
        return doc


@Language.factory("persbericht_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    """Build the ``persbericht_quantities`` component."""
    return QuantityTagger(name)
