"""What a duty officer files: a first report or a follow-up, checked before anything is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from govops.incidents.model.incident import Stage
from govops.lawcode.texts.messages import Message, msg

# Control characters cannot be stored in every database nor written into a report: a
# text holding one is refused, since the event log keeps whatever it is given forever.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_KEY = 200


def checked_text(field: str, value: str, required: bool = True) -> str:
    if required and not value.strip():
        raise IncidentInputError(field, REQUIRED)
    if _CONTROL.search(value):
        raise IncidentInputError(field, msg("contains a control character; remove it"))
    return value


class IncidentInputError(ValueError):
    """A field of a report that cannot be accepted; the API answers 422 naming it, a page
    shows `message` (translated) next to it."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


REQUIRED = msg("is required")
REQUIRED_TO_CLOSE = msg("is required to close an incident ({article})", article="6.1.5")


@dataclass(frozen=True, slots=True)
class Intake:
    occurred_at: datetime
    place: str
    township: str
    summary: str
    stage: Stage = Stage.INCIDENT
    causes: tuple[str, ...] = ()
    inputs: dict[str, Any] = field(default_factory=dict)  # grading inputs, as given
    # When the township obtained the information: 5.2's hour to report runs from it ("乡镇
    # 政府在获取信息后"); None: when it occurred.
    obtained_at: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("occurred_at", "obtained_at"):
            moment = getattr(self, name)
            if moment is not None and moment.tzinfo is None:
                raise IncidentInputError(
                    name,
                    msg("needs a time zone, e.g. {example}", example="2026-06-01T09:30+08:00"),
                )
        for name in ("place", "township", "summary"):
            checked_text(name, getattr(self, name))

    @property
    def information_at(self) -> datetime:
        """When the information was obtained (5.2), or else when it occurred."""
        return self.obtained_at or self.occurred_at

    def check_not_after(self, latest: datetime) -> None:
        """IncidentInputError if it occurred, or was learnt of, after `latest` (the
        server's clock, give or take the clocks' skew)."""
        for name, moment in (("occurred_at", self.occurred_at), ("obtained_at", self.obtained_at)):
            if moment is not None and moment > latest:
                raise IncidentInputError(name, msg("is in the future"))


@dataclass(frozen=True, slots=True)
class AfterAction:
    """The closing record of 6.1.5: losses, causes and responsibility, lessons, rectification."""

    loss_assessment: str
    causes: str
    lessons: str
    rectification: str

    def __post_init__(self) -> None:
        for name in ("loss_assessment", "causes", "lessons", "rectification"):
            if not getattr(self, name).strip():
                raise IncidentInputError(name, REQUIRED_TO_CLOSE)
            checked_text(name, getattr(self, name))
