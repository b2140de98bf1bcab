"""The web pages over an in-memory store and the built-in county pack, at a fixed time."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.incidents.web import build_web_router
from govops.lawcode.sources.pack import Pack
from tests.fakes import Clock

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


@pytest.fixture
def app(service: IncidentService, pack: Pack, clock: Clock) -> FastAPI:
    app = FastAPI()
    app.include_router(build_web_router(service, pack, clock))
    return app


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
