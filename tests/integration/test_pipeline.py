"""The assembled pipeline: stage order, pipe analysis, any Dutch pipeline usable instead."""

from __future__ import annotations

import spacy

from persbericht import extract, load
from persbericht.pipeline import COMPONENTS, PAGE_COMPONENT


def test_stage_order(nlp):
    names = nlp.pipe_names
    assert names[0] == PAGE_COMPONENT
    assert names[-len(COMPONENTS) :] == list(COMPONENTS)


def test_pipe_analysis_has_no_problems(nlp):
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())


def test_any_dutch_pipeline_can_be_used_instead():
    custom = spacy.blank("nl")

    nlp = load(custom)

    assert nlp is custom
    assert nlp.pipe_names[0] == PAGE_COMPONENT
    release = extract("Titel\n\nEerste zin. Tweede zin.\n", nlp=nlp)
    assert release.title == "Titel"


def test_sentences_never_cross_paragraphs(nlp):
    text = "Nieuwe regels\n\nDe minister besluit vandaag\n\nhet plan gaat door zonder punt\n"
    doc = nlp(text)
    starts = {sent.start_char for sent in doc.sents}
    assert text.index("De minister") in starts
    assert text.index("het plan") in starts


def test_extract_without_reference_date_never_uses_today():
    release = extract("Titel\n\nDe minister besluit.\n")
    assert release.reference_date is None
    assert release.reference_date_source is None
