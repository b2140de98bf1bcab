"""Storage adapter for the incident ports: SQLAlchemy 2 Core on SQLite (default) or
PostgreSQL, the schema built by the Alembic migrations shipped in this package."""

from govops.storage.cadre_repositories import SqlCadreUnitOfWork as SqlCadreUnitOfWork
from govops.storage.database import default_database_url, make_engine, migrate, open_database
from govops.storage.selection_repositories import (
    SqlSelectionUnitOfWork,
    selection_unit_of_work_factory,
)
from govops.storage.unit_of_work import SqlUnitOfWork, unit_of_work_factory

__all__ = [
    "SqlSelectionUnitOfWork",
    "SqlUnitOfWork",
    "default_database_url",
    "make_engine",
    "migrate",
    "open_database",
    "selection_unit_of_work_factory",
    "unit_of_work_factory",
]
