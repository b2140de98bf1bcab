"""What the service tells its operators, over a real SQLite file: /ready (the database
answers, its schema at the migrations' head, the queues and the last observation; 503
when the schema is behind), /metrics in Prometheus's text format for a monitor's token
only (every request timed by its route's template; the queues read at each scrape)."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

from govops.bootstrap import build_app
from govops.config import Settings
from govops.platform.operations.logs import JsonLines, WithRequestId
from govops.platform.storage.database import make_engine
from tests.e2e.conftest import START
from tests.e2e.incidents.api.conftest import API, report
from tests.fakes import Clock
from tests.identity import TREE, sign_in


def served(tmp_path: Path) -> FastAPI:
    return build_app(Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}"), Clock(START))


def test_ready_names_each_check_and_the_queues(tmp_path: Path) -> None:
    app = served(tmp_path)
    with TestClient(app, headers=sign_in(app)) as client:
        assert client.post(API, json=report()).status_code == 201
        answer = client.get("/ready", headers={"Cookie": ""})  # anyone may ask
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ready" and body["failed_probes"] == []
    assert body["checks"] == {"database": "ok", "migrations": "ok"}
    assert body["figures"]["govops_incident_notifications_pending"] > 0  # the report's
    assert body["figures"]["govops_webhook_deliveries_dead"] == 0
    assert "govops_station_observation_age_seconds" not in body["figures"]  # none ingested


def test_a_schema_behind_the_migrations_is_not_ready(tmp_path: Path) -> None:
    app = served(tmp_path)
    beside = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    with TestClient(app) as client:
        with beside.begin() as connection:  # as if an older server had left it
            connection.execute(text("UPDATE alembic_version SET version_num = '0012'"))
        behind = client.get("/ready")
        with beside.begin() as connection:  # a revision this server does not ship
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        unknown = client.get("/ready")
    beside.dispose()
    assert behind.status_code == 503
    assert behind.json()["status"] == "not_ready"
    assert behind.json()["checks"] == {"database": "ok", "migrations": "behind"}
    assert unknown.json()["checks"] == {"database": "ok", "migrations": "unknown"}


def test_metrics_are_for_a_monitor_and_time_each_route(tmp_path: Path) -> None:
    app = served(tmp_path)
    root = TREE.roots()[0]
    with TestClient(app) as client:
        assert client.get("/metrics").status_code == 401
        viewer = sign_in(app, "kan", ("viewer", root))
        assert client.get("/metrics", headers=viewer).status_code == 403
        monitor = sign_in(app, "scraper", ("monitor", root))
        client.get("/health")
        client.get(f"{API}/nothing-here", headers=viewer)
        answer = client.get("/metrics", headers=monitor)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = answer.text.splitlines()
    count = 'govops_http_request_duration_seconds_count{method="GET",route="/health",status="200"}'
    assert f"{count} 1.0" in lines
    assert any(line.startswith("govops_incident_notifications_pending ") for line in lines)
    assert "govops_incident_notifications_delivered_total 0.0" in lines
    assert 'govops_probe_failed{probe="incident_outbox"} 0.0' in lines
    assert not any("nothing-here" in line for line in lines)  # templates, never paths


def test_each_answer_carries_its_request_id_and_the_log_line_says_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = served(tmp_path)
    caplog.set_level(logging.INFO, logger="govops.requests")
    caplog.handler.addFilter(WithRequestId())  # as the server's handler does
    with TestClient(app) as client:
        made = client.get("/health")
        kept = client.get("/health", headers={"X-Request-ID": "lb-7f3a.2"})
        forged = client.get("/health", headers={"X-Request-ID": 'x" level=error'})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    assert kept.headers["x-request-id"] == "lb-7f3a.2"  # the proxy's, followed through
    assert forged.headers["x-request-id"] != 'x" level=error'  # not a plain token: a new one
    lines = [r for r in caplog.records if r.name == "govops.requests"]
    assert [line.getMessage().split()[:3] for line in lines] == [["GET", "/health", "200"]] * 3
    answered = [r.headers["x-request-id"] for r in (made, kept, forged)]
    assert [json.loads(JsonLines().format(line))["request_id"] for line in lines] == answered
