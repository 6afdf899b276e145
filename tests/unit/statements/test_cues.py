"""The pure core: cue lexicon, clause cutting, speakers (doctests and a few edge cases)."""

from __future__ import annotations

import doctest

import pytest

from persbericht.records import Quote
from persbericht.statements import actions, cues, detect, speakers
from persbericht.statements.cues import find_cues, lexicon, split_clauses, split_sentences
from persbericht.statements.detect import ReleaseContext, find_statements
from persbericht.statements.speakers import attribute_speakers


@pytest.mark.parametrize("module", [cues, speakers, detect, actions], ids=lambda m: m.__name__)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


def test_every_cue_pattern_matches_something_typed() -> None:
    types = {c.type for c in lexicon().cues}
    assert types == {"decision", "agreement", "commitment", "intention", "proposal", "position"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "We hebben de aanpak verbeterd en we hebben afgesproken samen te werken.",
            ["We hebben de aanpak verbeterd en we hebben afgesproken samen te werken."],
            id="en-one-cue-no-cut",
        ),
        pytest.param(
            "De Commissie stelde het voor en de Raad ging akkoord.",
            ["De Commissie stelde het voor", "de Raad ging akkoord."],
            id="en-two-cues-cut",
        ),
        pytest.param(
            "Dit mag, maar niet hier.", ["Dit mag, maar niet hier."], id="maar-niet-no-cut"
        ),
        pytest.param("Eerst dit; daarna dat.", ["Eerst dit", "daarna dat."], id="semicolon"),
    ],
)
def test_split_clauses(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_clauses(text, 0, len(text))] == expected


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Het gaat o.a. om fietsen. Ook bijv. scooters."
    assert len(split_sentences(text, 0, len(text))) == 2


def test_te_infinitive_is_no_decision() -> None:
    assert [m.cue.type for m in find_cues("Zij deed het voorstel om de regeling te verlengen")] == [
        "proposal"
    ]


def test_first_person_quote_falls_back_to_author() -> None:
    text = "Wij blijven ons inzetten voor iedereen die hier woont en werkt."
    quote = Quote(start=0, end=len(text), text=text)
    result = attribute_speakers(text, [quote], [(0, len(text))], [], author="Karin Veldhuis")
    assert result[0].speaker == "Karin Veldhuis"


def test_parsed_subject_decides_whether_a_modal_has_an_actor() -> None:
    text = "Zij moeten de gemeente betalen."
    plain = find_statements(ReleaseContext(text, [(0, len(text))]))
    parsed = find_statements(ReleaseContext(text, [(0, len(text))], subjects=[(0, 3)]))
    assert [s.type for s in plain] == ["position"]  # "gemeente" next to the modal
    assert parsed == []  # the parse says the subject is "Zij", no authority


def test_statement_inside_quote_takes_its_speaker() -> None:
    text = "Jan de Vries: “Wij moeten harder optreden.” Hij zei het kalm."
    quote = Quote(start=15, end=42, text=text[15:42], speaker="Jan de Vries")
    (statement,) = find_statements(ReleaseContext(text, [(0, len(text))], quotes=[quote]))
    assert (statement.type, statement.speaker, statement.actor, statement.modality) == (
        "position",
        "Jan de Vries",
        "Jan de Vries",
        "must",
    )


def test_cue_pieces_are_filled_in() -> None:
    assert not any("{future}" in c.pattern.pattern for c in lexicon().cues)
    assert any(c.fact_blocked for c in lexicon().cues)
