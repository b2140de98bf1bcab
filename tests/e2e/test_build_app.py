"""The composition root's application over a real SQLite file: what is filed survives a
restart, and an idempotent retry after the restart still creates nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings, SettingsError
from tests.e2e.conftest import START
from tests.e2e.incidents.api.conftest import API, report
from tests.fakes import Clock
from tests.identity import EVERYTHING, sign_in


def test_incidents_survive_a_restart(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    clock = Clock(START)
    key = {"Idempotency-Key": "first-report"}
    first = build_app(settings, clock)
    sign_in(first)  # the tester, as a user of this database
    # An API token (a session would end after its 30 idle minutes): it outlives the restart.
    accounts = first.state.accounts
    secret, _ = accounts.sessions.create_token(accounts.accounts.local_actor(EVERYTHING), "t", 1)
    signed_in = {"Authorization": f"Bearer {secret}"}
    with TestClient(first, headers=signed_in) as client:
        created = client.post(API, json=report(), headers=key)
        assert created.status_code == 201, created.text
        incident_id = created.json()["id"]
        clock.advance(minutes=30)
        follow_up = {
            "participants": "约5500",
            "seriously_affects_stability": True,
            "note": "人数增加",
        }
        client.post(f"{API}/{incident_id}/follow-ups", json=follow_up)
        client.post(f"{API}/{incident_id}/actions/II-report/done", json={})
        before = client.get(f"{API}/{incident_id}").json()
        assert before["grade"] == "I" and len(before["regrades"]) == 1
        assert client.get("/", follow_redirects=False).status_code in {200, 303, 307}

    clock.advance(hours=2)
    with TestClient(build_app(settings, clock), headers=signed_in) as client:
        after = client.get(f"{API}/{incident_id}").json()
        assert after == before | {"overdue": True} | {"deadlines": after["deadlines"]}
        # "immediately" to the county is met by the filing of the follow-up that raised it
        assert [d["overdue"] for d in after["deadlines"]] == [False, True]
        retried = client.post(API, json=report(), headers=key)
        assert retried.status_code == 201 and retried.json()["id"] == incident_id
        assert client.get(API).json()["count"] == 1
        assert [i["id"] for i in client.get(f"{API}?grade=I&overdue=true").json()["incidents"]] == [
            incident_id
        ]


def test_settings_come_from_the_environment() -> None:
    settings = Settings.from_env({"GOVOPS_DATABASE_URL": "sqlite:///x.db", "GOVOPS_PORT": "9000"})
    assert settings == Settings("sqlite:///x.db", "127.0.0.1", 9000)
    assert Settings.from_env({"GOVOPS_HOST": "0.0.0.0"}).host == "0.0.0.0"
    for port in ("http", "0", "70000"):
        with pytest.raises(SettingsError, match="GOVOPS_PORT"):
            Settings.from_env({"GOVOPS_PORT": port})
