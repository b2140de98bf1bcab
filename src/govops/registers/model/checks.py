"""Whether a register's row may be recorded, given what the registers already hold (and the
rows before it in the same file): what it names must exist (a depot, a shelter, a hazard,
an indicator, a cadence, a street), a stock must never fall below zero, a hazard is
rectified after it is found and verified after it is rectified, a plan's stages come in the
order of its life cycle. Each refusal names the column it is about."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from govops.lawcode.registers.rows import Value
from govops.lawcode.registers.stock import StockError, check, post
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_, Message, msg
from govops.registers.model.records import RecordKind
from govops.registers.model.state import RegisterState, movement_of

PLAN_LIFE_CYCLE = "plan_life_cycle"  # the pack's procedure of an emergency plan's stages

Problem = tuple[str, Message]  # (column, why)
OWED_HERE = {
    "district": N_("a duty of the district, recorded in the district's registers"),
    "street": N_("a duty of each street, recorded in the street's registers"),
}


@dataclass(frozen=True, slots=True)
class Context:
    pack: Pack
    unit: str  # the unit whose registers the row goes into
    kinds: Mapping[str, str]  # the kind of every unit of the unit's tree, by code
    state: RegisterState  # of every unit, the rows before this one included

    @property
    def kind(self) -> str:
        return self.kinds[self.unit]


def as_data(values: dict[str, Value]) -> dict[str, Any]:
    """The row's values as the event stores them (JSON: days and times as ISO text, figures
    as exact text, lists as lists); an optional value left empty is left out."""
    data: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, (date, datetime)):
            data[name] = value.isoformat()
        elif isinstance(value, Decimal):
            data[name] = str(value)
        elif isinstance(value, tuple):
            data[name] = list(value)
        else:
            data[name] = value
    return data


def problems(kind: RecordKind, values: dict[str, Value], context: Context) -> list[Problem]:
    """Why the row (its values as read, every required one present) may not be recorded."""
    return _CHECKS[kind](values, context)


def _figure(data: dict[str, Any], c: Context) -> list[Problem]:
    found = next((i for i in c.pack.indicators if i.id == data["indicator"]), None)
    if found is None:
        said = msg("no indicator {indicator} in the plan", indicator=repr(data["indicator"]))
        return [("indicator", said)]
    if c.pack.registers is not None and found.id in c.pack.registers.computed:
        return [("indicator", msg("counted by the registers, not reported"))]
    first = found.baseline_year if found.baseline_year is not None else found.first_year
    if not first <= data["year"] <= found.last_year:
        said = msg(
            "{year} is outside {first}-{last}",
            year=str(data["year"]),
            first=str(first),
            last=str(found.last_year),
        )
        return [("year", said)]
    return []


def _population(data: dict[str, Any], c: Context) -> list[Problem]:
    return [] if 1900 <= data["year"] <= 2200 else [("year", msg("no such year"))]


def _depot(data: dict[str, Any], c: Context) -> list[Problem]:
    held = c.state.depots.get(data["depot"])
    if held is not None and held.unit != c.unit:
        return [("depot", msg("depot {id} is {unit}'s", id=data["depot"], unit=held.unit))]
    return []


def _movement(data: dict[str, Any], c: Context) -> list[Problem]:
    depot = c.state.depots.get(data["depot"])
    if depot is None or depot.unit != c.unit:
        return [("depot", msg("no depot {id} in this unit's register", id=data["depot"]))]
    to_depot = data.get("to_depot")
    if to_depot is not None and to_depot not in c.state.depots:
        return [("to_depot", msg("no depot {id}", id=to_depot))]
    movement = movement_of(as_data(data))
    try:
        check(movement)
    except StockError as error:
        return [("to_depot", error.message)]
    try:
        post(c.state.movements, movement)
    except StockError as error:
        return [("quantity", error.message)]
    return []


def _shelter(data: dict[str, Any], c: Context) -> list[Problem]:
    unit = c.state.shelter_units.get(data["shelter"])
    if unit is not None and unit != c.unit:
        return [("shelter", msg("shelter {id} is {unit}'s", id=data["shelter"], unit=unit))]
    found: list[Problem] = []
    wanted = (
        ("streets", "street", N_("no street {unit}")),
        ("communities", "community", N_("no community {unit}")),
    )
    for column, kind, said in wanted:
        unknown = [code for code in data.get(column) or () if c.kinds.get(code) != kind]
        if unknown:
            found.append((column, msg(said, unit=", ".join(unknown))))
    return found


def _shelter_status(data: dict[str, Any], c: Context) -> list[Problem]:
    if c.state.shelter_units.get(data["shelter"]) != c.unit:
        return [("shelter", msg("no shelter {id} in this unit's register", id=data["shelter"]))]
    return []


def _none(data: dict[str, Any], c: Context) -> list[Problem]:
    return []


def _occurrence(data: dict[str, Any], c: Context) -> list[Problem]:
    owed = c.pack.registers.cadence(data["cadence"]) if c.pack.registers else None
    if owed is None:
        return [("cadence", msg("no recurring duty {id} in the plan", id=data["cadence"]))]
    if owed.owed_by == "enterprise" and (c.unit, data.get("subject")) not in c.state.enterprises:
        return [("subject", msg("an enterprise on this unit's list is needed"))]
    if owed.owed_by != "enterprise" and data.get("subject"):
        return [("subject", msg("only an enterprise's duty names a subject"))]
    if owed.owed_by in ("district", "street") and c.kind != owed.owed_by:
        said = OWED_HERE[owed.owed_by]
        return [("cadence", msg(said))]
    return []


def _shift(data: dict[str, Any], c: Context) -> list[Problem]:
    duty = c.pack.registers.duty if c.pack.registers else None
    if duty is None or data["role"] not in duty.roles:
        roles = ", ".join(duty.roles) if duty else "-"
        return [("role", msg("{value} is not one of {choices}", value=data["role"], choices=roles))]
    if data["end"] <= data["start"]:
        return [("end", msg("a shift ends after it starts"))]
    if c.kind not in ("district", "street"):
        return [("role", msg("a command centre's roster is the district's or a street's"))]
    return []


def _training(data: dict[str, Any], c: Context) -> list[Problem]:
    return [] if data["people"] > 0 else [("people", msg("no one trained"))]


def _hazard(data: dict[str, Any], c: Context) -> list[Problem]:
    if (c.unit, data["hazard"]) in c.state.hazards:
        return [("hazard", msg("hazard {id} is recorded already", id=data["hazard"]))]
    if data["deadline"] < data["found"]:
        return [("deadline", msg("the deadline is before the hazard was found"))]
    return []


def _rectified(data: dict[str, Any], c: Context) -> list[Problem]:
    hazard = c.state.hazards.get((c.unit, data["hazard"]))
    if hazard is None:
        return [("hazard", msg("no hazard {id} in this unit's register", id=data["hazard"]))]
    if hazard.rectified is not None:
        return [("hazard", msg("rectified already on {day}", day=hazard.rectified))]
    if data["on"] < hazard.found:
        return [("on", msg("before the hazard was found ({day})", day=hazard.found))]
    return []


def _verified(data: dict[str, Any], c: Context) -> list[Problem]:
    hazard = c.state.hazards.get((c.unit, data["hazard"]))
    if hazard is None:
        return [("hazard", msg("no hazard {id} in this unit's register", id=data["hazard"]))]
    if hazard.rectified is None:
        return [("hazard", msg("not rectified yet"))]
    if hazard.verified is not None:
        return [("hazard", msg("verified already on {day}", day=hazard.verified))]
    if data["on"] < hazard.rectified:
        return [("on", msg("before the rectification ({day})", day=hazard.rectified))]
    return []


def _plan_step(data: dict[str, Any], c: Context) -> list[Problem]:
    try:
        procedure = c.pack.procedure(PLAN_LIFE_CYCLE)
    except KeyError:
        return [("step", msg("the plan gives no life cycle of its emergency plans"))]
    done = c.state.plan_steps.get((c.unit, data["plan"]), [])
    refusal = procedure.refusal([s for s, _ in done], data["step"])
    if refusal is not None:
        may = ", ".join(s.id for s in refusal.open) or "-"
        return [
            ("step", msg("{step} may not come now (may: {steps})", step=data["step"], steps=may))
        ]
    if done and data["on"] < done[-1][1]:
        return [("on", msg("before the stage before it ({day})", day=done[-1][1]))]
    return []


def _milestone(data: dict[str, Any], c: Context) -> list[Problem]:
    if c.pack.registers is None or c.pack.registers.project(data["project"]) is None:
        return [("project", msg("no key project {id} in the plan", id=data["project"]))]
    return []


_CHECKS: dict[RecordKind, Callable[[dict[str, Any], Context], list[Problem]]] = {
    RecordKind.FIGURE: _figure,
    RecordKind.POPULATION: _population,
    RecordKind.DEPOT: _depot,
    RecordKind.MOVEMENT: _movement,
    RecordKind.SHELTER: _shelter,
    RecordKind.SHELTER_STATUS: _shelter_status,
    RecordKind.ENTERPRISE: _none,
    RecordKind.OCCURRENCE: _occurrence,
    RecordKind.SHIFT: _shift,
    RecordKind.TRAINING: _training,
    RecordKind.HAZARD: _hazard,
    RecordKind.RECTIFIED: _rectified,
    RecordKind.VERIFIED: _verified,
    RecordKind.PLAN_STEP: _plan_step,
    RecordKind.MILESTONE: _milestone,
}
