"""The govops contender: batch evaluation of the pack's grading table, explained decisions."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import polars as pl

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.batch import compile_batch
from govops.lawcode.rules.batch_inputs import prepare_inputs
from govops.lawcode.rules.decision import Decider
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from grading_data import AS_OF
from grading_timing import Reference, Result, best_of, frame_check

DECISIONS = 2_000
T = TypeVar("T")


@dataclass
class Govops:
    result: Result | None = None
    latency_ms: float | None = None
    errors: list[str] = field(default_factory=list)

    def attempt(self, stage: str, run: Callable[[], T]) -> T | None:
        try:
            return run()
        except Exception as error:
            self.errors.append(f"govops {stage} failed: {type(error).__name__}: {error}")
            print(self.errors[-1])
            return None


def govops_batch(
    table: RuleTable, params: ParameterSnapshot, df: pl.DataFrame, ref: Reference, repeat: int
) -> Result:
    start = time.perf_counter()
    evaluator = compile_batch(table, params)
    print(f"govops compile_batch: {(time.perf_counter() - start) * 1e3:.1f} ms (not in the rate)")
    seconds, out = best_of(lambda: evaluator.evaluate(df), repeat)
    prepared = prepare_inputs(df, table.inputs).frame
    outcome, clause = evaluator.expressions()
    rules_only, _ = best_of(lambda: prepared.lazy().select(outcome, clause).collect(), repeat)
    print(
        f"govops rules alone (inputs already checked): {df.height / rules_only:,.0f} records/s "
        "(not in the table: the table's govops figure includes the input checks)"
    )
    return Result("govops", df.height, seconds, True, frame_check(ref, out, True))


def run_govops(df: pl.DataFrame, ref: Reference, repeat: int) -> Govops:
    run = Govops()
    pack: Pack | None = run.attempt("pack", lambda: load_builtin_pack("cn-county-mass-incident"))
    if pack is None:
        return run
    table, params = pack.tables["grade"], pack.parameters.as_of(AS_OF)
    run.result = run.attempt("batch", lambda: govops_batch(table, params, df, ref, repeat))
    records = df.head(DECISIONS).to_dicts()
    # The table is prepared for the date once, as a running service holds it; each timed
    # call coerces the record, evaluates every clause and builds the explained answer.
    decider = Decider(table, params)
    run.latency_ms = run.attempt(
        "decide",
        lambda: decision_latency(lambda r: decider.decide(r).as_dict(explain=True), records),
    )
    return run


def decision_latency(decide_one: Callable[[dict[str, Any]], Any], records: list) -> float:
    decide_one(records[0])
    timings = []
    for record in records:
        start = time.perf_counter_ns()
        decide_one(record)
        timings.append(time.perf_counter_ns() - start)
    return statistics.median(timings) / 1e6
