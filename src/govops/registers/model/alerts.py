"""The alerts of a unit's registers on a day (`board.View`), each with what it is about and
why in words; `overdue` marks those past a deadline or short of a requirement, the others
are due (to act on before they become so).

- recurring duties (registers.yaml cadences): due or overdue, with every window missed;
  the district's duties on the district's board, each street's on the street's and the
  district's, each listed enterprise's on its unit's;
- drills not assessed (a cadence marked `assessed`, 三(七)3);
- roster gaps at each command centre in view (三(七)1);
- hazards overdue, or rectified and awaiting verification (三(六)2);
- key projects' milestones past their due day and not done (part 四);
- on the district's board: living supplies short of 1.2 % of the residents and of 5,000
  people in the district's depots (二(三)2, 四(五)), streets no open shelter serves
  (三(七)6)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from govops.lawcode.registers.cadences import Standing, stand
from govops.lawcode.registers.coverage import cover, people_for
from govops.lawcode.registers.hazards import HazardStanding
from govops.lawcode.registers.hazards import stand as hazard_stand
from govops.lawcode.registers.roster import gaps
from govops.lawcode.registers.rules import OwedCadence, ReserveRule
from govops.lawcode.registers.shelters import street_cover
from govops.lawcode.registers.stock import MANAGEMENT_LEVELS, stock_on
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, Quote, msg, msg_n
from govops.registers.model.state import RegisterState

if TYPE_CHECKING:
    from govops.registers.model.board import View


@dataclass(frozen=True, slots=True)
class Alert:
    register: str  # a cadence's or a key project's id, or drill_assessment, roster, hazard,
    # reserves_share, reserves_district, shelters
    unit: str
    subject: str  # what it is about: the unit, an enterprise, a role, a hazard, an item
    overdue: bool
    reason: Message


def alerts(pack: Pack, state: RegisterState, view: View) -> list[Alert]:
    rules = pack.registers
    if rules is None:
        return []
    found = [*_duties(rules.cadences, state, view), *_drills(rules.cadences, state, view)]
    if rules.duty is not None:
        found += _roster(rules.duty.roles, state, view)
    found += _hazards(state, view)
    found += _milestones(state, view)
    if view.district and rules.reserves is not None:
        found += _reserves(rules.reserves, state, view)
    if view.district:
        found += _shelters(state, view)
    return found


def _owing(owed: OwedCadence, state: RegisterState, view: View) -> list[tuple[str, str]]:
    """(unit, subject) pairs that owe the duty on this board."""
    if owed.owed_by == "district":
        return [(view.unit, view.unit)] if view.district else []
    if owed.owed_by == "street":
        return [(street, street) for street in view.streets]
    return [(unit, enterprise) for unit, enterprise in state.enterprises]


def _duties(cadences: Sequence[OwedCadence], state: RegisterState, view: View) -> Iterator[Alert]:
    """One alert per duty and subject: overdue (the last window missed), missed (an earlier
    window, counted), or due."""
    for owed in cadences:
        for unit, subject in _owing(owed, state, view):
            done = [
                o.on
                for o in state.occurrences
                if o.cadence == owed.cadence.id and (o.unit, o.subject) == (unit, subject)
            ]
            standing = stand(owed.cadence, subject, done, view.on)
            missed = standing.missed
            if standing.standing is Standing.OVERDUE or not missed:
                if standing.standing is not Standing.KEPT:
                    overdue = standing.standing is Standing.OVERDUE
                    yield Alert(owed.cadence.id, unit, subject, overdue, standing.reason)
                continue
            said = msg_n(
                "{count} window with none, the last from {start} to {end}",
                "{count} windows with none, the last from {start} to {end}",
                len(missed),
                start=missed[-1].start,
                end=missed[-1].end,
            )
            yield Alert(owed.cadence.id, unit, subject, True, said)


def _drills(cadences: Sequence[OwedCadence], state: RegisterState, view: View) -> Iterator[Alert]:
    """Drills held by the board's day with no assessment (one recorded ahead is not yet
    held)."""
    assessed = {o.cadence.id for o in cadences if o.assessed}
    for done in state.occurrences:
        if done.cadence in assessed and not done.assessment and done.on <= view.on:
            said = msg("the drill of {day} has no assessment", day=done.on)
            yield Alert("drill_assessment", done.unit, done.cadence, True, said)


def _roster(roles: Sequence[str], state: RegisterState, view: View) -> Iterator[Alert]:
    start, end = view.roster_window()
    centres = [view.unit] if view.district else []
    for centre in [*centres, *view.streets]:
        for gap in gaps(state.shifts, centre, roles, start, end):
            start_, end_ = gap.start.astimezone(view.zone), gap.end.astimezone(view.zone)
            said = msg("nobody on duty from {start} to {end}", start=start_, end=end_)
            yield Alert("roster", centre, gap.role, True, said)


def _hazards(state: RegisterState, view: View) -> Iterator[Alert]:
    for (unit, _), hazard in sorted(state.hazards.items()):
        standing = hazard_stand(hazard, view.on)
        if standing.standing is HazardStanding.OVERDUE:
            yield Alert("hazard", unit, hazard.id, True, standing.reason)
        elif standing.standing is HazardStanding.AWAITING_VERIFICATION:
            yield Alert("hazard", unit, hazard.id, False, standing.reason)


def _milestones(state: RegisterState, view: View) -> Iterator[Alert]:
    for (unit, project, _), milestone in sorted(state.milestones.items()):
        done = milestone.done is not None and milestone.done <= view.on
        if not done and milestone.due < view.on:
            said = msg(
                "{title}: due on {due}, not done", title=Quote(milestone.title), due=milestone.due
            )
            yield Alert(project, unit, milestone.id, True, said)


def _reserves(rule: ReserveRule, state: RegisterState, view: View) -> Iterator[Alert]:
    stock = stock_on(state.movements, view.on)
    years = [y for (u, y) in state.populations if u == view.unit and y <= view.on.year]
    counted = set(MANAGEMENT_LEVELS)  # household reserves are on no card
    if years:
        residents = state.populations[(view.unit, max(years))]
        people = people_for(residents, rule.population_share)
        yield from _short("reserves_share", view.unit, stock, state, counted, rule, people)
    else:
        said = msg(
            "no resident population recorded: the coverage of the residents cannot be checked"
        )
        yield Alert("reserves_share", view.unit, view.unit, False, said)
    yield from _short(
        "reserves_district", view.unit, stock, state, {"district"}, rule, rule.district_people
    )


def _short(
    register: str,
    unit: str,
    stock: dict[tuple[str, str], Decimal],
    state: RegisterState,
    levels: set[str],
    rule: ReserveRule,
    people: int,
) -> Iterator[Alert]:
    held: dict[str, Decimal] = {}
    for (depot, name), quantity in stock.items():
        if depot in state.depots and state.depots[depot].level in levels:
            held[name] = held.get(name, Decimal(0)) + quantity
    for item in cover(held, rule.needs, people):
        if not item.met:
            said = msg(
                "{held} {unit} held, {needed} needed for {people} people",
                held=item.held,
                unit=Quote(item.unit),  # the pack's unit word, as the document writes it
                needed=item.needed,
                people=people,
            )
            yield Alert(register, unit, item.item, True, said)


def _shelters(state: RegisterState, view: View) -> Iterator[Alert]:
    populations = {s: state.populations.get((s, view.on.year), 0) for s in view.streets}
    for street in street_cover(list(state.shelters.values()), state.statuses, populations, view.on):
        if not street.covered:
            said = msg("no open shelter serves {street}", street=street.street)
            yield Alert("shelters", street.street, street.street, True, said)
