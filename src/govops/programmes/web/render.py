"""The language a programme page is read in, with the helpers its templates call; a visit
pairs the reader with what the request asks for, and renders the pages.

The language is remembered in the cookie the incident pages use: those pages know only
zh-Hans/en and these only vi/en, so each side reads a value it does not know as "not
chosen" and falls back to its own default (Vietnamese here).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from fastapi import Request

from govops.lawcode.figures.vi import format_vi_number
from govops.lawcode.plans.findings import years_text
from govops.platform.web.pages import ReaderVisit, read_page_request
from govops.programmes.web import labels


@dataclass(frozen=True, slots=True)
class Reader:
    """The language a page is read in, and the helpers its templates call."""

    language: str
    documents: Mapping[str, str]  # document id -> title, to name what a citation cites

    def label(self, key: str, **values: object) -> str:
        return labels.label(self.language, key, **values)

    def tx(self, mapping: Mapping[str, str]) -> str:
        return labels.text(mapping, self.language)

    def num(self, value: Decimal | int | None) -> str:
        """A figure as this reader writes it: 1.266 and 0,4 in Vietnamese, 1,266 and 0.4
        in English; "" for a blank cell."""
        if value is None:
            return ""
        return format_vi_number(Decimal(value), "en" if self.language == labels.EN else "vi")

    def document(self, document_id: str) -> str:
        return self.documents.get(document_id, document_id)

    def indicator(self, name: str) -> str:
        """What an indicator measures, for the indicators these pages have words for."""
        key = f"indicator.{name}"
        return self.label(key) if key in labels.LABELS else name

    def template_functions(self) -> dict[str, object]:
        return {
            "label": self.label,
            "tx": self.tx,
            "num": self.num,
            "document": self.document,
            "indicator": self.indicator,
            "year_span": years_text,
        }


Visit = ReaderVisit[Reader]


def visit(request: Request, documents: Mapping[str, str], language: str) -> Visit:
    page_request = read_page_request(request, language)
    return ReaderVisit(page_request, Reader(page_request.language, documents))
