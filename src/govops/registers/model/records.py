"""What a register records, kind by kind, and the fields each kind's row has (a sheet's
columns, a form's fields), read by `lawcode.registers.rows`. Every record is an event of
the unit whose register it is, never an edit: a stock is the card's movements, a shelter's
status its history, a hazard its finding, rectification and verification.

Kinds (the plan's article):
- figure: an indicator's yearly figure reported with its source (二(三), 六(四));
- population: the unit's resident population in a year, with its source (二(三)2);
- depot, movement: reserves' depots and their stock card (三(七)5, 四(五));
- shelter, shelter_status: shelters and their status history (三(七)6, 四(六));
- enterprise: an enterprise of a high-risk field on the unit's list (一企一清单, 三(六)1);
- occurrence: a recurring duty done (a meeting, an assessment, a drill with its
  assessment), of the unit or of an enterprise on its list (三(二)3, 三(六)1, 三(七)3);
- shift: a shift of the command centre's 24-hour duty (三(七)1);
- training: disaster information officers trained (三(二)2);
- hazard, rectified, verified: a hazard found, its rectification, its verification
  (三(六)2);
- plan_step: a stage of an emergency plan's life cycle (三(七)3);
- milestone: a key project's milestone (part 四), its due day, the day it was done: given
  again, the newer record (done, or its day moved) stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from govops.lawcode.registers.rows import Field, Kind
from govops.lawcode.registers.shelters import SHELTER_KINDS, ShelterStatus
from govops.lawcode.registers.stock import RESERVE_LEVELS, MovementKind


class RecordKind(Enum):
    FIGURE = "figure"
    POPULATION = "population"
    DEPOT = "depot"
    MOVEMENT = "movement"
    SHELTER = "shelter"
    SHELTER_STATUS = "shelter_status"
    ENTERPRISE = "enterprise"
    OCCURRENCE = "occurrence"
    SHIFT = "shift"
    TRAINING = "training"
    HAZARD = "hazard"
    RECTIFIED = "rectified"
    VERIFIED = "verified"
    PLAN_STEP = "plan_step"
    MILESTONE = "milestone"


_ID = 64  # an identifier's longest
# 三(六)1: 油库、加油站、液氨制冷、燃气储存、易燃易爆危险化学品库房.
HIGH_RISK_FIELDS = (
    "oil_depot",
    "filling_station",
    "ammonia_refrigeration",
    "gas_storage",
    "flammable_chemicals_store",
)

FIELDS: dict[RecordKind, tuple[Field, ...]] = {
    RecordKind.FIGURE: (
        Field("indicator", longest=_ID),
        Field("year", Kind.COUNT),
        Field("value", Kind.FIGURE),
        Field("source"),
    ),
    RecordKind.POPULATION: (
        Field("year", Kind.COUNT),
        Field("residents", Kind.COUNT),
        Field("source"),
    ),
    RecordKind.DEPOT: (
        Field("depot", longest=_ID),
        Field("level", Kind.CHOICE, choices=RESERVE_LEVELS),
        Field("name"),
    ),
    RecordKind.MOVEMENT: (
        Field("depot", longest=_ID),
        Field("item", longest=_ID),
        Field("movement", Kind.CHOICE, choices=tuple(k.value for k in MovementKind)),
        Field("quantity", Kind.FIGURE),
        Field("on", Kind.DAY),
        Field("to_depot", required=False, longest=_ID),
        Field("note", required=False),
    ),
    RecordKind.SHELTER: (
        Field("shelter", longest=_ID),
        Field("kind", Kind.CHOICE, choices=SHELTER_KINDS),
        Field("name"),
        Field("capacity", Kind.COUNT),
        Field("area", Kind.FIGURE),
        Field("streets", Kind.LIST),
        Field("communities", Kind.LIST, required=False),
        Field("national_standard", Kind.FLAG),
    ),
    RecordKind.SHELTER_STATUS: (
        Field("shelter", longest=_ID),
        Field("status", Kind.CHOICE, choices=tuple(s.value for s in ShelterStatus)),
        Field("on", Kind.DAY),
    ),
    RecordKind.ENTERPRISE: (
        Field("enterprise", longest=_ID),
        Field("name"),
        Field("field", Kind.CHOICE, choices=HIGH_RISK_FIELDS),
    ),
    RecordKind.OCCURRENCE: (
        Field("cadence", longest=_ID),
        Field("on", Kind.DAY),
        Field("subject", required=False, longest=_ID),  # an enterprise; none: the unit
        Field("assessment", required=False, longest=2000),  # a drill's assessment
        Field("note", required=False),
    ),
    RecordKind.SHIFT: (
        Field("role", longest=_ID),
        Field("person"),
        Field("start", Kind.TIME),
        Field("end", Kind.TIME),
    ),
    RecordKind.TRAINING: (
        Field("on", Kind.DAY),
        Field("people", Kind.COUNT),
        Field("note", required=False),
    ),
    RecordKind.HAZARD: (
        Field("hazard", longest=_ID),
        Field("found", Kind.DAY),
        Field("deadline", Kind.DAY),
        Field("description"),
    ),
    RecordKind.RECTIFIED: (Field("hazard", longest=_ID), Field("on", Kind.DAY)),
    RecordKind.VERIFIED: (Field("hazard", longest=_ID), Field("on", Kind.DAY)),
    RecordKind.PLAN_STEP: (
        Field("plan", longest=_ID),
        Field("step", longest=_ID),
        Field("on", Kind.DAY),
    ),
    RecordKind.MILESTONE: (
        Field("project", longest=_ID),
        Field("milestone", longest=_ID),
        Field("title"),
        Field("due", Kind.DAY),
        Field("done", Kind.DAY, required=False),
    ),
}


def export_columns(kind: RecordKind) -> list[str]:
    """The columns a kind's records are exported under: its unit, its fields, who recorded
    it and when (a sheet of the fields alone records again)."""
    return ["unit", *(f.name for f in FIELDS[kind]), "recorded_by", "recorded_at"]


@dataclass(frozen=True, slots=True)
class Event:
    """One record of a unit's registers: `data` holds its fields as JSON text values."""

    unit: str
    seq: int
    kind: RecordKind
    data: dict[str, Any]
    actor: str  # username@unit
    recorded_at: datetime  # the server's time, aware
