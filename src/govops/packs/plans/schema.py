"""The schema of a pack's programme.yaml: scope, activities, budget lines, targets.

Figures are strings written exactly as the document prints them ("1,266", "650.000",
"5 triệu"); the builder reads them with the document's number rules and reports any it
cannot read against its line.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from govops.packs.schema import Cite, Strict, Text

LevelName = Literal["province", "district", "commune"]


class FigureModel(Strict):
    text: str
    cite: Cite


class QuantityModel(Strict):
    """`200 tờ/xã` is text 200, unit tờ, per xã; `200 xã` has no per."""

    text: str
    unit: str
    per: str | None = None
    cite: Cite | None = None  # the row (or output) it sits in, when not given


class UnitCostModel(Strict):
    text: str  # an amount with its unit: "650.000", "5 triệu", "2000 đ"
    per: str | None = None
    cite: Cite | None = None


class FrequencyModel(Strict):
    text: str  # times a year
    cite: Cite | None = None


class ComponentModel(Strict):
    id: str
    text: Text
    unit_cost: UnitCostModel
    factors: list[QuantityModel] = []
    frequency: FrequencyModel | None = None
    years: list[int] = Field(min_length=1)
    level: LevelName | None = None


class LineModel(Strict):
    id: str
    printed: str | None = None  # the TT column; the id when not given
    cite: Cite | None = None  # "PL <printed>" when not given
    title: Text
    stated: dict[int, str]
    total: str | None = None
    note: Text = {}
    level: LevelName | None = None  # the level a row without components pays for
    components: list[ComponentModel] = []
    children: list[LineModel] = []


class StatementModel(Strict):
    text: str
    cite: Cite


class BudgetModel(Strict):
    unit: Text
    unit_dong: str
    years: list[int] = Field(min_length=1)
    cite: Cite
    year_totals: dict[int, str]
    grand_total: str
    totals_cite: Cite
    text_total: FigureModel | None = None
    total_in_words: StatementModel | None = None
    lines: list[LineModel] = Field(min_length=1)


class ScopeModel(Strict):
    unit: str
    level: LevelName
    figure: FigureModel


class TimeframeModel(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    first: int = Field(alias="from")
    last: int = Field(alias="to")
    cite: Cite


class ResponsibleModel(Strict):
    agency: Text
    cite: Cite


class OutputModel(Strict):
    id: str
    text: Text
    cite: Cite
    levels: list[LevelName] = Field(min_length=1)
    quantity: QuantityModel | None = None
    frequency: FrequencyModel | None = None
    funded_by: list[str] = []  # cost component ids, or ids of lines without components


class ActivityModel(Strict):
    id: str
    title: Text
    cite: Cite
    lead: ResponsibleModel | None = None  # the agency that leads at the province
    timeframe: TimeframeModel | None = None
    outputs: list[OutputModel] = Field(min_length=1)


class TrajectoryModel(Strict):
    indicator: str
    comparator: Literal["<=", ">="]
    baseline: FigureModel
    baseline_year: int
    yearly_step: FigureModel  # a fall under "<=", a rise under ">="
    target: FigureModel
    target_year: int
    reading: Text


class ObjectiveModel(Strict):
    text: Text
    cite: Cite


class ProgrammeFile(Strict):
    id: str
    title: Text
    period: tuple[int, int]
    objectives: list[ObjectiveModel] = []
    scope: dict[str, ScopeModel] = {}
    selection: StatementModel | None = None
    trajectories: list[TrajectoryModel] = []
    responsible: dict[LevelName, ResponsibleModel] = {}
    activities: list[ActivityModel] = Field(min_length=1)
    budget: BudgetModel
