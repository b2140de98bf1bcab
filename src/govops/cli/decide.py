"""`govops decide`: one JSON object or JSON Lines on stdin, one JSON answer per record."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated

import typer

from govops.cli.context import as_of_option, encoding_option, load, rules_for
from govops.cli.output import decode_text, fail, to_json
from govops.lawcode.decision import Decider
from govops.lawcode.inputs import InputError
from govops.lawcode.parameters import ParameterError


def decide_command(
    pack: Annotated[str, typer.Argument(help="A built-in pack id or a pack folder.")],
    rule: Annotated[str, typer.Argument(help="The rule table, e.g. grade or route.")],
    as_of: as_of_option = None,
    explain: Annotated[bool, typer.Option("--explain", help="Add the trace and why-not.")] = False,
    encoding: encoding_option = "utf-8",
) -> None:
    """Decide records read from stdin; a bad record gets an error line, exit status 2."""
    loaded = load(pack)
    try:
        table = loaded.table(rule)
    except KeyError as error:
        fail(str(error.args[0]))
    decider = Decider(table, rules_for(loaded, as_of))
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    text = decode_text(sys.stdin.buffer.read(), "stdin", encoding)
    if not text.strip():
        fail("no record on stdin: give one JSON object, or JSON Lines")
    failed = False
    for record in read_json_records(text):
        answer = _answer(decider, record, explain)
        failed = failed or "error" in answer
        print(to_json(answer), flush=True)
    if failed:
        raise typer.Exit(2)


def read_json_records(text: str) -> Iterator[object]:
    """The whole input as one JSON value if it is one (pretty-printed objects are common),
    otherwise one JSON value per non-empty line. A line that cannot be read is yielded as a
    ValueError so that its error is reported in its place."""
    try:
        yield _parse(text)
        return
    except ValueError:
        pass
    for line in text.splitlines():
        if line.strip():
            try:
                yield _parse(line)
            except ValueError as error:
                yield error


def _parse(text: str) -> object:
    """Numbers are read as exact Decimals, never floats; a key given twice is refused."""
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


def _answer(decider: Decider, record: object, explain: bool) -> dict[str, object]:
    if isinstance(record, ValueError):
        return _error(None, str(record))
    if not isinstance(record, dict):
        return _error(None, "each record must be a JSON object")
    try:
        return decider.decide(record).as_dict(explain)
    except InputError as error:
        return _error(error.field, error.message)
    except ParameterError as error:
        return _error(None, str(error))


def _error(field: str | None, message: str) -> dict[str, object]:
    return {"error": {"field": field, "message": message}}
