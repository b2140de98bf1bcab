"""What the warning module works on and produces: an area's state at one minute (from the
statistics engine, batch or streaming) and the warning events that follow from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum

from govops.lawcode.sources.citations import Citation

# Levels from lowest to highest; None is "no warning".
LEVELS = ("blue", "yellow", "orange", "red")


def rank(level: str | None) -> int:
    """0 for no warning, 1 (blue) to 4 (red)."""
    return 0 if level is None else LEVELS.index(level) + 1


class EventKind(Enum):
    ISSUE = "issue"  # 发布: a warning where there was none
    UPGRADE = "upgrade"  # 升级
    DOWNGRADE = "downgrade"  # 降级
    CANCEL = "cancel"  # 解除


@dataclass(frozen=True, slots=True)
class StationReading:
    """One station's accumulations at the minute, in millimetres (exact: hundredths)."""

    station: str
    rain: dict[str, Decimal]  # window name (rain_1h ... rain_24h) -> mm


@dataclass(frozen=True, slots=True)
class AreaStep:
    """An area at one minute: its level by the pack's rule, why, and its statistics."""

    area: str
    at: datetime  # aware, the end of the minute, Asia/Shanghai
    level: str | None
    clause_id: str | None  # the signal table's deciding clause
    cite: Citation | None  # that clause's citation
    method: str  # "max" (highest station) or "mean" (areal mean), the pack's parameter
    reporting: int  # stations counting: an observation within the last 10 minutes
    stations: int  # stations placed in the area
    mean: dict[str, Decimal]  # window -> mean over the reporting stations, mm
    maximum: dict[str, Decimal]  # window -> maximum over the reporting stations, mm
    deciding: tuple[StationReading, ...]  # the station(s) whose accumulation decided
    # The sub-area (a street of a district) whose level, held through a gap in its data
    # (no station of it reporting), is above the area's own and so is the area's (max
    # method): the level and clause are that sub-area's, held, and `deciding` is empty.
    # None: the level is decided on the area's own reporting stations.
    held_via: str | None = None


@dataclass(frozen=True, slots=True)
class WarningEvent:
    """One change of an area's warning. `warning_id` names the warning from its issue to
    its cancellation; `identifier` names this event's CAP alert (GB/T 35965.1 style)."""

    warning_id: str
    area: str
    seq: int  # 1 for the issue, then 2, 3 ... within the warning
    kind: EventKind
    level: str | None  # the level after the event; None once cancelled
    previous: str | None
    at: datetime
    identifier: str
    step: AreaStep  # the state that caused it: stations, accumulations, clause, citation
    references: tuple[str, ...] = ()  # identifiers of the earlier alerts of this warning
