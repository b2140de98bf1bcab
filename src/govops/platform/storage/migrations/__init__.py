"""Alembic migrations for govops storage, shipped inside the package.

`govops.storage.migrate(engine)` runs them (`upgrade head`). To add a revision, write a new
module in `versions/` whose `down_revision` is the current head, e.g. from
`alembic.command.revision(govops.platform.storage.database.alembic_config(), "what changes")`,
and keep `govops/storage/tables.py` in step (a test compares the two).
"""
