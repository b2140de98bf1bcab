"""The incident forms accept what the API accepts and no more: each field's maxlength is
the API's maxLength (its OpenAPI document), the server refuses a longer text next to its
field, a figure longer than the parser reads is refused at once, and a time outside the
dates the system keeps is refused where it was typed."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.server import create_app
from tests.e2e.pages import GOOD_REPORT, errors, report, text
from tests.fakes import Clock


def _maxlengths(page: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", page):
        name, limit = re.search(r'name="([^"]+)"', tag), re.search(r'maxlength="(\d+)"', tag)
        if name and limit:
            found.setdefault(name[1], int(limit[1]))
    return found


def _api_limits(service: IncidentService, pack: Pack, clock: Clock) -> dict[str, dict[str, Any]]:
    schemas = create_app(service, pack, clock=clock).openapi()["components"]["schemas"]
    for body in ("IncidentReport", "FollowUpReport", "CloseBody"):
        assert "actor" not in schemas[body]["properties"]  # the signed-in user, never a field
    limits: dict[str, dict[str, Any]] = {}
    for body in ("IncidentReport", "FollowUpReport", "CloseBody"):
        for name, field in schemas[body]["properties"].items():
            kinds = field.get("anyOf", [field])
            lengths = [k["maxLength"] for k in kinds if "maxLength" in k]
            if lengths:
                limits.setdefault(body, {})[name] = lengths[0]
    return limits


def test_every_form_field_has_the_apis_limit(
    client: TestClient, service: IncidentService, pack: Pack, clock: Clock
) -> None:
    api = _api_limits(service, pack, clock)
    intake = _maxlengths(client.get("/incidents/new").text)
    incident = client.get(report(client)).text
    follow_up = _maxlengths(incident.split('id="follow-up"')[1].split("</form>")[0])
    close = _maxlengths(incident.split('id="closure"')[1].split("</form>")[0])
    assert {n: intake[n] for n in ("place", "township", "summary")} == {
        n: api["IncidentReport"][n] for n in ("place", "township", "summary")
    }
    assert "officer" not in intake | follow_up | close  # the signed-in user, never a field
    assert follow_up["note"] == api["FollowUpReport"]["note"]
    for name in ("loss_assessment", "causes", "lessons", "rectification"):
        assert close[name] == api["CloseBody"][name]
    figures = [n for n in pack.table("grade").inputs if n in intake]
    assert figures and {intake[n] for n in figures} == {api["IncidentReport"][figures[0]]}


def test_a_text_longer_than_the_api_takes_is_refused_next_to_its_field(
    client: TestClient,
) -> None:
    answer = client.post("/incidents?lang=en", data=GOOD_REPORT | {"place": "x" * 201})
    assert answer.status_code == 422
    assert errors(answer.text) == {"place": "at most 200 characters"}


def test_a_figure_too_long_to_be_read_is_refused_at_once(client: TestClient) -> None:
    started = time.perf_counter()
    answer = client.post(
        "/incidents?lang=en", data=GOOD_REPORT | {"participants": "1" + "多" * 100_000}
    )
    assert time.perf_counter() - started < 2
    assert answer.status_code == 422
    said = re.search(r'<p class="error" id="e-participants"[^>]*>(.*?)</p>', answer.text, re.S)
    assert said and text(said[1]).startswith("figure not accepted: '1多多多")  # its head, quoted
    assert text(said[1]).endswith("a figure is at most 64 characters long")


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "1899-12-31T23:59", "9999-12-31T23:59"])
def test_a_time_out_of_the_range_kept_is_refused_where_it_was_typed(
    client: TestClient, when: str
) -> None:
    answer = client.post("/incidents?lang=en", data=GOOD_REPORT | {"occurred_at": when})
    assert answer.status_code == 422
    assert errors(answer.text) == {"occurred_at": "must be between Jan 1, 1900 and Dec 31, 2999"}
