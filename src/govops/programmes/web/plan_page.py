"""What the plan page shows: the scope, each target year by year, and each activity with
its outputs, the budget rows that pay for them and the agencies responsible."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.plans.programme import (
    Activity,
    Budget,
    Comparator,
    Level,
    Output,
    Programme,
    Responsibility,
    Trajectory,
)
from govops.lawcode.sources.citations import Citation

LEVEL_ORDER = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)


@dataclass(frozen=True, slots=True)
class TrajectoryView:
    trajectory: Trajectory
    ceiling: bool  # the indicator must stay at or below the limits (else reach them)
    falls: bool  # the limit moves down each year
    step: Decimal  # how far it moves each year, unsigned
    limits: tuple[tuple[int, Decimal], ...]  # year -> the value allowed that year


@dataclass(frozen=True, slots=True)
class OutputView:
    output: Output
    funded_by: tuple[Citation, ...]  # the budget rows that pay for it, in budget order


@dataclass(frozen=True, slots=True)
class ActivityView:
    activity: Activity
    outputs: tuple[OutputView, ...]
    responsible: tuple[Responsibility, ...]  # province first, then district, then commune


def trajectory_view(trajectory: Trajectory) -> TrajectoryView:
    years = range(trajectory.baseline_year + 1, trajectory.target_year + 1)
    limits = tuple(
        (year, limit) for year in years if (limit := trajectory.allowed(year)) is not None
    )
    change = trajectory.yearly_change.value
    return TrajectoryView(
        trajectory=trajectory,
        ceiling=trajectory.comparator is Comparator.AT_MOST,
        falls=change < 0,
        step=abs(change),
        limits=limits,
    )


def funding(budget: Budget, output: Output) -> tuple[Citation, ...]:
    """The rows of the budget an output's `funded_by` names, each once: an id names a
    row or one cost component of a row."""
    rows: list[Citation] = []
    for funded_id in output.funded_by:
        try:
            cite = budget.line(funded_id).cite
        except KeyError:
            try:
                cite = budget.component(funded_id)[0].cite
            except KeyError:
                continue  # the pack's consistency check reports an unknown id
        if cite not in rows:
            rows.append(cite)
    return tuple(rows)


def activity_view(activity: Activity, budget: Budget) -> ActivityView:
    outputs = tuple(OutputView(o, funding(budget, o)) for o in activity.outputs)
    responsible = tuple(sorted(activity.responsible, key=lambda r: LEVEL_ORDER.index(r.level)))
    return ActivityView(activity, outputs, responsible)


def plan_context(programme: Programme) -> dict[str, object]:
    return {
        "programme": programme,
        "scope": [programme.scope[name] for name in programme.scope],
        "trajectories": [trajectory_view(t) for t in programme.trajectories],
        "activities": [activity_view(a, programme.budget) for a in programme.activities],
    }
