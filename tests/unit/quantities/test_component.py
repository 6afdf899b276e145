"""The ``persbericht_quantities`` component inside the full pipeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from persbericht.api import extract


def test_component_writes_claims_with_period(nlp: Any) -> None:
    text = (
        "Controles in de regio\n\n"
        "Vorig jaar gebeurden ruim 5.000 controles in de regio. "
        "Een 48-jarige man werd aangehouden. Bel 112 bij nood.\n"
    )
    release = extract(text, reference_date="2024-03-01", nlp=nlp)
    got = [(q.text, q.value, q.qualifier, q.unit, q.kind) for q in release.quantities]
    assert got == [("ruim 5.000", 5000, "more_than", "controles", "count")]
    claim = release.quantities[0]
    assert text[claim.start : claim.end] == claim.text
    assert claim.period is not None
    assert (claim.period.text, claim.period.start, claim.period.end) == (
        "Vorig jaar",
        date(2023, 1, 1),
        date(2023, 12, 31),
    )
