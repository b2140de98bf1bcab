"""The selection use cases over an in-memory store: a case from motion to probation end,
rules and days taken on the local day of each act, relatives withdrawing, refusals that
append nothing, concurrent writers, and the server's time kept beside the time given."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from types import TracebackType
from typing import Self
from zoneinfo import ZoneInfo

import pytest

from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.selection import Event, Motion
from govops.cadres.model.steps import ProbationOutcome, Step, StepRefusedError, Vote
from govops.cadres.ports import SelectionConflictError
from govops.cadres.service.registry import RegistryService
from govops.cadres.service.selection import (
    SelectionInputError,
    SelectionNotFoundError,
    SelectionService,
)
from govops.calendars import calendar_for
from govops.lawcode.sources.citations import Citation
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from tests.fakes import Clock
from tests.selection_findings import CONCENTRATED, FINDINGS
from tests.unit.cadres.service.test_registry import MemoryRegistry, file_cadre
from tests.unit.cadres.service.test_registry import MemoryUnitOfWork as RegistryUnitOfWork

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=TZ)
DOC = "wuyi-cadre-regulation-2020"
COMMITTEE = [
    "王书记",
    "李校长",
    "赵副书记",
    "钱副校长",
    "孙副校长",
    "周委员",
    "吴委员",
    "郑委员",
    "冯委员",
]
TEAM = ["陈干事", "林干事"]

# The steps of the selection procedure's main line, motion to the end of probation.
MAIN_LINE = [
    Step(s.id) for s in load_builtin_pack("cn-cadre-selection").procedure("selection").main_line()
]


class MemoryStore:
    """The cases, and the registry beside them (an appointment writes both at once)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: dict[str, list[Event]] = {}
        self.people = MemoryRegistry()
        self.collide = 0  # the next appends find their seq taken by "another writer"


class MemorySelections:
    def __init__(self, store: MemoryStore, pending: list[Event]) -> None:
        self._store, self._pending = store, pending

    def append(self, events: list[Event]) -> None:
        if self._store.collide:
            self._store.collide -= 1
            raise SelectionConflictError("taken")
        self._pending.extend(events)

    def events(self, case_id: str) -> list[Event]:
        return list(self._store.events.get(case_id, []))

    def case_ids(self) -> list[str]:
        firsts = sorted((e[0].at, e[0].case_id) for e in self._store.events.values())
        return [case_id for _, case_id in reversed(firsts)]


class MemoryUnitOfWork:
    def __init__(self, store: MemoryStore) -> None:
        self._store, self._pending = store, []
        self.selections = MemorySelections(store, self._pending)
        self._registry = RegistryUnitOfWork(store.people)
        self.cadres = self._registry.cadres

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._pending.clear()
        self._registry.__exit__(kind, error, trace)

    def commit(self) -> None:
        self._registry.commit()  # the registry's clash first, as one transaction would
        with self._store.lock:
            for event in self._pending:  # stored in UTC, as the database gives them back
                utc = Event(
                    event.case_id,
                    event.seq,
                    event.step,
                    event.at.astimezone(UTC),
                    event.actor,
                    event.data,
                )
                self._store.events.setdefault(event.case_id, []).append(utc)
            self._pending.clear()


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def registry(store: MemoryStore, clock: Clock) -> RegistryService:
    pack = load_builtin_pack("cn-cadre-selection")
    return RegistryService(lambda: RegistryUnitOfWork(store.people), clock, pack)


@pytest.fixture
def candidate(registry: RegistryService) -> str:
    """张三 in the registry: a section chief since 2021, eligible for deputy division."""
    return file_cadre(registry)


def selections(store: MemoryStore, clock: Clock, registry: RegistryService) -> SelectionService:
    pack = load_builtin_pack("cn-cadre-selection")
    calendar = calendar_for("CN")
    return SelectionService(lambda: MemoryUnitOfWork(store), clock, pack, calendar, registry)


@pytest.fixture
def service(
    store: MemoryStore, clock: Clock, registry: RegistryService, candidate: str
) -> SelectionService:
    return selections(store, clock, registry)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def opened(service: SelectionService, day: str = "2025-09-01") -> str:
    motion = Motion("张三", "教务处副处长", frozenset(COMMITTEE), frozenset(TEAM), "一名")
    spouse = Relation("张三", "周委员", Kinship.SPOUSE)
    return service.open(motion, "组织部", at=at(f"{day}T09:00+08:00"), relations=[spouse]).id


def votes(in_favour: int, present: int = 8) -> dict[str, Vote]:
    """`present` members (周委员, the candidate's spouse, among them), `in_favour` of the
    others for."""
    others = [m for m in COMMITTEE if m != "周委员"][: present - 1]
    return {"周委员": Vote.FOR} | {
        m: Vote.FOR if i < in_favour else Vote.AGAINST for i, m in enumerate(others)
    }


def heard(service: SelectionService, case: str) -> str:
    """`case` recommended and investigated, its candidate the only subject (18)."""
    service.recommend(
        case, "陈干事", expected=120, attended=100, interviewed=25, at=at("2025-09-05T15:00+08:00")
    )
    service.investigate(
        case,
        "林干事",
        investigators=TEAM,
        consulted=22,
        at=at("2025-09-15T10:00+08:00"),
        findings=FINDINGS,
        concentrated=CONCENTRATED,
    )
    return case


def decided(service: SelectionService) -> str:
    case = heard(service, opened(service))
    service.decide(case, "王书记", votes=votes(5), at=at("2025-10-09T09:00+08:00"))
    return case


def test_a_case_goes_from_motion_to_probation_end(service: SelectionService) -> None:
    case = decided(service)
    notice = service.publish(case, "陈干事", at=at("2025-10-10T09:00+08:00"))
    assert notice.data == {
        "start": "2025-10-10",
        "end": "2025-10-16",
        "provisional": False,
        "recorded_at": "2026-11-20T09:00:00+08:00",
    }
    appointed = service.appoint(case, "陈干事", at=at("2025-10-17T09:00+08:00"), unit="教务处")
    assert appointed.data["probation_end"] == "2026-10-09"
    service.end_probation(
        case, "王书记", outcome=ProbationOutcome.CONFIRMED, at=at("2026-10-09T09:00+08:00")
    )
    got = service.get(case)
    assert [e.step for e in got.events] == MAIN_LINE
    assert all(e.at.tzinfo == TZ for e in got.events)
    decision = got.event(Step.DECISION).data
    assert decision["recused"] == ["周委员"] and decision["in_favour"] == 5
    assert got.event(Step.MOTION).data["relations"] == [
        {"a": "周委员", "b": "张三", "kind": "spouse"}
    ]


def test_the_candidates_relative_withdraws_and_the_majority_counts_all_members(
    service: SelectionService, store: MemoryStore
) -> None:
    case = decided(service)  # 5 of 9 in favour is more than half: passes
    other = opened(service, "2025-09-02")
    service.recommend(
        other, "陈干事", expected=100, attended=80, interviewed=20, at=at("2025-09-05T15:00+08:00")
    )
    with pytest.raises(StepRefusedError) as error:
        service.investigate(
            other,
            "林干事",
            investigators=["陈干事", "张三"],
            consulted=20,
            findings=FINDINGS,
            concentrated=CONCENTRATED,
        )
    assert (error.value.guard, error.value.cite) == ("investigators", Citation(DOC, "22(3)"))
    assert str(error.value.detail) == "1 investigator (1 withdrawn under 44); at least 2 needed"
    # The refusal said in the reader's language keeps its article as written.
    assert translator("zh-Hans").say(error.value.message) == (
        "“考察”环节不予办理：考察人员（wuyi-cadre-regulation-2020 22(3)）："
        "考察人员1人（依第44条回避1人）；至少需要2人"
    )
    assert translator("vi").say(error.value.message) == (
        "không thực hiện được bước “thẩm tra”: cán bộ thẩm tra (wuyi-cadre-regulation-2020 "
        "22(3)): 1 cán bộ thẩm tra (1 người rút lui theo Điều 44); cần ít nhất 2 người"
    )
    day = at("2025-09-15T10:00+08:00")
    service.investigate(
        other,
        "林干事",
        investigators=TEAM,
        consulted=20,
        at=day,
        findings=FINDINGS,
        concentrated=CONCENTRATED,
    )
    refused = service.decide(other, "王书记", votes=votes(4), at=day)  # recorded, not dropped
    assert refused.step is Step.DECISION_REFUSED and refused.data["in_favour"] == 4
    assert (refused.data["guard"], refused.data["article"]) == ("majority", "31(3)")
    assert len(store.events[other]) == 4 and len(store.events[case]) == 4
    assert [c.id for c in service.cases()] == [other, case]


def test_each_act_is_dated_on_its_local_day(service: SelectionService) -> None:
    case = decided(service)
    # 2025-10-09T23:30 UTC is 10 October, 07:30 in Shanghai: the notice starts that day.
    notice = service.publish(case, "陈干事", at=datetime(2025, 10, 9, 23, 30, tzinfo=UTC))
    assert notice.data["start"] == "2025-10-10" and notice.at.tzinfo == TZ


def test_times_are_checked(service: SelectionService, clock: Clock) -> None:
    case = opened(service)
    with pytest.raises(SelectionInputError, match="offset") as error:
        service.publish(case, "x", at=datetime(2025, 10, 10, 9))
    assert error.value.field == "at"
    with pytest.raises(SelectionInputError, match="ahead of the clock"):
        service.recommend(
            case,
            "x",
            expected=1,
            attended=1,
            interviewed=20,
            at=datetime(2026, 11, 20, 9, 6, tzinfo=TZ),
        )
    with pytest.raises(SelectionInputError, match="in force from 2020-07-11"):
        opened(service, "2019-12-31")
    done = service.recommend(case, "x", expected=1, attended=1, interviewed=20)
    assert done.at == clock.now  # by default, now


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s, c: s.recommend(c, "x", expected=10, attended=11, interviewed=20), "attended"),
        (lambda s, c: s.recommend(c, "x", expected=-1, attended=0, interviewed=20), "expected"),
        (lambda s, c: s.recommend(c, " ", expected=10, attended=10, interviewed=20), "actor"),
        (
            lambda s, c: s.investigate(
                c,
                "x",
                investigators=["a\x07"],
                consulted=1,
                findings=FINDINGS,
                concentrated=CONCENTRATED,
            ),
            "investigators[0]",
        ),
        (
            lambda s, c: s.investigate(
                c,
                "x",
                investigators=["a"],
                consulted=-1,
                findings=FINDINGS,
                concentrated=CONCENTRATED,
            ),
            "consulted",
        ),
        (
            lambda s, c: s.end_probation(
                c, "x", outcome=ProbationOutcome.CONFIRMED, reason="a" * 10_001
            ),
            "reason",
        ),
    ],
)
def test_bad_input_names_its_field(service: SelectionService, call: object, field: str) -> None:
    case = opened(service)
    with pytest.raises(SelectionInputError) as error:
        call(service, case)  # type: ignore[operator]
    assert error.value.field == field


def test_votes_from_outside_the_committee_are_refused(service: SelectionService) -> None:
    case = decided(service)
    other = opened(service)
    service.recommend(other, "x", expected=1, attended=1, interviewed=20)
    service.investigate(
        other, "x", investigators=TEAM, consulted=20, findings=FINDINGS, concentrated=CONCENTRATED
    )
    with pytest.raises(SelectionInputError, match="not on the committee: \\['路人'\\]"):
        service.decide(other, "x", votes={"路人": Vote.FOR})
    assert service.get(case).step is Step.DECISION


def test_a_motion_is_checked(service: SelectionService) -> None:
    def motion(committee: list[str], team: list[str]) -> Motion:
        return Motion("张三", "处长", frozenset(committee), frozenset(team))

    with pytest.raises(StepRefusedError) as error:
        service.open(motion([], TEAM), "组织部")
    assert (error.value.guard, error.value.cite.article) == ("committee", "30")
    with pytest.raises(StepRefusedError) as error:
        service.open(motion(COMMITTEE, []), "组织部")
    assert (error.value.guard, error.value.cite.article) == ("selection team", "9")
    with pytest.raises(SelectionInputError) as bad:
        service.open(
            motion(COMMITTEE, TEAM), "组织部", relations=[Relation("a", "a", Kinship.SPOUSE)]
        )
    assert bad.value.field == "relations[0]"
    with pytest.raises(SelectionInputError) as bad:
        service.open(motion(COMMITTEE, TEAM), "组织部", relations=[Relation("a", "b", "cousin")])  # type: ignore[arg-type]
    assert bad.value.field == "relations[0].kind"
    assert service.cases() == []


def test_a_concurrent_append_is_redone_on_the_case_as_it_now_is(
    service: SelectionService, store: MemoryStore
) -> None:
    case = opened(service)
    store.collide = 2
    event = service.recommend(case, "x", expected=1, attended=1, interviewed=20)
    assert event.seq == 2 and [e.seq for e in store.events[case]] == [1, 2]
    store.collide = 5
    with pytest.raises(SelectionConflictError, match="try again"):
        service.investigate(
            case,
            "x",
            investigators=TEAM,
            consulted=20,
            findings=FINDINGS,
            concentrated=CONCENTRATED,
        )


def test_unknown_case(service: SelectionService) -> None:
    with pytest.raises(SelectionNotFoundError):
        service.get("nope")
    with pytest.raises(SelectionNotFoundError):
        service.publish("nope", "x")


def test_the_server_keeps_its_own_time_beside_the_time_given(
    service: SelectionService, clock: Clock
) -> None:
    """`at` is the act's time, which the user gives (when the committee met); the record
    keeps when the server took it too, from its own clock."""
    case = opened(service)
    clock.now = NOW.replace(minute=30)
    event = service.recommend(
        case, "陈干事", expected=1, attended=1, interviewed=20, at=at("2025-09-05T15:00+08:00")
    )
    assert event.at == at("2025-09-05T15:00+08:00")
    assert event.data["recorded_at"] == "2026-11-20T09:30:00+08:00"
    stored = service.get(case).events
    assert stored[0].data["recorded_at"] == "2026-11-20T09:00:00+08:00"
    assert stored[1].data["recorded_at"] == "2026-11-20T09:30:00+08:00"
