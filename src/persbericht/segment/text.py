"""Offset-preserving clean-up of scraped text.

Only 1:1 character substitutions are made, so every offset into the cleaned text is
an offset into the original: NBSP and other odd spaces become a plain space, and
zero-width characters and stray carriage returns become a space too.
"""

from __future__ import annotations

# Each maps to exactly one character, which keeps offsets valid.
_SPACE_LIKE = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\r\u200b\u200c\u200d\u2060\ufeff"
)
_TABLE = str.maketrans(dict.fromkeys(_SPACE_LIKE, " "))


def clean_text(text: str) -> str:
    """Replace odd whitespace by plain spaces, one character for one character.

    >>> clean_text("12\\u00a0juni 2024\\r\\n") == "12 juni 2024 \\n"
    True
    """
    return text.translate(_TABLE)
