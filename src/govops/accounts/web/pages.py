"""Sign-in, sign-out and home. The session cookie holds the session's secret only; it is
HttpOnly, SameSite=Lax, and Secure when the page is served over HTTPS."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from govops.accounts.service.errors import LogInRefusedError
from govops.accounts.service.sessions import SessionService
from govops.platform.api.auth import SESSION_COOKIE, request_actor
from govops.platform.web.pages import read_page_request, render_page, shown_text
from govops.platform.web.shell import attention_of, shell_of

MAX_FIELD = 256


def local_path(url: str, fallback: str = "/") -> str:
    """A path on this site to go back to; anything else (//host, http:) is refused."""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return fallback


class AccountPages:
    def __init__(self, sessions: SessionService, language: str) -> None:
        self.sessions, self.language = sessions, language

    def login_form(self, request: Request) -> Response:
        return self._form(request, "", request.query_params.get("next", "/"), "", 200)

    def _form(
        self, request: Request, username: str, next_url: str, message: str, status: int
    ) -> HTMLResponse:
        page_request = read_page_request(request, self.language)
        values = {"username": username, "next": local_path(next_url), "message": message}
        return render_page(page_request, "accounts/login.html", "/login", values, status)

    async def log_in(self, request: Request) -> Response:
        form = await request.form()
        username = str(form.get("username") or "")[:MAX_FIELD]
        password = str(form.get("password") or "")[:MAX_FIELD]
        next_url = local_path(str(form.get("next") or "/"))
        address = request.client.host if request.client else None
        try:
            secret, _ = await run_in_threadpool(self.sessions.log_in, username, password, address)
        except LogInRefusedError as error:
            t = read_page_request(request, self.language).translator
            return self._form(request, username, next_url, t.say(error.message), 401)
        base = str(request.scope.get("root_path", "")).rstrip("/")
        response = RedirectResponse(f"{base}{next_url}", status_code=303)
        secure = request.url.scheme == "https"
        response.set_cookie(
            SESSION_COOKIE, secret, httponly=True, samesite="lax", secure=secure, path="/"
        )
        return response

    async def log_out(self, request: Request) -> Response:
        secret = request.cookies.get(SESSION_COOKIE)
        if secret:
            await run_in_threadpool(self.sessions.log_out, secret[:200])
        base = str(request.scope.get("root_path", "")).rstrip("/")
        response = RedirectResponse(f"{base}/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    def home(self, request: Request) -> Response:
        page_request = read_page_request(request, self.language)
        actor = request_actor(request)
        t = page_request.translator
        grants = []
        for grant in actor.grants if actor is not None else ():
            role = actor.catalogue.roles.get(grant.role) if actor else None
            unit = actor.tree.units.get(grant.unit) if actor else None
            grants.append(
                (
                    shown_text(t, role.names) if role else grant.role,
                    shown_text(t, unit.names) if unit else grant.unit,
                )
            )
        shell = shell_of(request, t)
        attention = attention_of(request, actor, t, shell.modules) if actor else {}
        values = {"grants": grants, "attention": attention}
        return render_page(page_request, "accounts/home.html", "/", values)
