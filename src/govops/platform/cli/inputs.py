"""What the commands read: JSON given by the user (exact numbers, no key twice) and the
configured database, migrated to the newest schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govops.platform.cli.output import fail

if TYPE_CHECKING:
    from sqlalchemy import Engine


def parse_json(text: str) -> object:
    """Numbers are read as exact Decimals, never floats; a key given twice is refused.
    Raises ValueError saying what is wrong."""
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise ValueError("not valid JSON: a number of thousands of digits") from None
        raise ValueError(f"not valid JSON: {error}") from None


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    record: dict[str, object] = {}
    for key, value in pairs:
        if key in record:
            raise ValueError(f"key {key!r} is given twice")
        record[key] = value
    return record


def json_option(text: str) -> dict[str, Any]:
    """The object of a --json option, or a clear stop."""
    try:
        value = parse_json(text)
    except ValueError as error:
        fail(f"--json is {error}")
    if not isinstance(value, dict):
        fail("--json must be a JSON object")
    return value


@contextmanager
def database() -> Iterator[Engine]:
    """The engine of the configured database (GOVOPS_DATABASE_URL or ./govops.db),
    migrated; disposed after."""
    from govops.config import Settings  # noqa: PLC0415
    from govops.platform.storage.database import make_engine, migrate  # noqa: PLC0415

    try:
        engine = make_engine(Settings.from_env().database_url)
    except Exception as error:  # a bad setting or URL, a missing driver
        fail(f"cannot open the database: {error}")
    try:
        try:
            migrate(engine)
        except Exception as error:
            fail(f"cannot open the database: {error}")
        yield engine
    finally:
        engine.dispose()
