"""A plan's indicators (indicators.yaml): each with its target written as the plan writes
it, read by the pack's boundary convention (`lawcode.plans.targets`), its measure and the
plan's period, cited; and the targets the plan states only in words, listed as such
(never turned into a number)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from pydantic import Field

from govops.lawcode.plans.indicators import Indicator, Measure, QualitativeTarget
from govops.lawcode.plans.targets import TargetError, read_target
from govops.lawcode.rules.intervals import BoundaryConvention
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Text, msg
from govops.packs.schema import Cite, Strict
from govops.packs.schema import Text as Words
from govops.packs.yamlsource import PathKey, YamlFile

CiteFn = Callable[[Cite, list[PathKey], YamlFile], Citation]
ReportFn = Callable[[YamlFile, Sequence[PathKey], Text], None]


class PeriodModel(Strict):
    first: int = Field(ge=1900, le=2200)
    last: int = Field(ge=1900, le=2200)


class IndicatorModel(Strict):
    id: str
    title: Words
    unit: str = ""  # the figure's unit as the plan writes it
    target: str  # as the plan writes it: "<0.9", "≧30%", "70%以上", "2处"
    bare: Literal["at_least", "at_most"] | None = None  # how a figure with no sign is read
    reading: Words = Field(default_factory=dict)  # why, where the words do not force it
    measure: Literal["each_year", "average", "total", "at_end", "fall"]
    baseline_year: int | None = None  # for a fall
    cite: Cite


class QualitativeModel(Strict):
    id: str
    text: Words
    cite: Cite


class IndicatorsFile(Strict):
    period: PeriodModel
    indicators: list[IndicatorModel] = Field(min_length=1)
    qualitative: list[QualitativeModel] = Field(default_factory=list)


Indicators = tuple[tuple[Indicator, ...], tuple[QualitativeTarget, ...]]


def build_indicators(
    model: IndicatorsFile,
    source: YamlFile,
    convention: BoundaryConvention,
    cite: CiteFn,
    report: ReportFn,
) -> Indicators:
    """The indicators, each target read; reported: an id given twice, a target that
    cannot be read or is in another unit, a fall without its baseline year before the
    period."""
    period = model.period
    if period.last < period.first:
        report(source, ["period", "last"], msg("the period ends before it starts"))
    found: list[Indicator] = []
    seen: set[str] = set()
    for index, item in enumerate(model.indicators):
        where: list[PathKey] = ["indicators", index]
        if item.id in seen:
            report(source, [*where, "id"], msg("indicator {id} is given twice", id=item.id))
        seen.add(item.id)
        built = _indicator(item, period, source, where, convention, cite, report)
        if built is not None:
            found.append(built)
    words = tuple(
        QualitativeTarget(q.id, q.text, cite(q.cite, ["qualitative", i], source))
        for i, q in enumerate(model.qualitative)
    )
    return tuple(found), words


def _indicator(
    item: IndicatorModel,
    period: PeriodModel,
    source: YamlFile,
    where: list[PathKey],
    convention: BoundaryConvention,
    cite: CiteFn,
    report: ReportFn,
) -> Indicator | None:
    if item.measure == "fall" and (item.baseline_year or period.first) >= period.first:
        report(
            source,
            [*where, "baseline_year"],
            msg("a fall is counted from a baseline year before the period"),
        )
    if item.measure != "fall" and item.baseline_year is not None:
        report(source, [*where, "baseline_year"], msg("only a fall has a baseline year"))
    try:
        target = read_target(item.target, convention, item.bare, item.reading or None)
    except TargetError as error:
        report(source, [*where, "target"], error.message)
        return None
    wanted = "%" if item.measure == "fall" else item.unit
    if target.unit not in ("", wanted):
        said = msg(
            "{target} is in {unit}, the indicator in {wanted}",
            target=item.target,
            unit=repr(target.unit),
            wanted=repr(wanted),
        )
        report(source, [*where, "target"], said)
    return Indicator(
        item.id,
        item.title,
        item.unit,
        target,
        Measure(item.measure),
        period.first,
        period.last,
        cite(item.cite, where, source),
        item.baseline_year,
        item.reading or None,
    )
