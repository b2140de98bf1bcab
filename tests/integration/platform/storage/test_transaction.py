"""The unit of work on a SQLite file that another process keeps locked: past the busy
time-out it says the storage is busy (StorageBusyError, never SQLite's own "database is
locked"), writes nothing, and gives its connection and its turn back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from govops.incidents.model.incident import Event, EventKind
from govops.incidents.storage.incident import SqlUnitOfWork
from govops.platform.ports import StorageBusyError
from govops.platform.storage import database
from govops.platform.storage.database import make_engine, migrate
from govops.platform.storage.turns import turns_for


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.05)
    engine = make_engine(f"sqlite:///{tmp_path / 'govops.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def other_process(engine: Engine) -> Iterator[sqlite3.Connection]:
    """Another process's writer, holding SQLite's write lock."""
    assert engine.url.database
    other = sqlite3.connect(engine.url.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.rollback()
    other.close()


def _event(seq: int) -> Event:
    return Event("a", seq, EventKind.REPORTED, datetime.now(UTC), "x", {})


def test_a_database_kept_locked_is_said_busy_and_nothing_is_written(
    engine: Engine, other_process: sqlite3.Connection
) -> None:
    with pytest.raises(StorageBusyError) as busy, SqlUnitOfWork(engine) as uow:
        uow.incidents.append([_event(1)])
        uow.commit()
    assert "database is locked" in str(busy.value.__cause__)
    turns = turns_for(engine)
    assert turns is not None and turns.take(timeout=0)  # the turn was given back
    turns.give_back()
    other_process.rollback()
    with SqlUnitOfWork(engine) as uow:
        assert uow.incidents.events("a") == []
        uow.incidents.append([_event(1)])
        uow.commit()
    with SqlUnitOfWork(engine) as uow:
        assert [e.seq for e in uow.incidents.events("a")] == [1]


def test_other_errors_are_not_taken_for_busy(engine: Engine) -> None:
    with pytest.raises(ValueError, match="not busy"), SqlUnitOfWork(engine):
        raise ValueError("not busy")
    turns = turns_for(engine)
    assert turns is not None and turns.take(timeout=0)
    turns.give_back()
