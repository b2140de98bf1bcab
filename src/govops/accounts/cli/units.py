"""`govops units import|list|history`: the organisation's units. A CSV file has the
columns code, parent, kind, name_zh-Hans / name_vi / name_en (at least one) and packs;
a unit already known is recorded again only when it changed (renamed, moved, other
packs), and keeps its history. On a new system, before any user exists, the first import
needs no --as."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import typer

from govops.accounts.cli.context import AsOption, accounts, acting, refusals, translator_for
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import decode_text, fail, to_json

app = typer.Typer(help="The organisation's units: import from CSV, list, a unit's history.")


@app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="The CSV file of units.")],
    encoding: Annotated[str, typer.Option("--encoding", help="Its text encoding.")] = "utf-8",
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Record the units of a CSV file (new or changed ones only)."""
    from govops.accounts.model.units import units_of_rows  # noqa: PLC0415

    t = translator_for(lang)
    try:
        data = path.read_bytes()
    except OSError as error:
        fail(t._("cannot read {path}: {error}", path=str(path), error=error.strerror or str(error)))
    text = decode_text(data, str(path), encoding, t)
    rows = [(line + 2, row) for line, row in enumerate(csv.DictReader(io.StringIO(text)))]
    with accounts(t) as found:
        actor = (
            None
            if as_user is None and not found.accounts.has_users()
            else acting(found, as_user, t)
        )
        tree = found.units.tree()
        units = refusals(lambda: units_of_rows(rows, tree), t)
        recorded = refusals(lambda: found.units.record(actor, units), t)
    print(t.ngettext("{count} unit recorded", "{count} units recorded", len(recorded)))


@app.command("list")
def list_command(lang: LanguageOption = None) -> None:
    """Every unit as it is now (JSON), each under its parent."""
    t = translator_for(lang)
    with accounts(t) as found:
        tree = found.units.tree()
    listed = [
        {
            "code": u.code,
            "parent": u.parent,
            "kind": u.kind,
            "names": dict(u.names),
            "packs": list(u.packs),
        }
        for u in tree
    ]
    print(to_json(listed, indent=2))


@app.command("history")
def history_command(
    code: Annotated[str, typer.Argument(help="The unit's code.")], lang: LanguageOption = None
) -> None:
    """Every version of a unit, oldest first (JSON)."""
    t = translator_for(lang)
    with accounts(t) as found:
        versions = found.units.history(code)
    if not versions:
        fail(t._("no unit {code}", code=repr(code)))
    listed = [
        {
            "seq": v.seq,
            "recorded_at": v.recorded_at.isoformat(),
            "actor": v.actor,
            "parent": v.unit.parent,
            "kind": v.unit.kind,
            "names": dict(v.unit.names),
            "packs": list(v.unit.packs),
        }
        for v in versions
    ]
    print(to_json(listed, indent=2))
