"""The language a warning page is read in, with the helpers its templates call, and the
rendering of the pages from their templates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from govops.earlywarning.wording import millimetres
from govops.web import i18n
from govops.web.render import LANGUAGE_COOKIE, LANGUAGE_MAX_AGE, with_language
from govops.web.warnings import labels

BEIJING = ZoneInfo("Asia/Shanghai")
_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("govops.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Reader:
    language: str

    def label(self, key: str, **values: object) -> str:
        return labels.label(self.language, key, **values)

    def tx(self, mapping: Mapping[str, str]) -> str:
        return (
            mapping.get(self.language) or mapping.get(labels.ZH) or next(iter(mapping.values()), "")
        )

    def level(self, level: str | None) -> str:
        """A level in words: 红色预警 / red; 无预警 / no warning."""
        if level is None:
            return self.label("level.none")
        return self.label("level.badge", colour=labels.colour(self.language, level))

    def colour(self, level: str) -> str:
        return labels.colour(self.language, level)

    def when(self, moment: datetime | None, day: bool = False) -> str:
        if moment is None:
            return "—"
        return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M" if day else "%H:%M")

    def mm(self, value: Decimal | None) -> str:
        return "—" if value is None else millimetres(value)


@dataclass(frozen=True, slots=True)
class Visit:
    reader: Reader
    base: str  # where the router is mounted, "" at the root
    language_chosen: bool  # ?lang= was given: remember it


def visit(request: Request) -> Visit:
    asked = i18n.language_of(request.query_params.get("lang"))
    language = asked or i18n.language_of(request.cookies.get(LANGUAGE_COOKIE)) or labels.ZH
    base = str(request.scope.get("root_path", "")).rstrip("/")
    return Visit(Reader(language), base, asked is not None)


def page(
    visit: Visit, template: str, page_url: str, values: Mapping[str, Any], status: int = 200
) -> HTMLResponse:
    """A page; `page_url` is the address the language switch reloads."""
    reader = visit.reader
    other = labels.ZH if reader.language == labels.EN else labels.EN
    html = _TEMPLATES.get_template(template).render(
        language=reader.language,
        label=reader.label,
        tx=reader.tx,
        level_text=reader.level,
        colour=reader.colour,
        when=reader.when,
        mm=reader.mm,
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
