"""The demonstration incidents, filed through the service, as the API shows them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from govops.calendars import calendar_for
from govops.incidents.demo import DatabaseNotEmptyError, incident_count, load_demo
from govops.incidents.model.rules import IncidentRules
from govops.lawcode.sources.pack import Pack
from tests.e2e.conftest import START
from tests.e2e.incidents.api.conftest import API
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork


def test_the_demo_covers_every_stage_and_loads_only_into_an_empty_store(
    client: TestClient, store: MemoryStore, pack: Pack, clock: Clock
) -> None:
    def unit_of_work() -> MemoryUnitOfWork:
        return MemoryUnitOfWork(store)

    rules = IncidentRules(pack, calendar_for(pack.jurisdiction))
    loaded = load_demo(unit_of_work, rules, START)
    assert incident_count(unit_of_work) == len(loaded) == 5
    with pytest.raises(DatabaseNotEmptyError):
        load_demo(unit_of_work, rules, START)

    incidents = client.get(API).json()["incidents"]
    assert [(i["stage"], i["grade"], i["status"], i["overdue"]) for i in incidents] == [
        ("warning", "II", "open", False),
        ("incident", "I", "open", True),
        ("incident", "I", "open", False),
        ("incident", "III", "open", False),
        ("incident", "III", "closed", False),
    ]
    warning, overdue, upgraded, level_iii, closed = (
        client.get(f"{API}/{i['id']}").json() for i in incidents
    )
    assert warning["deadlines"][0]["id"] == "warning-report-township"
    assert warning["next_due"] == "2026-06-01T10:30:00+08:00"  # an hour after 09:30
    assert overdue["reports"][0]["decision"]["fired"] == ["I-7"]
    assert overdue["reports"][0]["decision"]["approximate"] == ["participants"]
    assert [d["overdue"] for d in overdue["deadlines"]] == [False, True]
    [regrade] = upgraded["regrades"]
    assert (regrade["before"], regrade["after"]) == ("II", "I") and regrade["reason"].startswith(
        "#1: II → I"
    )
    assert all(d["met_at"] for d in upgraded["deadlines"])
    assert [a["id"] for a in level_iii["actions"] if a["done_at"]] == [
        "III-start-plan",
        "III-departments",
    ]
    assert closed["closure"]["closed_by"] == "head@demo-county"  # a demonstration user
    assert warning["reports"][0]["actor"] == "chengguan@chengguan"
    assert all(a["done_at"] for a in closed["actions"])
    assert clock() == START
