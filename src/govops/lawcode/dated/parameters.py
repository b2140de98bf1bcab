"""Dated parameters: a value per validity period, each with its own citation."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg

ParameterValue = int | Decimal | bool | str


class ParameterError(KeyError):
    """A parameter that is unknown, or not in force on the date asked. A KeyError, so that
    a snapshot behaves as a mapping (`in`, `.get`). `message` says which (a Message,
    translated where it is shown; str() is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True, slots=True)
class DatedValue:
    """A value in force from `start` (inclusive) until `end` (exclusive); None is open."""

    start: date | None
    end: date | None
    value: ParameterValue
    cite: Citation

    def in_force_on(self, day: date) -> bool:
        after_start = self.start is None or self.start <= day
        before_end = self.end is None or day < self.end
        return after_start and before_end

    def overlaps(self, other: DatedValue) -> bool:
        starts_before_other_ends = other.end is None or self.start is None or self.start < other.end
        ends_after_other_starts = self.end is None or other.start is None or other.start < self.end
        return starts_before_other_ends and ends_after_other_starts


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    values: tuple[DatedValue, ...]
    unit: str | None = None
    description: str = ""

    def overlapping_periods(self) -> list[tuple[DatedValue, DatedValue]]:
        return [
            (first, second)
            for index, first in enumerate(self.values)
            for second in self.values[index + 1 :]
            if first.overlaps(second)
        ]


@dataclass(frozen=True, slots=True)
class ParameterVersion:
    """The version of a parameter that a decision used: the trace reports it."""

    name: str
    value: ParameterValue
    start: date | None
    end: date | None
    cite: Citation
    overridden: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": self.value,
            "valid_from": self.start.isoformat() if self.start else None,
            "valid_to": self.end.isoformat() if self.end else None,
            "cite": str(self.cite),
            "what_if": self.overridden,
        }


class ParameterSnapshot(Mapping[str, ParameterVersion]):
    """The parameters in force on one date."""

    def __init__(self, as_of: date, versions: Mapping[str, ParameterVersion]) -> None:
        self.as_of = as_of
        self._versions = dict(versions)

    def __getitem__(self, name: str) -> ParameterVersion:
        try:
            return self._versions[name]
        except KeyError:
            raise ParameterError(
                msg(
                    "parameter {name} has no value in force on {day}",
                    name=repr(name),
                    day=self.as_of,
                )
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._versions)

    def __len__(self) -> int:
        return len(self._versions)

    def with_override(self, name: str, value: ParameterValue) -> ParameterSnapshot:
        """A what-if copy: one parameter set to another value, marked as such in traces."""
        changed = replace(self[name], value=value, overridden=True)
        return ParameterSnapshot(self.as_of, {**self._versions, name: changed})


@dataclass(frozen=True, slots=True)
class ParameterSet:
    parameters: Mapping[str, Parameter]

    def as_of(self, day: date) -> ParameterSnapshot:
        versions: dict[str, ParameterVersion] = {}
        for name, parameter in self.parameters.items():
            for dated in parameter.values:
                if dated.in_force_on(day):
                    versions[name] = ParameterVersion(
                        name, dated.value, dated.start, dated.end, dated.cite
                    )
        return ParameterSnapshot(day, versions)
