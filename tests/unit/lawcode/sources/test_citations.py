"""Citations name a document and a well-formed article path; anything else is refused."""

from __future__ import annotations

import pytest

from govops.lawcode.sources.citations import Citation, CitationError
from tests.unit.lawcode.builders import DOCUMENT, cite


@pytest.mark.parametrize(
    "article",
    [
        "8",
        "8.1",
        "4.1(1)",
        "4.1(5)",
        "6.1.3(4)",
        "6.1.3(4)①",
        "6.1.2(3)⑳",
        "4 closing sentence",
        "4.1(2) second sentence",
    ],
)
def test_well_formed_article_paths_are_accepted(article: str) -> None:
    citation = cite(article)

    assert citation.article == article
    assert str(citation) == f"{DOCUMENT} {article}"


@pytest.mark.parametrize(
    "article",
    [
        "",
        " ",
        "4.",
        ".4",
        "4..1",
        "4.1(",
        "4.1(5",
        "4.1()",
        "4.1(a)",
        "(5)",
        "①",
        "4.1(5)①②",
        "4.1 ",
        "article 4",
        "四.一",
        "4,1",
    ],
)
def test_malformed_article_paths_are_refused(article: str) -> None:
    with pytest.raises(CitationError, match="is not an article path"):
        Citation(DOCUMENT, article)


def test_a_citation_without_a_document_is_refused() -> None:
    with pytest.raises(CitationError, match="needs a document id"):
        Citation("", "4.1(1)")


@pytest.mark.parametrize("article", ["4.1(1)\n", "4.1(1)\n\n", "\n4.1(1)"])
def test_an_article_with_a_stray_newline_is_refused(article: str) -> None:
    """A YAML block scalar leaves a trailing newline; '$' alone would let one through."""
    with pytest.raises(CitationError, match="is not an article path"):
        Citation(DOCUMENT, article)


@pytest.mark.parametrize(
    "article",
    ["III.2.4", "III.2.4 a", "II.1 gạch 2", "V", "IV.3", "PL", "PL 2.1", "PL 3 dòng sau", "Mở đầu"],
)
def test_vietnamese_plan_places_are_article_paths(article: str) -> None:
    """Roman-numbered parts, the budget appendix (PL) and the opening of a plan."""
    assert str(Citation(DOCUMENT, article)).endswith(article)


@pytest.mark.parametrize("article", ["III.", "PL2.1", "IIII-2", "Phụ lục", "ii.1"])
def test_malformed_vietnamese_places_are_refused(article: str) -> None:
    with pytest.raises(CitationError, match="is not an article path"):
        Citation(DOCUMENT, article)
