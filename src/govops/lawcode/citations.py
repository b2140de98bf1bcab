"""Documents and citations: every value and clause points at the article it comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# An article path as the documents number them: 4.1(5), 6.1.3(4), 6.1.2(3)①, 8.1.
# A note may follow after a space ("4 closing sentence") for places without a number.
ARTICLE_PATH = re.compile(r"\d+(\.\d+)*(\(\d+\))?[①-⑳]?( .+)?")


class CitationError(ValueError):
    """A citation that does not name a document and a well-formed article path."""


@dataclass(frozen=True, slots=True)
class Citation:
    document: str
    article: str

    def __post_init__(self) -> None:
        if not self.document:
            raise CitationError("a citation needs a document id")
        if not ARTICLE_PATH.fullmatch(self.article):
            raise CitationError(
                f"article {self.article!r} is not an article path such as 4.1(5) or 6.1.3(4)"
            )

    def __str__(self) -> str:
        return f"{self.document} {self.article}"


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    language: str
    in_force_from: date | None  # None when the text gives no date
