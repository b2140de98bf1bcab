"""`govops decide`: one JSON object or JSON Lines on stdin, one JSON answer per record.
The answers are data; an error's `message` is in the command's language (--lang)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from typing import Annotated

import typer

from govops.cli.context import (
    DEFAULT_LANGUAGE,
    as_of_option,
    encoding_option,
    load,
    rules_for,
    services,
    table_of,
)
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.adapters import Adapter
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.inputs import InputError
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.rules.verdict import assess
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.inputs import JsonInputError, parse_json
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import decode_text, fail, to_json
from govops.platform.i18n.translator import Translator


def decide_command(
    pack: Annotated[str, typer.Argument(help="A built-in pack id or a pack folder.")],
    rule: Annotated[str, typer.Argument(help="The rule table, e.g. grade or route.")],
    as_of: as_of_option = None,
    explain: Annotated[bool, typer.Option("--explain", help="Add the trace and why-not.")] = False,
    encoding: encoding_option = "utf-8",
    lang: LanguageOption = None,
) -> None:
    """Decide records read from stdin; a bad record gets an error line, exit status 2."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    loaded = load(pack, t)
    table = table_of(loaded, rule, t)
    adapter = _adapter(table, t)
    decider = RecordDecider(loaded, table, adapter, as_of, t)
    sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    text = decode_text(sys.stdin.buffer.read(), "stdin", encoding, t)
    if not text.strip():
        fail(t._("no record on stdin: give one JSON object, or JSON Lines"))
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
    JsonInputError so that its error is reported in its place."""
    try:
        yield parse_json(text)
        return
    except JsonInputError:
        pass
    for line in text.splitlines():
        if line.strip():
            try:
                yield parse_json(line)
            except JsonInputError as error:
                yield error


def _adapter(table: RuleTable, t: Translator) -> Adapter | None:
    if table.adapter is None:
        return None
    adapters = services().adapters()
    if table.adapter not in adapters:
        fail(
            t._(
                "table {table} needs the record adapter {adapter}, not built in",
                table=repr(table.id),
                adapter=repr(table.adapter),
            )
        )
    return adapters[table.adapter]


class RecordDecider:
    """Decides records on the rules in force on --as-of, or, for a table fed by an adapter,
    on the date the record itself speaks of (its as_of), else today."""

    def __init__(
        self,
        pack: Pack,
        table: RuleTable,
        adapter: Adapter | None,
        as_of: str | None,
        t: Translator,
    ) -> None:
        self.pack, self.table, self.adapter, self.t = pack, table, adapter, t
        self.fixed = rules_for(pack, as_of, t) if as_of is not None or adapter is None else None
        self._by_date: dict[date, Decider] = {}

    def answer(self, record: object, explain: bool) -> dict[str, object]:
        t = self.t
        if isinstance(record, JsonInputError):
            return _error(None, t.say(record.message))
        if not isinstance(record, dict):
            return _error(None, t._("each record must be a JSON object"))
        try:
            return self._decide(record, explain)
        except InputError as error:
            return _error(error.field, t.say(error.message))
        except ParameterError as error:
            return _error(None, t.say(error.message))

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
