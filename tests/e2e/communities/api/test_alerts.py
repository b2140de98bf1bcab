"""/api/v1/communities/alerts and /api/v1/communities/{code}/alerts: what needs doing in the
demonstration street's communities (`communities.demo`, loaded as `serve --demo` loads it)
on the day asked (default today, 1 June 2026 on the test clock): the settled community's
term run (five years from its election in July 2021, Art. 8 as amended in 2018) and its
sub-committee of two; the new estate's committee to elect. Each alert with its article,
its label and its figures in the language asked; terms ending within the months asked;
nothing of a street outside one's units. The users are those of test_registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.communities.demo import NEW_ESTATE, SETTLED, load_community_demo
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from tests.e2e.communities.api.test_registry import API, OTHER_STREET, STREET, signed_client
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import bearer

DAY = "2026-12-01"
TERM_CITE = ["cn-urc-organic-law 8", "cn-urc-organic-law-2018 8"]  # the clause; five years (2018)
ENDED = {
    "community": SETTLED,
    "kind": "term_ended",
    "severity": "refuse",
    "organisation": "committee",
    "due": "2026-07-01",
    "cite": TERM_CITE,
    "label": "the term has run; re-election is due",
    "figures": ["5 years from Jul 1, 2021, ending on Jul 1, 2026"],
}
SMALL = {
    "community": SETTLED,
    "kind": "subcommittee_too_small",
    "severity": "refuse",
    "organisation": "mediation",
    "due": None,
    "cite": ["cn-community-textbook-ch3 26"],
    "label": "sub-committee below 3 members",
    "figures": ["2 members"],
}
ELECT = {
    "community": NEW_ESTATE,
    "kind": "committee_election_due",
    "severity": "refuse",
    "organisation": None,
    "due": None,
    "cite": ["cn-community-textbook-ch3 27"],
    "label": "a committee should be elected",
    "figures": ["occupancy 62%"],
}


@pytest.fixture
def communities(
    service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path
) -> Iterator[TestClient]:
    with signed_client(service, pack, clock, tmp_path) as client:
        assert load_community_demo(client.app.state.communities)  # type: ignore[attr-defined]
        yield client


def alerts(client: TestClient, path: str = f"{API}/alerts", **params: Any) -> dict[str, Any]:
    answer = client.get(path, params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    assert body["count"] == len(body["alerts"])
    return body


def kinds(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(a["community"], a["kind"]) for a in body["alerts"]]


def terms(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The alerts of a committee's term (the estate's facts and cadences aside)."""
    return [a for a in body["alerts"] if a["kind"].startswith("term_")]


def record(client: TestClient, code: str, kind: str, data: dict[str, Any]) -> None:
    answer = client.post(f"{API}/{code}/events", json={"kind": kind, "data": data})
    assert answer.status_code == 201, answer.text


def test_the_demo_street_s_alerts_name_their_articles_and_figures(
    communities: TestClient,
) -> None:
    body = alerts(communities, as_of=DAY)
    assert body == {"as_of": DAY, "within": 6, "count": 3, "alerts": [ENDED, SMALL, ELECT]}
    # The congress met on 20 March 2026: not overdue; the estate applied on 10 April 2026.
    assert (SETTLED, "congress_overdue") not in kinds(body)
    assert (NEW_ESTATE, "committee_application_due") not in kinds(body)
    settled = alerts(communities, f"{API}/{SETTLED}/alerts", as_of=DAY)
    assert settled == {"as_of": DAY, "within": 6, "count": 2, "alerts": [ENDED, SMALL]}
    estate = alerts(communities, f"{API}/{NEW_ESTATE}/alerts", as_of=DAY)
    assert estate["alerts"] == [ELECT]
    assert alerts(communities, under=STREET, as_of=DAY) == body
    assert alerts(communities, under=SETTLED, as_of=DAY)["alerts"] == [ENDED, SMALL]


def test_the_labels_and_figures_are_said_in_the_language_asked(communities: TestClient) -> None:
    en = alerts(communities, as_of=DAY)
    zh = alerts(communities, as_of=DAY, lang="zh-Hans")
    assert [(a["label"], a["figures"]) for a in zh["alerts"]] == [
        ("任期届满,应换届选举", ["自2021年7月1日起5年，至2026年7月1日届满"]),
        ("下属委员会少于3人", ["成员2人"]),
        ("应组织居委会选举", ["入住率62%"]),
    ]
    data = [a | {"label": None, "figures": None} for a in en["alerts"]]
    assert [a | {"label": None, "figures": None} for a in zh["alerts"]] == data


def test_a_term_ending_is_announced_within_the_months_asked(communities: TestClient) -> None:
    today = alerts(communities)  # 1 June 2026: the term ends on 1 July
    assert today["as_of"] == "2026-06-01" and today["within"] == 6
    (ending,) = terms(today)
    assert ending == ENDED | {
        "kind": "term_ending",
        "severity": "warn",
        "label": "the term ends soon; prepare the re-election",
        "cite": TERM_CITE[1:],  # the value's article: the table's clause has not fired
    }
    zh = alerts(communities, lang="zh-Hans")
    assert "任期即将届满，应筹备换届选举" in [a["label"] for a in zh["alerts"]]
    march = "2026-03-01"
    assert (SETTLED, "term_ending") in kinds(alerts(communities, as_of=march, within=6))
    assert (SETTLED, "term_ending") in kinds(alerts(communities, as_of=march, within=4))
    assert (SETTLED, "term_ending") not in kinds(alerts(communities, as_of=march, within=3))
    # Ended, the term is said whatever the months asked.
    none_ahead = alerts(communities, as_of=DAY, within=0)
    assert none_ahead["within"] == 0 and none_ahead["alerts"] == [ENDED, SMALL, ELECT]


def test_months_ahead_outside_0_to_120_are_refused(communities: TestClient) -> None:
    assert alerts(communities, within=120)["within"] == 120
    for within in ("121", "-1", "six"):
        answer = communities.get(f"{API}/alerts", params={"within": within})
        assert list(problem_fields(answer)) == ["within"], within
    one = communities.get(f"{API}/{SETTLED}/alerts", params={"within": 121})
    assert list(problem_fields(one)) == ["within"]


def test_a_day_that_is_no_date_or_before_the_rules_is_refused_naming_as_of(
    communities: TestClient,
) -> None:
    assert problem_fields(communities.get(f"{API}/alerts", params={"as_of": "soon"})) == {
        "as_of": "must be a date YYYY-MM-DD, got 'soon'"
    }
    for path in (f"{API}/alerts", f"{API}/{SETTLED}/alerts"):
        # The textbook's rules are in force from 1 February 2012.
        before = problem_fields(communities.get(path, params={"as_of": "2012-01-31"}))
        assert list(before) == ["as_of"], path
        assert "no value in force on Jan 31, 2012" in before["as_of"]
    assert alerts(communities, as_of="2012-02-01")["as_of"] == "2012-02-01"


def test_the_term_is_the_law_s_on_the_day_of_the_election(communities: TestClient) -> None:
    path = f"{API}/{NEW_ESTATE}/alerts"
    committee = {"id": "rc", "kind": "committee", "name": "居委会", "formed": "2017-01-01"}
    record(communities, NEW_ESTATE, "organisation", committee | {"elected": "2017-05-01"})
    (term,) = terms(alerts(communities, path, as_of="2020-05-01"))
    assert (term["kind"], term["due"], term["cite"]) == (
        "term_ended",
        "2020-05-01",
        ["cn-urc-organic-law 8", "cn-urc-organic-law-1989 8"],  # three years in the 1989 text
    )
    assert term["figures"] == ["3 years from May 1, 2017, ending on May 1, 2020"]
    assert terms(alerts(communities, path, as_of="2019-11-01", within=5)) == []
    (ending,) = terms(alerts(communities, path, as_of="2019-11-01"))
    assert (ending["kind"], ending["due"]) == ("term_ending", "2020-05-01")
    record(communities, NEW_ESTATE, "organisation", committee | {"elected": "2021-12-15"})
    (ending,) = terms(alerts(communities, path, as_of="2026-06-15"))  # 6 months ahead
    assert (ending["kind"], ending["due"]) == ("term_ending", "2026-12-15")
    assert terms(alerts(communities, path, as_of="2026-06-15", within=5)) == []
    # From 2026 the revised law's term could not be read: said unknown, never guessed.
    record(communities, NEW_ESTATE, "organisation", committee | {"elected": "2026-02-01"})
    (unknown,) = terms(alerts(communities, path, as_of="2026-06-01"))
    assert unknown == {
        "community": NEW_ESTATE,
        "kind": "term_unknown",
        "severity": "warn",
        "organisation": "rc",
        "due": None,
        "cite": [],
        "label": "term of office unknown",
        "figures": ["elected on Feb 1, 2026: the term of the law in force then is not known"],
    }


def test_the_congress_is_overdue_after_twelve_completed_months(communities: TestClient) -> None:
    march = alerts(communities, f"{API}/{SETTLED}/alerts", as_of="2026-03-01")["alerts"]
    (overdue,) = [a for a in march if a["kind"] == "congress_overdue"]  # before it met
    assert overdue["cite"] == ["cn-community-textbook-ch3 23"]
    assert overdue["figures"] == ["no meeting recorded since Jul 1, 2021"]  # formed then
    path = f"{API}/{SETTLED}/alerts"
    assert (SETTLED, "congress_overdue") not in kinds(alerts(communities, path, as_of="2027-03-20"))
    late = alerts(communities, path, as_of="2027-03-21")["alerts"]  # more than 12 months
    (overdue,) = [a for a in late if a["kind"] == "congress_overdue"]
    assert overdue["label"] == "the congress is overdue" and overdue["severity"] == "refuse"
    assert overdue["figures"] == ["last met on Mar 20, 2026"]


def test_a_meeting_is_recorded_for_the_congress_or_the_council_only(
    communities: TestClient,
) -> None:
    path = f"{API}/{SETTLED}/events"
    held = {"organisation": "committee", "held_on": "2026-05-01"}
    answer = communities.post(path, json={"kind": "meeting", "data": held})
    assert problem_fields(answer) == {
        "data.organisation": "meetings are recorded for the congress and the council"
    }
    may = {"as_of": "2027-04-21"}
    before = alerts(communities, f"{API}/{SETTLED}/alerts", **may)
    assert (SETTLED, "congress_overdue") in kinds(before)  # more than 12 months since 20 March
    record(communities, SETTLED, "meeting", held | {"organisation": "congress"})
    after = alerts(communities, f"{API}/{SETTLED}/alerts", **may)
    assert (SETTLED, "congress_overdue") not in kinds(after)  # 12 since 1 May 2026


def test_another_street_s_staff_see_nothing_of_the_street(communities: TestClient) -> None:
    other = bearer("otherstreet")
    listed = communities.get(f"{API}/alerts", params={"as_of": DAY}, headers=other)
    assert listed.json() == {"as_of": DAY, "within": 6, "count": 0, "alerts": []}
    for answer in (
        communities.get(f"{API}/{SETTLED}/alerts", headers=other),
        communities.get(f"{API}/{NEW_ESTATE}/alerts", headers=other),
        communities.get(f"{API}/alerts", params={"under": STREET}, headers=other),
        communities.get(f"{API}/alerts", params={"under": OTHER_STREET}),  # street's staff
        communities.get(f"{API}/nowhere/alerts"),
    ):
        assert answer.status_code == 404, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
    hidden = communities.get(f"{API}/{SETTLED}/alerts", headers=other).json()
    assert hidden["code"] == "community-not-found"
    for reader in ("community", "viewer", "admin"):
        seen = communities.get(
            f"{API}/{SETTLED}/alerts", params={"as_of": DAY}, headers=bearer(reader)
        )
        assert seen.status_code == 200 and seen.json()["alerts"] == [ENDED, SMALL], reader
    duty = communities.get(f"{API}/alerts", headers=bearer("duty"))
    assert duty.status_code == 403
    assert duty.json()["detail"] == "you do not hold the permission community.read"


def test_a_re_election_does_not_change_what_was_due_before_it(communities: TestClient) -> None:
    path = f"{API}/{SETTLED}/alerts"
    (march,) = terms(alerts(communities, path, as_of="2026-03-01"))
    assert (march["kind"], march["due"]) == ("term_ending", "2026-07-01")
    committee = {"id": "committee", "kind": "committee", "name": "示範社區居民委員會"}
    re_elected = committee | {"formed": "2021-07-01", "elected": "2026-05-20"}
    record(communities, SETTLED, "organisation", re_elected)
    # On 1 March 2026 the committee was still in the term it began in July 2021.
    # (Answered instead: term_unknown, "elected on May 20, 2026: ... not known".)
    assert terms(alerts(communities, path, as_of="2026-03-01")) == [march]


def test_the_alerts_are_walked_page_by_page(communities: TestClient) -> None:
    every = assert_walks_whole(communities, f"{API}/alerts?as_of={DAY}", "alerts")
    assert every == [ENDED, SMALL, ELECT]  # community by community
    settled = assert_walks_whole(communities, f"{API}/{SETTLED}/alerts?as_of={DAY}", "alerts")
    assert settled == [ENDED, SMALL]
    page = communities.get(f"{API}/alerts?as_of={DAY}&within=3&limit=2").json()
    assert (page["as_of"], page["within"], page["count"]) == (DAY, 3, 2)
