"""A register's rows as people fill them in (a sheet's cells, a form's fields), read by a
declared list of fields, each refused with its line and column when it is not what the
field takes: a missing value, text too long, a day that is no YYYY-MM-DD, a time without
its day, a figure that is no plain number or is negative, a count that is no whole number,
a choice not among those offered, a yes/no that is neither.

A time given without an offset is read in the register's own time zone (the pack's); a
figure is read exactly (Decimal), never through a float."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from enum import Enum

from govops.lawcode.texts.messages import Message, msg

_NUMBER = re.compile(r"^\d+(\.\d+)?$")  # no sign, no grouping, no unit
_COUNT = re.compile(r"^\d+$")
YES = ("yes", "true", "1", "是", "có")
NO = ("no", "false", "0", "否", "không")


class Kind(Enum):
    TEXT = "text"
    DAY = "day"
    TIME = "time"
    FIGURE = "figure"
    COUNT = "count"
    CHOICE = "choice"
    FLAG = "flag"
    LIST = "list"  # several texts, separated by ; or ,


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind = Kind.TEXT
    required: bool = True
    choices: tuple[str, ...] = ()
    longest: int = 200


@dataclass(frozen=True, slots=True)
class RowRefusal:
    line: int
    column: str
    message: Message


Value = str | date | datetime | Decimal | int | bool | tuple[str, ...] | None


def read_row(
    line: int, cells: Mapping[str, str], fields: Sequence[Field], zone: tzinfo
) -> tuple[dict[str, Value], list[RowRefusal]]:
    """The row's values by field (None for an optional one left empty), and its refusals."""
    values: dict[str, Value] = {}
    refused: list[RowRefusal] = []
    for field in fields:
        text = (cells.get(field.name) or "").strip()
        if not text:
            values[field.name] = None
            if field.required:
                refused.append(RowRefusal(line, field.name, msg("a value is needed")))
            continue
        if len(text) > field.longest:
            said = msg("longer than {limit} characters", limit=field.longest)
            refused.append(RowRefusal(line, field.name, said))
            continue
        value, problem = _value(field, text, zone)
        values[field.name] = value
        if problem is not None:
            refused.append(RowRefusal(line, field.name, problem))
    return values, refused


def _value(field: Field, text: str, zone: tzinfo) -> tuple[Value, Message | None]:
    if field.kind is Kind.CHOICE:
        if text not in field.choices:
            return None, msg(
                "{value} is not one of {choices}", value=text, choices=", ".join(field.choices)
            )
        return text, None
    if field.kind is Kind.TIME:
        return _time(text, zone)
    return _READERS[field.kind](text)


def _text(text: str) -> tuple[Value, Message | None]:
    return text, None


def _list(text: str) -> tuple[Value, Message | None]:
    return tuple(p.strip() for p in re.split(r"[;,；，]", text) if p.strip()), None


def _figure(text: str) -> tuple[Value, Message | None]:
    if not _NUMBER.fullmatch(text):
        return None, msg("{value} is no plain figure (digits, a point)", value=text)
    return Decimal(text), None


def _count(text: str) -> tuple[Value, Message | None]:
    if not _COUNT.fullmatch(text):
        return None, msg("{value} is no whole number", value=text)
    return int(text), None


def _flag(text: str) -> tuple[Value, Message | None]:
    if text.lower() not in (*YES, *NO):
        return None, msg("{value} is neither yes nor no", value=text)
    return text.lower() in YES, None


def _day(text: str) -> tuple[Value, Message | None]:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text), None
    except ValueError:
        return None, msg("{value} is no day (YYYY-MM-DD)", value=text)


def _time(text: str, zone: tzinfo) -> tuple[Value, Message | None]:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?", text):
            raise ValueError(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None, msg("{value} is no time (YYYY-MM-DD HH:MM)", value=text)
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)), None


_READERS = {
    Kind.TEXT: _text,
    Kind.LIST: _list,
    Kind.FIGURE: _figure,
    Kind.COUNT: _count,
    Kind.FLAG: _flag,
    Kind.DAY: _day,
}
