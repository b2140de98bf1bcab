"""The home page after log-in (the whole application over the demo storm): the modules the
user's roles open, and what needs attention in each, said only by a module that tells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.shell import Attention, ModuleEntry, set_module_entries
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import TokenAuthenticator, actor

CALM = "nothing needs attention"


def _home(app: FastAPI) -> str:
    """The home page of a duty officer of 城关镇 (signed in by the test authenticator)."""
    officer = actor("officer", ("duty_officer", "chengguan"))
    app.state.authenticator = TokenAuthenticator({"officer": officer})
    cookies = {SESSION_COOKIE: "officer"}
    with TestClient(app, headers={"Accept-Language": "en"}, cookies=cookies) as client:
        answer = client.get("/")
    assert answer.status_code == 200, answer.text[:300]
    return answer.text


def _entries(app: FastAPI) -> tuple[ModuleEntry, ...]:
    entries: tuple[ModuleEntry, ...] = app.state.govops_modules  # set_module_entries's
    return entries


def test_a_duty_officer_sees_the_modules_of_the_role_and_no_claim_of_calm(tmp_path: Path) -> None:
    app, _, _ = demo_app(tmp_path)
    page = _home(app)
    assert 'href="/incidents"' in page and 'href="/warnings"' in page
    assert 'href="/selections"' not in page and 'href="/programmes"' not in page
    # No module here says what needs attention yet: none may be said to need nothing.
    assert CALM not in page


def test_a_module_that_tells_lists_its_items_or_says_nothing_is_waiting(tmp_path: Path) -> None:
    app, _, _ = demo_app(tmp_path)
    waiting: list[Attention] = [Attention("an overdue report", "/incidents/x")]

    def told(request: Request, actor: Actor, t: Translator) -> Sequence[Attention]:
        return list(waiting)

    set_module_entries(app, [replace(e, attention=told) for e in _entries(app)])
    page = _home(app)
    assert page.count('href="/incidents/x">an overdue report</a>') == 2  # incidents, warnings
    waiting.clear()
    assert _home(app).count(CALM) == 2
