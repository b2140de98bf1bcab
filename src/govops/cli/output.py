"""Output helpers: JSON that keeps Chinese readable and numbers exact, errors without tracebacks."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from typing import NoReturn

import typer


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _number(value: Decimal) -> int | float | str:
    """A JSON number when it says exactly the same; otherwise the exact digits as a string
    (7.99999999999999999999 hours must not be printed as 8.0)."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


def to_json(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default, indent=indent)


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop with a message on stderr and no traceback."""
    print(f"govops: {message}", file=sys.stderr)
    raise typer.Exit(code)


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (with or without a byte-order mark), else GB18030, which covers the GBK that
    Excel on a Chinese Windows PC writes; anything else is refused, never guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        fail(f"{where} is neither UTF-8 nor GB18030 text")
    print(f"govops: {where} read as GB18030 (GBK) text", file=sys.stderr)
    return text


def parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{what} must be a date as YYYY-MM-DD, got {text!r}")
