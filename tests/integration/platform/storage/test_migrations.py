"""The schema comes from the migrations shipped in the package, and matches tables.py."""

from __future__ import annotations

import fnmatch
import importlib
import tomllib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from govops.platform.storage import database
from govops.platform.storage.database import default_database_url, make_engine, migrate
from govops.platform.storage.metadata import metadata
from tests.paths import REPOSITORY

ROOT = REPOSITORY
# Every module's tables, on the one metadata the migrations are compared with (whichever
# tests ran before): every module of every storage room.
for _room in sorted((REPOSITORY / "src" / "govops").glob("*/storage/*.py")):
    if _room.parts[-3] != "platform":
        importlib.import_module(f"govops.{_room.parts[-3]}.storage.{_room.stem}")


def test_the_migrations_have_one_head() -> None:
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert len(scripts.get_heads()) == 1
    assert [s.revision for s in scripts.walk_revisions()][-1] == "0001"


def test_the_migrated_schema_matches_the_table_definitions(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() == _head()


def test_migrating_again_changes_nothing(database_url: str, engine: Engine) -> None:
    before = inspect(engine).get_table_names()
    migrate(engine)
    migrate(database_url)  # from a URL: an engine of its own, disposed afterwards
    assert inspect(engine).get_table_names() == before
    assert set(before) == {*metadata.tables, "alembic_version"}


def test_sqlite_file_is_created_with_its_folder_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "govops.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        migrate(engine)
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 10_000
    finally:
        engine.dispose()
    assert path.is_file()


def test_default_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVOPS_DATABASE_URL", raising=False)
    assert default_database_url() == "sqlite:///govops.db"
    monkeypatch.setenv("GOVOPS_DATABASE_URL", "postgresql://u:p@db.example/govops")
    assert default_database_url() == "postgresql://u:p@db.example/govops"


def test_a_plain_postgresql_url_uses_psycopg() -> None:
    engine = make_engine("postgresql://u:p@localhost:1/govops")  # no connection is made
    assert engine.url.drivername == "postgresql+psycopg"
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_the_migration_scripts_are_package_data() -> None:
    """A non-editable install must carry env.py and versions/*.py (and the template)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["govops"]
    package = ROOT / "src" / "govops"
    files = [
        p.relative_to(package).as_posix()
        for p in (package / "platform" / "storage" / "migrations").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert "platform/storage/migrations/env.py" in files
    assert "platform/storage/migrations/script.py.mako" in files
    assert [f for f in files if not any(fnmatch.fnmatchcase(f, p) for p in patterns)] == []


def _head() -> str | None:
    return ScriptDirectory.from_config(database.alembic_config()).get_current_head()
