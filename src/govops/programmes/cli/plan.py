"""`govops programme ...`: a programme plan's budget checked, its progress summed. Both
speak the language --lang names (zh-Hans, zh-Hant, vi, en), else the shell's, else
GOVOPS_LANGUAGE, else Vietnamese, the plans' own language."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govops.cli.context import load
from govops.lawcode.figures.vi import Style
from govops.lawcode.plans.check import check_plan
from govops.lawcode.plans.programme import Programme
from govops.lawcode.plans.progress import ProgressError, summarise
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.cli.tabular import read_records
from govops.platform.i18n.languages import VI
from govops.platform.i18n.translator import Translator
from govops.programmes.cli.plan_json import finding_json, plan_check_json
from govops.programmes.cli.progress_inputs import progress_json, progress_records

STYLES: dict[str, Style] = {"vi": "vi", "en": "en", "auto": "auto"}
DOCUMENT_LANGUAGE = VI  # the plans' own: for a user who chose none
ZONE = "Asia/Ho_Chi_Minh"

app = typer.Typer(
    help="Programme plans: budget check, progress (in Vietnamese unless --lang or the locale "
    "says otherwise).",
    no_args_is_help=True,
)
PackArg = Annotated[str, typer.Argument(metavar="PACK", help="A built-in pack id or a folder.")]


def speaking(lang: str | None) -> Translator:
    return command_translator(lang, DOCUMENT_LANGUAGE, ZONE)


def programme_of(pack: Pack, t: Translator) -> Programme:
    if pack.programme is None:
        fail(t._("pack {pack} has no programme plan (programme.yaml)", pack=pack.id))
    return pack.programme


@app.command("check-budget")
def check_budget_command(pack: PackArg, lang: LanguageOption = None) -> None:
    """Recompute every budget line, subtotal and total from unit costs and quantities, and
    list every disagreement between the plan's text and its appendix (JSON).

    Exit code 0 when the figures add up (text-versus-appendix findings are listed but do
    not fail the check), 1 when a printed figure is wrong, 2 on bad input."""
    t = speaking(lang)
    checked = check_plan(programme_of(load(pack, t), t))
    print(to_json(plan_check_json(checked, t), indent=2))
    if not checked.budget.adds_up:
        raise typer.Exit(1)


ProgressFile = Annotated[
    Path,
    typer.Argument(
        metavar="PROGRESS.csv",
        help="Columns line,area,year,spent and optionally planned,done (one row per area, "
        "line and year; spent in the budget's unit).",
    ),
]


@app.command("progress")
def progress_command(
    pack: PackArg,
    records: ProgressFile,
    lang: LanguageOption = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of a CSV file.")] = "utf-8",
    numbers: Annotated[
        str,
        typer.Option(
            "--numbers",
            help="How the file writes figures: vi (1.234,5: the default), en (1,234.5) or auto.",
        ),
    ] = "vi",
) -> None:
    """Planned vs done vs spent per budget line and year, summed over the areas that
    reported, against the line's budget (JSON Lines; warnings for overspending)."""
    t = speaking(lang)
    programme = programme_of(load(pack, t), t)
    style = STYLES.get(numbers)
    if style is None:
        fail(t._("--numbers must be vi, en or auto (got {numbers})", numbers=repr(numbers)))
    read = progress_records(read_records(records, encoding, t), t, style)
    try:
        summary, findings = summarise(programme, read)
    except ProgressError as error:
        fail(t.say(error.message))
    for item in summary:
        print(to_json(progress_json(item)))
    for finding in findings:
        print(to_json({"finding": finding_json(finding, t)}))
