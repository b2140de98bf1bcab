"""The platform's own pages: sign-in, sign-out and the home page listing the modules open
to the signed-in user. `build_accounts_router` gives the router the composition root
mounts at `/`."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from govops.accounts.service.sessions import SessionService
from govops.accounts.web.pages import AccountPages
from govops.platform.api.auth import public, signed_in
from govops.platform.web.same_origin import same_origin_guard

__all__ = ["build_accounts_router"]


def build_accounts_router(sessions: SessionService, language: str) -> APIRouter:
    """`language`: the organisation's, for a reader who chose none."""
    pages = AccountPages(sessions, language)
    router = APIRouter(include_in_schema=False)
    guard = Depends(same_origin_guard(language))
    anyone, member = Depends(public), Depends(signed_in)
    router.add_api_route("/login", pages.login_form, methods=["GET"], dependencies=[anyone])
    router.add_api_route("/login", pages.log_in, methods=["POST"], dependencies=[anyone, guard])
    router.add_api_route("/logout", pages.log_out, methods=["POST"], dependencies=[anyone, guard])
    router.add_api_route("/", pages.home, methods=["GET"], dependencies=[member])
    return router
