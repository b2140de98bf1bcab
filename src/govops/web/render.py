"""Pages from templates, and the two things the browser remembers: the language and the
duty officer's name (cookies; there is no sign-in yet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from govops.lawcode.pack import Pack
from govops.web import i18n
from govops.web.locales import Locale

LANGUAGE_COOKIE = "govops_lang"
OFFICER_COOKIE = "govops_officer"
LANGUAGE_MAX_AGE = 365 * 24 * 3600
OFFICER_MAX_AGE = 30 * 24 * 3600

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("govops.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Visit:
    """One request: the language it is answered in and the duty officer remembered."""

    loc: Locale
    officer: str
    base: str  # where the router is mounted, "" at the root
    language_chosen: bool  # ?lang= was given: remember it


def visit(request: Request, pack: Pack) -> Visit:
    asked = i18n.language_of(request.query_params.get("lang"))
    language = asked or i18n.language_of(request.cookies.get(LANGUAGE_COOKIE))
    loc = Locale(
        language or i18n.DEFAULT_LANGUAGE, pack.timezone, pack.table("grade"), pack.language
    )
    officer = unquote(request.cookies.get(OFFICER_COOKIE, "")).strip()[:50]
    base = str(request.scope.get("root_path", "")).rstrip("/")
    return Visit(loc, officer, base, asked is not None)


def page(
    visit: Visit, template: str, page_url: str, status: int = 200, **values: Any
) -> HTMLResponse:
    """A page; `page_url` is the address the language switch reloads (a GET page)."""
    loc = visit.loc
    other = i18n.EN if loc.language == i18n.ZH else i18n.ZH
    html = _TEMPLATES.get_template(template).render(
        loc=loc,
        t=loc.t,
        tx=loc.tx,
        when=loc.when,
        officer=visit.officer,
        base=visit.base,
        here=without_language(page_url),
        switch_url=with_language(page_url, other),
        other_language=other,
        **({"form": "", "errors": {}, "message": ""} | values),
    )
    response = HTMLResponse(html, status_code=status)
    remember(response, visit)
    return response


def redirect(visit: Visit, url: str, officer: str = "") -> RedirectResponse:
    """After a write: see the result with a GET (303), remembering who wrote."""
    response = RedirectResponse(url, status_code=303)
    remember(response, visit, officer)
    return response


def remember(response: Response, visit: Visit, officer: str = "") -> None:
    if visit.language_chosen:
        response.set_cookie(
            LANGUAGE_COOKIE, visit.loc.language, max_age=LANGUAGE_MAX_AGE, samesite="lax"
        )
    if officer and officer != visit.officer:
        # percent-encoded: a cookie value is ASCII, names are Chinese
        response.set_cookie(
            OFFICER_COOKIE, quote(officer), max_age=OFFICER_MAX_AGE, samesite="lax", httponly=True
        )


def with_language(url: str, language: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "lang"] + [("lang", language)]
    return f"{parts.path}?{urlencode(query)}"


def without_language(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "lang"]
    return f"{parts.path}?{urlencode(query)}" if query else parts.path


def local_path(url: str, fallback: str) -> str:
    """A path on this site to go back to; anything else (//host, http:) is refused."""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return fallback
