"""The facts of one cadre of the registry as `people` data, entry by entry: posts (with the
leader and the supervisor each names, resolved by `registry_views`), the kinship each kind
of relative is (43 para 2), bars (17(6), 46), trainings meeting the requirement (6(5)),
absences (45(6), 45(7)) and annual results (47)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from govops.cadres.model import people
from govops.cadres.model.registry import Cadre, Entry, EntryKind

_LINEAL, _COLLATERAL = people.Kinship.LINEAL, people.Kinship.COLLATERAL
KINSHIP: Mapping[str, people.Kinship] = {
    "spouse": people.Kinship.SPOUSE,
    "child": _LINEAL,
    "parent": _LINEAL,
    "grandparent": _LINEAL,
    "grandchild": _LINEAL,
    "sibling": _COLLATERAL,
    "uncle_or_aunt": _COLLATERAL,
    "nephew_or_niece": _COLLATERAL,
    "cousin": _COLLATERAL,
    "parent_in_law": people.Kinship.CLOSE_IN_LAW,
    "sibling_in_law": people.Kinship.CLOSE_IN_LAW,
    "child_in_law": people.Kinship.CLOSE_IN_LAW,
}
"""The kinship of 43 para 2 each relation recorded is; `other` is none."""


def position(
    entry: Entry, reports_to: str | None = None, supervised_by: str | None = None
) -> people.Position:
    """A position entry as a post; `reports_to` and `supervised_by` are posts (resolved)."""
    data = entry.data
    post = data.get("post")
    ident = f"{data['unit']}: {post}" if post else f"{data['unit']}: {data['rank']} #{entry.seq}"
    function = data.get("function")
    return people.Position(
        post=ident,
        unit=data["unit"],
        rank=data["rank"],
        start=date.fromisoformat(data["start"]),
        end=day(data.get("end")),
        probation_end=day(data.get("probation_end")),
        reports_to=reports_to,
        leading=bool(data.get("leads_unit", False)),
        function=None if function is None else people.Function(function),
        supervised_by=supervised_by,
    )


def bars(cadre: Cadre) -> tuple[people.Bar, ...]:
    found = [
        people.Bar(
            people.BarKind.DISCIPLINE,
            date.fromisoformat(e.data["decided_on"]),
            date.fromisoformat(e.data["effect_until"]),
        )
        for e in cadre.facts(EntryKind.DISCIPLINE)
    ]
    found += [
        people.Bar(people.BarKind.DEMOTION, date.fromisoformat(e.data["on"]))
        for e in cadre.facts(EntryKind.DEMOTION)
    ]
    found += [
        people.Bar(people.BarKind.ACCOUNTABILITY, date.fromisoformat(e.data["on"]))
        for e in cadre.facts(EntryKind.ACCOUNTABILITY)
    ]
    return tuple(found)


def trainings(cadre: Cadre) -> tuple[date, ...]:
    """The days trainings meeting the requirement of 6(5) were completed."""
    return tuple(
        date.fromisoformat(e.data["completed_on"])
        for e in cadre.facts(EntryKind.TRAINING)
        if e.data["meets_requirement"]
    )


def absences(cadre: Cadre) -> tuple[people.Absence, ...]:
    return tuple(
        people.Absence(
            people.AbsenceKind(e.data["reason"]),
            date.fromisoformat(e.data["start"]),
            day(e.data.get("end")),
            bool(e.data.get("organisation_sent", False)),
        )
        for e in cadre.facts(EntryKind.ABSENCE)
    )


def assessments(cadre: Cadre) -> tuple[tuple[int, str], ...]:
    return tuple(
        sorted((int(e.data["year"]), e.data["result"]) for e in cadre.facts(EntryKind.ASSESSMENT))
    )


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
