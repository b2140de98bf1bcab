"""What the warning lifecycle remembers of each area between two minutes, as plain data, so
the streaming engine and the service can store it and resume after a restart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govops.lawcode.texts.messages import Message, msg
from govops.warnings.model.warning import LEVELS


class LifecycleError(ValueError):
    """A step the lifecycle cannot take (out of time order, unknown level) or a saved state
    it cannot read, with why as a message (translated where it is shown)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class OpenWarning:
    """An area's warning in force: from its issue until it is cancelled."""

    warning_id: str
    level: str
    seq: int  # the number of the latest event of this warning (1 for the issue)
    identifiers: tuple[str, ...]  # the CAP identifiers of its alerts so far, oldest first


@dataclass(frozen=True, slots=True)
class LifecycleState:
    """One area: the time of the last step taken and the warning in force, if any."""

    area: str
    last_at: datetime | None = None
    warning: OpenWarning | None = None

    def to_dict(self) -> dict[str, Any]:
        warning = self.warning
        return {
            "area": self.area,
            "last_at": None if self.last_at is None else self.last_at.isoformat(),
            "warning": None
            if warning is None
            else {
                "warning_id": warning.warning_id,
                "level": warning.level,
                "seq": warning.seq,
                "identifiers": list(warning.identifiers),
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LifecycleState:
        try:
            area = _text(data["area"], "area")
            last_at = None if data["last_at"] is None else _aware(data["last_at"])
            saved = data["warning"]
            warning = None if saved is None else _open_warning(saved)
        except (KeyError, TypeError) as error:
            raise LifecycleError(
                msg("saved lifecycle state is incomplete: {error}", error=str(error))
            ) from None
        if warning is not None and last_at is None:
            raise LifecycleError(
                msg("saved state of area {area} has a warning but no last step", area=area)
            )
        return cls(area, last_at, warning)


def _open_warning(saved: Mapping[str, Any]) -> OpenWarning:
    level = saved["level"]
    if level not in LEVELS:
        raise LifecycleError(
            msg(
                "saved warning level {level} is not one of {levels}",
                level=repr(level),
                levels=", ".join(LEVELS),
            )
        )
    identifiers = tuple(_text(i, "identifier") for i in saved["identifiers"])
    seq = saved["seq"]
    if not isinstance(seq, int) or seq < 1 or seq != len(identifiers):
        raise LifecycleError(
            msg(
                "saved warning {warning} has seq {seq} but {count} alert identifiers",
                warning=repr(saved["warning_id"]),
                seq=repr(seq),
                count=str(len(identifiers)),
            )
        )
    return OpenWarning(_text(saved["warning_id"], "warning_id"), level, seq, identifiers)


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise LifecycleError(
            msg("saved {name} {value} is not a non-empty string", name=name, value=repr(value))
        )
    return value


def _aware(value: object) -> datetime:
    text = _text(value, "time")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise LifecycleError(
            msg("saved time {time} is not an ISO 8601 time", time=repr(text))
        ) from None
    if moment.tzinfo is None:
        raise LifecycleError(msg("saved time {time} has no time zone", time=repr(text)))
    return moment
