"""A database holding the cadre commands' local users, made once by the commands an
operator runs (tests.e2e.cadres.local_users) and copied for each test (tmp_path/db)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.cadres.local_users import make_local_users


@pytest.fixture(scope="session")
def users_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("users") / "govops.db"
    make_local_users(database)
    return database


@pytest.fixture
def database(users_database: Path, tmp_path: Path) -> Path:
    """A copy of the users' database, as tmp_path/db/govops.db."""
    target = tmp_path / "db" / "govops.db"
    target.parent.mkdir()
    for found in users_database.parent.glob(f"{users_database.name}*"):
        shutil.copy(found, target.parent / found.name)
    return target
