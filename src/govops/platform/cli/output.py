"""Output helpers: JSON that keeps Chinese readable and numbers exact, errors without tracebacks."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from typing import NoReturn

import typer

from govops.lawcode.rules.jsonable import jsonable


def _default(value: object) -> object:
    if isinstance(value, Decimal | date | frozenset | set):
        return jsonable(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default, indent=indent)


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop with a message on stderr and no traceback."""
    print(f"govops: {message}", file=sys.stderr)
    raise typer.Exit(code)


def decode_text(data: bytes, where: str, encoding: str) -> str:
    """Text in the encoding the user names (UTF-8 by default, a byte-order mark allowed).
    Never guessed: a wrong guess would change names and figures without a word."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec)
    except LookupError:
        fail(f"unknown --encoding {encoding!r}; e.g. utf-8, gb18030, cp1258")
    except UnicodeDecodeError as error:
        hint = (
            " (a CSV saved by Excel on a Chinese PC: --encoding gb18030)"
            if codec == "utf-8-sig"
            else ""
        )
        fail(f"{where} is not {encoding} text at byte {error.start}{hint}")


def parse_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{what} must be a date as YYYY-MM-DD, got {text!r}")
