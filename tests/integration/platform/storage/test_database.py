"""Opening a database: PostgreSQL without its driver says how to install it."""

from __future__ import annotations

import importlib.util

import pytest

from govops.platform.storage import database


def test_postgresql_without_psycopg_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    with pytest.raises(database.MissingDriverError, match=r"govops\[postgres\]"):
        database.make_engine("postgresql://user@localhost/govops")


def test_sqlite_needs_no_extra(tmp_path: object) -> None:
    engine = database.make_engine(f"sqlite:///{tmp_path}/x.db")
    try:
        assert engine.dialect.name == "sqlite"
    finally:
        engine.dispose()
