"""Dutch temporal grammar: finds time expressions in plain text (pure, no spaCy).

The patterns are built from ``resources/time_words.json``. :func:`find_expressions`
returns :class:`Expression` trees with character offsets: a *core* ("vorig jaar",
"12 juni 2024", "week 12") with the tight modifiers in front of it ("eind", "de eerste
vijf maanden van"), a range partner ("van … tot …", "tussen … en …") and an open prefix
("sinds", "tot", "na"). :mod:`persbericht.times.find` resolves them to dates.

>>> [e.text for e in find_expressions("Sinds eind vorig jaar en tot maart 2026.")]
['Sinds eind vorig jaar', 'tot maart 2026']
>>> [e.text for e in find_expressions("Zo werd 2014 euro betaald, met één stem.")]
[]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from persbericht.resources import read_json

_FLAGS = regex.IGNORECASE | regex.VERSION1


@dataclass(frozen=True)
class Core:
    """One atomic expression: the rule that found it and its named groups."""

    rule: str
    start: int
    end: int
    groups: dict[str, str]


@dataclass
class Expression:
    """A core with its modifiers, range partner and open prefix, with offsets."""

    core: Core
    start: int
    end: int
    text: str = ""
    modifiers: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    until: Expression | None = None
    prefix: str | None = None


def words() -> dict[str, Any]:
    """The time vocabulary table (``time_words.json``)."""
    table: dict[str, Any] = read_json("time_words.json")
    return table


def _alt(items: Any) -> str:
    """A regex alternation of literal words, longest first, spaces as ``\\s+``."""
    ordered = sorted({str(i) for i in items}, key=len, reverse=True)
    return "|".join(regex.escape(i).replace("\\ ", r"\s+").replace(" ", r"\s+") for i in ordered)


@cache
def _parts() -> dict[str, str]:
    w = words()
    rel = w["relative"]
    parts = {
        "MONTH": _alt(w["months"]),
        "MABBR": "(?:" + _alt(w["month_abbreviations"]) + r")\.?",
        "WD": _alt(w["weekdays"]),
        "DP": _alt(w["day_parts"]),
        "NUMW": _alt(w["number_words"]),
        "ORD": _alt(w["ordinals"]),
        "PAST": _alt(rel["past"]),
        "CUR": _alt(rel["current"]),
        "NEXT": _alt(rel["next"]),
        "REL": _alt(rel["past"] + rel["current"] + rel["next"]),
        "UNIT": _alt(w["units"]),
        "SEASON": _alt(w["seasons"]),
        "SYEAR": _alt(k for k in w["season_years"] if not k.startswith("_")),
        "DEICTIC": _alt(w["deictic_days"]),
        "NIGHTS": _alt(w["nights"]),
        "YEAR": r"(?:19|20)\d{2}",
        "DECW": _alt(w["decades"]),
        "HOLIDAY": _alt(
            name
            for kind, table in w["holidays"].items()
            if not kind.startswith("_")
            for name in table
        ),
    }
    parts["NUM"] = r"(?:\d{1,3}|" + parts["NUMW"] + "|" + _alt(w["vague_counts"]) + ")"
    parts["YEXPR"] = (
        r"(?:(?:19|20)\d{2}|(?:het\s+)?(?:"
        + parts["REL"]
        + r")\s+jaar|het\s+jaar\s+(?:daarvoor|ervoor))"
    )
    return parts


def _p(template: str) -> str:
    parts = _parts()
    out = template
    for key in sorted(parts, key=len, reverse=True):
        out = out.replace("{" + key + "}", "(?:" + parts[key] + ")")
    return out


# Rule name → pattern template; higher rules win ties at the same start and length.
_RULES: tuple[tuple[str, str], ...] = (
    (
        "numeric_date",
        r"(?<![\d.,/-])(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"
        r"(?:\s+(?:om\s+)?\d{1,2}[:.][0-5]\d(?:\s*uur)?)?",
    ),
    ("iso_date", r"(?<![\d.,/-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    (
        "same_period",
        r"(?:{SAMEP})\s+(?:van\s+|in\s+)?(?P<yexpr>{YEXPR}|een\s+jaar\s+(?:eerder|daarvoor))",
    ),
    (
        "same_as_before",
        r"(?:in\s+)?(?:dezelfde|diezelfde|datzelfde|hetzelfde)\s+(?:periode|tijdvak|jaar|kwartaal)"
        r"(?!\s+(?:van|in|vorig|een|het|\d))",
    ),
    ("night", r"(?:in\s+)?de\s+nacht\s+van\s+(?P<wd1>{WD})\s+op\s+(?P<wd2>{WD})"),
    (
        "day_month",
        r"(?:(?:het\s+)?weekend\s+van\s+|(?:in\s+)?de\s+(?:{DP})\s+van\s+)?(?:{WD}\s+)?"
        r"(?<!\d[.,])(?P<d1>\d{1,2})(?:\s*,\s*\d{1,2})*"
        r"\s+(?:en|of|op|tot\s+en\s+met|t/m|tot|-|–)\s+(?:{WD}\s+)?(?P<d>\d{1,2})\s+"
        r"(?P<mon>{MONTH}|{MABBR})(?:\s+(?P<y>{YEAR})(?!\d))?",
    ),
    (
        "day_month",
        r"(?:(?P<wd>{WD})(?:{DP})?\s+)?(?<!\d[.,])(?P<d>\d{1,2})(?:e|ste|de)?\s+"
        r"(?P<mon>{MONTH}|{MABBR})(?:\s+(?P<y>{YEAR})(?!\d)|\s+'(?P<y2>\d{2}))?",
    ),
    (
        "first_n",
        r"(?:de\s+)?(?P<ord>eerste|laatste)\s+(?P<n>{NUM})\s+(?P<unit>maanden|weken|dagen|jaar|jaren|kwartalen)"
        r"\s+(?:van|in)\s+(?P<yexpr>{YEXPR})",
    ),
    (
        "quarter",
        r"(?:het\s+)?(?P<ord>eerste|tweede|derde|vierde|laatste|[1-4](?:e|ste|de))\s+kwartaal"
        r"(?:\s+(?:van\s+|in\s+)?(?P<yexpr>{YEXPR}))?",
    ),
    ("quarter", r"(?<![\w-])(?-i:[QK])(?P<q>[1-4])(?:(?:\s+|-|\s+van\s+)(?P<y>{YEAR}|'\d{2}))?\b"),
    (
        "half",
        r"(?:de\s+|het\s+)?(?P<ord>eerste|tweede|laatste)\s+(?:helft|halfjaar|jaarhelft)"
        r"(?:\s+(?:van\s+|in\s+)?(?P<yexpr>{YEXPR}))?",
    ),
    ("half", r"(?<![\w-])(?-i:H)(?P<h>[12])\s+(?P<y>{YEAR})\b"),
    (
        "season_year",
        r"(?P<kind>{SYEAR})\s+(?P<y1>{YEAR})\s*[-/–]\s*(?P<y2>{YEAR}|\d{2})(?!\d)",
    ),
    ("season_year", r"(?P<kind>{SYEAR})\s+'(?P<y1>\d{2})\s*[-/ ]\s*'(?P<y2>\d{2})"),
    ("year_range", r"(?<![\d.,/-])(?P<y1>{YEAR})\s*[-/–]\s*(?P<y2>{YEAR})(?![\d-])"),
    (
        "antecedent_shift",
        r"(?:het|de)\s+(?P<unit>jaar|seizoen|maand|week|dag|kwartaal)\s+(?P<dir>ervoor|daarvoor|erna|daarna)",
    ),
    (
        "antecedent_shift",
        r"(?P<n>{NUM})\s+(?P<unit>jaar|seizoen|seizoenen|maand|maanden|week|weken|dag|dagen|kwartaal)"
        r"\s+(?P<dir>eerder|later)",
    ),
    ("since_then", r"{SINCE}"),
    (
        "month_year",
        r"(?P<mon>{MONTH}|{MABBR})(?:\s+(?:van\s+|in\s+)?(?P<yexpr>{YEXPR})|\s+'(?P<y2>\d{2}))",
    ),
    (
        "season",
        r"(?:(?P<rel>{REL})\s+)?(?P<season>{SEASON})(?:\s+(?:van\s+)?(?P<y>{YEAR})"
        r"(?:\s*(?:op|/|-|–)\s*{YEAR})?)?",
    ),
    (
        "week_number",
        r"(?:week|weeknummer|wk\.?)\s*(?P<w>\d{1,2})(?!\d)(?:\s+(?:van\s+)?(?P<y>{YEAR}))?",
    ),
    (
        "relative_unit",
        r"(?:(?P<art>het|de)\s+)?(?P<rel>{REL})\s+(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})",
    ),
    ("decade", r"(?:de\s+)?jaren\s+(?:'?(?P<tens>[2-9]0)|(?P<decw>{DECW}))(?!\d)"),
    ("week_weekday", r"(?P<rel>{REL})\s+week\s+(?P<wd>{WD})(?:{DP})?"),
    ("relative_weekday", r"(?P<rel>{REL})\s+(?P<wd>{WD})(?:{DP})?"),
    ("ago", r"(?P<n>{NUM})\s+(?P<unit>{UNIT})\s+geleden"),
    ("ahead", r"over\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})"),
    ("night_deictic", r"(?P<night>{NIGHTS})"),
    ("deictic", r"(?P<word>{DEICTIC})"),
    (
        "holiday",
        r"(?:(?P<rel>{REL})\s+)?(?P<holiday>{HOLIDAY})(?:\s+(?:van\s+)?(?P<y>{YEAR})"
        r"(?:\s*(?:op|/|-|–)\s*{YEAR})?)?",
    ),
    ("weekday", r"(?P<wd>{WD})(?:{DP})?"),
    ("month", r"(?P<mon>{MONTH})"),
    ("vague", r"(?P<vague>{VAGUE})"),
    (
        "clock",
        r"(?:tussen|van)\s+(?P<h>[01]?\d|2[0-4])[:.](?P<mi>[0-5]\d)\s+(?:en|tot|-|–)\s+"
        r"(?:[01]?\d|2[0-4])[:.][0-5]\d(?:\s*uur)?",
    ),
    (
        "clock",
        r"(?:(?:{CLOCKP})\s+)?(?<![\d.,])(?P<h>[01]?\d|2[0-4])[:.](?P<mi>[0-5]\d)(?![\d.,]\d)(?:\s*uur)?",
    ),
    ("clock", r"(?:{CLOCKP})\s+(?P<h>[01]?\d|2[0-4])\s+uur"),
    ("year", r"(?<![\d.,€$/'-])(?P<y>{YEAR})(?![\d]|[.,]\d|-\d|/\d)"),
)


@cache
def _compiled() -> tuple[tuple[str, Any], ...]:
    w = words()
    extra = {
        "SAMEP": _alt(w["antecedent_phrases"]["same_period_prefix"]),
        "SINCE": _alt(w["antecedent_phrases"]["since_then"]),
        "VAGUE": _alt(v for group in w["vague"].values() for v in group),
        "CLOCKP": _alt(w["clock_prepositions"]),
    }
    out = []
    for name, template in _RULES:
        for key, value in extra.items():
            template = template.replace("{" + key + "}", "(?:" + value + ")")
        out.append((name, regex.compile(r"(?<![\w])" + _p(template) + r"(?![\w])", _FLAGS)))
    return tuple(out)


def _previous_word(text: str, start: int) -> str:
    found = regex.search(r"([\w.'’€$]+)\s*$", text[max(0, start - 40) : start])
    return found.group(1).lower() if found else ""


def _next_word(text: str, end: int) -> str:
    found = regex.match(r"\s*([\w%'’€$]+)", text[end : end + 40])
    return found.group(1) if found else ""


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 10) : start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n;(\"“‘'"


def _acceptable(core: Core, text: str) -> bool:
    """Context checks that patterns cannot express (traps for years and names)."""
    w = words()
    surface = text[core.start : core.end]
    previous = _previous_word(text, core.start)
    following = _next_word(text, core.end)
    if core.rule == "year":
        before_words = text[max(0, core.start - 20) : core.start].lower().split()
        last_two = " ".join(before_words[-2:])
        blockers_before = set(w["year_blockers_before"])
        if previous in blockers_before or last_two in blockers_before:
            return False
        blockers_after = set(w["year_blockers_after"])
        if following.lower() in blockers_after:
            return False
        # "van 2000 tot 3000 euro": the first number of a range of amounts
        amount_range = regex.match(r"\s*(?:tot|en|à|-|–)\s*[\d.,]+\s+([\w%'’]+)", text[core.end :])
        if amount_range and amount_range.group(1).lower() in blockers_after:
            return False
        # "Stationsstraat 2014": a house number
        if any(previous.endswith(suffix) for suffix in w["street_suffixes"]):
            return False
        # "2014 AB": a Dutch postcode, not a year
        return not regex.match(r"\s?[A-Z]{2}\b", text[core.end : core.end + 4])
    if core.rule == "month" and surface[:1].isupper():
        # "Mei Ling", "Anna Mei": a capitalised month next to a name is a name
        if following[:1].isupper():
            return False
        if _at_sentence_start(text, core.start):
            return True
        prev_raw = regex.search(r"(\w+)\s*$", text[max(0, core.start - 30) : core.start])
        if prev_raw and prev_raw.group(1)[:1].isupper():
            return False
    word = core.groups.get("word", "").lower()
    if core.rule == "deictic" and word == "morgen" and previous in w["morning_markers"]:
        # "'s morgens", "de volgende morgen": morning, not tomorrow
        return False
    if core.rule == "clock":
        # "rond 1.75 meter" is a length; a clock time needs "uur", a colon or "om/rond"
        if following.lower() in w["year_blockers_after"] and "uur" not in surface.lower():
            return False
        return bool(regex.search(r"uur|:|^(?:om|rond|omstreeks)", surface, _FLAGS))
    if core.rule == "season" and not core.groups.get("rel") and not core.groups.get("y"):
        # a bare season word is a time only after an article or preposition
        return previous in w["season_cues"]
    rel_word = " ".join(core.groups.get("rel", "").lower().split())
    unit_word = core.groups.get("unit", "").lower()
    if core.rule == "relative_unit" and rel_word == "laatste" and "n" not in core.groups:
        # "de laatste jaren" is a time; "de laatste dag van de zitting" is not
        return unit_word in w["plural_units"]
    if core.rule == "relative_unit" and w["units"].get(unit_word) == "vague":
        # "de afgelopen periode" is a time; "deze tijd", "die periode" point elsewhere
        return rel_word not in w["relative"]["current"]
    if core.rule == "weekday" and surface[:1].isupper() and following[:1].isupper():
        return _at_sentence_start(text, core.start)
    return True


def find_cores(text: str) -> list[Core]:
    """All atomic expressions, longest first where they overlap.

    >>> text = "Op maandag 3 maart 2025 en in 2014."
    >>> [(c.rule, text[c.start : c.end]) for c in find_cores(text)]
    [('day_month', 'maandag 3 maart 2025'), ('year', '2014')]
    """
    candidates: list[tuple[int, int, int, Core]] = []
    for priority, (name, pattern) in enumerate(_compiled()):
        for found in pattern.finditer(text, overlapped=False):
            if found.end() == found.start():
                continue
            groups = {k: v for k, v in found.groupdict().items() if v is not None}
            core = Core(name, found.start(), found.end(), groups)
            if _acceptable(core, text):
                candidates.append((found.start(), -(found.end() - found.start()), priority, core))
    chosen: list[Core] = []
    ordered = sorted(candidates, key=lambda item: (item[1], item[2], item[0]))
    occupied: list[tuple[int, int]] = []
    for _start, _neg_len, _priority, core in ordered:
        if any(core.start < end and start < core.end for start, end in occupied):
            continue
        occupied.append((core.start, core.end))
        chosen.append(core)
    return sorted(chosen, key=lambda c: c.start)


@cache
def _modifier_patterns() -> tuple[tuple[str, Any], ...]:
    w = words()
    out: list[tuple[str, Any]] = []
    for position, phrases in w["position_modifiers"].items():
        out.append(
            (position, regex.compile(r"(?<![\w])(?:" + _alt(phrases) + r")\s+(?:van\s+)?$", _FLAGS))
        )
    out.append(
        ("daypart", regex.compile(_p(r"(?<![\w])(?:in\s+)?de\s+(?:{DP})\s+van\s+$"), _FLAGS))
    )
    for kind, phrases in w["reference_split"].items():
        out.append((kind, regex.compile(r"(?<![\w])(?:" + _alt(phrases) + r")\s+$", _FLAGS)))
    out.append(
        (
            "nth",
            regex.compile(
                _p(
                    r"(?<![\w])(?:de\s+|het\s+)?(?P<ord>{ORD})\s+"
                    r"(?P<unit>week|maand|dag|weekend)\s+(?:van|in)\s+$"
                ),
                _FLAGS,
            ),
        )
    )
    out.append(
        (
            "first_n",
            regex.compile(
                _p(
                    r"(?<![\w])(?:de\s+)?(?P<ord>eerste|laatste)\s+(?P<n>{NUM})\s+"
                    r"(?P<unit>maanden|weken|dagen|jaar|jaren)\s+(?:van|in)\s+$"
                ),
                _FLAGS,
            ),
        )
    )
    # last: "de eerste week van maart" is an ordinal week, not the week holding a day
    out.append(("week_of", regex.compile(r"(?<![\w])(?:de\s+|het\s+)?week\s+van\s+$", _FLAGS)))
    return tuple(out)


@cache
def _prefix_patterns() -> tuple[tuple[str, Any], ...]:
    prefixes = dict(words()["open_prefixes"])
    prefixes["before"] = words()["before_prefixes"]
    return tuple(
        (kind, regex.compile(r"(?<![\w])(?:" + _alt(phrases) + r")\s+(?:de\s+|het\s+)?$", _FLAGS))
        for kind, phrases in prefixes.items()
    )


_RANGE_RULES = {
    "numeric_date",
    "iso_date",
    "day_month",
    "month_year",
    "month",
    "year",
    "weekday",
    "quarter",
    "week_number",
    "relative_unit",
    "deictic",
    "season",
}


# "voor" is "before" only in front of a day, a season or a holiday.
_BEFORE_RULES = {"day_month", "numeric_date", "iso_date", "season", "holiday"}

# Rules that carry their own direction: "sinds" or "tot" in front is not an open prefix.
_NO_PREFIX_RULES = {
    "clock",
    "vague",
    "since_then",
    "same_period",
    "same_as_before",
    "antecedent_shift",
}


def _attach_modifiers(text: str, expression: Expression) -> None:
    while True:
        window = text[max(0, expression.start - 60) : expression.start]
        for kind, pattern in _modifier_patterns():
            found = pattern.search(window)
            if found:
                groups = {k: v for k, v in found.groupdict().items() if v is not None}
                expression.modifiers.append((kind, groups))
                expression.start -= len(window) - found.start()
                break
        else:
            return


_OPENER = r"(?<![\w])(van|vanaf|tussen)\s+$"


def find_expressions(text: str) -> list[Expression]:
    """Time expressions in ``text`` with offsets (not yet resolved)."""
    expressions = [Expression(core, core.start, core.end) for core in find_cores(text)]
    for expression in expressions:
        if expression.core.rule not in {"clock", "vague", "since_then", "antecedent_shift"}:
            _attach_modifiers(text, expression)
    merged: list[Expression] = []
    index = 0
    while index < len(expressions):
        current = expressions[index]
        following = expressions[index + 1] if index + 1 < len(expressions) else None
        if following is not None and _joins(text, current, following):
            opener = regex.search(_OPENER, text[max(0, current.start - 10) : current.start], _FLAGS)
            if opener:
                current.start -= len(opener.group(0))
            current.until = following
            current.end = following.end
            index += 1
        merged.append(current)
        index += 1
    for expression in merged:
        window = text[max(0, expression.start - 30) : expression.start]
        if expression.until is None and expression.core.rule not in _NO_PREFIX_RULES:
            for kind, pattern in _prefix_patterns():
                found = pattern.search(window)
                if found and kind == "before" and expression.core.rule not in _BEFORE_RULES:
                    continue  # "de begroting voor 2025": "voor" means "for"
                if found:
                    expression.prefix = kind
                    expression.start -= len(window) - found.start()
                    break
        if (
            expression.prefix is None
            and text[expression.start : expression.start + 3].lower() == "de "
        ):
            # "In de afgelopen dagen": the preposition belongs to a phrase with an article
            preposition = regex.search(r"(?<![\w])in\s+$", window[-10:], _FLAGS)
            if preposition:
                expression.start -= len(preposition.group(0))
        expression.text = text[expression.start : expression.end]
    return merged


def _joins(text: str, first: Expression, second: Expression) -> bool:
    """``first`` and ``second`` form one range ("van maart tot mei", "tussen 2020 en 2022")."""
    if first.core.rule not in _RANGE_RULES or second.core.rule not in _RANGE_RULES:
        return False
    between = text[first.end : second.start]
    opener = regex.search(_OPENER, text[max(0, first.start - 10) : first.start], _FLAGS)
    if regex.fullmatch(r"\s*(?:tot\s+en\s+met|t/m)\s*", between, _FLAGS):
        return True
    if regex.fullmatch(r"\s*(?:tot|[-–])\s*", between, _FLAGS):
        return True
    if regex.fullmatch(r"\s+en\s+", between, _FLAGS):
        return opener is not None and opener.group(1).lower() == "tussen"
    return False
