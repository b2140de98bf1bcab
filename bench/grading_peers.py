"""Hand-written peers: numpy, polars and rule-engine versions of the grading table.

numpy and rule-engine return codes: outcome 0 = none, 1 = I, 2 = II, 3 = III;
clause 0 = none, k = CLAUSE_IDS[k - 1]. polars returns labels as Enum columns (null = none).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from functools import reduce
from typing import Any

import numpy as np
import polars as pl
import rule_engine

from grading_rules import (
    CLAUSE_IDS,
    CLAUSE_LEVEL_CODES,
    LEVELS,
    clause_conditions,
    rule_texts,
)

_CLAUSE_TO_LEVEL = np.asarray(CLAUSE_LEVEL_CODES, dtype=np.int8)
LEVEL_DTYPE = pl.Enum(LEVELS)
CLAUSE_DTYPE = pl.Enum(CLAUSE_IDS)


def _any(conditions: Sequence[Any]) -> Any:
    return reduce(operator.or_, conditions)


def numpy_outcome(a: Mapping[str, np.ndarray], t: Mapping[str, Any]) -> np.ndarray:
    conditions = clause_conditions(a.__getitem__, t)
    levels = [_any(conditions[level]) for level in LEVELS]
    codes = [np.int8(code) for code in range(1, len(LEVELS) + 1)]
    return np.select(levels, codes, np.int8(0))


def numpy_provenance(
    a: Mapping[str, np.ndarray], t: Mapping[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    conditions = clause_conditions(a.__getitem__, t)
    ordered = [cond for level in LEVELS for cond in conditions[level]]
    codes = [np.int8(code) for code in range(1, len(ordered) + 1)]
    clause = np.select(ordered, codes, np.int8(0))
    return _CLAUSE_TO_LEVEL[clause], clause


def _first_match(conditions: Sequence[pl.Expr], labels: Sequence[str], dtype: pl.Enum) -> pl.Expr:
    labelled = (
        pl.when(condition).then(pl.lit(label, dtype=dtype))
        for condition, label in zip(conditions, labels, strict=True)
    )
    return pl.coalesce(labelled)


def polars_outcome(df: pl.DataFrame, t: Mapping[str, Any]) -> pl.DataFrame:
    conditions = clause_conditions(pl.col, t)
    levels = [pl.any_horizontal(conditions[level]) for level in LEVELS]
    return df.lazy().select(outcome=_first_match(levels, LEVELS, LEVEL_DTYPE)).collect()


def polars_provenance(df: pl.DataFrame, t: Mapping[str, Any]) -> pl.DataFrame:
    conditions = clause_conditions(pl.col, t)
    levels = [pl.any_horizontal(conditions[level]) for level in LEVELS]
    ordered = [cond for level in LEVELS for cond in conditions[level]]
    return (
        df.lazy()
        .select(
            outcome=_first_match(levels, LEVELS, LEVEL_DTYPE),
            clause=_first_match(ordered, CLAUSE_IDS, CLAUSE_DTYPE),
        )
        .collect()
    )


def compile_rules(t: Mapping[str, Any]) -> list[rule_engine.Rule]:
    return [rule_engine.Rule(text) for _, text in rule_texts(t)]


def rule_engine_grade(
    rules: Sequence[rule_engine.Rule], records: Sequence[dict[str, Any]]
) -> tuple[np.ndarray, np.ndarray]:
    clause = np.zeros(len(records), dtype=np.int8)
    for i, record in enumerate(records):
        clause[i] = next((k for k, rule in enumerate(rules, 1) if rule.matches(record)), 0)
    return _CLAUSE_TO_LEVEL[clause], clause
