"""The spaCy component, and the mapping of model NER labels (without a model)."""

from __future__ import annotations

import pytest

from persbericht.entities.recognize import analyse


def _labels(text: str, model: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    spans = []
    for phrase, label in model:
        start = text.index(phrase)
        spans.append((start, start + len(phrase), label))
    return [(e.text, e.label, e.norm) for e in analyse(text, spans).entities]


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        pytest.param(
            "Jongerenwerk Zuidstad helpt jongeren.",
            [("Jongerenwerk Zuidstad", "ORG")],
            [("Jongerenwerk Zuidstad", "ORGANIZATION", "Jongerenwerk Zuidstad")],
            id="org-unknown",
        ),
        pytest.param(
            "De Inspectie Onderwijsbeleid kijkt mee.",
            [("Inspectie Onderwijsbeleid", "ORG")],
            [("Inspectie Onderwijsbeleid", "INSTITUTION", "Inspectie Onderwijsbeleid")],
            id="org-public-head",
        ),
        pytest.param(
            "Hij woont in Kleinstedeveld.",
            [("Kleinstedeveld", "LOC")],
            [("Kleinstedeveld", "LOCATION", "Kleinstedeveld")],
            id="loc-unknown",
        ),
        pytest.param(
            "Een Marokkaanse vrouw en een Kaapverdiaan.",
            [("Marokkaanse", "MISC"), ("Kaapverdiaan", "MISC")],
            [("Marokkaanse", "COUNTRY", "MA"), ("Kaapverdiaan", "COUNTRY", "CV")],
            id="misc-demonym",
        ),
        pytest.param(
            "Volgens Okonkwo Adebayo gaat het goed. Adebayo is tevreden.",
            [("Okonkwo Adebayo", "PER"), ("Adebayo", "PER")],
            [
                ("Okonkwo Adebayo", "PERSON", "Okonkwo Adebayo"),
                ("Adebayo", "PERSON", "Okonkwo Adebayo"),
            ],
            id="per-coref",
        ),
        pytest.param(
            "Minister Anja van den Bosch kwam. Van den Bosch sprak en Anja luisterde.",
            [("Anja van den Bosch", "PER"), ("Van den Bosch", "PER"), ("Anja", "PER")],
            [
                ("Anja van den Bosch", "PERSON", "Anja van den Bosch"),
                ("Van den Bosch", "PERSON", "Anja van den Bosch"),
                ("Anja", "PERSON", "Anja van den Bosch"),
            ],
            id="per-particle-coref",
        ),
        pytest.param(
            "De Dienst Vreemdelingenzaken in Brussel.",
            [("Dienst Vreemdelingenzaken in Brussel", "ORG")],
            [
                ("Dienst Vreemdelingenzaken", "INSTITUTION", "Dienst Vreemdelingenzaken"),
                ("Brussel", "LOCATION", "Brussel"),
            ],
            id="gazetteer-wins",
        ),
        pytest.param(
            "Marokko en de FIOD werken samen.",
            [("Marokko", "PER"), ("FIOD", "PER")],
            [("Marokko", "COUNTRY", "MA"), ("FIOD", "INSTITUTION", "FIOD")],
            id="per-not-a-name",
        ),
        pytest.param(
            "Het Europese Asiel- en Migratiepact gaat in.",
            [("Europese Asiel-", "ORG"), ("Migratiepact", "LOC")],
            [],
            id="coordination-halves",
        ),
        pytest.param(
            "De ministers van Justitie en Binnenlandse Zaken vergaderden.",
            [("Justitie", "ORG"), ("Binnenlandse Zaken", "ORG")],
            [],
            id="portfolio-after-role",
        ),
        pytest.param(
            "Veel Utrechters gingen naar de NAVO-top.",
            [("Utrechters", "LOC"), ("NAVO-top", "ORG")],
            [],
            id="residents-and-compounds",
        ),
        pytest.param(
            "Het rapport noemt de Trendrapportage belangrijk. Hij woont in Kleinveld.",
            [("Trendrapportage", "LOC"), ("Kleinveld", "LOC")],
            [("Kleinveld", "LOCATION", "Kleinveld")],
            id="unknown-place-needs-context",
        ),
        pytest.param(
            "Een inval.\nWerkwijze Nepagenten\nDe nepagenten bellen aan.",
            [("Werkwijze Nepagenten", "PER")],
            [],
            id="heading-is-no-name",
        ),
        pytest.param(
            "De Europese Raad vergaderde.",
            [("Raad", "ORG")],
            [("Europese Raad", "INSTITUTION", "Europese Raad")],
            id="tables-win",
        ),
        pytest.param(
            "De Europese en Rotterdamse aanpak.",
            [("Europese", "MISC"), ("Rotterdamse", "LOC")],
            [],
            id="no-place-adjectives",
        ),
        pytest.param(
            "Zo werkt het. Ons land doet mee.",
            [("Zo", "MISC"), ("Ons land", "LOC")],
            [],
            id="no-generic",
        ),
    ],
)
def test_model_labels_are_mapped(text: str, model: list[tuple[str, str]], expected: list) -> None:
    assert _labels(text, model) == expected


def test_component_fills_state(nlp) -> None:
    doc = nlp("Titel\n\nDe Belgische staatssecretaris Ilse Peeters bezocht Marokko.\n")
    state = doc._.persbericht
    assert [(e.text, e.label, e.norm) for e in state.entities] == [
        ("Belgische", "COUNTRY", "BE"),
        ("Ilse Peeters", "PERSON", "Ilse Peeters"),
        ("Marokko", "COUNTRY", "MA"),
    ]
    assert [(p.name, p.roles) for p in state.people] == [
        ("Ilse Peeters", ["Belgische staatssecretaris"])
    ]


@pytest.mark.parametrize(
    ("author", "people"),
    [
        pytest.param("Ilse Peeters", ["Ilse Peeters"], id="person"),
        pytest.param("FOD Justitie", [], id="body"),
    ],
)
def test_given_author_span(author: str, people: list[str]) -> None:
    text = f"Titel\n\nAuteur\n\n{author}\n\nDe gevangenissen zitten vol."
    start = text.index(author)
    result = analyse(text, author_span=(start, start + len(author)))
    assert [p.name for p in result.people] == people
