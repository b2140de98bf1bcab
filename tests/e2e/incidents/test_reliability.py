"""Reliability of the running server on its SQLite file: a SIGKILL in the middle of 200
intake requests loses none that were answered 201, and retries create nothing twice; two
duty officers posting follow-ups to one incident at once both land, in order."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from govops.bootstrap import build_accounts, build_incidents
from govops.config import Settings
from tests.identity import session_for

REQUESTS = 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _sessions(database: Path, *usernames: str) -> dict[str, dict[str, str]]:
    """Users of the database, each a duty officer of the county, signed in: the header
    carrying each one's session (the server started later reads the same database)."""
    incidents = build_incidents(Settings(database_url=f"sqlite:///{database}"))
    try:
        accounts = build_accounts(incidents.engine, incidents.clock)
        grant = ("duty_officer", "demo-county")
        return {name: session_for(accounts, name, grant) for name in usernames}
    finally:
        incidents.engine.dispose()


class Server:
    def __init__(self, database: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api/v1/incidents"
        self.health = f"http://127.0.0.1:{self.port}/health"
        environment = {**os.environ, "GOVOPS_DATABASE_URL": f"sqlite:///{database}"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "govops", "serve", "--port", str(self.port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.health, timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError("the server did not start")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "govops.db"


def _report(number: int) -> dict[str, object]:
    return {
        "occurred_at": "2026-06-01T09:30:00+08:00",
        "place": f"地点{number}",
        "township": "开通镇",
        "summary": f"聚集事件{number}",
        "participants": 200 + number,
    }


def _post(
    url: str, session: dict[str, str], number: int, answered: dict[int, str], kill: threading.Event
) -> None:
    headers = session | {"Idempotency-Key": f"intake-{number}"}
    try:
        answer = httpx.post(url, json=_report(number), headers=headers, timeout=30)
    except httpx.TransportError:
        return  # in flight when the server died: the client never heard back
    if answer.status_code == 201:
        answered[number] = answer.json()["id"]
        if len(answered) >= REQUESTS // 4:
            kill.set()


def test_a_killed_server_loses_no_answered_intake_and_retries_create_nothing_twice(
    database: Path,
) -> None:
    session = _sessions(database, "duty")["duty"]
    server = Server(database)
    answered: dict[int, str] = {}
    kill_now = threading.Event()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for number in range(REQUESTS):
            pool.submit(_post, server.url, session, number, answered, kill_now)
        kill_now.wait(timeout=120)
        server.kill()
    assert 0 < len(answered) < REQUESTS, "the kill should land while requests are in flight"

    restarted = Server(database)
    try:
        for incident_id in answered.values():
            found = httpx.get(f"{restarted.url}/{incident_id}", headers=session, timeout=10)
            assert found.status_code == 200
        for number in range(REQUESTS):  # every client retries with its key
            again = httpx.post(
                restarted.url,
                json=_report(number),
                headers=session | {"Idempotency-Key": f"intake-{number}"},
                timeout=30,
            )
            assert again.status_code == 201
            if number in answered:
                assert again.json()["id"] == answered[number]
        every = {"limit": 1000}  # the list is paged (100 by default)
        listed = httpx.get(restarted.url, params=every, headers=session, timeout=30)
        assert listed.json()["count"] == REQUESTS
    finally:
        restarted.stop()


def test_two_officers_following_up_at_once_both_land_in_order(database: Path) -> None:
    sessions = _sessions(database, "yi", "bing")
    server = Server(database)
    try:
        filed = httpx.post(server.url, json=_report(1), headers=sessions["yi"], timeout=30)
        created = filed.json()
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def follow_up(user: str, injured: int) -> None:
            barrier.wait()
            body = {"injured": injured, "note": f"{user}续报"}
            url = f"{server.url}/{created['id']}/follow-ups"
            answer = httpx.post(url, json=body, headers=sessions[user], timeout=30)
            statuses.append(answer.status_code)

        threads = [threading.Thread(target=follow_up, args=a) for a in (("yi", 3), ("bing", 4))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        read = httpx.get(f"{server.url}/{created['id']}", headers=sessions["yi"], timeout=30)
        final = read.json()
        assert statuses == [201, 201]
        assert [r["number"] for r in final["reports"]] == [0, 1, 2]
        actors = {r["actor"] for r in final["reports"][1:]}
        assert actors == {"yi@demo-county", "bing@demo-county"}
    finally:
        server.stop()
