from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from govops.calendars import calendar_for
from govops.incidents.model.rules import IncidentRules
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork

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
