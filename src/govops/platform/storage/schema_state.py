"""Whether the database answers and its schema is at the migrations' head, for /ready:
`database` ok or unreachable, `migrations` ok, behind (older than this server's head) or
unknown (another revision: a newer server migrated it)."""

from __future__ import annotations

from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from govops.platform.storage.database import alembic_config


@cache
def _script() -> ScriptDirectory:
    """The migrations this server ships (read once)."""
    return ScriptDirectory.from_config(alembic_config())


def schema_state(engine: Engine) -> dict[str, str]:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            current = MigrationContext.configure(connection).get_current_revision()
    except Exception:  # whatever the driver raises: the database does not answer
        return {"database": "unreachable", "migrations": "unknown"}
    if current == _script().get_current_head():
        return {"database": "ok", "migrations": "ok"}
    if current is not None:
        try:
            _script().get_revision(current)
        except Exception:  # a revision this server does not ship: a newer one migrated it
            return {"database": "ok", "migrations": "unknown"}
    return {"database": "ok", "migrations": "behind"}
