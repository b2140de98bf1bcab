"""A storage busy with other writers (StorageBusyError: nothing written) is waited for: the
unit of work is tried again after a growing pause, and lands once; still busy after
RETRIES attempts, the service says so, and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govops.calendars import calendar_for
from govops.incidents.model.rules import IncidentRules
from govops.incidents.ports import KeyUse
from govops.incidents.service.idempotency import fingerprint
from govops.incidents.service.incident import RETRIES, IncidentService
from govops.packs import load_builtin_pack
from govops.platform import patience
from govops.platform.ports import StorageBusyError
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork
from tests.unit.incidents.service.test_incident import START, intake


class BusyUnitOfWork(MemoryUnitOfWork):
    """Refuses its commit while `busy` says so (the write lock not had in time)."""

    def __init__(self, store: MemoryStore, busy: Iterator[bool]) -> None:
        super().__init__(store)
        self._busy = busy

    def commit(self) -> None:
        if next(self._busy):
            raise StorageBusyError("database is locked")
        super().commit()


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(patience.time, "sleep", slept.append)
    return slept


def _service(store: MemoryStore, busy: Iterator[bool]) -> IncidentService:
    rules = IncidentRules(load_builtin_pack("cn-county-mass-incident"), calendar_for("CN"))
    return IncidentService(lambda: BusyUnitOfWork(store, busy), rules, Clock(START))


def _busy_first(times: int) -> Iterator[bool]:
    yield from [True] * times
    while True:
        yield False


def test_a_follow_up_waits_for_a_busy_storage_and_lands_once(pauses: list[float]) -> None:
    store = MemoryStore()
    created = _service(store, _busy_first(0)).report(intake(), "甲")
    service = _service(store, _busy_first(3))
    found = service.follow_up(created.id, {"injured": 3}, "续报", "乙")
    assert [r.number for r in found.reports] == [0, 1]
    assert [e.seq for e in store.events[created.id]] == [1, 2]
    assert len(pauses) == 3
    for attempt, pause in enumerate(pauses):  # 50 ms, 100 ms, 200 ms, halved at most
        longest = patience.FIRST_PAUSE * 2**attempt
        assert longest / 2 <= pause <= longest


def test_a_storage_still_busy_is_said_busy_and_nothing_is_written(pauses: list[float]) -> None:
    store = MemoryStore()
    created = _service(store, _busy_first(0)).report(intake(), "甲")
    service = _service(store, _busy_first(10**6))
    with pytest.raises(StorageBusyError):
        service.follow_up(created.id, {"injured": 3}, "续报", "乙")
    assert [e.seq for e in store.events[created.id]] == [1]
    assert len(pauses) == RETRIES - 1
    assert max(pauses) <= patience.LONGEST_PAUSE


def test_a_first_report_waits_for_a_busy_storage_and_is_filed_once(pauses: list[float]) -> None:
    store = MemoryStore()
    service = _service(store, _busy_first(2))
    created = service.report(intake(), "甲", idempotency_key="k1")
    assert list(store.events) == [created.id] and store.keys == {
        ("甲", "k1"): KeyUse(created.id, fingerprint(intake()))
    }
    assert len(pauses) == 2
    still_busy = _service(store, _busy_first(10**6))
    with pytest.raises(StorageBusyError):
        still_busy.report(intake(), "甲")
    assert list(store.events) == [created.id]
