"""Tokenizer fixes for Dutch press releases, for any Dutch spaCy pipeline.

The language data lives in ``resources/tokenizer_exceptions.json``: extra abbreviations
(``mld.``, ``jan.`` …), spaCy exceptions that are ordinary Dutch words (``dat.``, ``al.``,
``pas.`` …) and are pruned so that they can end a sentence, and extra prefix/suffix/infix
patterns (NBSP as whitespace, ``12,5%`` → ``12,5`` + ``%``, ``2023-2024`` → ``2023`` ``-``
``2024``).

Use :func:`apply_tokenizer_fixes` on a loaded pipeline, or the registered callback in a
config::

    [nlp.after_creation]
    @callbacks = "persbericht.tokenizer_fixes.v1"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from persbericht.resources import read_json

#: Name of the resource file with the fixes.
RESOURCE = "tokenizer_exceptions.json"


def _table() -> dict[str, Any]:
    return cast(dict[str, Any], read_json(RESOURCE))


def pruned_exceptions() -> set[str]:
    """The exception strings that are removed (every case variant of each word + ``.``).

    >>> "Dat." in pruned_exceptions()
    True
    """
    words: list[str] = _table()["prune"]
    return {variant + "." for word in words for variant in (word, word.title(), word.upper())}


def _extend(pattern: str, extras: list[str]) -> str:
    missing = [extra for extra in extras if extra not in pattern]
    return "|".join([*missing, pattern]) if missing else pattern


def _pattern(search: Callable[..., Any] | None) -> str:
    compiled = getattr(search, "__self__", None)
    return compiled.pattern if isinstance(compiled, re.Pattern) else ""


def apply_tokenizer_fixes(nlp: Language) -> Language:
    """Apply persbericht's Dutch tokenizer fixes to ``nlp`` in place (idempotent).

    >>> import spacy
    >>> nlp = apply_tokenizer_fixes(spacy.blank("nl"))
    >>> [t.text for t in nlp("Een stijging van 12,5% in 2023-2024.")]
    ['Een', 'stijging', 'van', '12,5', '%', 'in', '2023', '-', '2024', '.']
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return nlp  # a custom tokenizer: leave it alone
    table = _table()
    pruned = pruned_exceptions()
    rules = {key: value for key, value in (tokenizer.rules or {}).items() if key not in pruned}
    for orth, norm in table["abbreviations"].items():
        rules[orth] = [{ORTH: orth, NORM: norm}]
    tokenizer.rules = rules
    for attr, key, compile_ in (
        ("prefix_search", "prefixes", lambda p: re.compile(f"^(?:{p})")),
        ("suffix_search", "suffixes", lambda p: re.compile(f"(?:{p})$")),
        ("infix_finditer", "infixes", lambda p: re.compile(p)),
    ):
        current = getattr(tokenizer, attr)
        old = _pattern(current)
        extras: list[str] = table[key]
        if key == "infixes":
            new = _extend(old, extras) if old else "|".join(extras)
            compiled = compile_(new)
            setattr(tokenizer, attr, compiled.finditer)
            continue
        # Prefix/suffix patterns are anchored alternations: add ours inside the anchor.
        anchored = [f"^(?:{e})" if key == "prefixes" else f"(?:{e})$" for e in extras]
        new = _extend(old, anchored) if old else "|".join(anchored)
        setattr(tokenizer, attr, re.compile(new).search)
    return nlp


@registry.callbacks("persbericht.tokenizer_fixes.v1")  # type: ignore[untyped-decorator]
def create_tokenizer_fixes() -> Callable[[Language], Language]:
    """Config callback (``[nlp.after_creation]``) that applies :func:`apply_tokenizer_fixes`."""
    return apply_tokenizer_fixes
