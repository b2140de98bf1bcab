"""The lifecycle of each area's rainstorm warning: fed the area's steps minute by minute, it
issues a warning when a level is first reached (发布), upgrades (升级) or downgrades (降级)
it as the level changes, and cancels it (解除) when no level is reached any more. An
unchanged level is no event. Each event gets its CAP identifier (GB/T 35965.1 style) and
refers to the earlier alerts of the same warning.

The whole state is plain data (`to_dict` / `from_dict`): a restarted engine resumes where it
stopped, and steps at or before an area's last step are refused, never taken twice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from govops.lawcode.texts.messages import Message, msg
from govops.warnings.model.identifiers import (
    AlertIdentifier,
    IdentifierError,
    beijing_second,
    division_code_12,
    unit_code,
)
from govops.warnings.model.state import LifecycleError, LifecycleState, OpenWarning
from govops.warnings.model.warning import LEVELS, AreaStep, EventKind, WarningEvent, rank

_STAMP = "%Y%m%d%H%M%S"
_PREFIX_CODE = slice(0, 12)  # the area code in an identifier's prefix
_PREFIX_TIME = slice(15, 29)  # its 14 time digits


def event_kind(before: str | None, after: str | None) -> EventKind | None:
    """The event that takes an area from level `before` to `after` (None: no warning)."""
    if rank(after) == rank(before):
        return None
    if before is None:
        return EventKind.ISSUE
    if after is None:
        return EventKind.CANCEL
    return EventKind.UPGRADE if rank(after) > rank(before) else EventKind.DOWNGRADE


class WarningLifecycle:
    """The warnings of every area one office issues for.

    `unit` is the issuing unit's 3-character code in the identifiers. `issuer_code` is the
    division code placed in every identifier (e.g. the district's 110102, when the district
    centre issues for its streets); None places each area's own code. Alerts sharing code,
    unit and second are numbered 01, 02 ...; with a shared issuer code, feed the areas'
    steps in time order across areas (minute by minute, as the engine produces them)."""

    def __init__(self, unit: str = "001", issuer_code: str | None = None) -> None:
        self.unit = unit_code(unit)
        self.issuer_code = None if issuer_code is None else division_code_12(issuer_code)
        self._states: dict[str, LifecycleState] = {}
        self._numbered: dict[str, int] = {}  # identifier prefix -> last sequence used

    def state(self, area: str) -> LifecycleState:
        return self._states.get(area) or LifecycleState(area)

    def states(self) -> tuple[LifecycleState, ...]:
        return tuple(self._states.values())

    def feed(self, steps: Iterable[AreaStep]) -> list[WarningEvent]:
        """The events of `steps`, in order (steps in time order within each area)."""
        return [event for step in steps if (event := self.advance(step)) is not None]

    def advance(self, step: AreaStep) -> WarningEvent | None:
        """Take one step of one area: the event it causes, if its level changed."""
        before = self.state(step.area)
        self._check(step, before)
        current = before.warning
        kind = event_kind(None if current is None else current.level, step.level)
        event = None if kind is None else self._event(step, kind, current)
        if event is None:
            after = current
        elif event.level is None:
            after = None
        else:
            identifiers = (*event.references, event.identifier)
            after = OpenWarning(event.warning_id, event.level, event.seq, identifiers)
        self._states[step.area] = LifecycleState(step.area, step.at, after)
        self._forget_numbers(self._code(step.area))
        return event

    def _event(self, step: AreaStep, kind: EventKind, current: OpenWarning | None) -> WarningEvent:
        if current is None:  # an issue opens a new warning, named by its area and time
            warning_id, seq, previous = f"{step.area}-{self._stamp(step.at)}", 1, None
            references: tuple[str, ...] = ()
        else:
            warning_id, seq, previous = current.warning_id, current.seq + 1, current.level
            references = current.identifiers
        return WarningEvent(
            warning_id=warning_id,
            area=step.area,
            seq=seq,
            kind=kind,
            level=step.level,
            previous=previous,
            at=step.at,
            identifier=self._next_identifier(step),
            step=step,
            references=references,
        )

    def _check(self, step: AreaStep, before: LifecycleState) -> None:
        if step.level is not None and step.level not in LEVELS:
            raise LifecycleError(
                msg(
                    "area {area}: level {level} is not one of {levels}",
                    area=step.area,
                    level=repr(step.level),
                    levels=", ".join(LEVELS),
                )
            )
        if step.at.tzinfo is None or step.at.utcoffset() is None:
            raise LifecycleError(
                msg(
                    "area {area}: step time {time} has no time zone",
                    area=step.area,
                    time=str(step.at),
                )
            )
        try:
            code = self._code(step.area)
        except IdentifierError as error:
            raise LifecycleError(_area_error(step.area, error)) from None
        if before.last_at is not None and step.at <= before.last_at:
            raise LifecycleError(
                msg(
                    "area {area}: step at {time} is not after the last step taken, {last}",
                    area=step.area,
                    time=step.at.isoformat(),
                    last=before.last_at.isoformat(),
                )
            )
        if before.last_at is None and self._stamp(step.at) < self._floor(code):
            raise LifecycleError(
                msg(
                    "area {area}: first step at {time} is earlier than alerts already numbered "
                    "under the shared issuer code; feed steps in time order",
                    area=step.area,
                    time=step.at.isoformat(),
                )
            )

    def _code(self, area: str) -> str:
        return division_code_12(self.issuer_code or area)

    @staticmethod
    def _stamp(moment: datetime) -> str:
        return beijing_second(moment).strftime(_STAMP)

    def _floor(self, code: str) -> str:
        """The earliest second at which an area numbered under `code` may still issue."""
        stamps = [
            self._stamp(s.last_at)
            for s in self._states.values()
            if s.last_at is not None and self._code(s.area) == code
        ]
        return min(stamps, default="")

    def _next_identifier(self, step: AreaStep) -> str:
        first = AlertIdentifier.build(self._code(step.area), self.unit, step.at, 1)
        sequence = self._numbered.get(first.prefix, 0) + 1
        try:
            identifier = AlertIdentifier.build(first.area_code, self.unit, step.at, sequence)
        except IdentifierError as error:
            raise LifecycleError(_area_error(step.area, error)) from None
        self._numbered[first.prefix] = sequence
        return str(identifier)

    def _forget_numbers(self, code: str) -> None:
        """Drop the counts of seconds no area under `code` can issue in any more."""
        if not any(prefix[_PREFIX_CODE] == code for prefix in self._numbered):
            return
        floor = self._floor(code)
        self._numbered = {
            prefix: sequence
            for prefix, sequence in self._numbered.items()
            if prefix[_PREFIX_CODE] != code or prefix[_PREFIX_TIME] >= floor
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "issuer_code": self.issuer_code,
            "areas": [state.to_dict() for state in self._states.values()],
            "numbered": dict(self._numbered),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WarningLifecycle:
        try:
            lifecycle = cls(data["unit"], data["issuer_code"])
            states = [LifecycleState.from_dict(saved) for saved in data["areas"]]
            numbered = dict(data["numbered"])
            for prefix, sequence in numbered.items():
                AlertIdentifier.build(*_split_prefix(prefix), sequence)
        except (KeyError, TypeError, IdentifierError) as error:
            raise LifecycleError(
                msg("saved lifecycle is not readable: {error}", error=str(error))
            ) from None
        lifecycle._states = {state.area: state for state in states}
        lifecycle._numbered = numbered
        return lifecycle


def _split_prefix(prefix: str) -> tuple[str, str, datetime]:
    """A saved identifier prefix back in its parts (checked by parsing it whole)."""
    parsed = AlertIdentifier.parse(f"{prefix}01")
    return parsed.area_code, parsed.unit, parsed.issued


def _area_error(area: str, error: IdentifierError) -> Message:
    """An identifier that cannot be made for the area (an internal error: English)."""
    return msg("area {area}: {error}", area=area, error=str(error))
