"""Every storage test runs on SQLite (a file in tmp_path) and, when
GOVOPS_TEST_POSTGRES_URL names a PostgreSQL database, on PostgreSQL too, each test in a
schema of its own. The schema is always built by the real migrations."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from govops.incidents.storage.incident import SqlUnitOfWork, unit_of_work_factory
from govops.platform.storage.database import make_engine, migrate

POSTGRES_VARIABLE = "GOVOPS_TEST_POSTGRES_URL"
NO_POSTGRES = f"no PostgreSQL: {POSTGRES_VARIABLE} is not set (CI starts one: scripts/postgres.sh)"


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(not os.environ.get(POSTGRES_VARIABLE), reason=NO_POSTGRES),
        ),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'govops.db'}"  # the folder does not exist yet
    else:
        yield from _postgres_schema(os.environ[POSTGRES_VARIABLE])


def _postgres_schema(base_url: str) -> Iterator[str]:
    """A fresh schema, first on the search path of every connection made with the URL."""
    schema = f"govops_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(admin.url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def new_uow(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    return unit_of_work_factory(engine)
