"""`govops batch` and `govops what-if`: decide whole files of records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.console import Console
from rich.progress import Progress

from govops.cli.context import (
    DEFAULT_LANGUAGE,
    as_of_option,
    encoding_option,
    load,
    rules_for,
    said,
    table_of,
)
from govops.lawcode.dated.parameters import ParameterError, ParameterSnapshot
from govops.lawcode.figures.zh import FigureError, parse_figure
from govops.lawcode.rules.batch import BatchEvaluator, BatchInputError, compile_batch
from govops.lawcode.rules.batch_inputs import ColumnReport, check_columns, flag_columns
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.rules.whatif import what_if
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.language import LanguageOption, command_translator
from govops.platform.cli.output import fail, to_json
from govops.platform.cli.tabular import check_format, read_records, write_records
from govops.platform.i18n.translator import Translator

CHUNK_ROWS = 1_000_000
RESULT_COLUMNS = ("outcome", "clause", "approximate")
PackArg = Annotated[str, typer.Argument(help="A built-in pack id or a pack folder.")]
RuleArg = Annotated[str, typer.Argument(help="A first-hit rule table, e.g. grade.")]
InputArg = Annotated[Path, typer.Argument(metavar="INPUT", help="Records, .csv or .parquet.")]


def batch_command(
    pack: PackArg,
    rule: RuleArg,
    input_path: InputArg,
    output_path: Annotated[
        Path, typer.Argument(metavar="OUTPUT", help="Result, .csv or .parquet.")
    ],
    as_of: as_of_option = None,
    encoding: encoding_option = "utf-8",
    lang: LanguageOption = None,
) -> None:
    """Decide every record of INPUT; OUTPUT gets its columns plus `outcome`, `clause` (the
    deciding clause) and `approximate` (inputs given as approximate figures)."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    check_format(output_path, "OUTPUT", t)
    loaded, table = _table(pack, rule, t)
    evaluator = _evaluator(table, rules_for(loaded, as_of, t), t)
    records = read_records(input_path, encoding, t, flag_columns(table.inputs))
    replaced = [c for c in RESULT_COLUMNS if c in records.columns]
    records = records.drop(replaced)
    report = _columns(records, table, t)
    results = _evaluate_in_chunks(evaluator, records.rename(report.renamed), t)
    write_records(pl.concat([records, results], how="horizontal"), output_path, t)
    decided = results.filter(pl.col("outcome").is_not_null())
    counts = decided.group_by("outcome").len().sort("outcome").iter_rows()
    summary = {
        "records": records.height,
        "outcomes": {str(outcome): n for outcome, n in counts},
        "undecided": records.height - decided.height,
        "approximate": results["approximate"].is_not_null().sum(),
        "renamed_columns": report.renamed,
        "ignored_columns": list(report.ignored),
        "defaulted_inputs": list(report.defaulted),
        "replaced_columns": replaced,
        "output": str(output_path),
    }
    print(to_json(summary))


def what_if_command(
    pack: PackArg,
    rule: RuleArg,
    input_path: InputArg,
    change: Annotated[str, typer.Option("--set", help="NAME=VALUE: the parameter to change.")],
    as_of: as_of_option = None,
    encoding: encoding_option = "utf-8",
    lang: LanguageOption = None,
) -> None:
    """List the records of INPUT whose outcome changes when one parameter changes (JSON Lines)."""
    t = command_translator(lang, DEFAULT_LANGUAGE)
    loaded, table = _table(pack, rule, t)
    name, _, raw = change.partition("=")
    parameters = rules_for(loaded, as_of, t)
    if name not in parameters:
        fail(
            t._(
                "--set: no parameter {name} in force (known: {known})",
                name=repr(name),
                known=", ".join(parameters),
            )
        )
    try:
        value = parse_figure(raw).value
    except FigureError as error:
        fail(t._("--set: {problem}", problem=said(t, error)))
    records = read_records(input_path, encoding, t, flag_columns(table.inputs))
    report = _columns(records, table, t)
    try:
        changed = what_if(table, records.rename(report.renamed), parameters, name, value)
    except (ValueError, ParameterError) as error:
        fail(said(t, error))
    for row in changed.iter_rows(named=True):
        print(to_json(row))


def _table(pack: str, rule: str, t: Translator) -> tuple[Pack, RuleTable]:
    loaded = load(pack, t)
    return loaded, table_of(loaded, rule, t)


def _columns(records: pl.DataFrame, table: RuleTable, t: Translator) -> ColumnReport:
    try:
        return check_columns(records.columns, table.inputs)
    except BatchInputError as error:
        fail(said(t, error))


def _evaluator(table: RuleTable, parameters: ParameterSnapshot, t: Translator) -> BatchEvaluator:
    try:
        return compile_batch(table, parameters)
    except (ValueError, ParameterError) as error:
        fail(said(t, error))


def _evaluate_in_chunks(
    evaluator: BatchEvaluator, records: pl.DataFrame, t: Translator
) -> pl.DataFrame:
    """Large inputs go by chunks so a progress bar can show where the work is. An error
    stops the run after the bar is closed, so that the message stands alone."""
    parts: list[pl.DataFrame] = []
    problem: BatchInputError | None = None
    with Progress(console=Console(stderr=True), disable=records.height <= CHUNK_ROWS) as progress:
        task = progress.add_task(t._("deciding"), total=records.height)
        for offset in range(0, max(records.height, 1), CHUNK_ROWS):
            chunk = records.slice(offset, CHUNK_ROWS)
            try:
                parts.append(evaluator.evaluate(chunk, first_row=offset + 1))
            except BatchInputError as error:
                problem = error
                break
            progress.advance(task, chunk.height)
        else:
            return pl.concat(parts)
        progress.remove_task(task)
    fail(said(t, problem) if problem is not None else "")
