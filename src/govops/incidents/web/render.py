"""Pages from templates, and the two things the browser remembers: the language and the
duty officer's name (cookies; there is no sign-in yet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from govops.incidents.web.forms import LIMITS, PAGE_LIMITS
from govops.incidents.web.shown import Reader
from govops.lawcode.sources.pack import Pack
from govops.platform.i18n.translator import Translator
from govops.platform.web.pages import (
    PageRequest,
    read_page_request,
    remember_language,
    render_page,
    without_language,
)

OFFICER_COOKIE = "govops_officer"
OFFICER_MAX_AGE = 30 * 24 * 3600


@dataclass(frozen=True, slots=True)
class Visit:
    """One request: the language it is answered in, what its reader sees of the pack and
    the records, and the duty officer remembered."""

    page_request: PageRequest
    reader: Reader
    officer: str

    @property
    def base(self) -> str:
        return self.page_request.base

    @property
    def t(self) -> Translator:
        return self.page_request.translator


def visit(request: Request, pack: Pack, language: str) -> Visit:
    """The request read: `language` is the organisation's (the default, and the language
    its duty officers write the records in)."""
    page_request = read_page_request(request, language, pack.timezone)
    reader = Reader(page_request.translator, pack, language)
    officer = unquote(request.cookies.get(OFFICER_COOKIE, "")).strip()[: LIMITS["officer"]]
    return Visit(page_request, reader, officer)


def page(
    visit: Visit, template: str, page_url: str, status: int = 200, **values: Any
) -> HTMLResponse:
    """A page; `page_url` is the address the language switch reloads (a GET page)."""
    shown: dict[str, object] = {
        "reader": visit.reader,
        "officer": visit.officer,
        "here": without_language(page_url),
        "form": "",
        "errors": {},
        "message": "",
        "limits": PAGE_LIMITS,  # the forms' maxlength
    }
    return render_page(visit.page_request, template, page_url, shown | values, status)


def redirect(visit: Visit, url: str, officer: str = "") -> RedirectResponse:
    """After a write: see the result with a GET (303), remembering who wrote."""
    response = RedirectResponse(url, status_code=303)
    remember(response, visit, officer)
    return response


def remember(response: Response, visit: Visit, officer: str = "") -> None:
    remember_language(response, visit.page_request)
    if officer and officer != visit.officer:
        # percent-encoded: a cookie value is ASCII, names are Chinese
        response.set_cookie(
            OFFICER_COOKIE, quote(officer), max_age=OFFICER_MAX_AGE, samesite="lax", httponly=True
        )


def local_path(url: str, fallback: str) -> str:
    """A path on this site to go back to; anything else (//host, http:) is refused."""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return fallback
