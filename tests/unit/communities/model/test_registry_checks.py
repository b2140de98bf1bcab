"""What a new event of a community's registry must be: every field kind refused under its
field's name (text, ids, dates and their range, percentages, flags, counts, control
characters), unknown kinds and fields, missing required ones; and what an event refers to
checked on the community it is added to (a post's member and organisation, the posts each
kind of organisation has, a sub-committee's committee and kind, an exception's committee, a
kinship's two members), an organisation keeping its kind."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from govops.communities.model.registry import (
    Community,
    Event,
    EventKind,
    RegistryInputError,
)
from govops.communities.model.registry_checks import check_fields, day, percent
from govops.communities.model.registry_fold import fold
from govops.communities.model.registry_references import check_event
from govops.platform.i18n.translator import translator

TODAY = date(2026, 6, 30)
AT = datetime(2026, 6, 30, 9, 0, tzinfo=timezone(timedelta(hours=8)))
KINDS = frozenset({"social_welfare", "people_mediation"})
MEMBER = {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}
COMMITTEE = {
    "id": "committee",
    "kind": "committee",
    "name": "幸福社区居委会",
    "formed": "2021-07-01",
}
PARTY = {"id": "party", "kind": "party_committee", "name": "幸福社区党委", "formed": "2021-07-01"}
COUNCIL = {"id": "council", "kind": "council", "name": "协商议事委员会", "formed": "2021-07-01"}


def community(*changes: tuple[EventKind, dict[str, Any]]) -> Community:
    """A community folded from `changes` (as recorded, unchecked), numbered 1, 2, ..."""
    events = [
        Event("c1", seq, kind, data, "wang@c1", AT)
        for seq, (kind, data) in enumerate(changes, start=1)
    ]
    return fold("c1", events)


SETTLED = community(
    (EventKind.ORGANISATION, COMMITTEE),
    (EventKind.ORGANISATION, PARTY),
    (EventKind.ORGANISATION, COUNCIL),
    (EventKind.MEMBER, MEMBER),
    (EventKind.MEMBER, {"id": "m2", "name": "李四", "birth_date": "1980-01-01"}),
)


def refused(kind: object, data: object, held: Community = SETTLED) -> RegistryInputError:
    with pytest.raises(RegistryInputError) as error:
        check_event(kind, data, held, TODAY, KINDS)
    return error.value


def test_a_good_event_of_each_kind_is_normalised() -> None:
    facts = {"households": 3120, "occupancy": "87.5", "as_of": date(2026, 5, 31)}
    assert check_event("facts", facts, SETTLED, TODAY) == (
        EventKind.FACTS,
        {"households": 3120, "occupancy": "87.5", "as_of": "2026-05-31"},
    )
    assert check_event("facts", facts | {"occupancy": 100}, SETTLED, TODAY)[1]["occupancy"] == (
        "100"
    )
    member = {**MEMBER, "id": " m3 ", "name": " 王五 ", "retired": True, "residence": ""}
    assert check_event("member", member, SETTLED, TODAY)[1] == {
        "id": "m3",
        "name": "王五",
        "birth_date": "1975-07-01",
        "retired": True,
    }
    post = {"member": "m1", "organisation": "party", "role": "secretary", "start": "2021-07-01"}
    assert check_event(EventKind.POST, post, SETTLED, TODAY)[0] is EventKind.POST
    kinship = {"a": "m1", "b": "m2", "relation": "spouse"}
    assert check_event("kinship", kinship, SETTLED, TODAY)[1] == kinship
    exception = {
        "organisation": "committee",
        "rule": "retired_exception",
        "reason": "街道批准",
        "granted_on": "2026-01-05",
    }
    assert check_event("exception", exception, SETTLED, TODAY)[1] == exception


def test_an_unknown_kind_and_an_unknown_or_missing_field_are_named() -> None:
    error = refused("household", {})
    assert error.field == "kind"
    assert "unknown kind 'household' (known: facts, organisation, member" in str(error)
    assert refused(None, {}).field == "kind"
    assert refused("member", ["m1"]).field == "data"
    error = refused("member", {**MEMBER, "gender": "f"})
    assert (error.field, str(error.message)) == ("data.gender", "is not a field of member")
    for missing in ("id", "name", "birth_date"):
        for blank in ({}, {missing: None}, {missing: ""}, {missing: "   "}):
            data = {k: v for k, v in MEMBER.items() if k != missing} | blank
            error = refused("member", data)
            assert (error.field, str(error.message)) == (f"data.{missing}", "is required")


@pytest.mark.parametrize(
    ("kind", "data", "field", "says"),
    [
        ("member", {**MEMBER, "name": 42}, "data.name", "must be text, got 42"),
        ("member", {**MEMBER, "name": "张" * 201}, "data.name", "longer than 200 characters"),
        ("member", {**MEMBER, "name": "张\x00三"}, "data.name", "control character"),
        ("member", {**MEMBER, "residence": "1号楼\x1b"}, "data.residence", "control character"),
        ("member", {**MEMBER, "id": "m 1"}, "data.id", "must be 1 to 64 letters"),
        ("member", {**MEMBER, "id": "-m1"}, "data.id", "starting with a letter or digit"),
        ("member", {**MEMBER, "id": "m" * 65}, "data.id", "must be 1 to 64 letters"),
        ("member", {**MEMBER, "id": "张三"}, "data.id", "must be 1 to 64 letters"),
        ("member", {**MEMBER, "birth_date": "1975-02-30"}, "data.birth_date", "YYYY-MM-DD"),
        ("member", {**MEMBER, "birth_date": "1975/07/01"}, "data.birth_date", "YYYY-MM-DD"),
        ("member", {**MEMBER, "birth_date": 19750701}, "data.birth_date", "YYYY-MM-DD, got 1975"),
        ("member", {**MEMBER, "birth_date": "1975-07-01\x00"}, "data.birth_date", "YYYY-MM-DD"),
        ("member", {**MEMBER, "birth_date": "1899-12-31"}, "data.birth_date", "between"),
        ("member", {**MEMBER, "birth_date": date(1066, 1, 1)}, "data.birth_date", "between"),
        ("member", {**MEMBER, "retired": "yes"}, "data.retired", "true or false, got 'yes'"),
        ("member", {**MEMBER, "full_time": 1}, "data.full_time", "true or false, got 1"),
        ("facts", {"households": -1}, "data.households", "0 or more, got -1"),
        ("facts", {"households": True}, "data.households", "0 or more, got True"),
        ("facts", {"households": "3120"}, "data.households", "0 or more, got '3120'"),
        ("facts", {"households": 1, "occupancy": "100.1"}, "data.occupancy", "from 0 to 100"),
        ("facts", {"households": 1, "occupancy": "-1"}, "data.occupancy", "from 0 to 100"),
        ("facts", {"households": 1, "occupancy": "NaN"}, "data.occupancy", "from 0 to 100"),
        ("facts", {"households": 1, "occupancy": "八成"}, "data.occupancy", "from 0 to 100"),
        ("facts", {"households": 1, "occupancy": True}, "data.occupancy", "got True"),
        (
            "facts",
            {"households": 1, "occupancy": "50", "as_of": "3000-01-01"},
            "data.as_of",
            "between 1900-01-01 and 2999-12-31",
        ),
        ("organisation", {**COUNCIL, "kind": "club"}, "data.kind", "must be one of party_"),
        ("post", {"member": "m1", "role": "chair"}, "data.organisation", "is required"),
        (
            "post",
            {"member": "m1", "organisation": "council", "role": "chair", "start": "2021-07-01"},
            "data.role",
            "a council has no post chair (posts: deputy, director, member)",
        ),
        ("kinship", {"a": "m1", "b": "m2", "relation": "cousin"}, "data.relation", "got 'cousin'"),
        (
            "exception",
            {"organisation": "committee", "rule": "age", "reason": "x", "granted_on": "2026-01-01"},
            "data.rule",
            "director_age_exception, retired_exception, one_shoulder_exception",
        ),
    ],
)
def test_each_field_kind_refuses_a_bad_value_by_the_fields_name(
    kind: str, data: dict[str, Any], field: str, says: str
) -> None:
    error = refused(kind, data)
    assert error.field == field
    assert says in str(error.message)
    assert str(error) == f"{field}: {error.message}"


def test_a_date_is_given_as_text_or_as_a_date_and_kept_as_text() -> None:
    assert day("d", "2026-06-30") == "2026-06-30"
    assert day("d", " 2026-06-30 ") == "2026-06-30"
    assert day("d", date(1900, 1, 1)) == "1900-01-01"
    assert day("d", date(2999, 12, 31)) == "2999-12-31"
    with pytest.raises(RegistryInputError, match="between"):
        day("d", date(2999, 12, 31) + timedelta(days=1))


def test_a_time_given_for_a_day_is_refused_or_kept_as_its_day() -> None:
    try:
        kept = day("data.start", datetime(2026, 1, 1, 9, 0, tzinfo=AT.tzinfo))
    except RegistryInputError as error:
        assert error.field == "data.start"
    else:
        assert kept == "2026-01-01"


def test_a_percentage_is_kept_as_its_exact_decimal_text() -> None:
    assert percent("p", "87.50") == "87.50"
    assert percent("p", 0) == "0"
    assert percent("p", "100") == "100"
    with pytest.raises(RegistryInputError) as error:
        percent("data.occupancy", "1e3")
    assert error.value.field == "data.occupancy"


def test_a_percentage_given_as_a_json_number_with_decimals_is_read() -> None:
    assert percent("data.occupancy", 87.5) == "87.5"


def test_an_optional_field_left_blank_is_not_given() -> None:
    checked = check_fields(EventKind.MEMBER, {**MEMBER, "residence": "   "})
    assert "residence" not in checked


def test_a_member_born_after_today_is_refused_one_born_today_is_not() -> None:
    error = refused("member", {**MEMBER, "birth_date": "2026-07-01"})
    assert (error.field, str(error.message)) == ("data.birth_date", "is after today")
    assert check_event("member", {**MEMBER, "birth_date": "2026-06-30"}, SETTLED, TODAY)


def test_a_post_names_a_member_and_an_organisation_of_the_community() -> None:
    post = {"member": "m1", "organisation": "committee", "role": "director", "start": "2021-07-01"}
    error = refused("post", post | {"member": "m9"})
    assert (error.field, str(error.message)) == ("data.member", "no member 'm9' in this community")
    error = refused("post", post | {"organisation": "o9"})
    assert (error.field, str(error.message)) == (
        "data.organisation",
        "no organisation 'o9' in this community",
    )
    assert refused("post", post, community()).field == "data.member"  # nothing recorded yet


def test_a_post_ends_after_it_starts() -> None:
    post = {"member": "m1", "organisation": "committee", "role": "member", "start": "2021-07-01"}
    for end in ("2021-07-01", "2020-01-01"):
        error = refused("post", post | {"end": end})
        assert (error.field, str(error.message)) == ("data.end", "must be after the start")
    assert check_event("post", post | {"end": "2021-07-02"}, SETTLED, TODAY)


@pytest.mark.parametrize(
    ("organisation", "role", "posts"),
    [
        ("committee", "secretary", "deputy, director, member"),
        ("committee", "deputy_secretary", "deputy, director, member"),
        ("council", "secretary", "deputy, director, member"),
        ("party", "director", "deputy_secretary, member, secretary"),
        ("party", "deputy", "deputy_secretary, member, secretary"),
    ],
)
def test_each_kind_of_organisation_has_its_own_posts(
    organisation: str, role: str, posts: str
) -> None:
    post = {"member": "m1", "organisation": organisation, "role": role, "start": "2021-07-01"}
    error = refused("post", post)
    assert error.field == "data.role"
    kind = SETTLED.organisations[organisation].kind.value
    assert str(error.message) == f"a {kind} has no post {role} (posts: {posts})"


def test_a_sub_committee_names_its_committee_and_its_kind() -> None:
    sub = {
        "id": "welfare",
        "kind": "subcommittee",
        "name": "社会福利委员会",
        "formed": "2021-07-01",
        "parent": "committee",
        "subcommittee": "social_welfare",
    }
    assert check_event("organisation", sub, SETTLED, TODAY, KINDS)[1] == sub
    without = {k: v for k, v in sub.items() if k != "parent"}
    error = refused("organisation", without)
    assert (error.field, str(error.message)) == (
        "data.parent",
        "a sub-committee names its committee",
    )
    error = refused("organisation", sub | {"parent": "nowhere"})
    assert (error.field, str(error.message)) == (
        "data.parent",
        "no organisation 'nowhere' in this community",
    )
    error = refused("organisation", sub | {"parent": "council"})
    assert (error.field, str(error.message)) == ("data.parent", "must be a residents' committee")
    error = refused("organisation", {k: v for k, v in sub.items() if k != "subcommittee"})
    assert (error.field, str(error.message)) == ("data.subcommittee", "is required")
    error = refused("organisation", sub | {"subcommittee": "sports"})
    assert error.field == "data.subcommittee"
    assert str(error.message) == ("must be one of people_mediation, social_welfare, got 'sports'")
    with pytest.raises(RegistryInputError) as unknown:  # no vocabulary given: none is known
        check_event("organisation", sub, SETTLED, TODAY)
    assert unknown.value.field == "data.subcommittee"


def test_only_a_sub_committee_has_a_parent_or_a_kind_of_sub_committee() -> None:
    error = refused("organisation", COUNCIL | {"parent": "committee"})
    assert (error.field, str(error.message)) == ("data.parent", "only a sub-committee has a parent")
    error = refused("organisation", COUNCIL | {"subcommittee": "social_welfare"})
    assert (error.field, str(error.message)) == (
        "data.subcommittee",
        "only a sub-committee has a kind of sub-committee",
    )


def test_an_organisation_keeps_its_kind_and_is_dissolved_after_it_was_formed() -> None:
    error = refused("organisation", COUNCIL | {"kind": "congress"})
    assert (error.field, str(error.message)) == (
        "data.kind",
        "organisation council is a council; it keeps its kind",
    )
    renamed = COUNCIL | {"name": "议事协商会", "dissolved": "2026-01-01"}
    assert check_event("organisation", renamed, SETTLED, TODAY)[1]["name"] == "议事协商会"
    for dissolved in ("2021-07-01", "2021-06-30"):
        error = refused("organisation", COUNCIL | {"dissolved": dissolved})
        assert error.field == "data.dissolved"
        assert str(error.message) == "must be after the day it was formed"


def test_an_exception_is_recorded_for_a_residents_committee_only() -> None:
    exception = {"rule": "retired_exception", "reason": "街道批准", "granted_on": "2026-01-05"}
    for organisation in ("council", "party"):
        error = refused("exception", exception | {"organisation": organisation})
        assert error.field == "data.organisation"
        assert str(error.message) == "exceptions are recorded for a residents' committee"
    error = refused("exception", exception | {"organisation": "o9"})
    assert str(error.message) == "no organisation 'o9' in this community"


def test_a_kinship_is_between_two_members_of_the_community() -> None:
    error = refused("kinship", {"a": "m1", "b": "m1", "relation": "sibling"})
    assert (error.field, str(error.message)) == ("data.b", "is the same member as a")
    assert refused("kinship", {"a": "m9", "b": "m1", "relation": "sibling"}).field == "data.a"
    assert refused("kinship", {"a": "m1", "b": "m9", "relation": "sibling"}).field == "data.b"


def test_a_refusal_is_said_in_the_readers_language() -> None:
    error = refused("member", {**MEMBER, "birth_date": "2026-07-01"})
    assert translator("en").say(error.message) == "is after today"


def said_of(error: RegistryInputError) -> tuple[str, str]:
    return error.field, str(error.message)


def test_a_post_is_held_by_someone_born_in_an_organisation_in_place() -> None:
    post = {"member": "m1", "organisation": "committee", "role": "member", "start": "2021-07-01"}
    young = refused("post", post | {"start": "1975-06-30"})  # m1 born 1975-07-01
    assert said_of(young) == ("data.start", "is before the member was born")
    early = refused("post", post | {"start": "2021-06-30"})
    assert said_of(early) == ("data.start", "is before the organisation was formed")
    gone = community(
        (EventKind.ORGANISATION, COMMITTEE | {"dissolved": "2024-01-01"}),
        (EventKind.MEMBER, MEMBER),
    )
    late = refused("post", post | {"start": "2024-01-01"}, gone)
    assert said_of(late) == ("data.start", "is after the organisation was dissolved")
    held = community(
        (EventKind.ORGANISATION, COMMITTEE),
        (EventKind.MEMBER, MEMBER),
        (EventKind.POST, post),
    )
    reborn = refused("member", MEMBER | {"birth_date": "2022-01-01"}, held)
    said = "is after the start of a post the member holds (2021-07-01)"
    assert said_of(reborn) == ("data.birth_date", said)


def test_a_community_has_one_committee_at_a_time() -> None:
    second = COMMITTEE | {"id": "committee2", "formed": "2025-01-01"}
    error = refused("organisation", second)
    assert error.field == "data.kind" and "committee" in str(error.message)
    gone = community((EventKind.ORGANISATION, COMMITTEE | {"dissolved": "2025-01-01"}))
    assert check_event("organisation", second, gone, TODAY, KINDS)[0] is EventKind.ORGANISATION
