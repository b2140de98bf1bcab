"""The community registry's use cases over an in-memory store: changes numbered after the
last event, several at once all stored or none, a concurrent writer read again and the
change decided anew, the day taken in the pack's timezone from an aware clock only.

The store here (MemoryCommunities, MemoryUnitOfWork) and `record` are the other service
tests' too."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self
from zoneinfo import ZoneInfo

import pytest

from govops.communities.model.registry import Event, EventKind, RegistryInputError
from govops.communities.ports import CommunityRepository, RegistryConflictError
from govops.communities.service.registry import Change, RegistryService
from govops.packs import load_builtin_pack
from tests.fakes import Clock

NOW = datetime(2026, 6, 30, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PACK = load_builtin_pack("cn-community-organizations")
ACTOR = "wang@s1"
COMMITTEE = {"id": "committee", "kind": "committee", "name": "居委会", "formed": "2021-07-01"}
M1 = {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}
POST = {"member": "m1", "organisation": "committee", "role": "director", "start": "2021-07-01"}


class MemoryCommunities:
    """The same contract as the SQL repository: a (community, seq) pair is taken once,
    commits are atomic. `intruder`: events "another writer" stores just before the next
    append, which then finds its seq taken."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.events: dict[str, list[Event]] = {}
        self.intruders: list[list[Event]] = []
        self.appends = 0
        self.commits = 0


class MemoryRepository:
    def __init__(self, store: MemoryCommunities, pending: list[Event]) -> None:
        self._store, self._pending = store, pending

    def append(self, events: list[Event]) -> None:
        self._store.appends += 1
        if self._store.intruders:
            for event in self._store.intruders.pop(0):
                self._store.events.setdefault(event.community, []).append(event)
        for event in events:
            taken = [*self._store.events.get(event.community, []), *self._pending]
            if any(e.community == event.community and e.seq == event.seq for e in taken):
                raise RegistryConflictError(f"already taken: {event.community} seq {event.seq}")
            self._pending.append(event)

    def events(self, community: str) -> list[Event]:
        return sorted(self._store.events.get(community, []), key=lambda e: e.seq)

    def communities(self) -> list[str]:
        return sorted(code for code, events in self._store.events.items() if events)


class MemoryUnitOfWork:
    def __init__(self, store: MemoryCommunities) -> None:
        self._store = store
        self._pending: list[Event] = []
        self.communities: CommunityRepository = MemoryRepository(store, self._pending)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._pending.clear()  # whatever was not committed is rolled back

    def commit(self) -> None:
        with self._store.lock:
            for event in self._pending:
                self._store.events.setdefault(event.community, []).append(event)
            self._pending.clear()
            self._store.commits += 1


def service(
    store: MemoryCommunities, clock: Callable[[], datetime] | None = None
) -> RegistryService:
    """The registry over `store`, its clock at NOW unless given."""
    return RegistryService(lambda: MemoryUnitOfWork(store), clock or Clock(NOW), PACK)


@pytest.fixture
def store() -> MemoryCommunities:
    return MemoryCommunities()


@pytest.fixture
def registry(store: MemoryCommunities) -> RegistryService:
    return service(store)


def record(registry: RegistryService, community: str, *changes: Change) -> list[Event]:
    """`changes` recorded in `community` at once, by ACTOR."""
    return registry.record_all(community, list(changes), ACTOR)


def test_changes_are_numbered_after_the_last_event_of_their_community(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    first = registry.record("s1-a", "organisation", COMMITTEE, ACTOR)
    assert (first.community, first.seq, first.kind, first.actor) == (
        "s1-a",
        1,
        EventKind.ORGANISATION,
        ACTOR,
    )
    assert first.recorded_at == NOW and first.recorded_at.utcoffset() == NOW.utcoffset()
    more = record(registry, "s1-a", ("member", M1), ("post", POST))  # the post sees m1
    assert [(e.seq, e.kind) for e in more] == [(2, EventKind.MEMBER), (3, EventKind.POST)]
    other = registry.record("s1-b", "organisation", COMMITTEE, "li@s1-b")
    assert other.seq == 1  # each community numbers its own
    community = registry.get("s1-a")
    assert community.version == 3 and [e.seq for e in community.events] == [1, 2, 3]
    assert community.members["m1"].name == "张三"
    assert registry.recorded() == ["s1-a", "s1-b"]
    assert registry.get("s2-a").version == 0  # nothing recorded yet: an empty community
    assert store.commits == 3


def test_what_is_stored_is_the_checked_and_normalised_data(registry: RegistryService) -> None:
    event = registry.record("s1-a", "member", {**M1, "name": " 张三 ", "residence": ""}, ACTOR)
    assert event.data == {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}
    assert registry.get("s1-a").events[0].data == event.data


def test_several_changes_are_all_stored_or_none(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    registry.record("s1-a", "organisation", COMMITTEE, ACTOR)
    with pytest.raises(RegistryInputError) as refused:
        record(
            registry,
            "s1-a",
            ("member", M1),
            ("post", POST),
            ("post", POST | {"member": "m2"}),  # nobody recorded m2
        )
    assert refused.value.field == "data.member"
    assert "'m2'" in str(refused.value.message)
    assert registry.get("s1-a").version == 1 and store.appends == 1  # the refusal wrote nothing
    with pytest.raises(RegistryInputError) as refused:
        registry.record("s1-a", "members", M1, ACTOR)
    assert refused.value.field == "kind"


def test_a_concurrent_writer_is_read_again_and_the_change_lands_after_it(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    registry.record("s1-a", "organisation", COMMITTEE, ACTOR)
    theirs = Event("s1-a", 2, EventKind.MEMBER, M1 | {"id": "m9"}, "li@s1-a", NOW)
    store.intruders.append([theirs])
    ours = registry.record("s1-a", "member", M1, ACTOR)
    assert ours.seq == 3 and store.appends == 3  # refused once, then after theirs
    community = registry.get("s1-a")
    assert [(e.seq, e.actor) for e in community.events] == [
        (1, ACTOR),
        (2, "li@s1-a"),
        (3, ACTOR),
    ]
    assert sorted(community.members) == ["m1", "m9"]


def test_a_change_decided_again_sees_what_the_other_writer_did(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    registry.record("s1-a", "organisation", COMMITTEE, ACTOR)
    council = {**COMMITTEE, "id": "council", "kind": "council"}
    store.intruders.append([Event("s1-a", 2, EventKind.ORGANISATION, council, "li@s1-a", NOW)])
    with pytest.raises(RegistryInputError) as refused:  # ours would now change its kind
        registry.record("s1-a", "organisation", council | {"kind": "congress"}, ACTOR)
    assert refused.value.field == "data.kind"


def test_writers_that_keep_winning_leave_the_change_refused(
    registry: RegistryService, store: MemoryCommunities
) -> None:
    for seq in range(1, 6):
        store.intruders.append(
            [Event("s1-a", seq, EventKind.MEMBER, M1 | {"id": f"x{seq}"}, "li@s1-a", NOW)]
        )
    with pytest.raises(RegistryConflictError, match="being changed by others; try again"):
        registry.record("s1-a", "member", M1, ACTOR)
    assert "m1" not in registry.get("s1-a").members and store.appends == 5


def test_today_is_the_packs_day_and_a_naive_clock_is_refused(store: MemoryCommunities) -> None:
    late = service(store, Clock(datetime(2026, 6, 30, 20, 0, tzinfo=UTC)))
    assert late.today() == date(2026, 7, 1)  # 04:00 on 1 July in Shanghai
    born_today: dict[str, Any] = M1 | {"birth_date": "2026-07-01"}
    event = late.record("s1-a", "member", born_today, ACTOR)  # not "after today"
    assert event.recorded_at.isoformat() == "2026-07-01T04:00:00+08:00"
    naive = service(store, Clock(datetime(2026, 6, 30, 9, 0)))
    with pytest.raises(ValueError, match="timezone-aware"):
        naive.record("s1-a", "member", M1, ACTOR)
    with pytest.raises(ValueError, match="timezone-aware"):
        naive.today()
    assert registry_version(store, "s1-a") == 1


def registry_version(store: MemoryCommunities, community: str) -> int:
    return len(store.events.get(community, []))


def test_the_sub_committee_kinds_are_the_packs_vocabulary(registry: RegistryService) -> None:
    registry.record("s1-a", "organisation", COMMITTEE, ACTOR)
    sub = {
        **COMMITTEE,
        "id": "mediation",
        "kind": "subcommittee",
        "parent": "committee",
        "subcommittee": "people_mediation",
    }
    assert registry.record("s1-a", "organisation", sub, ACTOR).seq == 2
    with pytest.raises(RegistryInputError) as refused:
        registry.record("s1-a", "organisation", sub | {"subcommittee": "sports"}, ACTOR)
    assert refused.value.field == "data.subcommittee"
    assert "comprehensive_governance" in str(refused.value.message)
