"""`govops programme ...`: a programme plan's budget checked, its activities listed."""

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
from govops.platform.cli.output import fail, to_json
from govops.platform.cli.tabular import read_records
from govops.programmes.cli.progress_inputs import progress_json, progress_records
from govops.programmes.service import finding_json, plan_check_json

STYLES: dict[str, Style] = {"vi": "vi", "en": "en", "auto": "auto"}

app = typer.Typer(
    help="Programme plans: budget check, activities, progress (Vietnamese first, --lang en).",
    no_args_is_help=True,
)
PackArg = Annotated[str, typer.Argument(metavar="PACK", help="A built-in pack id or a folder.")]
LangOption = Annotated[
    str, typer.Option("--lang", help="vi (Vietnamese, the default) or en (English).")
]


def language(value: str) -> str:
    if value not in ("vi", "en"):
        fail(f"--lang phải là vi hoặc en / --lang must be vi or en, not {value!r}")
    return value


def programme_of(pack: Pack, lang: str) -> Programme:
    if pack.programme is None:
        fail(
            f"gói {pack.id} không có kế hoạch chương trình (programme.yaml)"
            if lang == "vi"
            else f"pack {pack.id} has no programme plan (programme.yaml)"
        )
    return pack.programme


@app.command("check-budget")
def check_budget_command(pack: PackArg, lang: LangOption = "vi") -> None:
    """Recompute every budget line, subtotal and total from unit costs and quantities, and
    list every disagreement between the plan's text and its appendix (JSON).

    Exit code 0 when the figures add up (text-versus-appendix findings are listed but do
    not fail the check), 1 when a printed figure is wrong, 2 on bad input."""
    lang = language(lang)
    checked = check_plan(programme_of(load(pack), lang))
    print(to_json(plan_check_json(checked, lang), indent=2))
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
    lang: LangOption = "vi",
    encoding: Annotated[str, typer.Option(help="Text encoding of a CSV file.")] = "utf-8",
    numbers: Annotated[
        str,
        typer.Option(
            "--numbers",
            help="How figures are written: vi (1.234,5: the default), en (1,234.5) or auto.",
        ),
    ] = "vi",
) -> None:
    """Planned vs done vs spent per budget line and year, summed over the areas that
    reported, against the line's budget (JSON Lines; warnings for overspending)."""
    lang = language(lang)
    programme = programme_of(load(pack), lang)
    style = STYLES.get(numbers)
    if style is None:
        fail(f"--numbers phải là vi, en hoặc auto / --numbers must be vi, en or auto: {numbers!r}")
    read = progress_records(read_records(records, encoding), lang, style)
    try:
        summary, findings = summarise(programme, read)
    except ProgressError as error:
        fail(error.vi if lang == "vi" else error.en)
    for item in summary:
        print(to_json(progress_json(item)))
    for finding in findings:
        print(to_json({"finding": finding_json(finding, lang)}))
