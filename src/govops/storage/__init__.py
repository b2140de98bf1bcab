"""Storage adapter for the incident, cadre, selection and warning ports: SQLAlchemy 2 Core
on SQLite (default) or PostgreSQL, the schema built by the Alembic migrations shipped in
this package."""

from govops.storage.cadre_repositories import SqlCadreUnitOfWork as SqlCadreUnitOfWork
from govops.storage.database import default_database_url, make_engine, migrate, open_database
from govops.storage.selection_repositories import (
    SqlSelectionUnitOfWork,
    selection_unit_of_work_factory,
)
from govops.storage.unit_of_work import SqlUnitOfWork, unit_of_work_factory
from govops.storage.warning_series import SqlSeriesUnitOfWork, series_unit_of_work_factory
from govops.storage.warnings import SqlWarningUnitOfWork, warning_unit_of_work_factory

__all__ = [
    "SqlSelectionUnitOfWork",
    "SqlSeriesUnitOfWork",
    "SqlUnitOfWork",
    "SqlWarningUnitOfWork",
    "default_database_url",
    "make_engine",
    "migrate",
    "open_database",
    "selection_unit_of_work_factory",
    "series_unit_of_work_factory",
    "unit_of_work_factory",
    "warning_unit_of_work_factory",
]
