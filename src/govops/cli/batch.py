"""`govops batch` and `govops what-if`: decide whole files of records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.console import Console
from rich.progress import Progress

from govops.cli.context import as_of_option, encoding_option, load, rules_for
from govops.lawcode.dated.parameters import ParameterError, ParameterSnapshot
from govops.lawcode.figures.zh import FigureError, parse_figure
from govops.lawcode.rules.batch import BatchEvaluator, BatchInputError, compile_batch
from govops.lawcode.rules.batch_inputs import ColumnReport, check_columns
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.rules.whatif import what_if
from govops.lawcode.sources.pack import Pack
from govops.platform.cli.output import fail, to_json
from govops.platform.cli.tabular import check_format, read_records, write_records

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
) -> None:
    """Decide every record of INPUT; OUTPUT gets its columns plus `outcome`, `clause` (the
    deciding clause) and `approximate` (inputs given as approximate figures)."""
    check_format(output_path, "output")
    loaded, table = _table(pack, rule)
    evaluator = _evaluator(table, rules_for(loaded, as_of))
    records = read_records(input_path, encoding)
    replaced = [c for c in RESULT_COLUMNS if c in records.columns]
    records = records.drop(replaced)
    report = _columns(records, table)
    results = _evaluate_in_chunks(evaluator, records.rename(report.renamed))
    write_records(pl.concat([records, results], how="horizontal"), output_path)
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
) -> None:
    """List the records of INPUT whose outcome changes when one parameter changes (JSON Lines)."""
    loaded, table = _table(pack, rule)
    name, _, raw = change.partition("=")
    parameters = rules_for(loaded, as_of)
    if name not in parameters:
        fail(f"--set: no parameter {name!r} in force (known: {', '.join(parameters)})")
    try:
        value = parse_figure(raw).value
    except FigureError as error:
        fail(f"--set: {error}")
    records = read_records(input_path, encoding)
    report = _columns(records, table)
    try:
        changed = what_if(table, records.rename(report.renamed), parameters, name, value)
    except (ValueError, ParameterError) as error:
        fail(str(error))
    for row in changed.iter_rows(named=True):
        print(to_json(row))


def _table(pack: str, rule: str) -> tuple[Pack, RuleTable]:
    loaded = load(pack)
    try:
        return loaded, loaded.table(rule)
    except KeyError as error:
        fail(str(error.args[0]))


def _columns(records: pl.DataFrame, table: RuleTable) -> ColumnReport:
    try:
        return check_columns(records.columns, table.inputs)
    except BatchInputError as error:
        fail(str(error))


def _evaluator(table: RuleTable, parameters: ParameterSnapshot) -> BatchEvaluator:
    try:
        return compile_batch(table, parameters)
    except (ValueError, ParameterError) as error:
        fail(str(error))


def _evaluate_in_chunks(evaluator: BatchEvaluator, records: pl.DataFrame) -> pl.DataFrame:
    """Large inputs go by chunks so a progress bar can show where the work is. An error
    stops the run after the bar is closed, so that the message stands alone."""
    parts: list[pl.DataFrame] = []
    problem: BatchInputError | None = None
    with Progress(console=Console(stderr=True), disable=records.height <= CHUNK_ROWS) as progress:
        task = progress.add_task("deciding", total=records.height)
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
    fail(str(problem))
