"""The shipped country tables are current and cover every state."""

from __future__ import annotations

import json

import pycountry
import pytest

from persbericht.entities import build_tables
from persbericht.entities.normalize import country_code, country_names, demonyms
from persbericht.resources import read_json


@pytest.mark.parametrize("name", build_tables.TABLES)
def test_shipped_table_is_current(name: str) -> None:
    """Regenerate in memory: editing data_src without rebuilding fails here."""
    assert read_json(name) == json.loads(json.dumps(build_tables.build_all()[name]))


def test_every_state_has_a_name_and_a_demonym() -> None:
    codes = set(build_tables.state_codes())
    assert len(codes) >= 193
    assert codes <= set(country_names().values())
    # Every state but a few without a usual demonym (Dominica, Congo-Brazzaville, Vatican).
    missing = codes - set(demonyms().values())
    assert missing <= {"DM", "CG"}


def test_codes_are_iso() -> None:
    for code in {*country_names().values(), *demonyms().values()}:
        assert code == "XK" or pycountry.countries.get(alpha_2=code) is not None


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("Marokkaan", "MA"),
        ("Marokkanen", "MA"),
        ("Marokkaanse", "MA"),
        ("Marokkaans", "MA"),
        ("Oekraïner", "UA"),
        ("Oekraïners", "UA"),
        ("Belg", "BE"),
        ("Belgen", "BE"),
        ("Belgische", "BE"),
        ("Syriër", "SY"),
        ("Syriërs", "SY"),
        ("Nederlander", "NL"),
        ("Nederlanders", "NL"),
        ("Nederlandse", "NL"),
        ("Duitse", "DE"),
        ("Franse", "FR"),
        ("Turkse", "TR"),
        ("VS", "US"),
        ("Verenigde Staten", "US"),
        ("Groot-Brittannië", "GB"),
        ("Congo-Kinshasa", "CD"),
        ("Tsjechië", "CZ"),
        ("Myanmar", "MM"),
        ("Birma", "MM"),
        ("Bahama's", "BS"),
    ],
)
def test_country_code(mention: str, code: str) -> None:
    assert country_code(mention) == code


@pytest.mark.parametrize("mention", ["ons land", "het land", "Europa", "Europese", "Rotterdamse"])
def test_not_a_country(mention: str) -> None:
    assert country_code(mention) is None


def test_build_check_passes() -> None:
    assert build_tables.main(["--check"]) == 0
