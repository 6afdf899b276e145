"""Dutch number grammar: number phrases in plain text, with offsets, value and qualifier.

Pure functions on strings; the language data lives in ``resources/number_words.json``
and ``resources/qualifiers.json``. Examples:

>>> [(p.text, p.value, p.qualifier) for p in find_number_phrases("Er zijn bijna 80.000 mensen.")]
[('bijna 80.000', 80000, 'almost')]
>>> parse_number("5,3 miljoen")
5300000
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import text2num

from persbericht.records import Qualifier
from persbericht.resources import read_json

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?|[€$%]|\S")

RangeRole = Literal["low", "high"]


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark with its offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The lower-cased text."""
        return self.text.lower()


@dataclass(frozen=True)
class NumberPhrase:
    """A number phrase found in text.

    ``start``/``end`` cover the phrase with its qualifier (when the qualifier belongs
    in the claim text); ``number_start``/``number_end`` cover the number itself;
    ``first_token``/``last_token`` index the tokens of the number (for context checks).
    """

    start: int
    end: int
    text: str
    number_start: int
    number_end: int
    value: float | int
    qualifier: Qualifier
    vague: bool = False
    ratio: bool = False
    money_symbol: bool = False
    range_role: RangeRole | None = None
    first_token: int = 0
    last_token: int = 0


def tokenize(text: str) -> list[Token]:
    """Split text into words, digit groups and punctuation with offsets.

    >>> [t.text for t in tokenize("zo'n 1.234,5 euro's (ca.)")]
    ["zo'n", '1.234,5', "euro's", '(', 'ca', '.', ')']
    """
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@cache
def _number_words() -> dict[str, Any]:
    return read_json("number_words.json")  # type: ignore[no-any-return]


@cache
def _qualifier_table() -> dict[str, Any]:
    return read_json("qualifiers.json")  # type: ignore[no-any-return]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower for t in tokenize(phrase))


@cache
def _qualifier_phrases() -> tuple[tuple[tuple[str, ...], Qualifier, bool], ...]:
    rows = [
        (_words(row["words"]), row["qualifier"], bool(row.get("in_text", True)))
        for row in _qualifier_table()["before"]
    ]
    # Longest first, so "meer dan" wins over a shorter entry ending at the same place.
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _ratio_phrases() -> tuple[tuple[tuple[str, ...], float], ...]:
    rows = [(_words(r["words"]), float(r["value"])) for r in _number_words()["ratio_phrases"]]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _int_if_whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def parse_digits(digits: str) -> float | int | None:
    """A digit string with Dutch separators, or ``None`` when it is not well formed.

    >>> parse_digits("80.000"), parse_digits("1.234,5"), parse_digits("12,5"), parse_digits("5.3")
    (80000, 1234.5, 12.5, None)
    """
    try:
        number = parse_decimal(digits, locale="nl", strict=True)
    except NumberFormatError:
        return None
    return _int_if_whole(float(number))


def word_value(word: str) -> float | int | None:
    """The value of one Dutch number word, or ``None``.

    >>> word_value("drieëntwintig"), word_value("anderhalf"), word_value("huis")
    (23, 1.5, None)
    """
    lower = word.lower()
    table = _number_words()
    if lower in table["special_values"]:
        return _int_if_whole(float(table["special_values"][lower]))
    if lower in table["not_cardinal"] or not lower.isalpha() or lower in table["scales"]:
        return None
    try:
        return int(text2num(lower, "nl"))
    except ValueError:
        return None


def _match_at(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    if i < 0 or i + len(words) > len(tokens):
        return False
    return all(tokens[i + k].lower == w for k, w in enumerate(words))


def _scale_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(multiplier, tokens used) of a scale word at ``i`` (with its abbreviation dot)."""
    if i >= len(tokens):
        return None
    scales: dict[str, int] = _number_words()["scales"]
    lower = tokens[i].lower
    if lower not in scales:
        return None
    # "k" only right after digits ("5k"), never as a free word.
    if lower == "k" and (i == 0 or tokens[i - 1].end != tokens[i].start):
        return None
    used = 1
    if (
        i + 1 < len(tokens)
        and tokens[i + 1].text == "."
        and tokens[i + 1].start == tokens[i].end
        and lower in {"mln", "mld", "mio", "dzd"}
    ):
        used = 2
    return scales[lower], used


@dataclass(frozen=True)
class _Core:
    value: float | int
    end: int  # index after the last token
    vague: bool = False
    ratio: bool = False


def _read_core(tokens: list[Token], i: int) -> _Core | None:
    """The number that starts at token ``i`` (without qualifier), or ``None``."""
    table = _number_words()
    tok = tokens[i]
    lower = tok.lower
    for words, ratio_value in _ratio_phrases():
        if _match_at(tokens, i, words):
            return _Core(_int_if_whole(ratio_value), i + len(words), ratio=True)
    value: float | int | None
    vague = False
    j = i + 1
    if tok.text[0].isdigit():
        value = parse_digits(tok.text)
        if value is None:
            return None
    elif lower in table["vague"]:
        value, vague = table["vague"][lower], True
        while j < len(tokens) and tokens[j].lower in table["vague"]:
            value *= table["vague"][tokens[j].lower]
            j += 1
    elif lower in table["article_words"]:
        # "een half miljoen", "een miljoen"; "een" alone is the article, "één" a count.
        if j < len(tokens) and tokens[j].lower in table["half_words"]:
            scale = _scale_at(tokens, j + 1)
            if scale is None:
                return None
            return _Core(_int_if_whole(0.5 * scale[0]), j + 1 + scale[1])
        scale = _scale_at(tokens, j)
        if scale is not None:
            return _Core(scale[0], j + scale[1])
        # "een" is a count only as a ratio ("een op de vijf") or after a qualifier
        # ("minstens een jaar"); otherwise it is the article.
        if lower == "een" and not _ratio_of_follows(tokens, j):
            found = _qualifier_before(tokens, i)
            if found is None or not found[2] or tokens[found[1]].lower in {"tot", "rond"}:
                return None
        value = 1
    elif lower in table["scales"] and lower not in {"k", "mln", "mld", "mio", "dzd"}:
        # "duizend mensen": a bare scale word counts once.
        value = table["scales"][lower]
        return _Core(value, j)
    else:
        value = word_value(tok.text)
        if value is None:
            return None
    # Ratio "één op de vijf", "1 op de 5".
    if not vague:
        ratio = _read_ratio_of(tokens, j, value)
        if ratio is not None:
            return ratio
    # Scale words: "5,3 miljoen", "tientallen miljoenen", "300 mln."
    scale = _scale_at(tokens, j)
    if scale is not None:
        value, j = _int_if_whole(value * scale[0]), j + scale[1]
    # "drie keer zo veel": a multiple.
    multiple = _read_multiple(tokens, j)
    if multiple is not None and not vague:
        return _Core(value, multiple, ratio=True)
    return _Core(value, j, vague=vague)


def _ratio_of_follows(tokens: list[Token], j: int) -> bool:
    return any(_match_at(tokens, j, _words(w)) for w in _number_words()["ratio_of_strict"])


def _read_ratio_of(tokens: list[Token], j: int, numerator: float | int) -> _Core | None:
    for phrase in _number_words()["ratio_of_strict"]:
        words = _words(phrase)
        if not _match_at(tokens, j, words):
            continue
        k = j + len(words)
        if k >= len(tokens):
            return None
        den_tok = tokens[k]
        denominator = (
            parse_digits(den_tok.text) if den_tok.text[0].isdigit() else word_value(den_tok.text)
        )
        if not denominator:
            return None
        # Fractions to three decimals, as the annotation writes them (1 op de 12 → 0.083).
        return _Core(round(numerator / denominator, 3), k + 1, ratio=True)
    return None


def _read_multiple(tokens: list[Token], j: int) -> int | None:
    table = _number_words()
    if j >= len(tokens) or tokens[j].lower not in table["times_words"]:
        return None
    for phrase in sorted(table["times_comparatives"], key=len, reverse=True):
        words = _words(phrase)
        if _match_at(tokens, j + 1, words):
            return j + 1 + len(words)
    return None


def _qualifier_before(tokens: list[Token], i: int) -> tuple[Qualifier, int, bool] | None:
    """(qualifier, first token index, in_text) of a qualifier ending just before ``i``."""
    for words, qualifier, in_text in _qualifier_phrases():
        first = i - len(words)
        if _match_at(tokens, first, words):
            return qualifier, first, in_text
    return None


def _money_symbol_before(tokens: list[Token], i: int) -> int | None:
    if i > 0 and tokens[i - 1].lower in {"€", "eur", "$"}:
        return i - 1
    return None


def _phrase(
    text: str,
    tokens: list[Token],
    first: int,
    core_first: int,
    core: _Core,
    qualifier: Qualifier,
    *,
    money_symbol: bool,
    range_role: RangeRole | None = None,
) -> NumberPhrase:
    start = tokens[first].start
    end = tokens[core.end - 1].end
    return NumberPhrase(
        start=start,
        end=end,
        text=text[start:end],
        number_start=tokens[core_first].start,
        number_end=end,
        value=core.value,
        qualifier=qualifier,
        vague=core.vague,
        ratio=core.ratio,
        money_symbol=money_symbol,
        range_role=range_role,
        first_token=core_first,
        last_token=core.end - 1,
    )


def _range_separator(tokens: list[Token], j: int) -> int | None:
    """Index after a range separator ("à", "tot", "-", "tot en met") at ``j``."""
    for phrase in sorted(_qualifier_table()["range_separators"], key=len, reverse=True):
        words = _words(phrase)
        if _match_at(tokens, j, words):
            return j + len(words)
    return None


def find_number_phrases(text: str, tokens: list[Token] | None = None) -> list[NumberPhrase]:
    """Every number phrase in ``text``, ranges split into a low and a high phrase.

    >>> [(p.text, p.value, p.qualifier) for p in find_number_phrases("300 tot 600 euro")]
    [('300', 300, 'at_least'), ('tot 600', 600, 'at_most')]
    >>> [(p.text, p.value) for p in find_number_phrases("€ 2,5 miljoen en één op de vijf")]
    [('€ 2,5 miljoen', 2500000), ('één op de vijf', 0.2)]
    """
    tokens = tokenize(text) if tokens is None else tokens
    joiner = _qualifier_table()["range_between_joiner"]
    phrases: list[NumberPhrase] = []
    i = 0
    while i < len(tokens):
        core = _read_core(tokens, i)
        if core is None:
            i += 1
            continue
        money = _money_symbol_before(tokens, i)
        lead = money if money is not None else i
        found = _qualifier_before(tokens, lead)
        qualifier: Qualifier = "exact"
        first = lead
        if found is not None:
            qualifier, q_first, in_text = found
            if in_text:
                first = q_first
        # Ranges: "100 à 200", "tussen 100 en 200", "300 tot 600 euro".
        after = _range_separator(tokens, core.end)
        between = (
            i > 0
            and tokens[lead - 1].lower == "tussen"
            and (core.end < len(tokens) and tokens[core.end].lower == joiner)
        )
        if between:
            after = core.end + 1
        if after is not None and after < len(tokens) and not core.ratio:
            high = _read_core(tokens, after)
            # A range runs upwards; "2-1" is a score, not a range.
            if high is not None and not high.ratio and not high.vague and high.value > core.value:
                low_value = core.value
                # "2 à 3 miljoen": the low end shares the high end's scale.
                if core.end == i + 1 and high.value >= 1000 * low_value and high.end > after + 1:
                    scale = _scale_at(tokens, after + 1)
                    if scale is not None:
                        low_value = _int_if_whole(low_value * scale[0])
                low = _Core(low_value, core.end)
                phrases.append(
                    _phrase(
                        text,
                        tokens,
                        lead - 1 if between else first,
                        i,
                        low,
                        "at_least",
                        money_symbol=money is not None,
                        range_role="low",
                    )
                )
                phrases.append(
                    _phrase(
                        text,
                        tokens,
                        core.end,
                        after,
                        high,
                        "at_most",
                        money_symbol=money is not None,
                        range_role="high",
                    )
                )
                i = high.end
                continue
        phrases.append(
            _phrase(text, tokens, first, i, core, qualifier, money_symbol=money is not None)
        )
        i = core.end
    return phrases


def parse_number(phrase: str) -> float | int | None:
    """The value of a number phrase, or ``None`` when it holds no number.

    >>> parse_number("anderhalf"), parse_number("een half miljoen"), parse_number("de helft")
    (1.5, 500000, 0.5)
    """
    found = find_number_phrases(phrase)
    return found[0].value if found else None
