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

REQUESTS = 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, database: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/api/v1/incidents"
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
                if httpx.get(self.url, timeout=2).status_code == 200:
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
        "actor": "值班员",
    }


def _post(url: str, number: int, answered: dict[int, str], kill_after: threading.Event) -> None:
    try:
        answer = httpx.post(
            url, json=_report(number), headers={"Idempotency-Key": f"intake-{number}"}, timeout=30
        )
    except httpx.TransportError:
        return  # in flight when the server died: the client never heard back
    if answer.status_code == 201:
        answered[number] = answer.json()["id"]
        if len(answered) >= REQUESTS // 4:
            kill_after.set()


def test_a_killed_server_loses_no_answered_intake_and_retries_create_nothing_twice(
    database: Path,
) -> None:
    server = Server(database)
    answered: dict[int, str] = {}
    kill_now = threading.Event()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for number in range(REQUESTS):
            pool.submit(_post, server.url, number, answered, kill_now)
        kill_now.wait(timeout=120)
        server.kill()
    assert 0 < len(answered) < REQUESTS, "the kill should land while requests are in flight"

    restarted = Server(database)
    try:
        for incident_id in answered.values():
            assert httpx.get(f"{restarted.url}/{incident_id}", timeout=10).status_code == 200
        for number in range(REQUESTS):  # every client retries with its key
            again = httpx.post(
                restarted.url,
                json=_report(number),
                headers={"Idempotency-Key": f"intake-{number}"},
                timeout=30,
            )
            assert again.status_code == 201
            if number in answered:
                assert again.json()["id"] == answered[number]
        assert httpx.get(restarted.url, timeout=30).json()["count"] == REQUESTS
    finally:
        restarted.stop()


def test_two_officers_following_up_at_once_both_land_in_order(database: Path) -> None:
    server = Server(database)
    try:
        created = httpx.post(server.url, json=_report(1), timeout=30).json()
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def follow_up(actor: str, injured: int) -> None:
            barrier.wait()
            body = {"injured": injured, "note": f"{actor}续报", "actor": actor}
            answer = httpx.post(f"{server.url}/{created['id']}/follow-ups", json=body, timeout=30)
            statuses.append(answer.status_code)

        threads = [threading.Thread(target=follow_up, args=a) for a in (("乙", 3), ("丙", 4))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        final = httpx.get(f"{server.url}/{created['id']}", timeout=30).json()
        assert statuses == [201, 201]
        assert [r["number"] for r in final["reports"]] == [0, 1, 2]
        assert {r["actor"] for r in final["reports"][1:]} == {"乙", "丙"}
    finally:
        server.stop()
