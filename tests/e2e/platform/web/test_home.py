"""The home page after log-in (the whole application over the demo storm): the modules the
user's roles open, and what needs attention in each within the user's units (overdue
reports, active warnings, selection steps waiting), or that nothing does."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.shell import (
    ATTENTION_SHOWN,
    Attention,
    ModuleEntry,
    at_most_shown,
    set_module_entries,
)
from tests.e2e.cadres.api.test_selection import MOTION
from tests.e2e.cadres.people import enrolled
from tests.e2e.incidents.api.conftest import report
from tests.e2e.warnings.warning_demo import MORNING_AFTER, OTHER_STREET, STREET, demo_app
from tests.identity import EVERYTHING, TokenAuthenticator, actor, bearer, everything
from tests.unit.warnings.outbox_support import storm

CALM = "nothing needs attention"
OFFICE = "demo-organisation-department"
PEOPLE = (
    actor("officer", ("duty_officer", "chengguan")),
    actor("other", ("duty_officer", "qingshi")),
    actor("street", ("street_staff", STREET)),
    actor("otherstreet", ("street_staff", OTHER_STREET)),
    actor("orgstaff", ("organisation_staff", OFFICE)),
    actor("thanh", ("organisation_staff", "38")),
)


def _app(folder: Path) -> FastAPI:
    app, clock, _ = demo_app(folder)
    app.state.test_clock = clock
    people = {EVERYTHING: everything()} | {person.username: person for person in PEOPLE}
    app.state.authenticator = TokenAuthenticator(people)
    return app


def _home(app: FastAPI, username: str = "officer", language: str = "en") -> str:
    cookies = {SESSION_COOKIE: username}
    with TestClient(app, headers={"Accept-Language": language}, cookies=cookies) as client:
        answer = client.get("/")
    assert answer.status_code == 200, answer.text[:300]
    return answer.text


def _attention(page: str) -> list[str]:
    """The texts of the attention items listed on a home page, markup removed."""
    items = re.findall(r'<ul class="attention">(.*?)</ul>', page, flags=re.S)
    found = [item for block in items for item in block.split("</li>")[:-1]]
    return [re.sub(r"<[^>]+>", "", item).strip() for item in found]


def _entries(app: FastAPI) -> tuple[ModuleEntry, ...]:
    entries: tuple[ModuleEntry, ...] = app.state.govops_modules  # set_module_entries's
    return entries


def test_a_duty_officer_sees_the_modules_of_the_role_and_that_nothing_waits(
    tmp_path: Path,
) -> None:
    page = _home(_app(tmp_path))
    assert 'href="/incidents"' in page and 'href="/warnings"' in page
    assert 'href="/selections"' not in page and 'href="/programmes"' not in page
    assert page.count(CALM) == 2  # no incident overdue; no warning in the officer's areas


def test_an_overdue_report_is_listed_for_its_township_only(tmp_path: Path) -> None:
    app = _app(tmp_path)
    with TestClient(app, headers=bearer()) as client:
        body = report(participants="约5500", injured=6, occurred_at="2026-07-21T08:30:00+08:00")
        body["seriously_affects_stability"] = True  # 4.1(1)'s qualifier: level I
        filed = client.post("/api/v1/incidents", json=body)
    assert filed.status_code == 201, filed.text
    assert _attention(_home(app)) == []  # level I: reports due within the hour
    app.state.test_clock.advance(hours=3)
    incident = filed.json()["id"]
    page = _home(app)
    assert f'href="/incidents/{incident}"' in page
    # one item for the incident, by its longest overdue report (6.1.3(1): within the hour
    # of the county's learning of it, at 09:00; the clock is at 12:00)
    [item] = _attention(page)
    told = "County reports a level I incident to the province, overdue by 2 h"
    assert item == f"征地补偿纠纷,村民到县政府聚集: {told}"
    assert incident not in _home(app, "other")  # 青石镇's officer
    assert "已超时" in _home(app, language="zh-Hans")


def test_an_active_warning_is_listed_for_the_streets_reading_it(tmp_path: Path) -> None:
    app = _app(tmp_path)
    app.state.warnings.record(storm(["orange"], start=MORNING_AFTER))
    page = _home(app, "street")
    assert f'href="/warnings/areas/{STREET}"' in page
    assert any("orange" in item.lower() for item in _attention(page))
    assert f'href="/warnings/areas/{STREET}"' not in _home(app, "otherstreet")


def test_a_case_waiting_for_its_next_step_is_listed_in_the_office(tmp_path: Path) -> None:
    app = _app(tmp_path)
    enrolled(app.state.cadres)  # the candidate of MOTION, 张三, in the registry
    with TestClient(app, headers=bearer()) as client:
        case = client.post("/api/v1/selections", json=MOTION).json()["id"]
    page = _home(app, "orgstaff")
    assert f'href="/selections/{case}"' in page, _attention(page)
    assert any(item.startswith("张三, 教务处副处长: next, ") for item in _attention(page))
    assert f'href="/selections/{case}"' not in _home(app, "thanh")


def test_a_long_list_ends_with_how_many_more(tmp_path: Path) -> None:
    app = _app(tmp_path)
    waiting = [Attention(f"item {n}", f"/incidents/{n}") for n in range(ATTENTION_SHOWN + 3)]

    def told(request: Request, actor: Actor, t: Translator) -> Sequence[Attention]:
        return at_most_shown(waiting, t, "/incidents?overdue=1")

    set_module_entries(app, [replace(e, attention=told) for e in _entries(app)])
    items = _attention(_home(app))
    assert items[: ATTENTION_SHOWN + 1] == [
        *(f"item {n}" for n in range(ATTENTION_SHOWN)),
        "and 3 more",
    ]
    assert "还有3项" in _home(app, language="zh-Hans")
