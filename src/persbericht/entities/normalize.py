"""Country names, demonyms and adjectives → ISO 3166-1 alpha-2 (pure lookups).

The tables are built by :mod:`persbericht.entities.build_tables` from Babel's CLDR names
and the hand-edited ``data_src/demonyms.tsv``.
"""

from __future__ import annotations

from functools import cache

from persbericht.resources import read_json


@cache
def country_names() -> dict[str, str]:
    """Dutch state name or variant → code.

    >>> country_names()["Verenigde Staten"], country_names()["Congo-Kinshasa"]
    ('US', 'CD')
    """
    table: dict[str, str] = read_json("countries.json")
    return table


@cache
def demonyms() -> dict[str, str]:
    """Demonym or adjective form → code.

    >>> demonyms()["Marokkanen"], demonyms()["Belgische"]
    ('MA', 'BE')
    """
    table: dict[str, str] = read_json("demonyms.json")
    return table


def country_code(mention: str) -> str | None:
    """The ISO code of a state mentioned by name, demonym or adjective, else ``None``.

    >>> [country_code(m) for m in ["België", "Marokkanen", "Oekraïners", "VS", "Rotterdam"]]
    ['BE', 'MA', 'UA', 'US', None]
    """
    mention = " ".join(mention.split()).replace("’", "'")
    return country_names().get(mention) or demonyms().get(mention)


def is_country_name(mention: str) -> bool:
    """Whether ``mention`` names a state (not a demonym).

    >>> is_country_name("Duitsland"), is_country_name("Duitse")
    (True, False)
    """
    return " ".join(mention.split()) in country_names()
