"""`govops decide`: one JSON object or JSON Lines on stdin, one JSON answer per record."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from typing import Annotated

import typer

from govops.cli.context import as_of_option, encoding_option, load, rules_for, services
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.adapters import Adapter
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.inputs import parse_json
from govops.platform.cli.output import decode_text, fail, to_json


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
    adapter = _adapter(table)
    decider = RecordDecider(loaded, table, adapter, as_of)
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    text = decode_text(sys.stdin.buffer.read(), "stdin", encoding)
    if not text.strip():
        fail("no record on stdin: give one JSON object, or JSON Lines")
    failed = False
    for record in read_json_records(text):
        answer = decider.answer(record, explain)
        failed = failed or "error" in answer
        print(to_json(answer), flush=True)
    if failed:
        raise typer.Exit(2)


def read_json_records(text: str) -> Iterator[object]:
    """The whole input as one JSON value if it is one (pretty-printed objects are common),
    otherwise one JSON value per non-empty line. A line that cannot be read is yielded as a
    ValueError so that its error is reported in its place."""
    try:
        yield parse_json(text)
        return
    except ValueError:
        pass
    for line in text.splitlines():
        if line.strip():
            try:
                yield parse_json(line)
            except ValueError as error:
                yield error


def _adapter(table: RuleTable) -> Adapter | None:
    if table.adapter is None:
        return None
    adapters = services().adapters()
    if table.adapter not in adapters:
        fail(f"table {table.id!r} needs the record adapter {table.adapter!r}, not built in")
    return adapters[table.adapter]


class RecordDecider:
    """Decides records on the rules in force on --as-of, or, for a table fed by an adapter,
    on the date the record itself speaks of (its as_of), else today."""

    def __init__(self, pack: Pack, table: RuleTable, adapter: Adapter | None, as_of: str | None):
        self.pack, self.table, self.adapter = pack, table, adapter
        self.fixed = rules_for(pack, as_of) if as_of is not None or adapter is None else None
        self._by_date: dict[date, Decider] = {}

    def answer(self, record: object, explain: bool) -> dict[str, object]:
        if isinstance(record, ValueError):
            return _error(None, str(record))
        if not isinstance(record, dict):
            return _error(None, "each record must be a JSON object")
        try:
            return self._decide(record, explain)
        except InputError as error:
            return _error(error.field, error.message)
        except ParameterError as error:
            return _error(None, str(error))

    def _decide(self, record: dict[str, object], explain: bool) -> dict[str, object]:
        inputs, day = record, None
        if self.adapter is not None:
            adapted = self.adapter(record)
            inputs, day = adapted.inputs, adapted.as_of
        decision = self._decider(day).decide(inputs)
        answer = decision.as_dict(explain)
        if all(o.severity is not None for o in self.table.outcomes):
            answer |= assess(decision).as_dict(decision)
        return answer

    def _decider(self, day: date | None) -> Decider:
        if self.fixed is not None:
            return self._by_date.setdefault(self.fixed.as_of, Decider(self.table, self.fixed))
        when = day or services().today(self.pack.timezone)
        if when not in self._by_date:
            self._by_date[when] = Decider(self.table, self.pack.rules_as_of(when))
        return self._by_date[when]


def _error(field: str | None, message: str) -> dict[str, object]:
    return {"error": {"field": field, "message": message}}
