"""`govops pack ...`: list, show, validate, test and analyse packs, in the reader's
language (--lang)."""

from __future__ import annotations

from typing import Annotated

import typer

from govops.cli.context import DEFAULT_LANGUAGE, as_of_option, load, rules_for, said, services, stop
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.rules.analysis import analyse
from govops.lawcode.rules.tables import HitPolicy
from govops.packs import PackError, builtin_pack_ids, load_builtin_pack, pack_folder
from govops.packs.cases import run_cases
from govops.packs.plans.cases import run_programme_cases
from govops.packs.plans.indicator_cases import run_indicator_cases
from govops.packs.plans.register_cases import run_register_cases
from govops.platform.cli.analysis import render_analysis
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail
from govops.platform.cli.pack_render import render_pack
from govops.platform.cli.render import text_of

app = typer.Typer(help="Inspect, check and test packs.", no_args_is_help=True)
PackArg = Annotated[str, typer.Argument(help="A built-in pack id or a pack folder.")]


@app.command("list")
def list_packs(lang: LanguageOption = None) -> None:
    """List the built-in packs."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    for pack_id in builtin_pack_ids():
        pack = load_builtin_pack(pack_id)
        title = text_of(t, pack.title, pack_id)
        print(f"{pack_id}\t{pack.version}\t{pack.jurisdiction}\t{title}")


@app.command()
def show(pack: PackArg, lang: LanguageOption = None) -> None:
    """Show a pack: document, convention, parameters, tables, deadlines, checklists."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    print(render_pack(load(pack, t), t))


@app.command()
def validate(pack: PackArg, lang: LanguageOption = None) -> None:
    """Check a pack against the schema and the citation rules; exit 1 with every problem."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    loaded = load(pack, t, exit_code=1)
    clauses = sum(1 for table in loaded.tables.values() for _ in table.clauses())
    print(
        t._(
            "ok: {pack} {version}: {tables}, {clauses}, {parameters}, every value and clause cited",
            pack=loaded.id,
            version=loaded.version,
            tables=t.ngettext("{count} table", "{count} tables", len(loaded.tables)),
            clauses=t.ngettext("{count} clause", "{count} clauses", clauses),
            parameters=t.ngettext(
                "{count} parameter", "{count} parameters", len(loaded.parameters.parameters)
            ),
        )
    )


@app.command()
def test(pack: PackArg, lang: LanguageOption = None) -> None:
    """Run the pack's worked cases (cases/*.yaml, cases/programme/*.yaml for a programme
    plan, cases/indicators/*.yaml for a plan's indicators, cases/registers/*.yaml for its
    registers' cadences and coverage); exit 1 if any fails."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    loaded = load(pack, t, exit_code=1)
    folder = pack_folder(pack)
    try:
        results = [
            *run_cases(loaded, folder, services().adapters()),
            *run_programme_cases(loaded, folder),
            *run_indicator_cases(loaded, folder),
            *run_register_cases(loaded, folder),
        ]
    except PackError as error:
        stop(t, error, 1)
    if not results:
        fail(t._("pack {pack} has no worked cases (cases/*.yaml)", pack=repr(loaded.id)), 1)
    for result in results:
        print(result.shown(t))
    failed = sum(not r.passed for r in results)
    print(t._("{passed} passed, {failed} failed", passed=len(results) - failed, failed=failed))
    if failed:
        raise typer.Exit(1)


@app.command("analyse")
def analyse_command(pack: PackArg, as_of: as_of_option = None, lang: LanguageOption = None) -> None:
    """Report overlaps between outcomes and holes in numeric ranges of each first-hit table."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    loaded = load(pack, t)
    parameters = rules_for(loaded, as_of, t)
    for table in loaded.tables.values():
        if table.hit is HitPolicy.FIRST:
            try:
                analysis = analyse(table, parameters)
            except ParameterError as error:
                fail(t._("table {table}: {problem}", table=table.id, problem=said(t, error)))
            print(render_analysis(table, analysis, t))
