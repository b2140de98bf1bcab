"""The register events as the tables `batch.boards` reads (`tables_of`): one table per kind of
record, a column per field typed by the field's kind (days as dates, times as UTC instants,
figures as exact decimals, lists as lists), with the event's unit and its place in the
recorded order (`seq`); and the unit tree as a table. The batch reads the same facts the
fold does, so that both can be held against each other on the same events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import polars as pl

from govops.lawcode.registers.rows import Kind
from govops.registers.model.records import FIELDS, Event, RecordKind

TABLE_OF = {
    RecordKind.FIGURE: "figures",
    RecordKind.POPULATION: "populations",
    RecordKind.DEPOT: "depots",
    RecordKind.MOVEMENT: "movements",
    RecordKind.SHELTER: "shelters",
    RecordKind.SHELTER_STATUS: "shelter_statuses",
    RecordKind.ENTERPRISE: "enterprises",
    RecordKind.OCCURRENCE: "occurrences",
    RecordKind.SHIFT: "shifts",
    RecordKind.TRAINING: "trainings",
    RecordKind.HAZARD: "hazards",
    RecordKind.RECTIFIED: "rectified",
    RecordKind.VERIFIED: "verified",
    RecordKind.PLAN_STEP: "plan_steps",
    RecordKind.MILESTONE: "milestones",
}
_TYPES: dict[Kind, pl.DataType] = {
    Kind.DAY: pl.Date(),
    Kind.TIME: pl.Datetime("us", "UTC"),
    Kind.COUNT: pl.Int64(),
    Kind.FLAG: pl.Boolean(),
    Kind.LIST: pl.List(pl.String),
}


def tables_of(
    events: Iterable[Event], units: Mapping[str, tuple[str | None, str]]
) -> dict[str, pl.DataFrame]:
    """The tables of `events` (in their recorded order) and of `units` (code -> (parent,
    kind)); every kind has its table, empty where nothing was recorded."""
    rows: dict[RecordKind, list[dict[str, Any]]] = {kind: [] for kind in RecordKind}
    for seq, event in enumerate(events):
        rows[event.kind].append({"seq": seq, "unit": event.unit, **event.data})
    found = {TABLE_OF[kind]: _table(kind, found) for kind, found in rows.items()}
    found["units"] = pl.DataFrame(
        [(code, parent, kind) for code, (parent, kind) in units.items()],
        schema={"unit": pl.String, "parent": pl.String, "kind": pl.String},
        orient="row",
    )
    return found


def _table(kind: RecordKind, rows: list[dict[str, Any]]) -> pl.DataFrame:
    fields = FIELDS[kind]
    figures = [f.name for f in fields if f.kind is Kind.FIGURE]
    scale = max((_places(row.get(name)) for row in rows for name in figures), default=0)
    schema: dict[str, pl.DataType] = {"seq": pl.Int64(), "unit": pl.String()}
    for field in fields:
        schema[field.name] = (
            pl.Decimal(38, scale)
            if field.kind is Kind.FIGURE
            else _TYPES.get(field.kind, pl.String())
        )
    columns = {name: [_value(row.get(name), schema[name]) for row in rows] for name in schema}
    return pl.DataFrame(columns, schema=schema)


def _places(text: str | None) -> int:
    if text is None:
        return 0
    exponent = Decimal(text).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _value(text: Any, kind: pl.DataType) -> Any:
    if text is None:
        return None
    if kind == pl.Date():
        return date.fromisoformat(text)
    if isinstance(kind, pl.Datetime):
        return datetime.fromisoformat(text).astimezone(UTC)
    if isinstance(kind, pl.Decimal):
        return Decimal(text)
    if kind == pl.Int64():
        return int(text)
    return text
