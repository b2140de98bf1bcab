"""What the commands read: JSON given by the user (exact numbers, no key twice) and the
configured database, migrated to the newest schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govops.lawcode.texts.messages import N_, Message, msg
from govops.platform.cli.output import fail, translator_or_default
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from sqlalchemy import Engine

# What the json module says, in words a reader of any language is given.
_JSON_PROBLEMS = {
    "Expecting value": N_("a value is expected"),
    "Expecting ',' delimiter": N_("a comma is expected"),
    "Expecting ':' delimiter": N_("a colon is expected"),
    "Expecting property name enclosed in double quotes": (  # i18n: not shown (a key)
        N_("a key in double quotes is expected")
    ),
    "Unterminated string starting at": N_("a string is not closed"),  # i18n: not shown
    "Extra data": N_("more text follows the JSON value"),
    "Invalid control character at": N_("a control character inside a string"),  # i18n: not shown
}


class JsonInputError(ValueError):
    """Text that is not the JSON a command reads; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def parse_json(text: str) -> object:
    """Numbers are read as exact Decimals, never floats; a key given twice is refused.
    Raises JsonInputError saying what is wrong."""
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as error:
        problem = _JSON_PROBLEMS.get(error.msg)
        if problem is None:
            raise JsonInputError(
                msg("not valid JSON at column {column}", column=str(error.colno))
            ) from None
        raise JsonInputError(
            msg(
                "not valid JSON: {problem} at column {column}",
                problem=Message(problem),
                column=str(error.colno),
            )
        ) from None
    except RecursionError:
        raise JsonInputError(msg("not valid JSON: nested too deeply")) from None
    except JsonInputError:
        raise
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise JsonInputError(msg("not valid JSON: a number of thousands of digits")) from None
        raise JsonInputError(msg("not valid JSON: {error}", error=str(error))) from None


def _no_repeated_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    record: dict[str, object] = {}
    for key, value in pairs:
        if key in record:
            raise JsonInputError(msg("key {key} is given twice", key=repr(key)))
        record[key] = value
    return record


def json_option(text: str, t: Translator | None = None) -> dict[str, Any]:
    """The object of a --json option, or a clear stop."""
    said = translator_or_default(t)
    try:
        value = parse_json(text)
    except JsonInputError as error:
        fail(said._("--json: {problem}", problem=error.message))
    if not isinstance(value, dict):
        fail(said._("--json must be a JSON object"))
    return value


@contextmanager
def database(t: Translator | None = None) -> Iterator[Engine]:
    """The engine of the configured database (GOVOPS_DATABASE_URL or ./govops.db),
    migrated; disposed after."""
    from govops.config import Settings  # noqa: PLC0415
    from govops.platform.storage.database import make_engine, migrate  # noqa: PLC0415

    try:
        engine = make_engine(Settings.from_env().database_url)
    except Exception as error:  # a bad setting or URL, a missing driver
        fail(_cannot_open(t, error))
    try:
        try:
            migrate(engine)
        except Exception as error:
            fail(_cannot_open(t, error))
        yield engine
    finally:
        engine.dispose()


def _cannot_open(t: Translator | None, error: Exception) -> str:
    said = translator_or_default(t)
    problem = getattr(error, "message", None)
    shown = said.say(problem) if isinstance(problem, Message) else str(error)
    return said._("cannot open the database: {error}", error=shown)
