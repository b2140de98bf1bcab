from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.calendars import calendar_for
from govops.incidents.model.rules import IncidentRules
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the dev extra installs it; without it the browser tests skip
    sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PACK = "cn-county-mass-incident"
START = datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def govops() -> Run:
    """Run the real command line in a child process, as a user would."""

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "govops", *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_builtin_pack(PACK)


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def service(pack: Pack, clock: Clock, store: MemoryStore) -> IncidentService:
    """The incident use cases over in-memory storage, on the test clock."""
    rules = IncidentRules(pack, calendar_for(pack.jurisdiction))
    return IncidentService(lambda: MemoryUnitOfWork(store), rules, clock)


# The pages: a client and a live server for the `app` fixture of the folder, and the browser.
@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def _unavailable(reason: str) -> None:
    """Outside CI a missing browser skips the browser tests; in CI it fails them."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (bash scripts/chromium.sh)")
    pytest.skip(f"{reason}; install it with `bash scripts/chromium.sh` (as root) to run them")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a browser Playwright downloads)."""
    if not CHROMIUM.exists():
        _unavailable(f"browser tests need Debian's chromium at {CHROMIUM}")
    if sync_playwright is None:
        _unavailable("browser tests need the playwright Python package (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn in a background thread; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
