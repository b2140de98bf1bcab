"""`govops decide`: one JSON object or JSON Lines on stdin, one JSON answer per record."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated

import typer

from govops.cli.context import as_of_option, load, resolve_as_of
from govops.cli.output import fail, to_json
from govops.lawcode.decision import Decider
from govops.lawcode.inputs import InputError
from govops.lawcode.parameters import ParameterError


def decide_command(
    pack: Annotated[str, typer.Argument(help="A built-in pack id or a pack folder.")],
    rule: Annotated[str, typer.Argument(help="The rule table, e.g. grade or route.")],
    as_of: as_of_option = None,
    explain: Annotated[bool, typer.Option("--explain", help="Add the trace and why-not.")] = False,
) -> None:
    """Decide records read from stdin; a bad record gets an error line, exit status 2."""
    loaded = load(pack)
    try:
        table = loaded.table(rule)
    except KeyError as error:
        fail(str(error.args[0]))
    decider = Decider(table, loaded.parameters.as_of(resolve_as_of(loaded, as_of)))
    failed = False
    for record in read_records(sys.stdin.read()):
        answer = _answer(decider, record, explain)
        failed = failed or "error" in answer
        print(to_json(answer), flush=True)
    if failed:
        raise typer.Exit(2)


def read_records(text: str) -> Iterator[object]:
    """The whole input as one JSON value if it is one (pretty-printed objects are common),
    otherwise one JSON value per non-empty line. A line that is not JSON is yielded as a
    ValueError so that its error is reported in its place."""
    try:
        yield json.loads(text)
        return
    except json.JSONDecodeError:
        pass
    for line in text.splitlines():
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                yield ValueError(f"not valid JSON: {error.msg} at column {error.colno}")


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
