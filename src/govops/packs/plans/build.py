"""Build the core Programme from a checked programme.yaml: figures read with the Vietnamese
number rules, citations checked, ids unique, every `funded_by` pointing at a budget item."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from govops.lawcode.figures.vi import ViNumberError, parse_vi_amount, parse_vi_number
from govops.lawcode.plans.programme import (
    Activity,
    Budget,
    BudgetLine,
    Comparator,
    Factor,
    Figure,
    Level,
    Objective,
    Output,
    Programme,
    Responsibility,
    ScopeCount,
    Statement,
    Timeframe,
    Trajectory,
)
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Text, msg
from govops.packs.plans.budget import BudgetBuilder
from govops.packs.plans.schema import (
    ActivityModel,
    FigureModel,
    OutputModel,
    ProgrammeFile,
    QuantityModel,
    TrajectoryModel,
)
from govops.packs.schema import Cite
from govops.packs.yamlsource import PathKey, YamlFile

Where = list[PathKey]
CiteFn = Callable[[Cite, Where, YamlFile | None], Citation]
ReportFn = Callable[[YamlFile, Sequence[PathKey], Text], None]


class FigureReader:
    """Reads the document's figures, reporting each unreadable one against its line."""

    def __init__(self, source: YamlFile, cite: CiteFn, report: ReportFn) -> None:
        self.source, self._cite, self._report = source, cite, report

    def cite(self, raw: Cite, where: Where) -> Citation:
        return self._cite(raw, where, self.source)

    def report(self, where: Where, message: Text) -> None:
        self._report(self.source, where, message)

    def number(self, text: str, cite: Citation, where: Where) -> Figure:
        try:
            return Figure(parse_vi_number(text), text, cite)
        except ViNumberError as error:
            self.report(where, error.message)
            return Figure(Decimal(0), text, cite)

    def amount(self, text: str, cite: Citation, where: Where) -> Figure:
        """An amount in đồng, whatever unit it is written in ("5 triệu", "2000 đ")."""
        try:
            return Figure(parse_vi_amount(text), text, cite)
        except ViNumberError as error:
            self.report(where, error.message)
            return Figure(Decimal(0), text, cite)

    def figure(self, model: FigureModel, where: Where) -> Figure:
        return self.number(model.text, self.cite(model.cite, [*where, "cite"]), [*where, "text"])

    def factor(self, model: QuantityModel, default_cite: Citation, where: Where) -> Factor:
        cite = default_cite if model.cite is None else self.cite(model.cite, [*where, "cite"])
        return Factor(self.number(model.text, cite, [*where, "text"]), model.unit, model.per)


def build_programme(
    model: ProgrammeFile, source: YamlFile, cite: CiteFn, report: ReportFn
) -> Programme:
    reader = FigureReader(source, cite, report)
    budget = BudgetBuilder(reader).build(model.budget)
    scope = {
        name: ScopeCount(
            name, m.unit, reader.figure(m.figure, ["scope", name, "figure"]), Level(m.level)
        )
        for name, m in model.scope.items()
    }
    defaults = {
        Level(level): Responsibility(
            Level(level), dict(m.agency), reader.cite(m.cite, ["responsible", level, "cite"])
        )
        for level, m in model.responsible.items()
    }
    activities = tuple(
        _activity(a, ["activities", i], reader, defaults) for i, a in enumerate(model.activities)
    )
    _check_references(activities, budget, reader)
    first, last = model.period
    if tuple(budget.years) != tuple(range(first, last + 1)):
        reader.report(
            ["budget", "years"],
            msg("the budget's years do not cover {first}-{last}", first=str(first), last=str(last)),
        )
    selection = (
        None
        if model.selection is None
        else Statement(model.selection.text, reader.cite(model.selection.cite, ["selection"]))
    )
    trajectories = tuple(
        _trajectory(t, ["trajectories", i], reader) for i, t in enumerate(model.trajectories)
    )
    objectives = tuple(
        Objective(dict(m.text), reader.cite(m.cite, ["objectives", i, "cite"]))
        for i, m in enumerate(model.objectives)
    )
    return Programme(
        model.id,
        dict(model.title),
        model.period,
        scope,
        activities,
        budget,
        trajectories,
        selection,
        objectives,
    )


def _activity(
    model: ActivityModel,
    where: Where,
    reader: FigureReader,
    defaults: dict[Level, Responsibility],
) -> Activity:
    cite = reader.cite(model.cite, [*where, "cite"])
    outputs = tuple(_output(o, [*where, "outputs", i], reader) for i, o in enumerate(model.outputs))
    levels = {level for output in outputs for level in output.levels}
    responsible = dict(defaults)
    if model.lead is not None:
        lead_cite = reader.cite(model.lead.cite, [*where, "lead", "cite"])
        responsible[Level.PROVINCE] = Responsibility(
            Level.PROVINCE, dict(model.lead.agency), lead_cite
        )
    timeframe = None
    if model.timeframe is not None:
        frame = model.timeframe
        if frame.first > frame.last:
            reader.report([*where, "timeframe"], msg("'from' must not be after 'to'"))
        years = tuple(range(frame.first, frame.last + 1))
        timeframe = Timeframe(years, reader.cite(frame.cite, [*where, "timeframe", "cite"]))
    return Activity(
        model.id,
        dict(model.title),
        cite,
        outputs,
        tuple(responsible[level] for level in Level if level in levels and level in responsible),
        timeframe,
    )


def _output(model: OutputModel, where: Where, reader: FigureReader) -> Output:
    cite = reader.cite(model.cite, [*where, "cite"])
    quantity = (
        None
        if model.quantity is None
        else reader.factor(model.quantity, cite, [*where, "quantity"])
    )
    frequency = None
    if model.frequency is not None:
        frequency_cite = (
            cite
            if model.frequency.cite is None
            else reader.cite(model.frequency.cite, [*where, "frequency", "cite"])
        )
        frequency = reader.number(model.frequency.text, frequency_cite, [*where, "frequency"])
    return Output(
        model.id,
        dict(model.text),
        cite,
        tuple(Level(x) for x in model.levels),
        quantity,
        frequency,
        tuple(model.funded_by),
    )


def _trajectory(model: TrajectoryModel, where: Where, reader: FigureReader) -> Trajectory:
    comparator = Comparator(model.comparator)
    step = reader.figure(model.yearly_step, [*where, "yearly_step"])
    if step.value <= 0:
        reader.report([*where, "yearly_step"], msg("the yearly step must be a positive number"))
    signed = -step.value if comparator is Comparator.AT_MOST else step.value
    if model.target_year <= model.baseline_year:
        reader.report([*where, "target_year"], msg("the target year must follow the base year"))
    return Trajectory(
        model.indicator,
        comparator,
        reader.figure(model.baseline, [*where, "baseline"]),
        model.baseline_year,
        Figure(signed, step.text, step.cite),
        reader.figure(model.target, [*where, "target"]),
        model.target_year,
        dict(model.reading),
    )


def _check_references(
    activities: tuple[Activity, ...], budget: Budget, reader: FigureReader
) -> None:
    components = {c.id for line in budget.all_lines() for c in line.components}
    bare_lines = {
        line.id for line in budget.all_lines() if not line.components and not line.children
    }
    seen: set[str] = set()
    for a_index, activity in enumerate(activities):
        if activity.id in seen:
            reader.report(
                ["activities", a_index, "id"],
                msg("activity {activity} twice", activity=repr(activity.id)),
            )
        seen.add(activity.id)
        for o_index, output in enumerate(activity.outputs):
            for f_index, item in enumerate(output.funded_by):
                if item not in components and item not in bare_lines:
                    reader.report(
                        ["activities", a_index, "outputs", o_index, "funded_by", f_index],
                        msg(
                            "{item} is neither a cost component nor a budget row without "
                            "components or rows of its own",
                            item=repr(item),
                        ),
                    )


__all__ = ["BudgetLine", "FigureReader", "build_programme"]
