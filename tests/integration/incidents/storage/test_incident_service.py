"""The incident service over the SQL unit of work: a whole case, and two officers posting
follow-ups to one incident at the same moment."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from types import TracebackType
from typing import Self
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine

from govops.calendars import calendar_for
from govops.incidents.model.incident import Event, Status
from govops.incidents.model.intake import AfterAction, Intake
from govops.incidents.model.rules import IncidentRules
from govops.incidents.ports import ConcurrentUpdateError, KeyUse, UnitOfWork
from govops.incidents.service.incident import IncidentService
from govops.incidents.storage.incident import SqlUnitOfWork, unit_of_work_factory
from govops.packs import load_builtin_pack

NOW = datetime(2026, 6, 1, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
INTAKE = Intake(
    occurred_at=NOW - timedelta(minutes=40),
    place="县政府门前",
    township="城关镇",
    summary="城区房屋拆迁,1200人到县政府集体上访",
    causes=("land",),
    inputs={"participants": "一千二百人", "major_impact_protest": True},
)
CLOSING = AfterAction("无人员伤亡", "拆迁补偿纠纷", "提前公开补偿标准", "复核补偿方案")


@pytest.fixture(scope="module")
def rules() -> IncidentRules:
    return IncidentRules(load_builtin_pack("cn-county-mass-incident"), calendar_for("CN"))


def service(new_uow: Callable[[], UnitOfWork], rules: IncidentRules) -> IncidentService:
    return IncidentService(new_uow, rules, lambda: NOW)


def test_report_follow_up_action_close_round_trip(engine: Engine, rules: IncidentRules) -> None:
    new_uow = unit_of_work_factory(engine)
    incidents = service(new_uow, rules)
    reported = incidents.report(INTAKE, "值班员 张三", idempotency_key="req-1")
    assert reported.grade == "II"
    assert incidents.report(INTAKE, "值班员 张三", idempotency_key="req-1").id == reported.id
    more = {"participants": "约5000", "seriously_affects_stability": True}
    followed = incidents.follow_up(reported.id, more, "人数增加", "李四")
    assert [r.number for r in followed.reports] == [0, 1]
    assert followed.grade == "I" and len(followed.regrades) == 1
    action = followed.actions[0].id
    done = incidents.action_done(reported.id, action, "王五")
    closed = incidents.close(reported.id, CLOSING, "县长")
    assert closed.status is Status.CLOSED

    stored = incidents.get(reported.id)
    assert stored == closed  # events, datetimes and JSON data all came back intact
    assert stored.reported_at == NOW and stored.reported_at.utcoffset() == timedelta(0)
    assert next(a for a in stored.actions if a.id == action).done_by == "王五"
    assert done.version == 4 and stored.version == 5
    assert stored.reports[1].inputs == {"major_impact_protest": True, **more}
    assert [i.id for i in incidents.search(status="closed")] == [reported.id]
    with new_uow() as uow:
        pending = uow.outbox.pending(limit=1000)
    first = {d["code"] for d in reported.departments}
    assert {n.department for n in pending if n.seq == 1} == first
    assert all(n.incident_id == reported.id and n.id is not None for n in pending)


def test_two_follow_ups_at_once_both_land_in_order(engine: Engine, rules: IncidentRules) -> None:
    conflicts: list[str] = []
    incidents = service(lambda: SlowUnitOfWork(SqlUnitOfWork(engine), conflicts), rules)
    incident = incidents.report(INTAKE, "值班员")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def post(inputs: dict[str, object], note: str) -> None:
        barrier.wait(timeout=30)
        try:
            incidents.follow_up(incident.id, inputs, note, note)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    officers = [
        threading.Thread(target=post, args=({"participants": 1300}, "A")),
        threading.Thread(target=post, args=({"injured": 3}, "B")),
    ]
    for officer in officers:
        officer.start()
    for officer in officers:
        officer.join(timeout=60)
    assert errors == []
    final = incidents.get(incident.id)
    assert [r.number for r in final.reports] == [0, 1, 2]
    assert {r.note for r in final.reports[1:]} == {"A", "B"}
    nothing_lost = {"participants": 1300, "major_impact_protest": True, "injured": 3}
    assert final.reports[2].inputs == nothing_lost
    assert [e.seq for e in final.events] == list(range(1, final.version + 1))
    if engine.dialect.name == "sqlite":
        assert conflicts == []  # writers queued on BEGIN IMMEDIATE
    else:
        assert conflicts  # both read, one append was refused, and the service retried


class SlowUnitOfWork:
    """Waits between reading and appending, so two units of work overlap there; records
    each append refused as a concurrent update."""

    def __init__(self, inner: SqlUnitOfWork, conflicts: list[str]) -> None:
        self._inner, self._conflicts = inner, conflicts

    def __enter__(self) -> Self:
        self._inner.__enter__()
        self.incidents = SlowIncidents(self._inner, self._conflicts)
        self.outbox = self._inner.outbox
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._inner.__exit__(kind, error, trace)

    def commit(self) -> None:
        self._inner.commit()


class SlowIncidents:
    def __init__(self, inner: SqlUnitOfWork, conflicts: list[str]) -> None:
        self._repository, self._conflicts = inner.incidents, conflicts

    def events(self, incident_id: str) -> list[Event]:
        events = self._repository.events(incident_id)
        time.sleep(0.3)
        return events

    def append(self, events: list[Event]) -> None:
        try:
            self._repository.append(events)
        except ConcurrentUpdateError as error:
            self._conflicts.append(str(error))
            raise

    def incident_ids(self) -> list[str]:
        return self._repository.incident_ids()

    def incident_for_key(self, owner: str, idempotency_key: str) -> KeyUse | None:
        return self._repository.incident_for_key(owner, idempotency_key)

    def remember_key(self, owner: str, idempotency_key: str, use: KeyUse) -> None:
        self._repository.remember_key(owner, idempotency_key, use)
