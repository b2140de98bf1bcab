"""Timing and checking shared by the grading benchmark's contenders."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from grading_rules import CLAUSE_IDS, LEVELS


@dataclass
class Result:
    name: str
    count: int
    seconds: float
    provenance: bool
    identical: bool

    @property
    def rate(self) -> float:
        return self.count / self.seconds


@dataclass
class Reference:
    outcome: np.ndarray
    clause: np.ndarray

    def check(self, outcome: np.ndarray, clause: np.ndarray | None = None) -> bool:
        n = len(outcome)
        same = np.array_equal(outcome, self.outcome[:n])
        return same and (clause is None or np.array_equal(clause, self.clause[:n]))


def yes(flag: bool) -> str:
    return "yes" if flag else "no"


def print_against_peers(
    runs: list[tuple[str, float, Any]], count: int, per: str, mismatch: str | None, target: str
) -> None:
    """The table of contenders (the first is govops) with their rate of `per` a second,
    their ratio to govops and whether their results were identical, then the target."""
    head = f"{'contender':<10} {'seconds':>8} {per + '/s':>13} {'govops x':>9} {'identical':>9}"
    print(head)
    print("-" * len(head))
    best = runs[0][1]
    for name, seconds, _ in runs:
        identical = name == "govops" or mismatch is None
        rate, ratio = count / seconds, seconds / best
        print(f"{name:<10} {seconds:>8.2f} {rate:>13,.1f} {ratio:>9.2f} {yes(identical):>9}")
    print("govops x = contender seconds / govops seconds (above 1: govops is faster)")
    met = mismatch is None and all(best <= seconds for _, seconds, _ in runs)
    print(f"{target}: {'met' if met else 'missed'}")


def best_of(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        out = None
        gc.collect()
        start = time.perf_counter()
        out = run()
        best = min(best, time.perf_counter() - start)
    return best, out


def codes(frame: pl.DataFrame, column: str, labels: tuple[str, ...]) -> np.ndarray:
    mapping = {label: code for code, label in enumerate(labels, start=1)}
    series = frame[column].cast(pl.String)
    return series.replace_strict(mapping, default=0, return_dtype=pl.Int8).to_numpy()


def frame_check(ref: Reference, frame: pl.DataFrame, provenance: bool) -> bool:
    clause = codes(frame, "clause", CLAUSE_IDS) if provenance else None
    return ref.check(codes(frame, "outcome", LEVELS), clause)
