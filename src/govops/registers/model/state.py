"""The registers' state folded from their events (of one unit, or of every unit a reader
sees): the latest figure of each indicator and year, the depots and the stock card, the
shelters and their status history, the duties done, the shifts, the training, the hazards
as found, rectified and verified, each plan's stages, the key projects' milestones. Nothing
is edited: a figure given again for the same unit, indicator and year is the newer report,
the older kept in the record."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from govops.lawcode.registers.hazards import Hazard
from govops.lawcode.registers.roster import Shift
from govops.lawcode.registers.shelters import Shelter, ShelterStatus, StatusChange
from govops.lawcode.registers.stock import Depot, Movement, MovementKind
from govops.registers.model.records import Event, RecordKind


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal
    source: str
    actor: str


@dataclass(frozen=True, slots=True)
class Occurrence:
    unit: str
    cadence: str
    subject: str  # the unit, or the enterprise it names
    on: date
    assessment: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Milestone:
    unit: str
    project: str
    id: str
    title: str
    due: date
    done: date | None


@dataclass
class RegisterState:
    figures: dict[tuple[str, str, int], Figure] = field(default_factory=dict)
    populations: dict[tuple[str, int], int] = field(default_factory=dict)
    depots: dict[str, Depot] = field(default_factory=dict)
    depot_names: dict[str, str] = field(default_factory=dict)
    movements: list[Movement] = field(default_factory=list)
    shelters: dict[str, Shelter] = field(default_factory=dict)
    shelter_names: dict[str, str] = field(default_factory=dict)
    shelter_units: dict[str, str] = field(default_factory=dict)
    statuses: list[StatusChange] = field(default_factory=list)
    enterprises: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # name, field
    occurrences: list[Occurrence] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)
    trainings: list[tuple[str, date, int]] = field(default_factory=list)  # unit, day, people
    hazards: dict[tuple[str, str], Hazard] = field(default_factory=dict)  # (unit, id)
    hazard_texts: dict[tuple[str, str], str] = field(default_factory=dict)
    plan_steps: dict[tuple[str, str], list[tuple[str, date]]] = field(default_factory=dict)
    milestones: dict[tuple[str, str, str], Milestone] = field(default_factory=dict)


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _figure(state: RegisterState, e: Event) -> None:
    key = (e.unit, e.data["indicator"], int(e.data["year"]))
    state.figures[key] = Figure(Decimal(e.data["value"]), e.data["source"], e.actor)


def _population(state: RegisterState, e: Event) -> None:
    state.populations[(e.unit, int(e.data["year"]))] = int(e.data["residents"])


def _depot(state: RegisterState, e: Event) -> None:
    state.depots[e.data["depot"]] = Depot(e.data["depot"], e.data["level"], e.unit)
    state.depot_names[e.data["depot"]] = e.data["name"]


def _movement(state: RegisterState, e: Event) -> None:
    state.movements.append(movement_of(e.data))


def movement_of(data: dict[str, str]) -> Movement:
    kind = MovementKind(data["movement"])
    to_depot = data.get("to_depot") or None
    return Movement(
        kind, data["depot"], data["item"], Decimal(data["quantity"]), _day(data["on"]), to_depot
    )


def _shelter(state: RegisterState, e: Event) -> None:
    d = e.data
    state.shelters[d["shelter"]] = Shelter(
        d["shelter"],
        d["kind"],
        int(d["capacity"]),
        Decimal(d["area"]),
        tuple(d["streets"]),
        tuple(d.get("communities") or ()),
        bool(d["national_standard"]),
    )
    state.shelter_names[d["shelter"]] = d["name"]
    state.shelter_units[d["shelter"]] = e.unit


def _shelter_status(state: RegisterState, e: Event) -> None:
    change = StatusChange(e.data["shelter"], ShelterStatus(e.data["status"]), _day(e.data["on"]))
    state.statuses.append(change)


def _enterprise(state: RegisterState, e: Event) -> None:
    state.enterprises[(e.unit, e.data["enterprise"])] = (e.data["name"], e.data["field"])


def _occurrence(state: RegisterState, e: Event) -> None:
    d = e.data
    subject = d.get("subject") or e.unit
    done = Occurrence(
        e.unit, d["cadence"], subject, _day(d["on"]), d.get("assessment"), d.get("note")
    )
    state.occurrences.append(done)


def _shift(state: RegisterState, e: Event) -> None:
    d = e.data
    start, end = datetime.fromisoformat(d["start"]), datetime.fromisoformat(d["end"])
    state.shifts.append(Shift(e.unit, d["role"], d["person"], start, end))


def _training(state: RegisterState, e: Event) -> None:
    state.trainings.append((e.unit, _day(e.data["on"]), int(e.data["people"])))


def _hazard(state: RegisterState, e: Event) -> None:
    d = e.data
    key = (e.unit, d["hazard"])
    state.hazards[key] = Hazard(d["hazard"], e.unit, _day(d["found"]), _day(d["deadline"]))
    state.hazard_texts[key] = d["description"]


def _rectified(state: RegisterState, e: Event) -> None:
    key = (e.unit, e.data["hazard"])
    state.hazards[key] = replace(state.hazards[key], rectified=_day(e.data["on"]))


def _verified(state: RegisterState, e: Event) -> None:
    key = (e.unit, e.data["hazard"])
    state.hazards[key] = replace(state.hazards[key], verified=_day(e.data["on"]))


def _plan_step(state: RegisterState, e: Event) -> None:
    steps = state.plan_steps.setdefault((e.unit, e.data["plan"]), [])
    steps.append((e.data["step"], _day(e.data["on"])))


def _milestone(state: RegisterState, e: Event) -> None:
    d = e.data
    done = _day(d["done"]) if d.get("done") else None
    found = Milestone(e.unit, d["project"], d["milestone"], d["title"], _day(d["due"]), done)
    state.milestones[(e.unit, d["project"], d["milestone"])] = found


_FOLD: dict[RecordKind, Callable[[RegisterState, Event], None]] = {
    RecordKind.FIGURE: _figure,
    RecordKind.POPULATION: _population,
    RecordKind.DEPOT: _depot,
    RecordKind.MOVEMENT: _movement,
    RecordKind.SHELTER: _shelter,
    RecordKind.SHELTER_STATUS: _shelter_status,
    RecordKind.ENTERPRISE: _enterprise,
    RecordKind.OCCURRENCE: _occurrence,
    RecordKind.SHIFT: _shift,
    RecordKind.TRAINING: _training,
    RecordKind.HAZARD: _hazard,
    RecordKind.RECTIFIED: _rectified,
    RecordKind.VERIFIED: _verified,
    RecordKind.PLAN_STEP: _plan_step,
    RecordKind.MILESTONE: _milestone,
}


def fold(events: Iterable[Event], state: RegisterState | None = None) -> RegisterState:
    """The state after `events` (in their recorded order), onto `state` when given."""
    folded = state if state is not None else RegisterState()
    for event in events:
        _FOLD[event.kind](folded, event)
    return folded
