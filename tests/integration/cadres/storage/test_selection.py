"""Selection cases on the real database (SQLite, and PostgreSQL when configured):
migration 0003, append-only events with a unique (case, seq), the service end to end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from govops.bootstrap import build_cadre_registry, build_selections
from govops.cadres.model.selection import Event, Motion
from govops.cadres.model.steps import ProbationOutcome, Step, StepRefusedError, Vote
from govops.cadres.ports import SelectionConflictError
from govops.cadres.service.selection import SelectionService
from govops.cadres.storage.selection import SqlSelectionUnitOfWork, selection_unit_of_work_factory
from govops.calendars import calendar_for
from govops.packs import load_builtin_pack
from govops.platform.storage import database
from tests.e2e.cadres.people import enrol
from tests.selection_findings import CONCENTRATED, FINDINGS

CST = timezone(timedelta(hours=8))
AT = datetime(2025, 9, 1, 9, 0, tzinfo=CST)
MEMBERS = frozenset({"m1", "m2", "m3"})

# The steps of the selection procedure's main line, motion to the end of probation.
MAIN_LINE = [
    Step(s.id) for s in load_builtin_pack("cn-cadre-selection").procedure("selection").main_line()
]


@pytest.fixture
def selection_uow(engine: Engine) -> Callable[[], SqlSelectionUnitOfWork]:
    return selection_unit_of_work_factory(engine)


def motion(case_id: str, at: datetime = AT) -> Event:
    data = {"candidate": "张三", "post": "处长", "committee": ["m1"], "team": ["t1"]}
    return Event(case_id, 1, Step.MOTION, at, "组织部", data)


def test_migration_0003_adds_the_selection_tables(engine: Engine) -> None:
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert scripts.get_revision("0003").down_revision == "0002"
    assert {"selection_cases", "selection_events"} <= set(inspect(engine).get_table_names())
    keys = inspect(engine).get_pk_constraint("selection_events")["constrained_columns"]
    assert keys == ["case_id", "seq"]


def test_events_round_trip_and_cases_are_listed_latest_first(
    selection_uow: Callable[[], SqlSelectionUnitOfWork],
) -> None:
    second = Event(
        "a", 2, Step.RECOMMENDATION, AT, "陈干事", {"expected": 10, "votes": {"王": "for"}}
    )
    with selection_uow() as uow:
        uow.selections.append([motion("a"), second])
        uow.selections.append([motion("b", AT + timedelta(days=1))])
        uow.commit()
    with selection_uow() as uow:
        events = uow.selections.events("a")
        assert uow.selections.case_ids() == ["b", "a"]
        assert uow.selections.events("nobody") == []
    assert [(e.seq, e.step, e.actor, e.data) for e in events] == [
        (1, Step.MOTION, "组织部", motion("a").data),
        (2, Step.RECOMMENDATION, "陈干事", second.data),
    ]
    assert events[0].at == AT and events[0].at.tzinfo == UTC


def test_a_taken_seq_is_refused_and_the_unit_of_work_stays_usable(
    selection_uow: Callable[[], SqlSelectionUnitOfWork],
) -> None:
    with selection_uow() as uow:
        uow.selections.append([motion("a")])
        uow.commit()
    with selection_uow() as uow:
        with pytest.raises(SelectionConflictError):
            uow.selections.append([motion("a")])
        uow.selections.append([Event("a", 2, Step.RECOMMENDATION, AT, "x", {})])
        uow.commit()
    with selection_uow() as uow:
        assert [e.seq for e in uow.selections.events("a")] == [1, 2]
        assert uow.selections.case_ids() == ["a"]


def test_nothing_is_kept_without_a_commit(
    selection_uow: Callable[[], SqlSelectionUnitOfWork],
) -> None:
    with selection_uow() as uow:
        uow.selections.append([motion("a")])
    with selection_uow() as uow:
        assert uow.selections.case_ids() == []


def clock() -> datetime:
    return datetime(2026, 11, 20, tzinfo=UTC)


def investigated(engine: Engine) -> tuple[SelectionService, str, str]:
    """A case of 张三 (filed in the registry) recommended and investigated on the database:
    the service, the case and the candidate's id."""
    service, person = build_selections(engine, clock), enrol(engine, clock)
    case = service.open(
        Motion("张三", "处长", MEMBERS, frozenset({"t1", "t2"})), "组织部", at=AT
    ).id
    service.recommend(case, "t1", expected=10, attended=8, interviewed=20, at=AT)
    service.investigate(
        case,
        "t2",
        investigators=["t1", "t2"],
        consulted=20,
        at=AT,
        findings=FINDINGS,
        concentrated=CONCENTRATED,
    )
    return service, case, person


def test_the_service_runs_a_case_on_the_database(engine: Engine) -> None:
    service, case_id, person = investigated(engine)
    case = service.get(case_id)
    with pytest.raises(StepRefusedError, match="quorum"):
        service.decide(case.id, "m1", votes={"m1": Vote.FOR}, at=AT)
    service.decide(case.id, "m1", votes={"m1": Vote.FOR, "m2": Vote.FOR}, at=AT)
    notice = service.publish(case.id, "t1", at=AT + timedelta(days=1))
    appointed = service.appoint(case.id, "t1", at=AT + timedelta(days=10), unit="教务处")
    registry = build_cadre_registry(engine, clock)
    post = registry.get(person).entries[-1]  # written in the appointment's transaction
    ended = registry.get(person).entries[-2].supersedes  # the post at the rank below
    assert appointed.data["registry"] == {"person": person, "seq": post.seq, "ended": [ended]}
    assert (post.kind, post.data["unit"], post.data["start"]) == (
        "position",
        "教务处",
        "2025-09-01",
    )
    outcome = ProbationOutcome.CONFIRMED
    service.end_probation(case.id, "m1", outcome=outcome, at=AT + timedelta(days=365))
    stored = service.get(case.id)
    assert [e.step for e in stored.events] == MAIN_LINE
    assert stored.event(Step.PUBLIC_NOTICE) == notice  # read back in the pack's timezone
    assert [c.id for c in service.cases()] == [case.id]
    # The server's time of recording is kept beside the act's time the user gave.
    assert {e.data["recorded_at"] for e in stored.events} == {"2026-11-20T08:00:00+08:00"}


class ClashingOnce(SqlSelectionUnitOfWork):
    """A unit of work whose first append of events finds its seq taken, after the
    registry's entry has been written in it."""

    clashes = 1

    def _attach(self, connection: Connection) -> None:
        super()._attach(connection)
        events = self.selections

        def append(batch: list[Event]) -> None:
            if ClashingOnce.clashes:
                ClashingOnce.clashes -= 1
                raise SelectionConflictError("taken by another writer")
            events.append(batch)

        self.selections = SimpleNamespace(  # type: ignore[assignment]
            append=append, events=events.events, case_ids=events.case_ids
        )


def test_the_post_and_the_appointment_commit_together(engine: Engine) -> None:
    """The first attempt's registry entries are rolled back with its event; the retry
    writes them once, not twice."""
    service, case_id, person = investigated(engine)
    registry, case = build_cadre_registry(engine, clock), service.get(case_id)
    service.decide(case.id, "m1", votes={"m1": Vote.FOR, "m2": Vote.FOR}, at=AT)
    service.publish(case.id, "t1", at=AT + timedelta(days=1))
    before = registry.get(person).version
    clashing = SelectionService(
        lambda: ClashingOnce(engine),
        clock,
        load_builtin_pack("cn-cadre-selection"),
        calendar_for("CN"),
        registry,
    )
    ClashingOnce.clashes = 1
    clashing.appoint(case.id, "t1", at=AT + timedelta(days=10), unit="教务处")
    assert ClashingOnce.clashes == 0  # the first attempt clashed
    assert registry.get(person).version == before + 2  # the post below ended, the new one
    assert [e.step for e in service.get(case.id).events].count(Step.APPOINTMENT) == 1
