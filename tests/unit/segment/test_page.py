"""Page segmentation over a table of page layouts (tests/cases/pages.json)."""

from __future__ import annotations

import json

import pytest

from persbericht.segment.page import segment_page
from tests.conftest import CASES

PAGES = json.loads((CASES / "pages.json").read_text(encoding="utf-8"))


def _page_text(case: dict) -> str:
    return "\n".join(case["lines"]) + "\n"


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in PAGES])
def test_page_segmentation(case: dict) -> None:
    text = _page_text(case)
    expect = case["expect"]

    page = segment_page(text)

    assert page.title == expect["title"]
    assert (page.published and page.published.isoformat()) == expect["published"]
    assert page.author == expect["author"]
    assert [[a.kind, a.title] for a in page.articles] == expect["articles"]
    for article in page.articles:
        assert text[article.start : article.end].startswith(article.title or "")
        assert not text[article.end - 1].isspace()
    if "main_ends_with" in expect:
        main = page.articles[0]
        assert text[main.start : main.end].endswith(expect["main_ends_with"])
    if "boilerplate" in expect:
        found = [text[b.start : b.end] for b in page.blocks if b.kind in ("boilerplate", "marker")]
        assert found == expect["boilerplate"]
    if "headings" in expect:
        assert [text[b.start : b.end] for b in page.blocks if b.kind == "heading"] == expect[
            "headings"
        ]
    if "list_items" in expect:
        assert sum(b.kind == "list_item" for b in page.blocks) == expect["list_items"]
    assert len(page.paragraphs) == expect["paragraphs"]
    for paragraph in page.paragraphs:
        assert (
            text[paragraph.start : paragraph.end].strip() == text[paragraph.start : paragraph.end]
        )
    if "quotes" in expect:
        assert [q.text for q in page.quotes] == expect["quotes"]
    if "quotes_count" in expect:
        assert len(page.quotes) == expect["quotes_count"]
    for needle in expect.get("quotes_contain", []):
        assert any(needle in q.text for q in page.quotes), needle
    for quote in page.quotes:
        assert text[quote.start : quote.end] == quote.text
