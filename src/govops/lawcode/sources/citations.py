"""Documents and citations: every value and clause points at the article it comes from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# An article path as the documents number them: 4.1(5), 6.1.3(4), 6.1.2(3)①, 8.1, or with
# a Roman-numbered part first (III.2.4, V), or Chinese-numbered parts as a five-year plan
# numbers them (三(三)4, 四(三)); "PL" is a budget appendix (PL 2.1), "附件" an annex and
# "Mở đầu" the unnumbered opening of a Vietnamese plan. A note may follow after a space
# ("4 closing sentence", "II.1 gạch 2") for places without a number of their own.
_CN = "[一二三四五六七八九十]+"
ARTICLE_PATH = re.compile(
    r"((PL|附件|Mở đầu)( \d+(\.\d+)*)?"
    r"|([IVX]+\.)?\d+(\.\d+)*(\(\d+\))?[①-⑳]?|[IVX]+"
    rf"|{_CN}(\({_CN}\))?(\d+(\.\d+)*)?)( .+)?"
)


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
