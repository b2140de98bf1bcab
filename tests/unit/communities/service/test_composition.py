"""The composition check of a community's organisations from its registry (pack
cn-community-organizations): a committee's warning carries its figures in words, an
exception clears it only from the day it was granted, a sub-committee's size and chair, the
council's one director; and a street's check (the columnar batch for the committees) agrees
with each organisation checked alone, for communities whose ids clash (every one calls its
committee "committee")."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from govops.communities.model.registry import Community, RegistryInputError
from govops.communities.service.composition import check_organisation, checked_organisations
from govops.communities.service.composition_street import check_street
from govops.communities.service.registry import Change, RegistryService
from govops.lawcode.rules.verdict import assess
from govops.platform.i18n.translator import translator
from tests.unit.communities.service.test_registry import (
    PACK,
    MemoryCommunities,
    record,
    service,
)

DAY = date(2026, 6, 30)
START = "2021-07-01"
ENGLISH = translator("en")


def organisation(oid: str, kind: str, **more: str) -> Change:
    return ("organisation", {"id": oid, "kind": kind, "name": oid, "formed": START, **more})


def member(mid: str, born: str = "1975-07-01", **flags: bool) -> Change:
    return ("member", {"id": mid, "name": f"居民{mid}", "birth_date": born, **flags})


def post(mid: str, oid: str, role: str = "member", start: str = START, **more: str) -> Change:
    return ("post", {"member": mid, "organisation": oid, "role": role, "start": start, **more})


def exception(rule: str, granted_on: str, oid: str = "committee") -> Change:
    data = {"organisation": oid, "rule": rule, "reason": "街道批准", "granted_on": granted_on}
    return ("exception", data)


OLD = {"name": "老居委会", "formed": "1990-01-01"}
SEVEN_THREE_RETIRED: list[Change] = [
    organisation("committee", "committee"),
    *(member(f"p{i}", retired=i >= 5) for i in range(1, 8)),
    post("p1", "committee", "director"),
    post("p2", "committee", "deputy"),
    *(post(f"p{i}", "committee") for i in range(3, 8)),
]


@pytest.fixture
def registry() -> RegistryService:
    return service(MemoryCommunities())


def checked(registry: RegistryService, code: str, oid: str, day: date = DAY) -> dict[str, Any]:
    return check_organisation(PACK, registry.get(code), oid, day).as_dict()


def breaches(answer: dict[str, Any], side: str) -> list[str]:
    return [b["id"] for b in answer[side]]


def test_a_committee_of_seven_with_three_retired_is_warned_with_its_figures(
    registry: RegistryService,
) -> None:
    record(registry, "c1", *SEVEN_THREE_RETIRED)
    answer = checked(registry, "c1", "committee")
    assert (answer["community"], answer["organisation"], answer["kind"], answer["as_of"]) == (
        "c1",
        "committee",
        "committee",
        "2026-06-30",
    )
    assert answer["verdict"] == "eligible_with_warnings" and answer["refusals"] == []
    (warning,) = answer["warnings"]
    assert (warning["id"], warning["clauses"]) == ("retired_over_share", ["37-retired"])
    assert [ENGLISH.say(f) for f in warning["figures"]] == ["3 of 7 members retired (42.9%)"]
    assert answer["inputs"]["members"] == 7 and answer["inputs"]["retired_exception"] is False


def test_an_exception_clears_the_warning_only_from_the_day_it_was_granted(
    registry: RegistryService,
) -> None:
    record(registry, "c1", *SEVEN_THREE_RETIRED, exception("retired_exception", "2026-07-01"))
    before = checked(registry, "c1", "committee")
    assert breaches(before, "warnings") == ["retired_over_share"]  # granted after the day
    after = checked(registry, "c1", "committee", DAY + timedelta(days=1))
    assert after["verdict"] == "eligible" and after["inputs"]["retired_exception"] is True
    record(registry, "c2", *SEVEN_THREE_RETIRED, exception("retired_exception", "2026-06-30"))
    on_the_day = checked(registry, "c2", "committee")
    assert on_the_day["verdict"] == "eligible" and on_the_day["warnings"] == []


def test_another_rules_exception_does_not_clear_it(registry: RegistryService) -> None:
    record(registry, "c1", *SEVEN_THREE_RETIRED, exception("director_age_exception", "2026-01-01"))
    assert breaches(checked(registry, "c1", "committee"), "warnings") == ["retired_over_share"]


def test_a_sub_committee_of_two_chaired_from_outside_the_committee_is_refused(
    registry: RegistryService,
) -> None:
    record(
        registry,
        "c1",
        *SEVEN_THREE_RETIRED,
        organisation("welfare", "subcommittee", parent="committee", subcommittee="social_welfare"),
        member("q1"),
        post("q1", "welfare", "director"),  # not on the committee
        post("p3", "welfare"),
        post("p4", "welfare", end="2026-01-01"),  # left: not counted
    )
    answer = checked(registry, "c1", "welfare")
    assert answer["verdict"] == "ineligible" and answer["kind"] == "subcommittee"
    assert breaches(answer, "refusals") == ["subcommittee_too_small", "subcommittee_chair"]
    assert [ENGLISH.say(f) for f in answer["refusals"][0]["figures"]] == ["2 members"]
    assert answer["inputs"]["chair_on_committee"] is False
    record(registry, "c1", post("p4", "welfare", start="2026-01-01"))
    again = checked(registry, "c1", "welfare")
    assert breaches(again, "refusals") == ["subcommittee_chair"]  # 3 now, chaired from outside


def test_a_sub_committee_chaired_by_a_member_of_the_committee_passes(
    registry: RegistryService,
) -> None:
    record(
        registry,
        "c1",
        *SEVEN_THREE_RETIRED,
        organisation("welfare", "subcommittee", parent="committee", subcommittee="social_welfare"),
        member("q1"),
        member("q2"),
        post("p2", "welfare", "director"),
        post("q1", "welfare"),
        post("q2", "welfare"),
    )
    answer = checked(registry, "c1", "welfare")
    assert answer["verdict"] == "eligible" and answer["inputs"]["chair_on_committee"] is True


def test_a_council_with_two_directors_is_refused(registry: RegistryService) -> None:
    record(
        registry,
        "c1",
        organisation("council", "council"),
        *(member(f"k{i}", full_time=False) for i in range(1, 5)),
        post("k1", "council", "director"),
        post("k2", "council", "director"),
        post("k3", "council", "deputy"),
        post("k4", "council"),
    )
    answer = checked(registry, "c1", "council")
    assert answer["verdict"] == "ineligible" and answer["warnings"] == []
    (refusal,) = answer["refusals"]
    assert (refusal["id"], refusal["clauses"]) == ("council_director_count", ["28-directors"])
    assert answer["inputs"]["directors"] == 2


def test_an_organisation_not_there_or_not_judged_is_refused_by_name(
    registry: RegistryService,
) -> None:
    record(registry, "c1", organisation("group", "resident_group", building="3号楼"))
    community = registry.get("c1")
    for oid, says in (
        ("nowhere", "no organisation 'nowhere' in this community"),
        ("group", "no composition rule speaks of a resident_group"),
    ):
        with pytest.raises(RegistryInputError) as refused:
            check_organisation(PACK, community, oid, DAY)
        assert (refused.value.field, str(refused.value.message)) == ("organisation", says)
    assert checked_organisations(community, DAY) == []
    assert check_street(PACK, [community], DAY) == []


BEFORE_THE_RULES = date(2010, 1, 1)  # the pack's parameters are in force from 2012-02-01


def test_a_day_before_the_packs_rules_is_refused_naming_as_of(
    registry: RegistryService,
) -> None:
    record(registry, "c1", ("organisation", {**OLD, "id": "committee", "kind": "committee"}))
    with pytest.raises(RegistryInputError) as refused:
        check_organisation(PACK, registry.get("c1"), "committee", BEFORE_THE_RULES)
    assert refused.value.field == "as_of"


def test_a_streets_day_before_the_packs_rules_is_refused_naming_as_of(
    registry: RegistryService,
) -> None:
    record(registry, "c1", ("organisation", {**OLD, "id": "committee", "kind": "committee"}))
    with pytest.raises(RegistryInputError) as refused:
        check_street(PACK, [registry.get("c1")], BEFORE_THE_RULES)
    assert refused.value.field == "as_of"


def agrees(communities: list[Community], day: date = DAY) -> list[dict[str, Any]]:
    """check_street's rows, each checked against the single check; the rows returned."""
    rows = check_street(PACK, communities, day)
    expected = [(c.code, o.id) for c in communities for o in checked_organisations(c, day)]
    assert sorted((r["community"], r["organisation"]) for r in rows) == sorted(expected)
    by_code = {c.code: c for c in communities}
    for row in rows:
        alone = check_organisation(PACK, by_code[row["community"]], row["organisation"], day)
        assert row["kind"] == alone.organisation.kind.value
        assert (row["verdict"], row["breaches"]) == (
            assess(alone.decision).verdict.value,
            [o.value for o in alone.decision.outcomes],
        ), row
    for code in by_code:  # each community's committees first
        kinds = [r["kind"] for r in rows if r["community"] == code]
        assert kinds == sorted(kinds, key=lambda k: k != "committee")
    return rows


def test_a_streets_check_agrees_with_each_organisation_checked_alone(
    registry: RegistryService,
) -> None:
    record(registry, "s1-a", *SEVEN_THREE_RETIRED)  # warned: retired share
    record(  # one shoulder, cross-appointed, an old director excepted: eligible
        registry,
        "s1-b",
        organisation("committee", "committee"),
        organisation("party", "party_branch"),
        member("p1", "1960-01-01", party_member=True),
        *(member(f"p{i}", party_member=i <= 4) for i in range(2, 7)),
        post("p1", "committee", "director"),
        *(post(f"p{i}", "committee") for i in range(2, 7)),
        post("p1", "party", "secretary"),
        *(post(f"p{i}", "party") for i in (2, 3)),
        exception("director_age_exception", "2025-01-01"),
    )
    record(  # two directors, part-timers, a secretary not directing, too few cross-appointed
        registry,
        "s1-c",
        organisation("committee", "committee"),
        organisation("party", "party_committee"),
        *(member(f"p{i}", party_member=True, full_time=i != 3) for i in range(1, 7)),
        member("x1", party_member=True),
        post("p1", "committee", "director"),
        post("p2", "committee", "director"),
        *(post(f"p{i}", "committee") for i in range(3, 7)),
        post("x1", "party", "secretary"),
        post("p1", "party"),
        organisation("welfare", "subcommittee", parent="committee", subcommittee="culture"),
        post("x1", "welfare", "director"),
        organisation("council", "council"),
        post("p5", "council", "director"),
    )
    record(  # between terms: every seat ended; and a dissolved old council is not checked
        registry,
        "s2-a",
        organisation("committee", "committee"),
        organisation("old-council", "council", dissolved="2024-01-01"),
        *(member(f"p{i}") for i in range(1, 6)),
        *(post(f"p{i}", "committee", end="2026-06-30") for i in range(1, 6)),
    )
    record(registry, "s2-b", organisation("party", "party_committee"))  # no committee at all
    communities = [registry.get(code) for code in registry.recorded()]
    rows = agrees(communities)
    committees = {r["community"]: r for r in rows if r["kind"] == "committee"}
    assert set(committees) == {"s1-a", "s1-b", "s1-c", "s2-a"}  # ids clash, rows do not
    assert {r["organisation"] for r in committees.values()} == {"committee"}
    assert [committees[c]["verdict"] for c in ("s1-a", "s1-b", "s1-c", "s2-a")] == [
        "eligible_with_warnings",
        "eligible",
        "ineligible",
        "ineligible",
    ]
    assert committees["s1-c"]["breaches"] == [
        "director_count",
        "part_time_members",
        "not_one_shoulder",
        "cross_appointment_low",
    ]
    assert committees["s2-a"]["breaches"] == ["too_few_members", "director_count"]
    assert [r["community"] for r in rows] == sorted(r["community"] for r in rows)
    assert agrees(communities[:1]) == [r for r in rows if r["community"] == "s1-a"]
    assert check_street(PACK, [], DAY) == []


def drawn(registry: RegistryService, code: str, draw: random.Random) -> None:
    """A community of random make-up: mostly a sound committee, each rule of the committee
    table now and then breached, its Party organisation, sub-committee and council."""
    changes: list[Change] = [organisation("committee", "committee")]
    size = draw.randint(5, 9) if draw.random() < 0.85 else draw.randint(2, 11)
    people = [f"p{i}" for i in range(size)]
    in_party: set[str] = set()
    for pid in people:
        born = date(1960, 1, 1) + timedelta(days=draw.randint(0, 12000))
        flags = {
            "retired": draw.random() < 0.15,
            "party_member": draw.random() < 0.7,
            "full_time": draw.random() < 0.95,
        }
        changes.append(member(pid, born.isoformat(), **flags))
        if flags["party_member"]:
            in_party.add(pid)
    changes.append(member("outsider", party_member=True))
    directors = 1 if draw.random() < 0.85 else draw.choice((0, 2))
    roles = ["director"] * directors + ["deputy"]
    for i, pid in enumerate(people):
        role = roles[i] if i < len(roles) else "member"
        start = START if draw.random() < 0.9 else "2026-07-01"  # some start after the day
        changes.append(post(pid, "committee", role, start))
        if start == START and draw.random() < 0.1:
            changes.append(post(pid, "committee", role, start, end="2026-06-30"))  # left
    if draw.random() < 0.8:
        changes.append(organisation("party", draw.choice(("party_committee", "party_branch"))))
        secretary = people[0] if directors and draw.random() < 0.8 else "outsider"
        changes.append(post(secretary, "party", "secretary"))
        on = sorted(in_party)
        if draw.random() < 0.3:
            on = draw.sample(people, k=min(size, draw.randint(1, 3)))
        changes += [post(pid, "party") for pid in on if pid != secretary]
    if draw.random() < 0.3:
        rule = draw.choice(
            ("retired_exception", "director_age_exception", "one_shoulder_exception")
        )
        changes.append(exception(rule, draw.choice(("2026-01-01", "2026-07-01"))))
    if draw.random() < 0.4:
        sub = organisation("welfare", "subcommittee", parent="committee", subcommittee="culture")
        on = draw.sample([*people, "outsider"], k=min(size, draw.randint(1, 5)))
        changes += [
            sub,
            *(post(p, "welfare", "director" if not i else "member") for i, p in enumerate(on)),
        ]
    if draw.random() < 0.4:
        on = draw.sample(people, k=min(size, draw.randint(1, 4)))
        changes.append(organisation("council", "council"))
        changes += [post(pid, "council", draw.choice(("director", "member"))) for pid in on]
    record(registry, code, *changes)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_random_street_agrees_with_each_organisation_checked_alone(
    registry: RegistryService, seed: int
) -> None:
    draw = random.Random(seed)
    for c in range(25):
        drawn(registry, f"s{seed}-{c}", draw)
    rows = agrees([registry.get(code) for code in registry.recorded()])
    verdicts = {r["verdict"] for r in rows if r["kind"] == "committee"}
    assert verdicts == {"eligible", "eligible_with_warnings", "ineligible"}


def test_two_party_organisations_at_once_are_refused_or_checked_alike(
    registry: RegistryService,
) -> None:
    try:
        record(
            registry,
            "c1",
            *SEVEN_THREE_RETIRED,
            organisation("party", "party_committee"),
            organisation("branch", "party_branch"),
            post("p1", "branch", "secretary"),
        )
    except RegistryInputError:
        return  # refused when recorded: the registry keeps one Party organisation at a time
    agrees([registry.get("c1")])
