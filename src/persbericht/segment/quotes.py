"""Quotations: spans between “…”, "…" or ‘…’, also across sentences (not across pages).

A quotation that is not closed in its paragraph continues when the next paragraph
opens with the same mark (the Dutch convention for quotes over several paragraphs);
otherwise it ends with its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from persbericht.records import Quote

#: opening mark -> closing marks accepted for it
_PAIRS: dict[str, str] = {"“": '”"', "„": '”“"', '"': '"”', "‘": "’'", "«": "»", "'": "'’"}
# An apostrophe inside a word ("auto's", "'s avonds") is not a quotation mark.
_OPEN_RE = regex.compile(r"(?:(?<=^|[\s(\[:—–-])[\"“„‘«'])")


def _closing(text: str, start: int, end: int, opener: str) -> int | None:
    closers = _PAIRS[opener]
    for k in range(start, end):
        ch = text[k]
        if ch in closers:
            if ch in "'’" and k + 1 < len(text) and text[k + 1].isalpha():
                continue  # apostrophe: auto’s, zo’n
            if ch in "'’" and k > 0 and text[k - 1].isspace():
                continue
            return k
    return None


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quote]:
    """Quotations inside the given paragraph spans; the span excludes the marks.

    >>> q = find_quotes('Zij zei: “Wij doen dit. Nu.” En ging.', [(0, 37)])
    >>> q[0].text
    'Wij doen dit. Nu.'
    """
    quotes: list[Quote] = []
    p = 0
    while p < len(paragraphs):
        start, end = paragraphs[p]
        pos = start
        while pos < end:
            match = _OPEN_RE.search(text, pos, end)
            if match is None:
                break
            opener = match.group()
            if opener == "'" and (match.end() < end and not text[match.end()].isupper()):
                pos = match.end()
                continue  # 's avonds, 'n
            close = _closing(text, match.end(), end, opener)
            q_start, last_p = match.end(), p
            while close is None and last_p + 1 < len(paragraphs):
                nxt_start, nxt_end = paragraphs[last_p + 1]
                if text[nxt_start : nxt_start + 1] != opener:
                    break
                last_p += 1
                close = _closing(text, nxt_start + 1, nxt_end, opener)
            q_end = close if close is not None else paragraphs[last_p][1]
            if q_end > q_start and text[q_start:q_end].strip():
                quotes.append(Quote(start=q_start, end=q_end, text=text[q_start:q_end]))
            if last_p != p:
                p = last_p
                start, end = paragraphs[p]
            pos = (q_end + 1) if close is not None else end
        p += 1
    return quotes
