"""Engines and migrations.

Default database: the SQLite file `./govops.db` in the working directory, created with its
schema on first start (no set-up: scripts run from the repository root, so it lands there
beside `.venv`). Set `GOVOPS_DATABASE_URL` to use another file
(`sqlite:////var/lib/govops/govops.db`) or PostgreSQL
(`postgresql+psycopg://user:password@host/dbname`; a plain `postgresql://` URL is taken to
mean psycopg too).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

DATABASE_URL_VARIABLE = "GOVOPS_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///govops.db"
BUSY_TIMEOUT_SECONDS = 10
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: PostgreSQL sessions migrating at once take turns on this lock.
MIGRATION_LOCK = 7_240_531
# An execution option: a SQLite connection that only reads begins a deferred transaction.
READ_SNAPSHOT = "govops_read_snapshot"


def default_database_url() -> str:
    return os.environ.get(DATABASE_URL_VARIABLE, "").strip() or DEFAULT_DATABASE_URL


def make_engine(url: str | URL) -> Engine:
    """An engine for SQLite (WAL, foreign keys on, writers wait up to 10 s for each other,
    shareable between a server's threads) or PostgreSQL through psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_driver_name() == "psycopg" and importlib.util.find_spec("psycopg") is None:
        raise MissingDriverError(
            "PostgreSQL needs the psycopg driver, which the default install leaves out: "
            "pip install 'govops[postgres]'"
        )
    return create_engine(parsed, json_serializer=_to_json, pool_pre_ping=True)


class MissingDriverError(RuntimeError):
    """The database URL names a driver that is not installed."""


def migrate(target: Engine | str | URL) -> None:
    """Bring the schema to the newest revision (Alembic `upgrade head`); harmless when it
    is there already."""
    engine = target if isinstance(target, Engine) else make_engine(target)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                lock = text("SELECT pg_advisory_xact_lock(:key)")
                connection.execute(lock, {"key": MIGRATION_LOCK})
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        if engine is not target:
            engine.dispose()


def open_database(url: str | None = None) -> Engine:
    """The engine for `url` (default: `default_database_url()`), its schema migrated."""
    engine = make_engine(url or default_database_url())
    migrate(engine)
    return engine


def alembic_config() -> Config:
    """Alembic's configuration for the migrations shipped in this package; no ini file."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        json_serializer=_to_json,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS},
    )
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is switched off (it would open transactions
    # late and never BEGIN IMMEDIATE); `_begin_immediate` opens every transaction instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    """Every transaction takes SQLite's write lock at once: a unit of work reads and then
    appends, and a read transaction upgraded to a write after another writer committed
    would fail at once with "database is locked" instead of waiting its turn. A connection
    marked READ_SNAPSHOT only reads: a deferred BEGIN gives it one snapshot (WAL) while
    writers go on."""
    reading = connection.get_execution_options().get(READ_SNAPSHOT, False)
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
