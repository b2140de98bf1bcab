"""The programme pages from their templates, in the language the reader asked for.

The language is remembered in the cookie the incident pages use: those pages know only
zh-Hans/en and these only vi/en, so each side reads a value it does not know as "not
chosen" and falls back to its own default (Vietnamese here).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from govops.lawcode.findings import years_text
from govops.lawcode.vi_numbers import format_vi_number
from govops.web.programmes import labels
from govops.web.render import LANGUAGE_COOKIE, LANGUAGE_MAX_AGE, with_language

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("govops.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


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


@dataclass(frozen=True, slots=True)
class Visit:
    """One request: who reads it in which language, and where the router is mounted."""

    reader: Reader
    base: str  # "" at the root
    language_chosen: bool  # ?lang= was given: remember it


def visit(request: Request, documents: Mapping[str, str]) -> Visit:
    asked = labels.language_of(request.query_params.get("lang"))
    language = asked or labels.language_of(request.cookies.get(LANGUAGE_COOKIE))
    reader = Reader(language or labels.DEFAULT_LANGUAGE, documents)
    base = str(request.scope.get("root_path", "")).rstrip("/")
    return Visit(reader, base, asked is not None)


def page(
    visit: Visit, template: str, page_url: str, values: Mapping[str, object], status: int = 200
) -> HTMLResponse:
    """A page; `page_url` is the address the language switch reloads."""
    reader = visit.reader
    other = labels.VI if reader.language == labels.EN else labels.EN
    html = _TEMPLATES.get_template(template).render(
        language=reader.language,
        label=reader.label,
        tx=reader.tx,
        num=reader.num,
        document=reader.document,
        indicator=reader.indicator,
        year_span=years_text,
        base=visit.base,
        switch_url=with_language(page_url, other),
        other_language=other,
        **values,
    )
    response = HTMLResponse(html, status_code=status)
    if visit.language_chosen:
        response.set_cookie(
            LANGUAGE_COOKIE, reader.language, max_age=LANGUAGE_MAX_AGE, samesite="lax"
        )
    return response
