"""/api/v1/warnings/series and /report over the demo storm loaded through the composition
root (every alert a valid CAP 1.2 alert with status Exercise), the queries' refusals as
problem documents, the application never sending on its own, and `govops serve --demo`
showing the storm and delivering new alerts to a webhook from its background worker."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient
from lxml import etree

from govops.warnings.demo import DemoStorm
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.served import demo_password, log_in
from tests.e2e.warnings.api.test_warning import CAP, cap_schema
from tests.e2e.warnings.api.test_webhooks import Webhook
from tests.e2e.warnings.warning_demo import demo_app
from tests.identity import bearer
from tests.unit.warnings.outbox_support import START, storm

API = "/api/v1/warnings"
STREET = "110102001"  # 西长安街街道


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, DemoStorm]]:
    app, _, storm = demo_app(tmp_path_factory.mktemp("demo"))
    with TestClient(app, headers=bearer()) as client:
        yield client, storm


def test_the_series_of_an_area_and_period(demo: tuple[TestClient, DemoStorm]) -> None:
    client, _ = demo
    answer = client.get(
        f"{API}/series",
        params={
            "area": STREET,
            "from": "2026-07-20T08:04:00+08:00",
            "to": "2026-07-20T08:06+08:00",
        },
    )
    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert found["count"] == 2
    first = found["minutes"][0]
    assert (first["area"], first["at"], first["level"], first["clause"]) == (
        STREET,
        "2026-07-20T08:04:00+08:00",
        "red",
        "red-3h",
    )
    assert first["windows"]["rain_3h"]["max_mm"] == "101.00"
    assert first["windows"]["rain_3h"]["max_station"] == "XC0103"
    assert (first["reporting"], first["stations"]) == (4, 4)


def test_without_a_period_the_last_day_of_every_area(demo: tuple[TestClient, DemoStorm]) -> None:
    client, storm = demo
    found = client.get(f"{API}/series").json()
    assert found["count"] == 16 * 1440 == storm.rows
    assert found["minutes"][-1]["at"] == "2026-07-20T23:59:00+08:00"


def test_bad_queries_are_refused_with_the_field_named(demo: tuple[TestClient, DemoStorm]) -> None:
    client, _ = demo
    for params, field in [
        ({"area": "999"}, "area"),
        ({"from": "2026-07-20T08:00:00"}, "from"),
        ({"from": "2026-07-20T08:00+08:00", "to": "2026-07-20T07:00+08:00"}, "to"),
        ({"from": "2026-07-01T00:00+08:00", "to": "2026-07-20T00:00+08:00"}, "to"),
    ]:
        assert field in problem_fields(client.get(f"{API}/series", params=params)), params
    assert client.get(f"{API}/report", params={"date": "2026-02-30"}).status_code == 422


def test_the_daily_report_in_every_language(demo: tuple[TestClient, DemoStorm]) -> None:
    client, _ = demo
    for language, title in [
        ("zh-Hans", "西城区暴雨预警日报（2026年7月20日）"),
        ("zh-Hant", "西城區暴雨預警日報（2026年7月20日）"),
        ("vi", "Báo cáo cảnh báo mưa lớn quận Tây Thành, 20 thg 7, 2026"),
        ("en", "Xicheng District rainstorm warning report, Jul 20, 2026"),
    ]:
        answer = client.get(f"{API}/report", params={"lang": language})  # default: latest day
        assert answer.status_code == 200
        assert answer.headers["content-disposition"].endswith(
            '"rainstorm-warnings-2026-07-20.docx"'
        )
        assert docx.Document(io.BytesIO(answer.content)).paragraphs[0].text == title
    # Without ?lang=: the language the client accepts, else the organisation's.
    answer = client.get(f"{API}/report", headers={"Accept-Language": "vi-VN,vi;q=0.9"})
    assert docx.Document(io.BytesIO(answer.content)).paragraphs[0].text.startswith("Báo cáo")
    answer = client.get(f"{API}/report")
    assert docx.Document(io.BytesIO(answer.content)).paragraphs[0].text.startswith("西城区")
    assert client.get(f"{API}/report", params={"lang": "fr"}).status_code == 422


def test_every_demo_alert_is_a_valid_cap_exercise(demo: tuple[TestClient, DemoStorm]) -> None:
    client, storm = demo
    events = client.get(f"{API}/history").json()["events"]
    assert len(events) == len(storm.events) == 72
    for event in events:
        alert = etree.fromstring(client.get(event["alert"]).content)
        cap_schema().assertValid(alert)
        assert alert.findtext(f"{CAP}status") == "Exercise"
    street = [(e["kind"], e["level"]) for e in events if e["area"] == STREET]
    assert street == [
        ("issue", "orange"),
        ("upgrade", "red"),
        ("downgrade", "orange"),
        ("downgrade", "yellow"),
        ("downgrade", "blue"),
        ("cancel", None),
    ]


@pytest.fixture
def webhook() -> Iterator[str]:
    Webhook.received, Webhook.secrets = [], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_application_alone_never_sends(
    demo: tuple[TestClient, DemoStorm], webhook: str
) -> None:
    """The delivery worker is started by `govops serve` only: the application built for the
    tests leaves its deliveries pending until a round is run."""
    client, _ = demo
    client.post(f"{API}/subscriptions", json={"url": f"{webhook}/ok", "areas": [STREET]})
    client.app.state.warnings.record(storm(["orange"], start=START + timedelta(days=3)))  # type: ignore[attr-defined]
    time.sleep(0.5)
    pending = client.get(f"{API}/deliveries", params={"status": "pending"}).json()
    assert pending["count"] == 1 and Webhook.received == []


def _get(url: str, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return answer.read()


def _post(url: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
    sent = {"Content-Type": "application/json"} | headers
    request = urllib.request.Request(url, json.dumps(body).encode(), sent, method="POST")
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.load(answer)


def test_serve_demo_shows_the_storm_and_its_worker_delivers(tmp_path: Path, webhook: str) -> None:
    port = _free_port()
    env = os.environ | {
        "GOVOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}",
        "GOVOPS_WEBHOOK_ALLOW_HTTP": "true",  # the administrator vetted this machine's webhook
        "GOVOPS_WEBHOOK_ALLOW": "127.0.0.1",
    }
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "govops", "serve", "--demo", "--port", str(port), "--lang", "en"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        password, printed = demo_password(server, "admin")
        _wait(f"{base}/health", server)
        signed_in = log_in(base, "admin", password)
        page = bytes(_get(f"{base}/warnings", signed_in)).decode()
        created = _post(f"{base}{API}/subscriptions", {"url": f"{webhook}/ok"}, signed_in)
        assert created["created_by"] == "admin@110102" and created["unit"] == "110102"
        Webhook.secrets, Webhook.now = {"/ok": created["secret"]}, time.time()
        _watch_a_burst(tmp_path, env)
        deadline = time.monotonic() + 30
        while not Webhook.received and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=40)
    out = printed + out
    assert server.returncode == 0, err
    assert "Loaded the demo storm of" in out and "72 warning events" in out
    assert "CAP status Exercise" in out
    assert "白纸坊街道" in page and "Traceback" not in err
    assert Webhook.received, "the background worker delivered nothing"
    path, headers, body, valid = Webhook.received[0]
    assert path == "/ok" and headers["content-type"] == "application/cap+xml"
    assert valid, "the receiver verified the signature"
    cap_schema().assertValid(etree.fromstring(body))


def _watch_a_burst(tmp_path: Path, env: dict[str, str]) -> None:
    """Ten minutes of 6 mm at one station, a week after the storm: an orange warning."""
    drop = tmp_path / "drop"
    drop.mkdir()
    lines = "".join(f"XC0201,2026-07-27 01:{k:02d}:00,6.0\n" for k in range(10))
    (drop / "burst.csv").write_text("Station_Id_C,Datetime,PRE\n" + lines, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "govops", "warnings", "watch", str(drop), "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"kind":"issue"' in done.stdout.replace(" ", "")


def _wait(url: str, server: subprocess.Popen[str]) -> bytes:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            return bytes(_get(url))
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


def _free_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
