"""Programme plans: activities with outputs and the agencies responsible at each level, a
budget of lines by year, targets for indicators, and the records of progress against them.

The model holds any plan of this shape (a five-year plan with a budget appendix); a pack
fills it from its document. Every figure keeps the text the document prints and the place
it prints it, so a check can quote both sides of a disagreement.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from govops.lawcode.dated.procedures import Text
from govops.lawcode.plans.indicators import Course, Indicator, Measure, expected
from govops.lawcode.plans.targets import Target
from govops.lawcode.rules.intervals import Side
from govops.lawcode.sources.citations import Citation


class Level(Enum):
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as printed (`text`), its exact value, and where it is printed."""

    value: Decimal
    text: str
    cite: Citation


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor of a quantity: `200 tờ/xã` is 200 of `tờ` per `xã`; `200 xã` is a count
    of `xã` (per None)."""

    figure: Figure
    unit: str
    per: str | None = None

    @property
    def value(self) -> Decimal:
        return self.figure.value


@dataclass(frozen=True, slots=True)
class CostComponent:
    """Unit cost x quantity x frequency per year, for each year in `years`.

    A lump sum is a unit cost with no factors. `unit_cost` is in đồng, whatever unit the
    document prints it in.
    """

    id: str
    text: Text
    unit_cost: Figure
    years: tuple[int, ...]
    factors: tuple[Factor, ...] = ()
    frequency: Figure | None = None  # times per year; once when None
    level: Level | None = None
    cost_per: str | None = None  # what the unit cost buys: "tờ", "lần"

    def yearly_dong(self) -> Decimal:
        amount = self.unit_cost.value
        for factor in self.factors:
            amount *= factor.value
        if self.frequency is not None:
            amount *= self.frequency.value
        return amount

    def count_of(self, unit: str) -> Factor | None:
        """The factor counting `unit` (e.g. the number of communes), if any."""
        return next((f for f in self.factors if f.unit == unit and f.per is None), None)


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One row of a budget table. `stated` holds the figures printed for each year (a
    blank cell is absent); a group row's figures are the sum of its `children`."""

    id: str
    printed: str  # the number in the table's first column, "" when the row has none
    title: Text
    cite: Citation
    stated: Mapping[int, Figure]
    stated_total: Figure | None
    components: tuple[CostComponent, ...] = ()
    children: tuple[BudgetLine, ...] = ()
    note: Text = field(default_factory=dict)  # how the row was read, where it needed reading
    level: Level | None = None  # the level a row without components pays for, when stated

    def walk(self) -> Iterator[BudgetLine]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence of the document quoted as written (e.g. a total written in words)."""

    text: str
    cite: Citation


@dataclass(frozen=True, slots=True)
class Budget:
    unit: Text  # the unit the table prints, e.g. triệu đồng
    unit_dong: Decimal  # how many đồng one printed unit is
    years: tuple[int, ...]
    lines: tuple[BudgetLine, ...]  # the rows counted in the totals
    year_totals: Mapping[int, Figure]
    grand_total: Figure
    text_total: Figure | None = None  # the total the plan's text states, in the same unit
    total_in_words: Statement | None = None

    def all_lines(self) -> Iterator[BudgetLine]:
        for line in self.lines:
            yield from line.walk()

    def component(self, component_id: str) -> tuple[BudgetLine, CostComponent]:
        for line in self.all_lines():
            for component in line.components:
                if component.id == component_id:
                    return line, component
        raise KeyError(f"the budget has no cost component {component_id!r}")

    def line(self, line_id: str) -> BudgetLine:
        for line in self.all_lines():
            if line.id == line_id:
                return line
        raise KeyError(f"the budget has no line {line_id!r}")


@dataclass(frozen=True, slots=True)
class Responsibility:
    level: Level
    agency: Text
    cite: Citation


@dataclass(frozen=True, slots=True)
class Output:
    """What an activity delivers, as the text states it, and the cost components (in the
    budget) that pay for it."""

    id: str
    text: Text
    cite: Citation
    levels: tuple[Level, ...]
    quantity: Factor | None = None  # e.g. 1 câu lạc bộ per xã
    frequency: Figure | None = None  # times per year, e.g. 04 lần/năm
    funded_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeframe:
    years: tuple[int, ...]
    cite: Citation


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    title: Text
    cite: Citation
    outputs: tuple[Output, ...]
    responsible: tuple[Responsibility, ...]
    timeframe: Timeframe | None = None  # None when the text gives no years


@dataclass(frozen=True, slots=True)
class ScopeCount:
    """How many areas of one kind the plan covers, and the word the budget counts them
    with (e.g. communes counted as `xã`)."""

    name: str
    unit: str
    figure: Figure
    level: Level


class Comparator(Enum):
    AT_MOST = "<="
    AT_LEAST = ">="

    def holds(self, value: Decimal, target: Decimal) -> bool:
        return value <= target if self is Comparator.AT_MOST else value >= target


@dataclass(frozen=True, slots=True)
class Trajectory:
    """A target reached year by year, as the programme's text states it (figures as
    printed, each cited): from `baseline` in `baseline_year`, a change of `yearly_change`
    each year (negative to fall), until `target` in `target_year`. It is an indicator with
    the plan's own pace (`as_indicator`), held year by year like every plan's indicator."""

    indicator: str
    comparator: Comparator
    baseline: Figure
    baseline_year: int
    yearly_change: Figure
    target: Figure
    target_year: int
    reading: Text  # how the plan's words were read into these numbers

    def as_indicator(self) -> Indicator:
        """The trajectory as an indicator (`lawcode.plans.indicators`): its target a bound
        including the figure (a ceiling under `<=`), each year held against the pace."""
        side = Side.UPPER if self.comparator is Comparator.AT_MOST else Side.LOWER
        target = Target(self.target.text, self.target.value, "", side, True, self.reading)
        course = Course(self.baseline.value, self.baseline_year, self.yearly_change.value)
        first, last = self.baseline_year + 1, self.target_year
        return Indicator(
            self.indicator,
            {},
            "",
            target,
            Measure.EACH_YEAR,
            first,
            last,
            self.target.cite,
            reading=self.reading,
            course=course,
        )

    def allowed(self, year: int) -> Decimal | None:
        """The value the indicator must not pass (or must reach) in `year`: the pace of
        its indicator (`indicators.expected`); None outside the years the plan covers."""
        return expected(self.as_indicator(), year)


@dataclass(frozen=True, slots=True)
class Objective:
    """An aim the plan states in words (the measurable ones are trajectories)."""

    text: Text
    cite: Citation


@dataclass(frozen=True, slots=True)
class Programme:
    id: str
    title: Text
    period: tuple[int, int]
    scope: Mapping[str, ScopeCount]
    activities: tuple[Activity, ...]
    budget: Budget
    trajectories: tuple[Trajectory, ...] = ()
    selection: Statement | None = None  # how the plan chooses where to act
    objectives: tuple[Objective, ...] = ()
    notes: Text = field(default_factory=dict)

    def activity(self, activity_id: str) -> Activity:
        for activity in self.activities:
            if activity.id == activity_id:
                return activity
        raise KeyError(f"the programme has no activity {activity_id!r}")

    def trajectory(self, indicator: str) -> Trajectory:
        for trajectory in self.trajectories:
            if trajectory.indicator == indicator:
                return trajectory
        raise KeyError(f"the programme sets no target for {indicator!r}")
