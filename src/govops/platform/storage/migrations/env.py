"""Alembic environment: runs the migrations on the connection `migrate()` hands over,
or on an engine for `sqlalchemy.url` when Alembic is driven some other way."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from govops.platform.storage.database import default_database_url, make_engine
from govops.platform.storage.metadata import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url") or default_database_url()
    engine = make_engine(url)
    try:
        with engine.connect() as new_connection:
            _run(new_connection)
    finally:
        engine.dispose()


_main()
