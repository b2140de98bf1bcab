"""An indicator of a plan: a figure per year (per unit of the organisation tree), held
against the plan's target over the plan's period. How a year's figures count is the
indicator's measure, as the plan's words say:

- each_year: every year's own figure meets the target (每年建设 … 2处);
- average: the average of the years' figures does (年均 …);
- total: the period's running total reaches it (5年内完成1400名 …);
- at_end: the last year's figure reaches it (“十四五”末 … 90%);
- fall: the fall, in percent, of the last year's figure from the baseline year's (累计降幅).

Where the plan writes its own pace (`Course`: the SRB plan's 115 in 2015, 0.4 a year, 113
by 2020), each year's figure is held against that year's step (`expected`). Where an
indicator stands as of a year is `assessment.assess`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from govops.lawcode.dated.procedures import Text
from govops.lawcode.plans.targets import Target
from govops.lawcode.rules.intervals import Side
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import N_, Message


class Measure(Enum):
    EACH_YEAR = "each_year"
    AVERAGE = "average"
    TOTAL = "total"
    AT_END = "at_end"
    FALL = "fall"


MEASURE_WORDS = {  # how each measure counts the years, as a reader is told it
    Measure.EACH_YEAR: N_("each year's figure"),
    Measure.AVERAGE: N_("the yearly average"),
    Measure.TOTAL: N_("the period's total"),
    Measure.AT_END: N_("the figure by the period's end"),
    Measure.FALL: N_("the fall from the baseline year"),
}


class Status(Enum):
    MET = "met"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NO_FIGURE = "no_figure"


STATUS_WORDS = {  # each status as a reader is told it
    Status.MET: N_("met"),
    Status.ON_TRACK: N_("on track"),
    Status.AT_RISK: N_("at risk"),
    Status.MISSED: N_("missed"),
    Status.NO_FIGURE: N_("no figure"),
}


@dataclass(frozen=True, slots=True)
class Course:
    """A pace the plan writes itself: from `baseline` in `baseline_year`, `yearly_step`
    each year (negative to fall), the target holding in the period's last year."""

    baseline: Decimal
    baseline_year: int
    yearly_step: Decimal


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    title: Text
    unit: str  # the figure's unit as the plan writes it (人/百亿元, %, 处)
    target: Target
    measure: Measure
    first_year: int
    last_year: int
    cite: Citation
    baseline_year: int | None = None  # the year a fall is counted from (measure fall)
    reading: Text | None = None  # how the plan's words were read, where they do not force it
    course: Course | None = None  # the plan's own pace, where it writes one


@dataclass(frozen=True, slots=True)
class QualitativeTarget:
    """A target the plan states only in words: listed, never turned into a number."""

    id: str
    text: Text
    cite: Citation


@dataclass(frozen=True, slots=True)
class Assessment:
    indicator: str
    year: int  # as of the end of this year
    status: Status
    figure: Decimal | None  # what was held against the target (an average, a total, a fall)
    reason: Message


def expected(indicator: Indicator, year: int) -> Decimal | None:
    """The figure the plan's own pace asks by the end of `year` (the target, if tighter,
    in the last year); None without a course or outside the years after its baseline."""
    course = indicator.course
    if course is None or not course.baseline_year < year <= indicator.last_year:
        return None
    step = course.baseline + course.yearly_step * (year - course.baseline_year)
    if year < indicator.last_year:
        return step
    final = indicator.target.value
    return min(step, final) if indicator.target.side is Side.UPPER else max(step, final)
