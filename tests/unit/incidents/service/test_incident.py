"""Incident use cases over in-memory storage with a frozen clock."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from govops.calendars import calendar_for
from govops.incidents.model.incident import EventKind, Stage, Status, regrade_reason
from govops.incidents.model.intake import AfterAction, IncidentInputError, Intake
from govops.incidents.model.rules import IncidentRules
from govops.incidents.ports import KeyUse
from govops.incidents.service.idempotency import IdempotencyKeyReusedError
from govops.incidents.service.incident import (
    IncidentClosedError,
    IncidentNotFoundError,
    IncidentService,
)
from govops.packs import load_builtin_pack
from tests import fakes
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 6, 1, 9, 0, tzinfo=SHANGHAI)


def service(clock: Clock | None = None, store: MemoryStore | None = None) -> IncidentService:
    memory = store or MemoryStore()
    rules = IncidentRules(load_builtin_pack("cn-county-mass-incident"), calendar_for("CN"))
    return IncidentService(lambda: MemoryUnitOfWork(memory), rules, clock or Clock(START))


def intake(**inputs: object) -> Intake:
    return Intake(
        occurred_at=START - timedelta(minutes=30),
        place="县政府门前",
        township="开通镇",
        summary="征地补偿纠纷,村民聚集",
        causes=("land",),
        inputs=dict(inputs) or {"participants": "约1200人", "major_impact_protest": True},
    )


def test_a_report_is_graded_routed_and_its_clocks_started() -> None:
    incident = service().report(
        intake(participants="约5000人", seriously_affects_stability=True), actor="值班员甲"
    )
    assert incident.grade == "I"
    assert incident.reports[0].inputs == {
        "participants": "约5000人",
        "seriously_affects_stability": True,
    }
    assert incident.reports[0].decision["approximate"] == ["participants"]
    assert "land_resources" in {d["code"] for d in incident.departments}
    county = next(d for d in incident.deadlines if d.id == "level-I-county-to-province")
    assert county.due == START + timedelta(hours=1)
    assert {a.id for a in incident.actions} >= {"I-report-county", "I-aftercare"}


def test_a_warning_stage_report_that_may_be_level_ii_gets_the_one_hour_township_clock() -> None:
    warning = (
        Intake(**{**intake().__dict__, "stage": Stage.WARNING})
        if False
        else Intake(
            occurred_at=START,
            place="某村",
            township="开通镇",
            summary="酝酿集体上访",
            stage=Stage.WARNING,
            inputs={"participants": 1500, "major_impact_protest": True},
        )
    )
    incident = service().report(warning, actor="乡镇")
    assert [d.id for d in incident.deadlines] == ["warning-report-township"]
    assert incident.deadlines[0].due == START + timedelta(hours=1)


def test_a_bad_figure_is_refused_naming_its_field_and_nothing_is_stored() -> None:
    store = MemoryStore()
    with pytest.raises(IncidentInputError) as caught:
        service(store=store).report(intake(participants="近5000"), actor="甲")
    assert caught.value.field == "participants"
    assert store.events == {}


def test_a_retried_report_with_the_same_key_creates_nothing_twice() -> None:
    store = MemoryStore()
    incidents = service(store=store)
    first = incidents.report(intake(), actor="甲", idempotency_key="abc")
    again = incidents.report(intake(), actor="甲", idempotency_key="abc")
    assert again.id == first.id
    assert len(store.events) == 1


def test_a_key_is_its_owners_and_its_reports() -> None:
    store = MemoryStore()
    incidents = service(store=store)
    first = incidents.report(intake(), actor="li@chengguan", idempotency_key="abc", owner="li")
    again = incidents.report(intake(), actor="li@qingshi", idempotency_key="abc", owner="li")
    assert again.id == first.id
    other = incidents.report(intake(), actor="wang@chengguan", idempotency_key="abc", owner="wang")
    assert other.id != first.id
    with pytest.raises(IdempotencyKeyReusedError):
        incidents.report(intake(participants=9000), actor="li@x", idempotency_key="abc", owner="li")
    assert len(store.events) == 2


def test_a_follow_up_that_crosses_a_threshold_upgrades_with_its_reason() -> None:
    clock = Clock(START)
    incidents = service(clock)
    incident = incidents.report(intake(participants=1200, major_impact_protest=True), actor="甲")
    clock.now = START + timedelta(minutes=40)
    figures = {"participants": 6000, "seriously_affects_stability": True}
    updated = incidents.follow_up(incident.id, figures, "人数继续增加", actor="乙")
    assert updated.grade == "I"
    assert [r.number for r in updated.reports] == [0, 1]
    assert updated.reports[0].grade == "II"  # the first report is kept as it was
    assert updated.regrades[0].before == "II"
    assert updated.regrades[0].after == "I"
    assert updated.regrades[0].reason == "#1: II → I (I-1); 人数继续增加"
    # and in parts, to be said in the reader's language
    change = updated.regrades[0]
    assert (change.follow_up, change.fired, change.note) == (1, ("I-1",), "人数继续增加")
    assert (
        str(regrade_reason(change, change.note))
        == "follow-up 1; clauses met: I-1; note: 人数继续增加"
    )
    added = {d.id: d.due for d in updated.deadlines}
    assert added["level-I-county-to-province"] == clock.now + timedelta(hours=1)
    assert [e.kind for e in updated.events][-2:] == [EventKind.FOLLOW_UP, EventKind.REGRADED]


def test_figures_not_given_in_a_follow_up_are_kept() -> None:
    incidents = service()
    incident = incidents.report(intake(participants=300, deaths=1), actor="甲")
    updated = incidents.follow_up(incident.id, {"injured": 12}, "", actor="乙")
    assert updated.reports[-1].inputs == {"participants": 300, "deaths": 1, "injured": 12}
    assert updated.grade == "II"


def test_overdue_deadlines_are_flagged_and_listed_until_met() -> None:
    clock = Clock(START)
    incidents = service(clock)
    incident = incidents.report(
        intake(participants=5000, seriously_affects_stability=True), actor="甲"
    )
    clock.now = START + timedelta(hours=2)
    assert [i.id for i in incidents.search(overdue=True)] == [incident.id]
    for deadline in incident.deadlines:
        incidents.deadline_met(incident.id, deadline.id, actor="甲")
    assert incidents.search(overdue=True) == []


def test_checklist_actions_are_ticked_with_who_and_when() -> None:
    incidents = service()
    incident = incidents.report(intake(), actor="甲")
    updated = incidents.action_done(incident.id, "II-report", actor="乙")
    done = next(a for a in updated.actions if a.id == "II-report")
    assert (done.done_by, done.done_at) == ("乙", START)
    with pytest.raises(IncidentInputError):
        incidents.action_done(incident.id, "no-such-action", actor="乙")


def test_closing_needs_the_after_action_record_and_ends_changes() -> None:
    incidents = service()
    incident = incidents.report(intake(), actor="甲")
    with pytest.raises(IncidentInputError):
        AfterAction("", "起因", "教训", "整改")
    closed = incidents.close(incident.id, AfterAction("损失", "起因", "教训", "整改"), actor="丙")
    assert closed.status is Status.CLOSED
    assert closed.closure == {
        "loss_assessment": "损失",
        "causes": "起因",
        "lessons": "教训",
        "rectification": "整改",
    }
    with pytest.raises(IncidentClosedError):
        incidents.follow_up(incident.id, {"participants": 10}, "", actor="甲")


def test_an_unknown_incident_is_not_found() -> None:
    with pytest.raises(IncidentNotFoundError):
        service().get("missing")


def test_notifications_go_to_the_outbox_for_each_department() -> None:
    store = MemoryStore()
    service(store=store).report(intake(), actor="甲")
    assert "land_resources" in {n.department for n in store.notifications}


def test_two_officers_following_up_at_once_both_land_in_order() -> None:
    store = MemoryStore()
    incidents = service(store=store)
    incident = incidents.report(intake(), actor="甲")
    barrier = threading.Barrier(2)

    def post(figure: int, actor: str) -> None:
        barrier.wait()
        incidents.follow_up(incident.id, {"injured": figure}, actor, actor=actor)

    threads = [threading.Thread(target=post, args=(n, a)) for n, a in ((3, "乙"), (4, "丙"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    final = incidents.get(incident.id)
    assert [r.number for r in final.reports] == [0, 1, 2]
    assert {r.actor for r in final.reports[1:]} == {"乙", "丙"}
    assert [e.seq for e in final.events] == [1, 2, 3]


def test_control_characters_are_refused_in_actor_and_note() -> None:
    incidents = service()
    with pytest.raises(IncidentInputError) as caught:
        incidents.report(intake(), actor="甲\x00")
    assert caught.value.field == "actor"
    incident = incidents.report(intake(), actor="甲")
    with pytest.raises(IncidentInputError) as caught:
        incidents.follow_up(incident.id, {}, "说明\x07", actor="乙")
    assert caught.value.field == "note"


def test_an_occurrence_in_the_future_is_refused() -> None:
    future = Intake(
        occurred_at=START + timedelta(hours=1), place="某地", township="某镇", summary="某事"
    )
    with pytest.raises(IncidentInputError) as caught:
        service().report(future, actor="甲")
    assert caught.value.field == "occurred_at"


def test_a_key_filed_twice_at_the_same_moment_answers_with_the_first_incident(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = MemoryStore()
    incidents = service(store=store)
    first = incidents.report(intake(), actor="甲", idempotency_key="k1")
    real_lookup = fakes.MemoryIncidents.incident_for_key
    calls: list[str] = []

    def racing_lookup(self: fakes.MemoryIncidents, owner: str, key: str) -> KeyUse | None:
        calls.append(key)  # the first look misses: the other request had not committed yet
        return None if len(calls) == 1 else real_lookup(self, owner, key)

    monkeypatch.setattr(fakes.MemoryIncidents, "incident_for_key", racing_lookup)
    again = incidents.report(intake(), actor="甲", idempotency_key="k1")
    assert again.id == first.id
    assert len(store.events) == 1


def test_a_follow_up_without_figures_note_or_stage_is_refused() -> None:
    incidents = service()
    incident = incidents.report(intake(), actor="甲")
    with pytest.raises(IncidentInputError) as caught:
        incidents.follow_up(incident.id, {}, "  ", actor="乙")
    assert caught.value.field == "note"


def test_warning_information_that_becomes_an_incident_starts_the_incident_clocks() -> None:
    clock = Clock(START)
    incidents = service(clock)
    warning = Intake(
        occurred_at=START,
        place="某村",
        township="开通镇",
        summary="酝酿",
        stage=Stage.WARNING,
        inputs={"participants": 300},
    )
    incident = incidents.report(warning, actor="乡镇")
    clock.now = START + timedelta(hours=3)
    became = incidents.follow_up(
        incident.id,
        {"participants": 6000, "seriously_affects_stability": True},
        "已聚集",
        actor="乙",
        stage=Stage.INCIDENT,
    )
    assert became.stage is Stage.INCIDENT
    province = next(d for d in became.deadlines if d.id == "level-I-county-to-province")
    assert province.due == clock.now + timedelta(hours=1)


def test_a_closed_incident_and_a_downgraded_one_owe_nothing_more() -> None:
    clock = Clock(START)
    incidents = service(clock)
    level_i = intake(participants=6000, seriously_affects_stability=True)
    closing = incidents.report(level_i, actor="甲")
    downgraded = incidents.report(level_i, actor="甲")
    fewer = {"participants": 300, "affects_stability": True}
    incidents.follow_up(downgraded.id, fewer, "核实后人数较少", actor="乙")
    incidents.close(closing.id, AfterAction("损失", "起因", "教训", "整改"), actor="丙")
    clock.now = START + timedelta(hours=5)
    assert incidents.search(overdue=True) == []
    record = incidents.get(downgraded.id)
    assert record.grade == "III"
    assert "level-I-county-to-province" in {d.id for d in record.deadlines}  # kept, superseded


def test_ticking_an_action_twice_records_it_once() -> None:
    incidents = service()
    incident = incidents.report(intake(), actor="甲")
    once = incidents.action_done(incident.id, "II-report", actor="乙")
    twice = incidents.action_done(incident.id, "II-report", actor="丙")
    assert twice.version == once.version
    assert next(a for a in twice.actions if a.id == "II-report").done_by == "乙"
