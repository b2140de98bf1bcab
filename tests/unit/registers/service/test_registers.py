"""The registers' use cases over an in-memory store: rows recorded all at once or not at
all (every refusal listed with its line and column), events numbered after the unit's last
and signed `username@unit`, a concurrent writer's event read again and the rows checked
anew; who may record and read where; the boards of districts and streets only; the
export of a kind's records with who recorded them and when."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from types import TracebackType
from typing import Self

import pytest

from govops.accounts.model.roles import builtin_catalogue_text, parse_catalogue
from govops.lawcode.sources.pack import Pack
from govops.platform.identity.actor import Actor, Grant
from govops.registers.model.records import Event, RecordKind
from govops.registers.ports import RegisterConflictError, RegisterRepository
from govops.registers.service.access import NotAllowedError, RegisterNotFoundError
from govops.registers.service.registers import (
    RecordInputError,
    RegisterService,
    RowsRefusedError,
)
from tests.unit.registers.builders import TREE, depot, events, hazard

CATALOGUE = parse_catalogue(builtin_catalogue_text())
NOW = datetime(2024, 12, 31, 17, 0, tzinfo=UTC)  # 2025-01-01 01:00 in Beijing


def actor(username: str, role: str, unit: str) -> Actor:
    return Actor(username, username, username, (Grant(role, unit),), CATALOGUE, TREE)


DISTRICT = actor("li", "district_emergency_staff", "d1")
STREET = actor("zhou", "street_staff", "s1")
VIEWER = actor("kan", "viewer", "d1")


class MemoryRegisters:
    """Committed events in the order recorded; `intruders`: events another writer commits
    just before the next append."""

    def __init__(self, *events: Event) -> None:
        self.events = list(events)
        self.intruders: list[list[Event]] = []
        self.commits = 0


class MemoryRepository:
    def __init__(self, store: MemoryRegisters, pending: list[Event]) -> None:
        self._store, self._pending = store, pending

    def append(self, events: list[Event]) -> None:
        if self._store.intruders:
            self._store.events += self._store.intruders.pop(0)
        for event in events:
            taken = [*self._store.events, *self._pending]
            if any((e.unit, e.seq) == (event.unit, event.seq) for e in taken):
                raise RegisterConflictError(f"already taken: {event.unit} seq {event.seq}")
            self._pending.append(event)

    def events(self, units: Collection[str]) -> list[Event]:
        return [e for e in self._store.events if e.unit in set(units)]

    def last_seq(self, unit: str) -> int:
        return max((e.seq for e in self._store.events if e.unit == unit), default=0)


class MemoryUnitOfWork:
    def __init__(self, store: MemoryRegisters) -> None:
        self._store = store
        self._pending: list[Event] = []
        self.registers: RegisterRepository = MemoryRepository(store, self._pending)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._pending.clear()  # what was not committed is rolled back

    def commit(self) -> None:
        self._store.events += self._pending
        self._pending.clear()
        self._store.commits += 1


@pytest.fixture
def store() -> MemoryRegisters:
    return MemoryRegisters()


@pytest.fixture
def service(store: MemoryRegisters, pack: Pack) -> RegisterService:
    return RegisterService(lambda: MemoryUnitOfWork(store), lambda: NOW, pack)


def refusals(error: pytest.ExceptionInfo[RowsRefusedError]) -> list[tuple[int, str, str]]:
    return [(r.line, r.column, r.message.id) for r in error.value.refused]


HAZARD = {"hazard": "h1", "found": "2024-03-01", "deadline": "2024-04-01", "description": "堵塞"}
RECEIPT = {"depot": "dep-1", "item": "quilt", "movement": "receipt", "quantity": "100"}


def test_events_are_numbered_after_the_units_last_and_signed(pack: Pack) -> None:
    store = MemoryRegisters(*events(depot("s1", "dep-1"), depot("s1", "dep-2")))
    store.events.append(replace(events(depot("s2", "dep-9"))[0], seq=7))  # another unit's
    service = RegisterService(lambda: MemoryUnitOfWork(store), lambda: NOW, pack)
    rows = [
        (2, {**RECEIPT, "on": "2024-03-01", "note": ""}),
        (3, {**RECEIPT, "movement": "issue", "quantity": "100", "on": "2024-03-02"}),
    ]
    recorded = service.record(STREET, "s1", "movement", rows)
    assert (recorded.unit, recorded.kind) == ("s1", RecordKind.MOVEMENT)
    assert [(e.unit, e.seq, e.actor, e.recorded_at) for e in recorded.events] == [
        ("s1", 3, "zhou@s1", NOW),
        ("s1", 4, "zhou@s1", NOW),  # the issue sees the receipt before it
    ]
    assert recorded.events[0].data == {**RECEIPT, "on": "2024-03-01"}  # the empty left out
    assert store.events[-2:] == list(recorded.events)
    assert store.commits == 1


def test_the_unit_of_the_grant_used_signs(service: RegisterService) -> None:
    recorded = service.record(DISTRICT, "s1-a", "hazard", [(2, HAZARD)])
    assert [(e.unit, e.seq, e.actor) for e in recorded.events] == [("s1-a", 1, "li@d1")]
    street = service.record(STREET, "s1-a", "hazard", [(2, {**HAZARD, "hazard": "h2"})])
    assert street.events[0].actor == "zhou@s1"


def test_rows_are_recorded_all_or_none_with_every_refusal(
    service: RegisterService, store: MemoryRegisters
) -> None:
    rows = [
        (2, {**HAZARD, "colour": "  "}),  # a blank cell of no column is no refusal
        (3, {**HAZARD, "hazard": "h2", "found": "1 March", "description": ""}),
        (4, {**HAZARD, "hazard": "h3", "colour": "red", "deadline": "2024-02-01"}),
        (5, HAZARD),  # line 2 recorded it
        (6, {**HAZARD, "hazard": "h4", "deadline": "2024-02-29"}),
    ]
    with pytest.raises(RowsRefusedError) as refused:
        service.record(STREET, "s1", "hazard", rows)
    assert refusals(refused) == [
        (3, "found", "{value} is no day (YYYY-MM-DD)"),
        (3, "description", "a value is needed"),
        (4, "colour", "no such column for {kind}"),  # its other cells are not checked then
        (5, "hazard", "hazard {id} is recorded already"),
        (6, "deadline", "the deadline is before the hazard was found"),
    ]
    assert refused.value.refused[2].message.values == {"kind": "hazard"}
    assert (store.events, store.commits) == ([], 0)


def test_an_unknown_kind_is_refused(service: RegisterService, store: MemoryRegisters) -> None:
    with pytest.raises(RecordInputError) as refused:
        service.record(STREET, "s1", "lighthouse", [(2, HAZARD)])
    assert refused.value.message.id == "{value} is not one of {choices}"
    assert refused.value.message.values["value"] == "lighthouse"
    choices = str(refused.value.message.values["choices"]).split(", ")
    assert choices == [k.value for k in RecordKind]
    assert store.events == []


def test_the_rows_are_checked_again_after_a_concurrent_writer(
    service: RegisterService, store: MemoryRegisters
) -> None:
    store.intruders.append(events(depot("s1", "dep-0")))  # takes seq 1 just before
    row = {"depot": "dep-1", "level": "street", "name": "库"}
    recorded = service.record(STREET, "s1", "depot", [(2, row)])
    assert [(e.seq, e.data["depot"]) for e in recorded.events] == [(2, "dep-1")]
    assert [(e.seq, e.actor) for e in store.events] == [(1, "tester@s1"), (2, "zhou@s1")]
    found = replace(events(hazard("s1", "h1", "2024-03-01", "2024-04-01"))[0], seq=3)
    store.intruders.append([found])  # the same hazard, recorded first by another
    with pytest.raises(RowsRefusedError) as refused:
        service.record(STREET, "s1", "hazard", [(2, HAZARD)])
    assert refusals(refused) == [(2, "hazard", "hazard {id} is recorded already")]
    assert [e.seq for e in store.events] == [1, 2, 3] and store.commits == 1


def test_another_streets_registers_are_unknown_to_street_staff(
    service: RegisterService, store: MemoryRegisters
) -> None:
    for unit in ("s2", "s2-a", "d1", "s9", "s1-office"):  # no registers of an office
        with pytest.raises(RegisterNotFoundError) as refused:
            service.record(STREET, unit, "hazard", [(2, HAZARD)])
        assert refused.value.message.id == "no registers of unit {unit}"
        assert refused.value.message.values == {"unit": repr(unit)}
    assert store.events == []


def test_a_viewer_reads_but_may_not_record(
    service: RegisterService, store: MemoryRegisters
) -> None:
    with pytest.raises(NotAllowedError) as refused:
        service.record(VIEWER, "s1", "hazard", [(2, HAZARD)])
    assert refused.value.message.id == "you do not hold the permission {permission} at {unit}"
    assert refused.value.message.values == {"permission": "register.record", "unit": "s1"}
    assert store.events == []
    assert service.board(VIEWER, "s1").unit == "s1"


def test_boards_are_a_districts_and_a_streets(service: RegisterService) -> None:
    service.record(STREET, "s1", "training", [(2, {"on": "2024-05-01", "people": "30"})])
    service.record(DISTRICT, "s2-a", "training", [(2, {"on": "2024-09-01", "people": "12"})])
    shown = service.board(DISTRICT, "d1")
    assert (shown.unit, shown.on, shown.year) == ("d1", date(2025, 1, 1), 2024)  # Beijing's day
    [trained] = [r for r in shown.indicators if r.indicator.id == "disaster_officers_trained"]
    assert trained.figures[2024] == Decimal(42)
    assert "reserves_district" in {a.register for a in shown.alerts}
    own = service.board(STREET, "s1", date(2024, 12, 31))
    [trained] = [r for r in own.indicators if r.indicator.id == "disaster_officers_trained"]
    assert (own.year, trained.figures[2024]) == (2024, Decimal(30))
    assert not {"reserves_share", "reserves_district", "shelters"} & {
        a.register for a in own.alerts
    }
    for unit in ("s1-a", "s1-office"):
        with pytest.raises(RegisterNotFoundError):
            service.board(DISTRICT, unit)
    with pytest.raises(RegisterNotFoundError):
        service.board(STREET, "d1")


def test_the_export_of_a_kinds_records_says_who_recorded_them_and_when(
    service: RegisterService,
) -> None:
    service.record(STREET, "s1", "training", [(2, {"on": "2024-05-01", "people": "30"})])
    service.record(DISTRICT, "s2-a", "training", [(2, {"on": "2024-09-01", "people": "12"})])
    service.record(STREET, "s1", "hazard", [(2, HAZARD)])
    at = "2024-12-31T17:00:00+00:00"
    assert service.rows(DISTRICT, "d1", RecordKind.TRAINING) == [
        {
            "unit": "s1",
            "on": "2024-05-01",
            "people": 30,
            "recorded_by": "zhou@s1",
            "recorded_at": at,
        },
        {
            "unit": "s2-a",
            "on": "2024-09-01",
            "people": 12,
            "recorded_by": "li@d1",
            "recorded_at": at,
        },
    ]
    assert [r["unit"] for r in service.rows(STREET, "s1", RecordKind.TRAINING)] == ["s1"]
    assert [r["hazard"] for r in service.rows(VIEWER, "d1", RecordKind.HAZARD)] == ["h1"]
    with pytest.raises(RegisterNotFoundError):
        service.rows(STREET, "s2", RecordKind.TRAINING)


def test_a_district_of_another_plan_keeps_no_registers_under_this_one(
    service: RegisterService,
) -> None:
    """d9 runs no cn-xicheng-em-14fyp: a reader granted there sees no board, and its board
    is not found (it would be judged by another plan's targets)."""
    elsewhere = actor("wen", "district_emergency_staff", "d9")
    assert service.boards(elsewhere) == []
    assert service.boards(DISTRICT) == ["d1", "s1", "s2"]
    with pytest.raises(RegisterNotFoundError):
        service.board(elsewhere, "d9")
