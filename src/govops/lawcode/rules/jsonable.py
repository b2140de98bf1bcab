"""Plain JSON values from decisions: exact numbers, ISO dates, sorted sets."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal


def exact_number(value: Decimal) -> int | float | str:
    """A JSON number when it says exactly the same; otherwise the exact digits as a string
    (7.99999999999999999999 hours must not become 8.0)."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


def jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return exact_number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(jsonable(v) for v in value)  # type: ignore[type-var]
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value
