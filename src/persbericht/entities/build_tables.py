"""Build the shipped country tables from their editable sources.

Sources: Babel's Dutch CLDR territory names, ``data_src/country_variants.tsv`` and the
hand-edited ``data_src/demonyms.tsv`` (beside this module). Output:
``resources/countries.json`` (name → ISO 3166-1 alpha-2) and ``resources/demonyms.json``
(demonym or adjective form → code).

    python -m persbericht.entities.build_tables          # write the tables
    python -m persbericht.entities.build_tables --check  # exit 1 when they are stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale

DATA_SRC = Path(__file__).resolve().parent / "data_src"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TABLES = ("countries.json", "demonyms.json")

#: Codes that are states in common use but not (yet) in ISO 3166-1 (user-assigned).
_EXTRA_CODES = frozenset({"XK"})

_LONG_VOWEL_ENDINGS = ("aa", "ee", "oo", "uu")


def _read_tsv(path: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(",") if part.strip() and part.strip() != "-"]


def plural(singular: str) -> str:
    """Regular Dutch plural of an inhabitant noun.

    >>> [plural(w) for w in ["Marokkaan", "Belg", "Syriër", "Zweed", "Duitser"]]
    ['Marokkanen', 'Belgen', 'Syriërs', 'Zweden', 'Duitsers']
    """
    if singular.endswith(("er", "ër")):
        return singular + "s"
    stem, last = singular[:-1], singular[-1]
    if stem.endswith(_LONG_VOWEL_ENDINGS) and last not in "aeiou":
        if last == "s":
            last = "z"
        return stem[:-1] + last + "en"
    return singular + "en"


def inflect(adjective: str) -> str:
    """The inflected (-e) form of an adjective; a long vowel in a now open syllable halves.

    >>> [inflect(w) for w in ["Marokkaans", "Belgisch", "Chinees", "Eritrees"]]
    ['Marokkaanse', 'Belgische', 'Chinese', 'Eritrese']
    """
    stem, last = adjective[:-1], adjective[-1]
    if stem.endswith(_LONG_VOWEL_ENDINGS) and last not in "aeiou":
        return stem[:-1] + last + "e"
    return adjective + "e"


def demonym_forms(adjectives: str, nouns: str) -> list[str]:
    """All forms of one ``demonyms.tsv`` row (adjectives inflected, nouns pluralised).

    >>> demonym_forms("Marokkaans", "Marokkaan")
    ['Marokkaans', 'Marokkaanse', 'Marokkaan', 'Marokkanen']
    >>> demonym_forms("Fins", "Fin/Finnen")
    ['Fins', 'Finse', 'Fin', 'Finnen']
    >>> demonym_forms("Chinees", "Chinees/Chinezen")
    ['Chinees', 'Chinese', 'Chinees', 'Chinezen']
    """
    forms: list[str] = []
    for adjective in _split(adjectives):
        forms += [adjective, inflect(adjective)]
    for noun in _split(nouns):
        if "/" in noun:
            singular, plural_form = (part.strip() for part in noun.split("/", 1))
            forms += [f for f in (singular, plural_form) if f]
        else:
            forms += [noun, plural(noun)]
    return forms


def state_codes() -> list[str]:
    """The codes of the states in ``demonyms.tsv`` (every UN member and a few more)."""
    codes = sorted({row[0] for row in _read_tsv(DATA_SRC / "demonyms.tsv")})
    for code in codes:
        if pycountry.countries.get(alpha_2=code) is None and code not in _EXTRA_CODES:
            msg = f"demonyms.tsv: {code!r} is not an ISO 3166-1 alpha-2 code"
            raise ValueError(msg)
    return codes


def build_countries() -> dict[str, str]:
    """Dutch state name → code, from CLDR plus ``country_variants.tsv``.

    >>> build_countries()["Tsjechië"], build_countries()["VS"]
    ('CZ', 'US')
    """
    territories = Locale("nl").territories
    names: dict[str, str] = {}
    for code in state_codes():
        cldr = territories.get(code)
        if cldr:
            # "Myanmar (Birma)" names two variants.
            for part in cldr.replace(")", "").split(" ("):
                names[part.replace("’", "'")] = code
    for row in _read_tsv(DATA_SRC / "country_variants.tsv"):
        for name in _split(row[1]):
            names[name] = row[0]
    return dict(sorted(names.items()))


def build_demonyms() -> dict[str, str]:
    """Demonym/adjective form → code; a form claimed by two states raises.

    >>> build_demonyms()["Oekraïners"]
    'UA'
    """
    forms: dict[str, str] = {}
    for row in _read_tsv(DATA_SRC / "demonyms.tsv"):
        code, adjectives, nouns = row[0], row[1], row[2] if len(row) > 2 else "-"
        for form in demonym_forms(adjectives, nouns):
            if forms.get(form, code) != code:
                msg = f"demonyms.tsv: {form!r} is given for {forms[form]} and {code}"
                raise ValueError(msg)
            forms[form] = code
    return dict(sorted(forms.items()))


def build_all() -> dict[str, Any]:
    """Every shipped table by file name, built in memory."""
    return {"countries.json": build_countries(), "demonyms.json": build_demonyms()}


def _dump(table: Any) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the shipped tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a table is stale")
    args = parser.parse_args(argv)
    stale = []
    for name, table in build_all().items():
        path = RESOURCES / name
        text = _dump(table)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        sys.stderr.write(f"stale tables: {', '.join(stale)}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
