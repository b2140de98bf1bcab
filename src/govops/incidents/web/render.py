"""Pages from templates for the signed-in reader, in the language the browser remembers
(a cookie). Who writes is the signed-in user: no name is typed or remembered here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from govops.incidents.service.access import REPORT
from govops.incidents.web.forms import PAGE_LIMITS
from govops.incidents.web.shown import Reader
from govops.lawcode.sources.pack import Pack
from govops.platform.api.auth import request_actor
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.pages import (
    PageRequest,
    read_page_request,
    remember_language,
    render_page,
    without_language,
)


@dataclass(frozen=True, slots=True)
class Visit:
    """One request: the language it is answered in, what its reader sees of the pack and
    the records, and who reads (the signed-in user the route's rule admitted)."""

    page_request: PageRequest
    reader: Reader
    actor: Actor

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
    actor = request_actor(request)
    assert actor is not None  # every incident page's rule refuses anonymous readers first
    return Visit(page_request, reader, actor)


def page(
    visit: Visit, template: str, page_url: str, status: int = 200, **values: Any
) -> HTMLResponse:
    """A page; `page_url` is the address the language switch reloads (a GET page)."""
    shown: dict[str, object] = {
        "reader": visit.reader,
        "may_report": visit.actor.can(REPORT),  # the header's link to the intake form
        "here": without_language(page_url),
        "form": "",
        "errors": {},
        "message": "",
        "limits": PAGE_LIMITS,  # the forms' maxlength
    }
    return render_page(visit.page_request, template, page_url, shown | values, status)


def redirect(visit: Visit, url: str) -> RedirectResponse:
    """After a write: see the result with a GET (303)."""
    response = RedirectResponse(url, status_code=303)
    remember_language(response, visit.page_request)
    return response
