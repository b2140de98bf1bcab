"""`govops indicators assess PACK FIGURES`: where a plan's indicators stand for each unit,
from a sheet of yearly figures (CSV or XLSX: unit, indicator, year, value, source), with the
reason in words; `--report` writes the mid-term and final evaluation as DOCX. In Chinese
unless --lang or the locale says otherwise."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from govops.cli.context import load
from govops.lawcode.plans.evaluation import ReportedFigure, Standing, standings
from govops.lawcode.plans.indicators import STATUS_WORDS, Assessment, Indicator
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator
from govops.platform.reports.evaluation import evaluation_docx
from govops.platform.sheets import SheetError, read_rows
from govops.programmes.model.indicator_figures import read_figures

app = typer.Typer(
    help="A plan's indicators against its targets, from yearly figures (in Chinese unless "
    "--lang or the locale says otherwise).",
    no_args_is_help=True,
)
PackArg = Annotated[str, typer.Argument(metavar="PACK", help="A built-in pack id or a folder.")]
FiguresArg = Annotated[
    Path,
    typer.Argument(
        metavar="FIGURES",
        help="A .csv or .xlsx sheet with the columns unit, indicator, year, value, source.",
    ),
]


@app.command("assess")
def assess_command(  # noqa: PLR0913, PLR0917 (one parameter per command-line option)
    pack: PackArg,
    figures: FiguresArg,
    year: Annotated[int | None, typer.Option(help="As of the end of this year.")] = None,
    unit: Annotated[str | None, typer.Option(help="Only this unit's standing.")] = None,
    report: Annotated[
        Path | None, typer.Option(help="Write the mid-term and final evaluation (.docx).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    encoding: Annotated[str, typer.Option(help="Text encoding of a CSV file.")] = "utf-8",
    lang: LanguageOption = None,
) -> None:
    """Each unit's standing on every indicator as of a year (default: the latest year
    reported), from the figures; exit 2 with every refused row when one is refused."""
    t = command_translator(lang, ZH_HANS)
    plan = load(pack, t)
    if not plan.indicators:
        fail(t._("pack {pack} has no indicators (indicators.yaml)", pack=plan.id))
    reported = _read(plan, figures, encoding, t)
    if report is not None:
        _write(report, evaluation_docx(plan, reported, t), t)
    chosen = [f for f in reported if unit is None or f.unit == unit]
    if unit is not None and not chosen:
        fail(t._("no figure of unit {unit} in {path}", unit=repr(unit), path=str(figures)))
    last = plan.indicators[0].last_year
    as_of = year if year is not None else min(max((f.year for f in chosen), default=last), last)
    found = standings(plan.indicators, chosen, as_of)
    if json_out:
        print(to_json([_json(s, plan.indicators, t) for s in found], indent=2))
    else:
        for standing in found:
            print(_text(standing, plan.indicators, as_of, t))


def _read(plan: Pack, path: Path, encoding: str, t: Translator) -> list[ReportedFigure]:
    try:
        rows = read_rows(path.read_bytes(), path.name, encoding)
    except OSError as error:
        fail(t._("cannot read {path}: {error}", path=str(path), error=error.strerror or str(error)))
    except SheetError as error:
        fail(t.say(error.message))
    except (LookupError, UnicodeDecodeError):
        fail(t._("{path} is not text in {encoding}", path=str(path), encoding=encoding))
    kept, refused = read_figures(((r.line, r.cells) for r in rows), plan.indicators)
    for refusal in refused:
        said = t._(
            "line {line}, column {column}: {problem}",
            line=str(refusal.line),
            column=refusal.column,
            problem=t.say(refusal.message),
        )
        print(f"govops: {said}", file=sys.stderr)
    if refused:
        fail(
            t.ngettext(
                "{count} row refused: nothing assessed",
                "{count} rows refused: nothing assessed",
                len({r.line for r in refused}),
            )
        )
    return kept


def _write(path: Path, content: bytes, t: Translator) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        fail(
            t._("cannot write {path}: {error}", path=str(path), error=error.strerror or str(error))
        )


def _text(standing: Standing, indicators: tuple[Indicator, ...], year: int, t: Translator) -> str:
    lines = [t._("{unit}, as of the end of {year}:", unit=standing.unit, year=str(year))]
    for indicator, got in zip(indicators, standing.assessments, strict=True):
        line = t._(
            "{indicator}: {status}: {reason} [{cite}]",
            indicator=indicator.id,
            status=t._(STATUS_WORDS[got.status]),
            reason=t.say(got.reason),
            cite=str(indicator.cite),
        )
        lines.append(f"  {line}")
    return "\n".join(lines)


def _json(
    standing: Standing, indicators: tuple[Indicator, ...], t: Translator
) -> dict[str, object]:
    return {
        "unit": standing.unit,
        "indicators": [
            _assessment(i, a, t) for i, a in zip(indicators, standing.assessments, strict=True)
        ],
    }


def _assessment(indicator: Indicator, got: Assessment, t: Translator) -> dict[str, object]:
    return {
        "indicator": indicator.id,
        "year": got.year,
        "target": indicator.target.written,
        "measure": indicator.measure.value,
        "status": got.status.value,
        "figure": None if got.figure is None else format(got.figure, "f"),
        "reason": t.say(got.reason),
        "cite": str(indicator.cite),
    }
