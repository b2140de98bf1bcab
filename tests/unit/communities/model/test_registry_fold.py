"""A community folded from its registry's events: the latest facts and versions of each
organisation and member win (the history keeps every event), a post is ended by recording it
again with its end, exceptions count from the day granted, the kinship rule counts only
siblings and lineal relatives, and the Party organisation is the one active that day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from govops.communities.model.composition import Person, Role, Seat
from govops.communities.model.registry import (
    Community,
    Event,
    EventKind,
    Facts,
    Member,
    Organisation,
    OrganisationKind,
    Post,
    Relation,
    RuleException,
)
from govops.communities.model.registry_fold import Folding, fold

AT = datetime(2026, 6, 30, 9, 0, tzinfo=timezone(timedelta(hours=8)))
COMMITTEE = {"id": "committee", "kind": "committee", "name": "居委会", "formed": "2021-07-01"}
M1 = {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}
M2 = {"id": "m2", "name": "李四", "birth_date": "1980-01-01", "retired": True}
M3 = {"id": "m3", "name": "王五", "birth_date": "1950-01-01"}
POST = {"member": "m1", "organisation": "committee", "role": "director", "start": "2021-07-01"}


def events(*changes: tuple[EventKind, dict[str, Any]]) -> list[Event]:
    return [
        Event("c1", seq, kind, data, "wang@c1", AT + timedelta(minutes=seq))
        for seq, (kind, data) in enumerate(changes, start=1)
    ]


def folded(*changes: tuple[EventKind, dict[str, Any]]) -> Community:
    return fold("c1", events(*changes))


def test_nothing_recorded_is_an_empty_community() -> None:
    empty = fold("c1", [])
    assert (empty.code, empty.version, empty.events, empty.facts) == ("c1", 0, (), None)
    assert empty.people() == {} and empty.seats("committee") == []
    assert empty.party_organisation(date(2026, 6, 30)) is None
    assert empty.kin("m1", "m2") is None and empty.exceptions_of("committee", date.max) == []


def test_the_latest_facts_and_versions_win_and_the_history_keeps_them_all() -> None:
    community = folded(
        (EventKind.FACTS, {"households": 3000, "occupancy": "40", "as_of": "2025-12-31"}),
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.MEMBER, M1),
        (EventKind.MEMBER, M1 | {"name": "张叁", "retired": True, "residence": "3号楼"}),
        (EventKind.ORGANISATION, COMMITTEE | {"name": "幸福社区居委会", "dissolved": "2026-07-01"}),
        (
            EventKind.FACTS,
            {
                "households": 3120,
                "occupancy": "87.5",
                "as_of": "2026-05-31",
                "moving_in_since": "2024-03-01",
            },
        ),
    )
    assert community.version == 6 and [e.seq for e in community.events] == [1, 2, 3, 4, 5, 6]
    assert community.facts == Facts(3120, Decimal("87.5"), date(2026, 5, 31), date(2024, 3, 1))
    assert community.members == {
        "m1": Member("m1", "张叁", date(1975, 7, 1), retired=True, residence="3号楼")
    }
    assert community.organisations == {
        "committee": Organisation(
            "committee",
            OrganisationKind.COMMITTEE,
            "幸福社区居委会",
            date(2021, 7, 1),
            dissolved=date(2026, 7, 1),
        )
    }
    assert community.people() == {
        "m1": Person("m1", "张叁", date(1975, 7, 1), retired=True, party_member=False)
    }
    first = fold("c1", events(*[(e.kind, e.data) for e in community.events[:3]]))
    assert first.members["m1"].name == "张三" and first.organisations["committee"].dissolved is None


def test_a_member_left_with_the_defaults_is_full_time_and_neither_retired_nor_in_the_party() -> (
    None
):
    member = folded((EventKind.MEMBER, M1)).members["m1"]
    assert (member.retired, member.party_member, member.full_time, member.residence) == (
        False,
        False,
        True,
        None,
    )


def test_an_organisation_is_active_from_its_forming_until_its_dissolving() -> None:
    body = folded((EventKind.ORGANISATION, COMMITTEE | {"dissolved": "2024-07-01"}))
    committee = body.organisations["committee"]
    assert not committee.active_on(date(2021, 6, 30))
    assert committee.active_on(date(2021, 7, 1)) and committee.active_on(date(2024, 6, 30))
    assert not committee.active_on(date(2024, 7, 1))


def test_a_post_is_ended_by_recording_it_again_with_its_end() -> None:
    community = folded(
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.MEMBER, M1),
        (EventKind.MEMBER, M2),
        (EventKind.POST, POST),
        (EventKind.POST, POST | {"member": "m2", "role": "member"}),
        (EventKind.POST, POST | {"end": "2024-07-01"}),
        (EventKind.POST, POST | {"start": "2024-07-01"}),  # a new term: another post
    )
    assert len(community.posts) == 3
    ended = community.posts["m1", "committee", "director", date(2021, 7, 1)]
    assert ended == Post("m1", "committee", Role.DIRECTOR, date(2021, 7, 1), date(2024, 7, 1))
    assert community.seats("committee") == [
        Seat("m1", Role.DIRECTOR, date(2021, 7, 1), date(2024, 7, 1)),
        Seat("m2", Role.MEMBER, date(2021, 7, 1)),
        Seat("m1", Role.DIRECTOR, date(2024, 7, 1)),
    ]
    assert community.seats("party") == []
    held = [s.person for s in community.seats("committee") if s.held_on(date(2024, 6, 30))]
    assert held == ["m1", "m2"]


def test_another_role_in_the_same_organisation_is_another_post() -> None:
    community = folded(
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.MEMBER, M1),
        (EventKind.POST, POST | {"role": "member"}),
        (EventKind.POST, POST),
    )
    assert sorted(p.role.value for p in community.posts.values()) == ["director", "member"]


def test_exceptions_count_from_the_day_they_were_granted() -> None:
    granted = {"organisation": "committee", "reason": "街道批准"}
    community = folded(
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.EXCEPTION, granted | {"rule": "retired_exception", "granted_on": "2026-01-05"}),
        (
            EventKind.EXCEPTION,
            granted | {"rule": "director_age_exception", "granted_on": "2026-07-01"},
        ),
        (EventKind.EXCEPTION, granted | {"rule": "retired_exception", "granted_on": "2026-03-01"}),
    )
    assert community.exceptions[0] == RuleException(
        "committee", "retired_exception", "街道批准", date(2026, 1, 5)
    )
    assert community.exceptions_of("committee", date(2026, 1, 4)) == []
    assert community.exceptions_of("committee", date(2026, 1, 5)) == ["retired_exception"]
    assert community.exceptions_of("committee", date(2026, 6, 30)) == ["retired_exception"]
    assert community.exceptions_of("committee", date(2026, 7, 1)) == [
        "director_age_exception",
        "retired_exception",
    ]
    assert community.exceptions_of("council", date(2026, 7, 1)) == []


def test_kin_counts_siblings_and_lineal_relatives_either_way_round() -> None:
    community = folded(
        (EventKind.MEMBER, M1),
        (EventKind.MEMBER, M2),
        (EventKind.MEMBER, M3),
        (EventKind.MEMBER, M1 | {"id": "m4"}),
        (EventKind.KINSHIP, {"a": "m1", "b": "m2", "relation": "spouse"}),
        (EventKind.KINSHIP, {"a": "m3", "b": "m1", "relation": "parent"}),
        (EventKind.KINSHIP, {"a": "m2", "b": "m4", "relation": "other"}),
    )
    assert len(community.kinships) == 3  # the spouse and the other relative are recorded
    assert community.kin("m1", "m2") is None  # but not counted by the rule
    assert community.kin("m2", "m4") is None
    assert community.kin("m3", "m1") == community.kin("m1", "m3") == Relation.PARENT
    assert community.kin("m3", "m2") is None and community.kin("m1", "m1") is None
    for relation in ("sibling", "child", "grandparent", "grandchild"):
        pair = folded((EventKind.KINSHIP, {"a": "x", "b": "y", "relation": relation}))
        assert pair.kin("y", "x") == Relation(relation)


def test_a_spouse_recorded_after_a_sibling_does_not_hide_the_sibling() -> None:
    community = folded(
        (EventKind.KINSHIP, {"a": "m1", "b": "m2", "relation": "sibling"}),
        (EventKind.KINSHIP, {"a": "m2", "b": "m1", "relation": "spouse"}),
    )
    assert community.kin("m1", "m2") == Relation.SIBLING


def test_the_party_organisation_is_the_one_active_that_day() -> None:
    branch = {"id": "branch", "kind": "party_branch", "name": "党支部", "formed": "2015-01-01"}
    party = {"id": "party", "kind": "party_committee", "name": "党委", "formed": "2021-07-01"}
    community = folded(
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.ORGANISATION, {**COMMITTEE, "id": "council", "kind": "council"}),
        (EventKind.ORGANISATION, branch | {"dissolved": "2021-07-01"}),
        (EventKind.ORGANISATION, party),
    )
    assert community.party_organisation(date(2014, 12, 31)) is None
    found = community.party_organisation(date(2021, 6, 30))
    assert found is not None and found.id == "branch"
    found = community.party_organisation(date(2021, 7, 1))
    assert found is not None and (found.id, found.kind) == (
        "party",
        OrganisationKind.PARTY_COMMITTEE,
    )
    dissolved = folded(
        (EventKind.ORGANISATION, party),
        (EventKind.ORGANISATION, party | {"dissolved": "2025-01-01"}),
    )
    assert dissolved.party_organisation(date(2025, 1, 1)) is None


def test_a_folding_adds_to_a_community_one_event_at_a_time() -> None:
    stream = events(
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.MEMBER, M1),
        (EventKind.POST, POST),
    )
    start = fold("c1", stream[:1])
    folding = Folding(start)
    for event in stream[1:]:
        folding.add(event)
    assert folding.community() == fold("c1", stream)
    assert start.members == {} and start.version == 1  # the start is left as it was
