"""Many writers at once through the API, on a SQLite file served by uvicorn: sixteen duty
officers following up one incident together all land, once each, numbered in order, and
none is answered 500; a database another process keeps locked is waited for a moment,
then answered 503 with Retry-After, and nothing is written twice or lost.

SQLite's busy time-out is cut to 50 ms here (10 s in service): the writers of the server
no longer rely on it, as they take turns (`platform.storage.turns`); before they did, most
of the sixteen failed with "database is locked" (500) at this time-out, as some did at
10 s under a longer queue."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from govops.bootstrap import build_app
from govops.config import Settings
from govops.platform.storage import database
from tests.e2e.conftest import START
from tests.e2e.incidents.api.conftest import API, report
from tests.fakes import Clock
from tests.identity import sign_in

WRITERS = 16


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "govops.db"


@pytest.fixture
def server(db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[httpx.Client]:
    """The whole application on `db_file`, served by uvicorn on a free local port; a
    client signed in with a real session (looking it up is a unit of work on the same
    database: it waits for a busy storage as the writers do)."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.05)
    app = build_app(Settings(database_url=f"sqlite:///{db_file}"), Clock(START))
    session = sign_in(app)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=session) as client:
        yield client
    server.should_exit = True
    thread.join(timeout=10)


def test_sixteen_officers_following_up_at_once_all_land_once_in_order(
    server: httpx.Client,
) -> None:
    incident = server.post(API, json=report(), timeout=30).json()
    barrier = threading.Barrier(WRITERS)
    answers: dict[int, httpx.Response] = {}

    def follow_up(number: int) -> None:
        body = {"injured": number, "note": f"续报{number}"}
        barrier.wait(timeout=30)
        answers[number] = server.post(f"{API}/{incident['id']}/follow-ups", json=body, timeout=60)

    threads = [threading.Thread(target=follow_up, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    refused = {n: (a.status_code, a.text[:200]) for n, a in answers.items() if a.status_code != 201}
    assert refused == {} and len(answers) == WRITERS
    final = server.get(f"{API}/{incident['id']}", timeout=30).json()
    follow_ups = final["reports"][1:]
    assert [r["number"] for r in final["reports"]] == list(range(WRITERS + 1))
    assert sorted(r["note"] for r in follow_ups) == sorted(f"续报{n}" for n in range(WRITERS))


def _lock(db_file: Path) -> sqlite3.Connection:
    """Another process's writer: holds SQLite's write lock until rolled back."""
    other = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_database_locked_a_moment_is_waited_for(server: httpx.Client, db_file: Path) -> None:
    incident = server.post(API, json=report(), timeout=30).json()
    other = _lock(db_file)
    threading.Timer(0.3, other.rollback).start()  # the other writer is done in 0.3 s
    body = {"injured": 3, "note": "续报"}
    answer = server.post(f"{API}/{incident['id']}/follow-ups", json=body, timeout=30)
    other.close()
    assert answer.status_code == 201, answer.text
    assert [r["number"] for r in answer.json()["reports"]] == [0, 1]


def test_a_database_kept_locked_is_answered_503_with_retry_after(
    server: httpx.Client, db_file: Path
) -> None:
    incident = server.post(API, json=report(), timeout=30).json()
    other = _lock(db_file)
    try:
        body = {"injured": 3, "note": "续报"}
        headers = {"Accept-Language": "en"}
        url = f"{API}/{incident['id']}/follow-ups"
        answer = server.post(url, json=body, headers=headers, timeout=30)
    finally:
        other.rollback()
        other.close()
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "2"
    assert answer.headers["content-type"] == "application/problem+json"
    document = answer.json()
    assert (document["code"], document["title"]) == ("storage-busy", "Service Unavailable")
    assert document["detail"] == "the system is busy with other changes; try again in a moment"
    final = server.get(f"{API}/{incident['id']}", timeout=30).json()
    assert [r["number"] for r in final["reports"]] == [0]  # nothing written
    again = server.post(url, json=body, timeout=30)  # the client tries again: it lands once
    assert again.status_code == 201
    assert [r["number"] for r in again.json()["reports"]] == [0, 1]
