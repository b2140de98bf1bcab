"""`govops pack ...`: list, show, validate, test and analyse packs."""

from __future__ import annotations

from typing import Annotated

import typer

from govops.cli.context import as_of_option, load, rules_for, services
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.analysis import analyse
from govops.lawcode.rules.tables import HitPolicy
from govops.packs import PackError, builtin_pack_ids, load_builtin_pack, pack_folder
from govops.packs.cases import run_cases
from govops.packs.plans.cases import run_programme_cases
from govops.platform.cli.output import fail
from govops.platform.cli.render import render_analysis, render_pack

app = typer.Typer(help="Inspect, check and test packs.", no_args_is_help=True)
PackArg = Annotated[str, typer.Argument(help="A built-in pack id or a pack folder.")]


@app.command("list")
def list_packs() -> None:
    """List the built-in packs."""
    for pack_id in builtin_pack_ids():
        pack = load_builtin_pack(pack_id)
        title = pack.title.get(pack.language, pack_id)
        print(f"{pack_id}\t{pack.version}\t{pack.jurisdiction}\t{title}")


@app.command()
def show(pack: PackArg) -> None:
    """Show a pack: document, convention, parameters, tables, deadlines, checklists."""
    print(render_pack(load(pack)))


@app.command()
def validate(pack: PackArg) -> None:
    """Check a pack against the schema and the citation rules; exit 1 with every problem."""
    loaded = load(pack, exit_code=1)
    clauses = sum(1 for t in loaded.tables.values() for _ in t.clauses())
    print(
        f"ok: {loaded.id} {loaded.version}: {len(loaded.tables)} tables, {clauses} clauses, "
        f"{len(loaded.parameters.parameters)} parameters, every value and clause cited"
    )


@app.command()
def test(pack: PackArg) -> None:
    """Run the pack's worked cases (cases/*.yaml, and cases/programme/*.yaml for a
    programme plan); exit 1 if any fails."""
    loaded = load(pack, exit_code=1)
    folder = pack_folder(pack)
    try:
        results = [
            *run_cases(loaded, folder, services().adapters()),
            *run_programme_cases(loaded, folder),
        ]
    except PackError as error:
        fail(str(error), 1)
    if not results:
        fail(f"pack {loaded.id!r} has no worked cases (cases/*.yaml)", 1)
    for result in results:
        print(result)
    failed = sum(not r.passed for r in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise typer.Exit(1)


@app.command("analyse")
def analyse_command(pack: PackArg, as_of: as_of_option = None) -> None:
    """Report overlaps between outcomes and holes in numeric ranges of each first-hit table."""
    loaded = load(pack)
    parameters = rules_for(loaded, as_of)
    for table in loaded.tables.values():
        if table.hit is HitPolicy.FIRST:
            try:
                analysis = analyse(table, parameters)
            except ParameterError as error:
                fail(f"table {table.id}: {error}")
            print(render_analysis(table, analysis))
