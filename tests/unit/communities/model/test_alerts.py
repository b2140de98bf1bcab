"""What needs doing in a community, from its registry and the pack: the term of the law in
force when the committee was elected (3 years elected in 2017, 5 in 2021, unknown in 2026:
never guessed), announced within the months asked and due once run; the congress and the
council overdue on both sides of their cadence (12 and 3 completed months), counted from
the last meeting or the election; a new estate to apply for and to elect its committee on
both sides of 50%; households outside the law's range of the day; a sub-committee of 2 and
of 3. Month arithmetic at the ends of months."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from govops.communities.model.alerts import Alert, add_months, community_alerts, completed_months
from govops.communities.model.registry import Community, Event, EventKind
from govops.communities.model.registry_fold import fold
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator

PACK = load_builtin_pack("cn-community-organizations")
AT = datetime(2026, 6, 30, 9, 0, tzinfo=timezone(timedelta(hours=8)))
EN = translator("en")


def community(*changes: tuple[str, dict[str, Any]]) -> Community:
    events = [
        Event("c1", seq, EventKind(kind), data, "wang@c1", AT)
        for seq, (kind, data) in enumerate(changes, start=1)
    ]
    return fold("c1", events)


def committee(formed: str, **more: str) -> tuple[str, dict[str, Any]]:
    data = {"id": "rc", "kind": "committee", "name": "居委会", "formed": formed} | more
    return ("organisation", data)


def kinds(found: list[Alert]) -> list[str]:
    return [alert.kind for alert in found]


def of_terms(found: list[Alert]) -> list[Alert]:
    """The term's alerts (a committee with no congress recorded is also told its congress
    is overdue, counted from its election: not these tests' business)."""
    return [alert for alert in found if alert.kind.startswith("term_")]


def figures(alert: Alert) -> list[str]:
    return [EN.say(figure) for figure in alert.figures]


@pytest.mark.parametrize(
    ("elected", "day", "within", "expected", "cite"),
    [
        # elected under the 1989 text: three years (Art. 8), run on the anniversary
        ("2017-05-10", "2020-05-09", 0, [], None),
        ("2017-05-10", "2020-05-10", 0, ["term_ended"], "cn-urc-organic-law-1989 8"),
        ("2017-05-10", "2019-12-10", 5, ["term_ending"], "cn-urc-organic-law-1989 8"),
        ("2017-05-10", "2019-12-09", 5, [], None),
        # elected under Art. 8 as amended on 2018-12-29: five years, even if asked later
        ("2021-07-01", "2026-06-30", 0, [], None),
        ("2021-07-01", "2026-07-01", 0, ["term_ended"], "cn-urc-organic-law-2018 8"),
        ("2018-12-29", "2021-12-29", 0, [], None),  # not three: the amendment's first day
        # elected under the revised law of 2025 (from 2026-01-01): its term was not read
        ("2026-03-01", "2026-06-30", 6, ["term_unknown"], None),
    ],
)
def test_the_term_is_the_one_of_the_law_in_force_at_the_election(
    elected: str, day: str, within: int, expected: list[str], cite: str | None
) -> None:
    held = community(committee(elected))
    found = of_terms(community_alerts(PACK, held, date.fromisoformat(day), within))
    assert kinds(found) == expected
    if cite is not None:
        assert found[0].cite[-1] == cite and found[0].organisation == "rc"  # the value's


def test_a_term_alert_says_its_figures_and_unknown_is_never_a_guess() -> None:
    (ended,) = of_terms(
        community_alerts(PACK, community(committee("2021-07-01")), date(2026, 7, 1), 0)
    )
    assert figures(ended) == ["5 years from Jul 1, 2021, ending on Jul 1, 2026"]
    assert ended.due == date(2026, 7, 1) and ended.severity == "refuse"
    assert dict(ended.label)["en"] == "the term has run; re-election is due"  # the pack's
    (unknown,) = of_terms(
        community_alerts(PACK, community(committee("2026-03-01")), date(2026, 6, 30), 6)
    )
    assert unknown.severity == "warn" and unknown.due is None and unknown.cite == ()
    said = ["elected on Mar 1, 2026: the term of the law in force then is not known"]
    assert figures(unknown) == said
    re_elected = committee("2017-05-10", elected="2021-07-01")  # its latest election counts
    assert of_terms(community_alerts(PACK, community(re_elected), date(2026, 6, 30), 0)) == []


CONGRESS = (
    "organisation",
    {"id": "cg", "kind": "congress", "name": "代表大会", "formed": "2021-07-01"},
)
COUNCIL = (
    "organisation",
    {"id": "cc", "kind": "council", "name": "议事会", "formed": "2021-07-01"},
)
FACTS = ("facts", {"households": 2000, "occupancy": "100", "as_of": "2026-01-01"})


def meeting(body: str, day: str) -> tuple[str, dict[str, Any]]:
    return ("meeting", {"organisation": body, "held_on": day})


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-03-15", []),  # 12 months after 2025-03-15: not more than 12
        ("2026-03-16", ["congress_overdue"]),  # a day more
        ("2026-04-15", ["congress_overdue"]),
    ],
)
def test_the_congress_is_overdue_after_twelve_months_since_it_last_met(
    day: str, expected: list[str]
) -> None:
    held = community(FACTS, committee("2021-07-01"), CONGRESS, meeting("cg", "2025-03-15"))
    found = community_alerts(PACK, held, date.fromisoformat(day), 0)
    assert kinds(found) == expected
    if expected:
        assert found[0].cite == ("cn-community-textbook-ch3 23",)
        assert figures(found[0]) == ["last met on Mar 15, 2025"]


def test_a_body_that_never_met_counts_from_its_election_and_an_unrecorded_council_is_not_told() -> (
    None
):
    no_congress = community(FACTS, committee("2025-01-10"))
    found = community_alerts(PACK, no_congress, date(2026, 2, 10), 0)
    assert kinds(found) == ["congress_overdue"]  # counted from the committee's election
    assert figures(found[0]) == ["no meeting recorded since Jan 10, 2025"]
    council = community(
        FACTS,
        committee("2025-06-01"),
        CONGRESS,
        COUNCIL,
        meeting("cg", "2026-01-01"),
        meeting("cc", "2026-01-05"),
    )
    assert kinds(community_alerts(PACK, council, date(2026, 4, 5), 0)) == []  # 3 months
    assert kinds(community_alerts(PACK, council, date(2026, 4, 6), 0)) == ["council_overdue"]


@pytest.mark.parametrize(
    ("occupancy", "applied", "expected"),
    [
        ("50", None, ["committee_application_due"]),
        ("50.1", None, ["committee_application_due", "committee_election_due"]),
        ("50", "2026-04-01", []),
        ("50.1", "2026-04-01", ["committee_election_due"]),
    ],
)
def test_a_new_estate_applies_when_people_move_in_and_elects_past_half(
    occupancy: str, applied: str | None, expected: list[str]
) -> None:
    facts = {"households": 1200, "occupancy": occupancy, "as_of": "2026-06-01"}
    facts["moving_in_since"] = "2026-03-01"
    if applied:
        facts["applied_on"] = applied
    found = community_alerts(PACK, community(("facts", facts)), date(2026, 6, 30), 6)
    assert kinds(found) == expected
    assert all(alert.cite == ("cn-community-textbook-ch3 27",) for alert in found)
    before = community_alerts(PACK, community(("facts", facts)), date(2026, 2, 28), 6)
    assert "committee_application_due" not in kinds(before)  # nobody has moved in yet


@pytest.mark.parametrize(
    ("households", "day", "expected"),
    [
        (700, "2025-06-30", []),
        (701, "2025-06-30", ["too_many_households"]),
        (999, "2026-06-30", ["too_few_households"]),  # the 2025 law's range, from 2026
        (1000, "2026-06-30", []),
        (3001, "2026-06-30", ["too_many_households"]),
    ],
)
def test_households_are_held_to_the_range_of_the_law_of_the_day(
    households: int, day: str, expected: list[str]
) -> None:
    facts = ("facts", {"households": households, "occupancy": "100", "as_of": day})
    held = community(facts, committee("2024-01-01"), CONGRESS, meeting("cg", day))
    assert kinds(community_alerts(PACK, held, date.fromisoformat(day), 0)) == expected


@pytest.mark.parametrize(("members", "expected"), [(2, ["subcommittee_too_small"]), (3, [])])
def test_a_subcommittee_below_three_members(members: int, expected: list[str]) -> None:
    sub = {"id": "med", "kind": "subcommittee", "name": "调解", "formed": "2021-07-01"}
    sub |= {"parent": "rc", "subcommittee": "people_mediation"}
    changes: list[tuple[str, dict[str, Any]]] = [committee("2024-07-01"), ("organisation", sub)]
    changes += [CONGRESS, meeting("cg", "2026-06-01")]
    for i in range(members):
        changes.append(("member", {"id": f"m{i}", "name": f"居民{i}", "birth_date": "1980-01-01"}))
        post = {"member": f"m{i}", "organisation": "med", "role": "member", "start": "2024-07-01"}
        changes.append(("post", post))
    found = community_alerts(PACK, community(*changes), date(2026, 6, 30), 0)
    assert kinds(found) == expected
    if expected:
        assert found[0].organisation == "med" and figures(found[0]) == ["2 members"]
        assert found[0].cite == ("cn-community-textbook-ch3 26",)


def test_months_are_completed_months_and_a_month_later_keeps_to_the_months_end() -> None:
    assert completed_months(date(2025, 3, 15), date(2025, 4, 14)) == 0
    assert completed_months(date(2025, 3, 15), date(2025, 4, 15)) == 1
    assert completed_months(date(2025, 3, 15), date(2025, 1, 1)) == 0  # before: none
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    (ended,) = of_terms(
        community_alerts(PACK, community(committee("2016-02-29")), date(2019, 3, 1), 0)
    )
    assert ended.due == date(2019, 3, 1)  # the anniversary of 29 February in a common year


def test_a_day_is_judged_on_the_facts_and_the_election_known_then() -> None:
    estate = {"households": 1200, "occupancy": "62", "as_of": "2026-06-01"}
    estate |= {"moving_in_since": "2026-03-01"}
    held = community(
        ("facts", estate | {"occupancy": "30", "as_of": "2026-04-01"}),
        ("facts", estate),
        committee("2021-07-01"),
        ("organisation", committee("2021-07-01", elected="2026-05-20")[1]),
        CONGRESS,
        meeting("cg", "2026-03-01"),
    )
    assert held.facts_on(date(2026, 3, 31)) is None
    may = community_alerts(PACK, held, date(2026, 5, 1), 3)  # 30% then; the 2021 term
    assert kinds(may) == ["term_ending"] and may[0].due == date(2026, 7, 1)
    june = community_alerts(PACK, held, date(2026, 6, 1), 3)  # re-elected in May: 2026's law
    assert kinds(june) == ["term_unknown"]
    no_facts = community(committee("2024-01-01"), CONGRESS, meeting("cg", "2025-01-01"))
    assert kinds(community_alerts(PACK, no_facts, date(2026, 2, 1), 0)) == ["congress_overdue"]
