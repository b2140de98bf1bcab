"""The per-area, per-minute statistics (earlywarning.series) and the ingestion reports on
SQLAlchemy Core: one row per area and minute, keyed by both, never updated; a minute
already stored is skipped, so recording the same minutes again writes nothing. Built by
migration 0005 (the tables are on the shared metadata, so the migrations test compares
them too)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    Row,
    String,
    Table,
    Text,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError

from govops.platform.storage.metadata import BigId, UtcDateTime, metadata
from govops.platform.storage.transaction import ConnectionUnitOfWork, is_unique_violation
from govops.warnings.model.series import (
    WINDOW_NAMES,
    AreaMinute,
    IngestionRecord,
    SeriesConflictError,
    SeriesLog,
)

# Per window: the maximum over the stations reporting, the station holding it (the first
# in the layout's order among equals) and their sum, hundredths of a mm; NULL when no
# station reports. Sums are BIGINT: a large area's daily sum can pass 2**31 hundredths.
warning_series = Table(
    "warning_series",
    metadata,
    Column("area", String(32), primary_key=True),
    Column("at", UtcDateTime(), primary_key=True),
    Column("level", String(16), nullable=True),
    Column("clause", String(64), nullable=True),
    Column("reporting", Integer, nullable=False),
    Column("stations", Integer, nullable=False),
    *(
        column
        for name in WINDOW_NAMES
        for column in (
            Column(f"{name}_max", Integer, nullable=True),
            Column(f"{name}_sum", BigInteger, nullable=True),
            Column(f"{name}_station", String(64), nullable=True),
        )
    ),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Index(None, "at"),
)

weather_ingestions = Table(
    "weather_ingestions",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("first", UtcDateTime(), nullable=True),
    Column("last", UtcDateTime(), nullable=True),
    Column("report", JSON, nullable=False),
)


class SqlSeriesLog:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, rows: Sequence[AreaMinute], recorded_at: datetime) -> int:
        if not rows:
            return 0
        try:
            with self._connection.begin_nested():
                return self._insert_new(rows, recorded_at)
        except IntegrityError as error:  # a concurrent writer took some of the minutes
            if not is_unique_violation(error):
                raise
        try:
            with self._connection.begin_nested():
                return self._insert_new(rows, recorded_at)
        except IntegrityError as error:
            raise SeriesConflictError(str(error.orig)) from error

    def _insert_new(self, rows: Sequence[AreaMinute], recorded_at: datetime) -> int:
        stored = self._stored_keys(rows)
        fresh = {(r.area, r.at.timestamp()): r for r in rows}  # one per key, the first kept
        new = [r for key, r in fresh.items() if key not in stored]
        if new:
            self._connection.execute(insert(warning_series), [_values(r, recorded_at) for r in new])
        return len(new)

    def _stored_keys(self, rows: Sequence[AreaMinute]) -> set[tuple[str, float]]:
        table = warning_series
        query = select(table.c.area, table.c.at).where(
            table.c.area.in_(sorted({r.area for r in rows})),
            table.c.at >= min(r.at for r in rows),
            table.c.at <= max(r.at for r in rows),
        )
        return {(area, at.timestamp()) for area, at in self._connection.execute(query)}

    def between(
        self, area: str | None, start: datetime | None, end: datetime | None
    ) -> list[AreaMinute]:
        table = warning_series
        query = select(table).order_by(table.c.at, table.c.area)
        if area is not None:
            query = query.where(table.c.area == area)
        if start is not None:
            query = query.where(table.c.at >= start)
        if end is not None:
            query = query.where(table.c.at < end)
        return [_row(row) for row in self._connection.execute(query)]

    def latest_minute(self) -> datetime | None:
        found: datetime | None = self._connection.scalar(select(func.max(warning_series.c.at)))
        return found

    def add_ingestion(self, record: IngestionRecord) -> None:
        values = {
            "source": record.source,
            "recorded_at": record.recorded_at,
            "first": record.first,
            "last": record.last,
            "report": record.report,
        }
        self._connection.execute(insert(weather_ingestions), [values])

    def ingestions(self, start: datetime, end: datetime) -> list[IngestionRecord]:
        table = weather_ingestions
        query = (
            select(table)
            .where(
                or_(table.c.first.is_(None), table.c.first < end),
                or_(table.c.last.is_(None), table.c.last >= start),
            )
            .order_by(table.c.recorded_at, table.c.id)
        )
        return [
            IngestionRecord(r.source, r.recorded_at, r.first, r.last, dict(r.report))
            for r in self._connection.execute(query)
        ]


class SqlSeriesUnitOfWork(ConnectionUnitOfWork):
    series: SeriesLog
    conflict = SeriesConflictError

    def _attach(self, connection: Connection) -> None:
        self.series = SqlSeriesLog(connection)


def series_unit_of_work_factory(engine: Engine) -> Callable[[], SqlSeriesUnitOfWork]:
    def new_unit_of_work() -> SqlSeriesUnitOfWork:
        return SqlSeriesUnitOfWork(engine)

    return new_unit_of_work


def _values(row: AreaMinute, recorded_at: datetime) -> dict[str, Any]:
    values: dict[str, Any] = {
        "area": row.area,
        "at": row.at,
        "level": row.level,
        "clause": row.clause_id,
        "reporting": row.reporting,
        "stations": row.stations,
        "recorded_at": recorded_at,
    }
    for name in WINDOW_NAMES:
        values[f"{name}_max"] = row.maximum.get(name)
        values[f"{name}_sum"] = row.total.get(name)
        values[f"{name}_station"] = row.max_station.get(name)
    return values


def _row(row: Row[Any]) -> AreaMinute:
    found = row._mapping
    present = [n for n in WINDOW_NAMES if found[f"{n}_max"] is not None]
    return AreaMinute(
        area=found["area"],
        at=found["at"],
        level=found["level"],
        clause_id=found["clause"],
        reporting=found["reporting"],
        stations=found["stations"],
        maximum={n: int(found[f"{n}_max"]) for n in present},
        total={n: int(found[f"{n}_sum"]) for n in present},
        max_station={n: found[f"{n}_station"] for n in present},
    )
