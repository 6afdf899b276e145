"""Time expressions resolved to closed date intervals (issue 5).

``find_times(text, reference_date)`` is the pure entry point; ``detect.py`` holds the
spaCy component ``persbericht_times``.
"""

from persbericht.times.find import find_times

__all__ = ["find_times"]
