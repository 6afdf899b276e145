"""Records: JSON round trip, offsets, and the shipped JSON Schema is current."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from persbericht.records import (
    ClaimPeriod,
    Entity,
    Period,
    Quantity,
    Release,
    Time,
    release_json_schema,
)
from tests.conftest import REPO

SCHEMA_PATH = REPO / "docs" / "release.schema.json"


def _release() -> Release:
    return Release(
        doc="x.txt",
        text_sha256="0" * 64,
        reference_date=date(2024, 3, 1),
        reference_date_source="given",
        published=None,
        title="België en Marokko",
        author=None,
        entities=[Entity(start=0, end=6, text="België", label="COUNTRY", norm="BE")],
        times=[
            Time(
                start=20,
                end=30,
                text="Vorig jaar",
                period=Period(start=date(2023, 1, 1), end=date(2023, 12, 31)),
            )
        ],
        quantities=[
            Quantity(
                start=31,
                end=41,
                text="ruim 5.000",
                value=5000,
                qualifier="more_than",
                unit="intercepties",
                kind="count",
                counted="intercepties",
                period=ClaimPeriod(
                    text="Vorig jaar", start=date(2023, 1, 1), end=date(2023, 12, 31), span=(20, 30)
                ),
            )
        ],
    )


def test_release_round_trips_through_json() -> None:
    release = _release()
    data = json.loads(release.to_json())
    assert data["times"][0]["period"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert Release.from_dict(data) == release


def test_records_are_frozen_and_strict() -> None:
    entity = _release().entities[0]
    with pytest.raises(ValidationError):
        entity.label = "PERSON"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Entity(start=0, end=6, text="België", label="LAND", norm="BE")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Release.from_dict({**_release().to_dict(), "onbekend": 1})


def test_shipped_schema_is_current() -> None:
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert shipped == release_json_schema(), (
        "regenerate: persbericht schema > docs/release.schema.json"
    )
