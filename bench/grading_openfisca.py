"""openfisca-core peer: one entity, input variables, a `grade` Enum variable.

The thresholds are openfisca Parameters under `grading.*`, built in code from a dict.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from functools import reduce
from typing import Any

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import DateUnit
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from grading_data import COUNT_COLUMNS, FLAG_COLUMNS, HOUR_COLUMNS
from grading_rules import LEVELS, clause_conditions

PERIOD = "2026"
Incident = build_entity("incident", "incidents", "A mass incident", is_person=True)


class Grade(Enum):
    ungraded = "No grade"
    level_i = "Level I"
    level_ii = "Level II"
    level_iii = "Level III"


def _variable(name: str, value_type: type, **attributes: Any) -> type[Variable]:
    attributes |= {
        "value_type": value_type,
        "entity": Incident,
        "definition_period": DateUnit.YEAR,
        "label": name,
    }
    return type(name, (Variable,), attributes)


def _grade_formula(incident: Any, period: Any, parameters: Any) -> np.ndarray:
    conditions = clause_conditions(lambda name: incident(name, period), parameters(period).grading)
    levels = [reduce(operator.or_, conditions[level]) for level in LEVELS]
    codes = [Grade.level_i.index, Grade.level_ii.index, Grade.level_iii.index]
    return np.select(levels, codes, Grade.ungraded.index)


def _grade_variable() -> type[Variable]:
    return _variable(
        "grade",
        Enum,
        possible_values=Grade,
        default_value=Grade.ungraded,
        formula=_grade_formula,
    )


def _parameters(thresholds: Mapping[str, Any]) -> ParameterNode:
    values = {name: {"2000-01-01": value} for name, value in thresholds.items()}
    return ParameterNode("", data={"grading": values})


def build_system(thresholds: Mapping[str, Any]) -> TaxBenefitSystem:
    tbs = TaxBenefitSystem([Incident])
    for names, value_type in ((COUNT_COLUMNS, int), (HOUR_COLUMNS, float), (FLAG_COLUMNS, bool)):
        for name in names:
            tbs.add_variable(_variable(name, value_type))
    tbs.add_variable(_grade_variable())
    tbs.parameters = _parameters(thresholds)
    return tbs


def openfisca_grade(tbs: TaxBenefitSystem, arrays: Mapping[str, np.ndarray]) -> np.ndarray:
    count = len(next(iter(arrays.values())))
    simulation = SimulationBuilder().build_default_simulation(tbs, count=count)
    for name, values in arrays.items():
        simulation.set_input(name, PERIOD, values)
    return np.asarray(simulation.calculate("grade", PERIOD)).astype(np.int8)
