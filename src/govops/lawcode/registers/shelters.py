"""Shelters (三(七)6, 四(六)): each of a kind, with its capacity in people and area, the
streets and communities it serves, and a status history; how many the district built in a
year (二(三)1 表1 item 6: 每年建设符合国家标准的地震应急避难场所 2处; 四(六): 10处以上 in
the period), and whether every street is served (三(七)6, 二(三)2: 实现避难场所全覆盖).

Readings: a shelter counts as built in the year it first opened; a street is covered when
at least one open shelter serves it (the plan gives no capacity per resident, so capacity
against population is shown, not judged)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

SHELTER_KINDS = (
    "earthquake_shelter",  # 地震应急避难场所
    "evacuation_point",  # 临时应急疏散点
    "convertible_building",  # 大型公共建筑, 可转为方舱医院或后备救济救灾场所
)


class ShelterStatus(Enum):
    PLANNED = "planned"
    BUILDING = "building"
    OPEN = "open"
    CLOSED = "closed"  # out of use, for repair or for good


@dataclass(frozen=True, slots=True)
class Shelter:
    id: str
    kind: str  # one of SHELTER_KINDS
    capacity: int  # people
    area: Decimal  # square metres
    streets: tuple[str, ...]  # the streets it serves
    communities: tuple[str, ...] = ()  # the communities it serves, where named
    national_standard: bool = False  # built to the national standard (符合国家标准)


@dataclass(frozen=True, slots=True)
class StatusChange:
    shelter: str
    status: ShelterStatus
    on: date


@dataclass(frozen=True, slots=True)
class StreetCover:
    street: str
    shelters: tuple[str, ...]  # the open shelters serving it
    capacity: int
    population: int

    @property
    def covered(self) -> bool:
        return bool(self.shelters)


def status_on(changes: Iterable[StatusChange], shelter: str, on: date) -> ShelterStatus | None:
    """The shelter's status at the end of `on` (None before its first record): the latest
    change, the last recorded where several fall on one day."""
    dated = sorted((c for c in changes if c.shelter == shelter and c.on <= on), key=lambda c: c.on)
    return dated[-1].status if dated else None


def first_opened(changes: Iterable[StatusChange], shelter: str) -> date | None:
    opened = [c.on for c in changes if c.shelter == shelter and c.status is ShelterStatus.OPEN]
    return min(opened) if opened else None


def built_in(
    shelters: Sequence[Shelter], changes: Sequence[StatusChange], year: int, kind: str
) -> list[str]:
    """The shelters of `kind` built to the national standard that first opened in `year`."""
    return [
        s.id
        for s in shelters
        if s.kind == kind
        and s.national_standard
        and (opened := first_opened(changes, s.id)) is not None
        and opened.year == year
    ]


def street_cover(
    shelters: Sequence[Shelter],
    changes: Sequence[StatusChange],
    populations: Mapping[str, int],
    on: date,
) -> list[StreetCover]:
    """Each street of `populations`: the open shelters serving it on `on`, their capacity."""
    open_ = [s for s in shelters if status_on(changes, s.id, on) is ShelterStatus.OPEN]
    covers = []
    for street, population in populations.items():
        serving = [s for s in open_ if street in s.streets]
        capacity = sum(s.capacity for s in serving)
        covers.append(StreetCover(street, tuple(s.id for s in serving), capacity, population))
    return covers
