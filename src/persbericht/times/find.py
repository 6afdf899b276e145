"""Time expressions in plain text, resolved to closed date intervals (pure).

:func:`find_times` is the entry point for other stages (the quantities stage links
claims to these records). Relative expressions need a reference date; without one they
are kept with ``period=None`` and ``resolved=False`` — never resolved against today.

>>> [(t.text, str(t.period.start), str(t.period.end)) for t in find_times(
...     "Sinds begin dit jaar, tot maart 2026.", date(2024, 3, 1)) if t.period]
[('Sinds begin dit jaar', '2024-01-01', '2024-03-01'), ('tot maart 2026', 'None', '2026-03-31')]
>>> [(t.text, t.resolved) for t in find_times("Vorig jaar en op 12 juni 2024.", None)]
[('Vorig jaar', False), ('12 juni 2024', True)]
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from persbericht.records import Period, Time
from persbericht.times import resolve as cal
from persbericht.times.grammar import Core, Expression, find_expressions, words
from persbericht.times.resolve import Interval


class NeedsReference(Exception):
    """The expression is relative and no reference date is known."""


class NeedsAntecedent(Exception):
    """The expression points back ("dezelfde periode vorig jaar") to nothing."""


def _ref(reference_date: date | None) -> date:
    if reference_date is None:
        raise NeedsReference
    return reference_date


def _number(word: str) -> int:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    table = words()["number_words"]
    key = " ".join(word.split())
    if key in table:
        return int(table[key])
    return 0  # a vague count: "een paar", "enkele"


def _month_number(word: str) -> int:
    w = words()
    key = word.lower().rstrip(".")
    return int(w["months"].get(key) or w["month_abbreviations"][key])


def _two_digit_year(value: str) -> int:
    year = int(value)
    return year + 2000 if year < 100 else year


def _year_of(expression: str, reference_date: date | None) -> int:
    """The year named by "2024", "vorig jaar", "dit jaar", "volgend jaar"."""
    text = " ".join(expression.lower().split())
    if text[:4].isdigit():
        return int(text[:4])
    rel = words()["relative"]
    ref = _ref(reference_date)
    if "daarvoor" in text or "ervoor" in text:
        raise NeedsAntecedent
    word = text.removeprefix("het ").split()[0]
    if word in rel["past"]:
        return ref.year - 1
    if word in rel["next"]:
        return ref.year + 1
    return ref.year


def _weekday(word: str) -> int:
    return int(words()["weekdays"][word.lower()])


def _day_month(groups: dict[str, str], ref: date | None, year_hint: int | None) -> Interval:
    month = _month_number(groups["mon"])
    day = int(groups["d"])
    first_day = int(groups.get("d1", day))
    if "y" in groups or "y2" in groups or year_hint is not None:
        if "y" in groups or "y2" in groups:
            year = int(groups["y"]) if "y" in groups else _two_digit_year(groups["y2"])
        else:
            assert year_hint is not None
            year = year_hint
        return date(year, month, first_day), date(year, month, day)
    reference = _ref(ref)
    if "d1" in groups:
        return date(reference.year, month, first_day), date(reference.year, month, day)
    candidates = [reference.year, reference.year - 1, reference.year + 1]
    if "wd" in groups:
        weekday = _weekday(groups["wd"])
        for year in candidates:
            try:
                if date(year, month, day).weekday() == weekday:
                    return cal.day_span(date(year, month, day))
            except ValueError:
                continue
    return cal.day_span(date(reference.year, month, day))


def _relative_unit(
    groups: dict[str, str], ref: date | None, antecedent: Interval | None = None
) -> Interval:
    w = words()
    rel_word = " ".join(groups["rel"].lower().split())
    unit_word = groups["unit"].lower()
    unit = w["units"][unit_word]
    plural = unit_word in w["plural_units"]
    article = groups.get("art", "").lower()
    reference = _ref(ref)
    past = rel_word in w["relative"]["past"]
    future = rel_word in w["relative"]["next"]
    narrative = article in {"de", "het"} and rel_word in w["narrative_next"] and unit != "season"
    if narrative and "n" not in groups and antecedent is not None and antecedent[1] is not None:
        # "de volgende dag": the day after the day just told about, not after the release
        if unit == "day":
            return cal.day_span(antecedent[1] + timedelta(days=1))
        return _unit_span(cal.move(antecedent[1], unit, 1), unit)
    if unit == "vague":
        return (
            (None, reference) if past else (reference, None) if future else (reference, reference)
        )
    if "n" in groups:
        count = _number(groups["n"])
        if count <= 0:
            return (None, reference) if past else (reference, None)
        if past:
            return cal.move(reference, unit, -count), reference
        if future:
            return reference, cal.move(reference, unit, count)
    if plural and rel_word in w["closed_past"]:
        # "voorgaande jaren": the years before this one, up to the end of the last
        return None, _unit_span(cal.move(reference, unit, -1), unit)[1]
    if plural:
        return (None, reference) if past else (reference, None)
    if unit == "season":
        # "vorig seizoen", "volgend schooljaar": the named year of that word
        first, last = w["season_years"].get(unit_word, w["season_years"]["seizoen"])
        if past:
            return cal.season_before(reference, first, last)
        if future:
            return cal.season_after(reference, first, last)
        return cal.season_current(reference, first, last)
    if article == "het" and past and unit != "weekend" and rel_word in {"afgelopen", "voorbije"}:
        # "het afgelopen jaar": the same date a year earlier up to the reference date
        return cal.move(reference, unit, -1), reference
    current = _unit_span(reference, unit)
    if past:
        return cal.shift(current, unit, -1)
    if future:
        return cal.shift(current, unit, 1)
    return current


def _unit_span(day: date, unit: str) -> Interval:
    if unit == "day":
        return cal.day_span(day)
    if unit == "week":
        return cal.week_span(day)
    if unit == "weekend":
        monday = cal.week_span(day)[0]
        assert monday is not None
        return monday + timedelta(days=5), monday + timedelta(days=6)
    if unit == "month":
        return cal.month_span(day.year, day.month)
    if unit == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return cal.months_span(day.year, first, 3)
    if unit == "half":
        return cal.months_span(day.year, 1 if day.month <= 6 else 7, 6)
    if unit == "decade":
        return date(day.year // 10 * 10, 1, 1), date(day.year // 10 * 10 + 9, 12, 31)
    return cal.year_span(day.year)


def _ordinal(word: str) -> int:
    digits = word.rstrip("stde")
    if digits.isdigit():
        return int(digits)  # "1e kwartaal", "3de week"
    return int(words()["ordinals"][word.lower()])


def _holiday(groups: dict[str, str], ref: date | None) -> Interval:
    table = words()["holidays"]
    name = " ".join(groups["holiday"].lower().split())

    def instance(year: int) -> Interval:
        if name in table["fixed"]:
            month, day, length = table["fixed"][name]
            first = date(year, month, day)
        elif name in table["easter"]:
            offset, length = table["easter"][name]
            first = cal.easter_sunday(year) + timedelta(days=offset)
        else:
            month, weekday, n = table["nth_weekday"][name]
            first, length = cal.nth_weekday(year, month, weekday, n), 1
        return first, first + timedelta(days=length - 1)

    if "y" in groups:
        return instance(int(groups["y"]))
    reference = _ref(ref)
    rel_word = " ".join(groups.get("rel", "").lower().split())
    options = [instance(year) for year in (reference.year - 1, reference.year, reference.year + 1)]
    if rel_word in words()["relative"]["past"]:
        return [o for o in options if o[1] is not None and o[1] < reference][-1]
    if rel_word in words()["relative"]["next"]:
        return next(o for o in options if o[0] is not None and o[0] > reference)
    return cal.nearest(options, reference)


def _season(groups: dict[str, str], ref: date | None) -> Interval:
    w = words()
    first, last = w["seasons"][groups["season"].lower()]
    if "y" in groups:
        return cal.season_span(int(groups["y"]), first, last)
    reference = _ref(ref)
    rel_word = " ".join(groups.get("rel", "").lower().split())
    if rel_word in w["relative"]["past"]:
        return cal.season_before(reference, first, last)
    if rel_word in w["relative"]["next"]:
        return cal.season_after(reference, first, last)
    return cal.season_current(reference, first, last)


def resolve_core(
    core: Core, ref: date | None, antecedent: Interval | None, year_hint: int | None = None
) -> Interval:
    """The interval of one atomic expression.

    ``year_hint`` is the year of an earlier expression in the same sentence: "in maart
    2023 aangehouden en in mei vrijgelaten" puts "mei" in 2023.

    Raises :class:`NeedsReference` for a relative expression without reference date and
    :class:`NeedsAntecedent` when it points back to nothing.
    """
    g = core.groups
    rule = core.rule
    if rule in {"numeric_date", "iso_date"}:
        return cal.day_span(date(int(g["y"]), int(g["m"]), int(g["d"])))
    if rule == "day_month":
        return _day_month(g, ref, None if "wd" in g else year_hint)
    if rule == "month_year":
        year = _two_digit_year(g["y2"]) if "y2" in g else _year_of(g["yexpr"], ref)
        return cal.month_span(year, _month_number(g["mon"]))
    if rule == "month":
        year = year_hint if year_hint is not None else _ref(ref).year
        return cal.month_span(year, _month_number(g["mon"]))
    if rule == "year":
        return cal.year_span(int(g["y"]))
    if rule == "year_range":
        return cal.year_span(int(g["y1"]))[0], cal.year_span(int(g["y2"]))[1]
    if rule == "season_year":
        first, last = words()["season_years"][" ".join(g["kind"].lower().split())]
        start_year = _two_digit_year(g["y1"])
        return cal.season_span(start_year, first, last)
    if rule == "quarter":
        index = int(g["q"]) if "q" in g else _ordinal(g["ord"])
        index = 4 if index == -1 else index
        if "y" in g:
            year = _two_digit_year(g["y"].lstrip("'"))
        else:
            year = _year_of(g["yexpr"], ref) if "yexpr" in g else _ref(ref).year
        return cal.months_span(year, (index - 1) * 3 + 1, 3)
    if rule == "half":
        index = int(g["h"]) if "h" in g else _ordinal(g["ord"])
        index = 2 if index == -1 else index
        year = (
            int(g["y"])
            if "y" in g
            else (_year_of(g["yexpr"], ref) if "yexpr" in g else _ref(ref).year)
        )
        return cal.months_span(year, 1 if index == 1 else 7, 6)
    if rule == "first_n":
        container = cal.year_span(_year_of(g["yexpr"], ref))
        unit = words()["units"][g["unit"].lower()]
        return cal.first_units(container, unit, _number(g["n"]), last=g["ord"].lower() == "laatste")
    if rule == "week_number":
        year = int(g["y"]) if "y" in g else _ref(ref).year
        return cal.iso_week_span(year, int(g["w"]))
    if rule == "season":
        return _season(g, ref)
    if rule == "relative_unit":
        return _relative_unit(g, ref, antecedent)
    if rule == "relative_weekday":
        reference = _ref(ref)
        weekday = _weekday(g["wd"])
        rel_word = " ".join(g["rel"].lower().split())
        if rel_word in words()["relative"]["next"]:
            return cal.day_span(cal.weekday_after(reference, weekday))
        if rel_word in words()["relative"]["past"]:
            return cal.day_span(cal.weekday_on_or_before(reference - timedelta(days=1), weekday))
        return cal.day_span(cal.weekday_on_or_before(reference, weekday))
    if rule == "decade":
        tens = int(g["tens"]) if "tens" in g else int(words()["decades"][g["decw"].lower()])
        return date(1900 + tens, 1, 1), date(1909 + tens, 12, 31)
    if rule == "week_weekday":
        week = _relative_unit({"rel": g["rel"], "unit": "week"}, ref)
        assert week[0] is not None
        return cal.day_span(week[0] + timedelta(days=_weekday(g["wd"])))
    if rule == "weekday":
        return cal.day_span(cal.weekday_on_or_before(_ref(ref), _weekday(g["wd"])))
    if rule == "night":
        reference = _ref(ref)
        second = cal.weekday_on_or_before(reference, _weekday(g["wd2"]))
        gap = (_weekday(g["wd2"]) - _weekday(g["wd1"])) % 7
        return second - timedelta(days=gap), second
    if rule == "night_deictic":
        # "afgelopen nacht": from the evening before to the morning of the reference date
        reference = _ref(ref)
        offset = int(words()["nights"][" ".join(g["night"].lower().split())])
        return reference + timedelta(days=offset), reference + timedelta(days=offset + 1)
    if rule == "deictic":
        offset = int(words()["deictic_days"][g["word"].lower()])
        return cal.day_span(_ref(ref) + timedelta(days=offset))
    if rule == "ago":
        reference = _ref(ref)
        unit = words()["units"][g["unit"].lower()]
        count = _number(g["n"])
        if count <= 0 or unit == "vague":
            return None, reference
        return _unit_span(cal.move(reference, unit, -count), unit)
    if rule == "holiday":
        return _holiday(g, ref)
    if rule == "ahead":
        reference = _ref(ref)
        unit = words()["units"][g["unit"].lower()]
        count = _number(g["n"])
        if count <= 0 or unit == "vague":
            return reference, None
        return _unit_span(cal.move(reference, unit, count), unit)
    if rule == "vague":
        reference = _ref(ref)
        phrase = " ".join(g["vague"].lower().split())
        vague = words()["vague"]
        if phrase in vague["now"]:
            return reference, reference
        if phrase in vague["from_now"]:
            return reference, None
        return None, reference
    if rule == "same_as_before":
        if antecedent is None:
            raise NeedsAntecedent
        return antecedent
    if rule == "since_then":
        if antecedent is None or antecedent[0] is None:
            raise NeedsAntecedent
        return antecedent[0], _ref(ref)
    if rule == "same_period":
        if antecedent is None:
            raise NeedsAntecedent
        phrase = " ".join(g["yexpr"].lower().split())
        if phrase.startswith("een jaar"):
            return cal.shift(antecedent, "year", -1)
        start = antecedent[0] or antecedent[1]
        assert start is not None
        target = _year_of(g["yexpr"], ref)
        return cal.shift(antecedent, "year", target - start.year)
    if rule == "antecedent_shift":
        if antecedent is None:
            raise NeedsAntecedent
        unit = words()["units"].get(g["unit"].lower(), "year")
        count = _number(g["n"]) if "n" in g else 1
        direction = -1 if g["dir"].lower() in {"ervoor", "daarvoor", "eerder"} else 1
        return cal.shift(antecedent, unit, direction * max(count, 1))
    if rule == "clock":
        # the day just told about; in a night ("zaterdag op zondag") early hours: the second day
        first, last = antecedent if antecedent is not None else (None, None)
        if first is not None and last is not None and 0 <= (last - first).days <= 1:
            return cal.day_span(last if int(g["h"]) < 12 else first)
        return cal.day_span(_ref(ref))
    msg = f"unknown time rule {rule!r}"
    raise ValueError(msg)


_POSITIONS: dict[str, cal.Position] = {"begin": "begin", "middle": "middle", "end": "end"}


def _resolve_expression(
    expression: Expression,
    ref: date | None,
    antecedent: Interval | None,
    year_hint: int | None = None,
) -> Interval:
    core = expression.core
    if (
        expression.until is not None
        and core.rule in {"month", "day_month"}
        and "y" not in core.groups
    ):
        # "van januari tot en met maart 2024": the first part takes the year of the second
        try:
            end_part = _resolve_expression(expression.until, ref, antecedent, year_hint)
            if end_part[1] is not None:
                year_hint = end_part[1].year
        except (NeedsReference, NeedsAntecedent):
            pass
    interval = resolve_core(core, ref, antecedent, year_hint)
    for kind, groups in expression.modifiers:
        if kind in _POSITIONS:
            interval = cal.position_within(interval, _POSITIONS[kind])
        elif kind == "week_of" and interval[0] is not None:
            interval = cal.week_span(interval[0])
        elif kind in {"earlier", "later"}:
            # "eerder dit jaar": the part before the reference date, when it lies inside
            reference = _ref(ref)
            begin, finish = interval
            if begin is not None and finish is not None and begin <= reference <= finish:
                interval = (begin, reference) if kind == "earlier" else (reference, finish)
        elif kind == "nth":
            unit = words()["units"][groups["unit"].lower()]
            index = _ordinal(groups["ord"])
            container_start = interval[0]
            if container_start is not None and interval[1] is not None:
                if index == -1:
                    interval = cal.first_units(interval, unit, 1, last=True)
                elif unit == "weekend":
                    saturday = cal.weekday_after(container_start - timedelta(days=1), 5)
                    saturday += timedelta(weeks=index - 1)
                    interval = (saturday, saturday + timedelta(days=1))
                else:
                    nth_start = cal.move(container_start, unit, index - 1)
                    interval = (nth_start, cal.move(nth_start, unit, 1) - timedelta(days=1))
        elif kind == "first_n":
            unit = words()["units"][groups["unit"].lower()]
            from_end = groups["ord"].lower() == "laatste"
            interval = cal.first_units(interval, unit, _number(groups["n"]), last=from_end)
    if expression.until is not None:
        start_year = interval[0].year if interval[0] else year_hint
        end = _resolve_expression(expression.until, ref, interval, start_year)
        interval = interval[0], end[1]
    if expression.prefix == "since":
        reference = _ref(ref)
        start = interval[0]
        interval = (start, reference) if start is not None and start <= reference else (start, None)
    elif expression.prefix == "until":
        interval = None, interval[1]
    elif expression.prefix == "before":
        interval = None, interval[0] - timedelta(days=1) if interval[0] else None
    elif expression.prefix == "after":
        reference = _ref(ref)
        start = interval[1] + timedelta(days=1) if interval[1] else None
        interval = (start, reference) if start is not None and start <= reference else (start, None)
    return interval


def _same_sentence(text: str, start: int, end: int) -> bool:
    return not re.search(r"[.!?]\s|\n", text[start:end])


#: Rules whose interval does not become the antecedent of later expressions.
_NO_ANTECEDENT_RULES = {"clock", "vague", "since_then", "same_period", "antecedent_shift"}


def _is_flemish(text: str) -> bool:
    """Does the release come from Flanders (its school years start in September)?"""
    found = re.findall(r"[\w-]+", text.lower())
    return bool(set(found) & set(words()["flemish_markers"]))


def _names_school_year(surface: str) -> bool:
    return "schooljaar" in surface.lower()


def _flemish_school_year(interval: Interval) -> Interval:
    """A Dutch school year (1 August - 31 July) moved to the Flemish one (September - August).

    >>> _flemish_school_year((date(2024, 8, 1), date(2025, 7, 31)))
    (datetime.date(2024, 9, 1), datetime.date(2025, 8, 31))
    """
    first, last = words()["flemish_school_year"]
    start, end = interval
    if start is not None and start.day == 1 and start.month == (first - 2) % 12 + 1:
        start = start.replace(month=first)
    if end is not None and end.month == (last - 2) % 12 + 1:
        end = cal.month_span(end.year, last)[1]
    return start, end


def _past_midnight(
    interval: Interval, hour: int, last_clock: tuple[int, Interval] | None
) -> Interval:
    """'om 23.45 uur ... Omstreeks 00.30 uur': an early hour after a late one is the next day."""
    if last_clock is None or interval[0] is None or last_clock[1][0] is None:
        return interval
    late, early = words()["night_hours"]
    if interval == last_clock[1] and last_clock[0] >= late and hour < early:
        return cal.day_span(interval[0] + timedelta(days=1))
    if last_clock[1][0] == interval[0] + timedelta(days=1) and hour >= last_clock[0]:
        return last_clock[1]  # still after that midnight
    return interval


def _sets_scene(text: str, expression: Expression, interval: Interval) -> bool:
    """Can a later "een jaar eerder" / "dezelfde periode vorig jaar" compare with this time?"""
    if interval[0] is None or interval[1] is None or interval[0] == interval[1]:
        return False
    before = " " + " ".join(text[max(0, expression.start - 30) : expression.start].lower().split())
    return not any(before.endswith(f" {w}") for w in words()["comparison_before"])


def find_times(text: str, reference_date: date | None) -> list[Time]:
    """Time expressions in ``text``, resolved against ``reference_date``, sorted by start.

    >>> [(t.text, str(t.period.start), str(t.period.end)) for t in find_times(
    ...     "In de eerste vijf maanden van dit jaar, meer dan in dezelfde periode vorig jaar.",
    ...     date(2024, 3, 1)) if t.period]  # doctest: +NORMALIZE_WHITESPACE
    [('In de eerste vijf maanden van dit jaar', '2024-01-01', '2024-05-31'),
     ('dezelfde periode vorig jaar', '2023-01-01', '2023-05-31')]
    """
    times: list[Time] = []
    antecedent: Interval | None = None
    antecedent_end = 0
    # The period under discussion, for comparisons ("een jaar eerder"): not a single day
    # ("vandaag") and not a time that is itself compared with ("in vergelijking met Q1 2024").
    scene: Interval | None = None
    flemish = _is_flemish(text)
    last_clock: tuple[int, Interval] | None = None
    for expression in find_expressions(text):
        year_hint = None
        if antecedent is not None and _same_sentence(text, antecedent_end, expression.start):
            first, last = antecedent
            if first is not None and last is not None and first.year == last.year:
                between = text[antecedent_end : expression.start]
                # a past year carries through its sentence; another year only within the clause
                past_year = reference_date is not None and first.year < reference_date.year
                if past_year or not re.search(r"[,;:]", between):
                    year_hint = first.year
                    # "december 2024 en januari": an earlier month in a list is the next year
                    month_word = expression.core.groups.get("mon")
                    same_month = first.month == last.month
                    if month_word and same_month and _month_number(month_word) < first.month:
                        year_hint = first.year + 1
        compares = expression.core.rule in {"same_period", "antecedent_shift"}
        try:
            interval: Interval | None = _resolve_expression(
                expression, reference_date, scene if compares else antecedent, year_hint
            )
        except (NeedsReference, NeedsAntecedent):
            interval = None
        except (ValueError, KeyError, OverflowError):
            continue  # "31-02-2024": not a date after all
        if interval is not None and interval[0] and interval[1] and interval[0] > interval[1]:
            continue  # "tussen 2024 en 2020", "de eerste 0 maanden": no interval
        if expression.core.rule == "clock" and interval is not None:
            hour = int(expression.core.groups.get("h") or 0)
            interval = _past_midnight(interval, hour, last_clock)
            last_clock = hour, interval
        start, end = expression.start, expression.end
        surface = text[start:end]
        # A comparison base ("hetzelfde kwartaal vorig jaar", "een jaar eerder") is not the
        # period under discussion: a later "een jaar eerder" still shifts the scene's period.
        if interval is not None and expression.core.rule not in _NO_ANTECEDENT_RULES:
            antecedent = interval
            antecedent_end = end
            if _sets_scene(text, expression, interval):
                scene = interval
        if interval is not None and flemish and _names_school_year(surface):
            interval = _flemish_school_year(interval)
        period = Period(start=interval[0], end=interval[1]) if interval is not None else None
        times.append(
            Time(start=start, end=end, text=surface, period=period, resolved=interval is not None)
        )
    return times
