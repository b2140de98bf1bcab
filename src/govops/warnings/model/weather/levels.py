"""The rainstorm signal table applied to arrays: each outcome's clauses are single lower
bounds on one accumulation (rain_3h >= 100 ...), so an area's level is found for every
minute at once. The result is checked against single decisions in the tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import numpy as np
import numpy.typing as npt

from govops.lawcode.dated.parameters import ParameterSnapshot
from govops.lawcode.rules.conditions import InRange, leaves, resolve_interval
from govops.lawcode.rules.tables import HitPolicy, RuleTable
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg

NO_LEVEL = -1  # no outcome applies


class UnsupportedTableError(ValueError):
    """A table whose clauses are not single lower bounds cannot be applied to arrays; why,
    as a message (translated where it is shown)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class SignalClause:
    outcome: str
    clause_id: str
    cite: Citation
    input: str
    threshold: Decimal
    inclusive: bool


@dataclass(frozen=True)
class SignalRules:
    """The clauses in the table's order (highest outcome first) and the outcomes, highest
    first; level codes index `outcomes`."""

    clauses: tuple[SignalClause, ...]
    outcomes: tuple[str, ...]

    @classmethod
    def from_table(cls, table: RuleTable, parameters: ParameterSnapshot) -> SignalRules:
        if table.hit is not HitPolicy.FIRST:
            raise UnsupportedTableError(msg("table {table} is not first-hit", table=repr(table.id)))
        clauses = []
        for outcome in table.outcomes:
            for clause in outcome.clauses:
                found = list(leaves(clause.condition))
                leaf = found[0] if len(found) == 1 else None
                if not isinstance(leaf, InRange):
                    raise UnsupportedTableError(
                        msg("clause {clause} is not one range test", clause=repr(clause.id))
                    )
                interval = resolve_interval(leaf, parameters)
                if interval.lower is None or interval.upper is not None:
                    raise UnsupportedTableError(
                        msg("clause {clause} is not a lower bound", clause=repr(clause.id))
                    )
                clauses.append(
                    SignalClause(
                        outcome.value,
                        clause.id,
                        clause.cite,
                        leaf.input,
                        Decimal(interval.lower.value),
                        interval.lower.inclusive,
                    )
                )
        return cls(tuple(clauses), tuple(o.value for o in table.outcomes))

    def classify(
        self, values: Mapping[str, npt.NDArray[np.integer]], scale: int = 100
    ) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.int8]]:
        """Level codes (index into `outcomes`, NO_LEVEL for none) and deciding clause codes
        (index into `clauses`, NO_LEVEL for none), element by element.

        `values` are whole multiples of 1/`scale` millimetre (hundredths by default), so
        sums and comparisons are exact: 100 mm reached is never 99.99999 in binary. A
        negative value (the missing mark) meets no bound."""
        shape = np.shape(next(iter(values.values())))
        level = np.full(shape, NO_LEVEL, dtype=np.int8)
        deciding = np.full(shape, NO_LEVEL, dtype=np.int8)
        rank = {name: i for i, name in enumerate(self.outcomes)}
        for index in range(len(self.clauses) - 1, -1, -1):  # lowest first; higher overwrite
            clause = self.clauses[index]
            column = values[clause.input]
            bound = clause.threshold * scale
            if clause.inclusive:
                met = column >= int(bound.to_integral_value(rounding=ROUND_CEILING))
            else:
                met = column > int(bound.to_integral_value(rounding=ROUND_FLOOR))
            level[met] = rank[clause.outcome]
            deciding[met] = index
        return level, deciding
