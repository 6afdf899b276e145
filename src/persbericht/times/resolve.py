"""Calendar arithmetic for time expressions: closed date intervals (pure).

An interval is a pair ``(start, end)`` of dates; ``None`` marks an open end. The rules
follow the annotation guide's Times section: a year runs 1 Jan–31 Dec, a week Monday–
Sunday, "begin/medio/eind" of a year are its first quarter, June–July and last quarter,
of a month its first, middle and last ten days.

>>> year_span(2024)
(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
>>> shift((date(2024, 1, 1), date(2024, 5, 31)), "year", -1)
(datetime.date(2023, 1, 1), datetime.date(2023, 5, 31))
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Interval = tuple[date | None, date | None]
Unit = Literal[
    "day", "week", "weekend", "month", "quarter", "half", "year", "season", "decade", "century"
]
Position = Literal["begin", "middle", "end"]

# A football season (July–June) moves by a year like a calendar year does.
_MONTHS_PER_UNIT: dict[str, int] = {
    "month": 1,
    "quarter": 3,
    "half": 6,
    "year": 12,
    "season": 12,
    "decade": 120,
    "century": 1200,
}


def month_end(year: int, month: int) -> date:
    """Last day of a month: ``month_end(2024, 2)`` is 29 February 2024."""
    return date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> Interval:
    """1 January–31 December of ``year`` ("2014")."""
    return date(year, 1, 1), date(year, 12, 31)


def month_span(year: int, month: int) -> Interval:
    """A whole month ("maart 2026").

    >>> month_span(2026, 3)
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    """
    return date(year, month, 1), month_end(year, month)


def months_span(year: int, first_month: int, count: int) -> Interval:
    """``count`` months from ``first_month`` of ``year`` (may run into the next year)."""
    start = date(year, first_month, 1)
    last_index = year * 12 + first_month - 1 + count - 1
    return start, month_end(last_index // 12, last_index % 12 + 1)


def week_span(day: date) -> Interval:
    """Monday–Sunday of the week holding ``day`` ("deze week")."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def iso_week_span(year: int, week: int) -> Interval:
    """ISO week ``week`` of ``year`` ("week 12")."""
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def day_span(day: date) -> Interval:
    """A single day as an interval."""
    return day, day


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def move(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units (days, weeks or month-based units)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    return add_months(day, amount * _MONTHS_PER_UNIT[unit])


def shift(interval: Interval, unit: str, amount: int) -> Interval:
    """An interval moved by ``amount`` units; a whole month stays a whole month."""
    start, end = interval
    new_start = move(start, unit, amount) if start else None
    new_end = move(end, unit, amount) if end else None
    if (
        start
        and end
        and unit not in ("day", "week", "weekend")
        and end == month_end(end.year, end.month)
    ):
        assert new_end is not None
        new_end = month_end(new_end.year, new_end.month)
    return new_start, new_end


def season_span(year: int, first_month: int, last_month: int) -> Interval:
    """A season starting in ``year`` (winter runs into the next year).

    >>> season_span(2024, 12, 2)
    (datetime.date(2024, 12, 1), datetime.date(2025, 2, 28))
    """
    count = (last_month - first_month) % 12 + 1
    return months_span(year, first_month, count)


def season_containing(day: date, first_month: int, last_month: int) -> Interval | None:
    """The instance of a season (or season-year) that holds ``day``, if any."""
    for year in (day.year - 1, day.year):
        start, end = season_span(year, first_month, last_month)
        if start and end and start <= day <= end:
            return start, end
    return None


def season_before(day: date, first_month: int, last_month: int) -> Interval:
    """The last complete instance of a season ending before ``day``."""
    for year in (day.year, day.year - 1, day.year - 2):
        start, end = season_span(year, first_month, last_month)
        if end is not None and end < day:
            return start, end
    return season_span(day.year - 2, first_month, last_month)


def season_after(day: date, first_month: int, last_month: int) -> Interval:
    """The first instance of a season starting after ``day``."""
    for year in (day.year - 1, day.year, day.year + 1):
        start, end = season_span(year, first_month, last_month)
        if start is not None and start > day:
            return start, end
    return season_span(day.year + 1, first_month, last_month)


def season_current(day: date, first_month: int, last_month: int) -> Interval:
    """This year's season ("deze zomer"): the one holding ``day``, else the next one.

    A winter named in January belongs to the winter that started in December.
    """
    return season_containing(day, first_month, last_month) or season_span(
        day.year, first_month, last_month
    )


def weekday_on_or_before(day: date, weekday: int) -> date:
    """Most recent ``weekday`` (0 = Monday) on or before ``day`` (bare "dinsdag")."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def weekday_after(day: date, weekday: int) -> date:
    """Next ``weekday`` strictly after ``day`` ("aanstaande dinsdag")."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def position_within(interval: Interval, position: Position) -> Interval:
    """The begin, middle ("medio") or end ("eind") of an interval.

    Of a year: first quarter, June–July, last quarter; of a month: days 1–10, 11–20,
    21–end; otherwise the first, middle or last third.

    >>> position_within(year_span(2023), "end")
    (datetime.date(2023, 10, 1), datetime.date(2023, 12, 31))
    >>> position_within(month_span(2024, 3), "middle")
    (datetime.date(2024, 3, 11), datetime.date(2024, 3, 20))
    """
    start, end = interval
    if start is None or end is None:
        return interval
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        year = start.year
        return {
            "begin": (date(year, 1, 1), date(year, 3, 31)),
            "middle": (date(year, 6, 1), date(year, 7, 31)),
            "end": (date(year, 10, 1), date(year, 12, 31)),
        }[position]
    if start.day == 1 and end == month_end(start.year, start.month):
        return {
            "begin": (start, start.replace(day=10)),
            "middle": (start.replace(day=11), start.replace(day=20)),
            "end": (start.replace(day=21), end),
        }[position]
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if position == "begin":
        return start, start + timedelta(days=third - 1)
    if position == "end":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)


def first_units(interval: Interval, unit: str, count: int, last: bool = False) -> Interval:
    """The first (or last) ``count`` units of an interval ("de eerste vijf maanden van dit jaar").

    >>> first_units(year_span(2024), "month", 5)
    (datetime.date(2024, 1, 1), datetime.date(2024, 5, 31))
    """
    start, end = interval
    if start is None or end is None:
        return interval
    if last:
        begin = move(end + timedelta(days=1), unit, -count)
        return begin, end
    stop = move(start, unit, count) - timedelta(days=1)
    return start, stop


def easter_sunday(year: int) -> date:
    """Easter Sunday (Gregorian calendar, anonymous algorithm).

    >>> easter_sunday(2024)
    datetime.date(2024, 3, 31)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` of a month: Prinsjesdag is the third Tuesday of September."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def nearest(candidates: list[Interval], day: date) -> Interval:
    """The interval closest to ``day`` (one holding it wins)."""

    def distance(interval: Interval) -> int:
        start, end = interval
        assert start is not None
        assert end is not None
        if start <= day <= end:
            return 0
        return min(abs((start - day).days), abs((end - day).days))

    return min(candidates, key=distance)
