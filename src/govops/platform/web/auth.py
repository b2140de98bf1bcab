"""What a page does when the access rule of its route refuses: no one signed in, to the
log-in page (coming back to the page after); signed in without the permission, 403; what
lies outside the reader's units, 404 (nothing outside them is confirmed to exist). Under
the API prefix the same refusals are problem documents (401 with WWW-Authenticate, 403,
404)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from govops.platform.api.auth import ForbiddenError, NotSignedInError, OutOfScopeError
from govops.platform.api.language import default_language
from govops.platform.api.problems import problem
from govops.platform.web.pages import read_page_request, render_page

LOGIN_PATH = "/login"


def install(app: FastAPI, api_prefix: str, machine_paths: tuple[str, ...] = ()) -> None:
    """Answer the access refusals of every route (pages and API): the API's, and those of
    `machine_paths` (read by programs: /metrics), as problems; the pages' as pages."""

    def in_api(request: Request) -> bool:
        path = request.url.path
        return path.startswith(api_prefix) or path in machine_paths

    async def not_signed_in(request: Request, error: Exception) -> Response:
        if in_api(request):
            response = problem(request, 401, _sign_in_needed(request), "not-signed-in")
            response.headers["WWW-Authenticate"] = "Bearer"
            return response
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        base = str(request.scope.get("root_path", "")).rstrip("/")
        return RedirectResponse(f"{base}{LOGIN_PATH}?next={quote(target)}", status_code=303)

    async def forbidden(request: Request, error: Exception) -> Response:
        assert isinstance(error, ForbiddenError)
        if in_api(request):
            return problem(request, 403, error.message, "forbidden")
        return _page(request, 403, error.message)

    async def out_of_scope(request: Request, error: Exception) -> Response:
        assert isinstance(error, OutOfScopeError)
        if in_api(request):
            return problem(request, 404, error.message, "not-found")
        return _page(request, 404, error.message)

    app.add_exception_handler(NotSignedInError, not_signed_in)
    app.add_exception_handler(ForbiddenError, forbidden)
    app.add_exception_handler(OutOfScopeError, out_of_scope)


def _sign_in_needed(request: Request) -> str:
    t = read_page_request(request, default_language(request)).translator
    return t._("sign in first: a session, or an API token as Authorization: Bearer")


def _page(request: Request, status: int, detail: object) -> Response:
    page_request = read_page_request(request, default_language(request))
    t = page_request.translator
    heading = t._("Not allowed") if status == 403 else t._("Not found")
    values = {"heading": heading, "detail": t.say(detail)}  # type: ignore[arg-type]
    return render_page(page_request, "platform/error.html", str(request.url), values, status)
