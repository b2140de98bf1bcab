"""/api/v1/communities/.../composition: a residents' committee recorded over HTTP and judged
by cn-community-organizations on the day asked (default today, 1 June 2026 on the test
clock): the breach, its article and its figures in the language asked; a street's
committees at once. The users are those of test_registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from tests.e2e.communities.api.test_registry import (
    API,
    COMMUNITY,
    OTHER_STREET,
    STREET,
    committee,
    record,
    signed_client,
)
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import bearer

RETIRED_CITE = ["cn-community-textbook-ch3 37"]  # 居委會成員中離退休人員比例原則上不超過30%


@pytest.fixture
def communities(
    service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path
) -> Iterator[TestClient]:
    with signed_client(service, pack, clock, tmp_path) as client:
        committee(client)  # 7 members, 3 of them retired
        yield client


def test_the_committee_is_warned_of_its_retired_share_with_the_figures(
    communities: TestClient,
) -> None:
    answer = communities.get(f"{API}/{COMMUNITY}/composition")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["community"], body["as_of"], body["count"]) == (COMMUNITY, "2026-06-01", 1)
    (check,) = body["organisations"]
    assert (check["organisation"], check["kind"]) == ("rc", "committee")
    assert check["verdict"] == "eligible_with_warnings" and check["refusals"] == []
    (warning,) = check["warnings"]
    assert warning["id"] == "retired_over_share" and warning["cite"] == RETIRED_CITE
    assert warning["figures"] == ["3 of 7 members retired (42.9%)"]
    assert warning["label"]["zh-Hans"] == "离退休人员比例超过30%"
    assert check["inputs"]["members"] == 7 and check["inputs"]["directors"] == 1
    one = communities.get(f"{API}/{COMMUNITY}/organisations/rc/composition")
    assert one.status_code == 200 and one.json() == check


def test_the_figures_are_said_in_the_language_asked(communities: TestClient) -> None:
    path = f"{API}/{COMMUNITY}/organisations/rc/composition"
    zh = communities.get(path, params={"lang": "zh-Hans"}).json()
    (warning,) = zh["warnings"]
    assert warning["figures"] == ["7名成员中离退休3人（42.9%）"]
    assert warning["cite"] == RETIRED_CITE  # the data is the same in every language
    en = communities.get(path).json()
    assert zh | {"warnings": None} == en | {"warnings": None}


def test_the_day_asked(communities: TestClient) -> None:
    path = f"{API}/{COMMUNITY}/composition"
    before = communities.get(path, params={"as_of": "2023-12-31"}).json()
    assert before["count"] == 0  # the committee was formed on 1 January 2024
    formed = communities.get(path, params={"as_of": "2024-01-15"}).json()
    (check,) = formed["organisations"]  # formed, no post held yet: too few, no director
    assert {r["id"] for r in check["refusals"]} == {"too_few_members", "director_count"}
    assert problem_fields(communities.get(path, params={"as_of": "30/06/2026"})) == {
        "as_of": "must be a date YYYY-MM-DD, got '30/06/2026'"
    }
    unknown = communities.get(f"{API}/{COMMUNITY}/organisations/council/composition")
    assert unknown.status_code == 404  # as an unknown community
    assert unknown.json()["detail"] == "no organisation 'council' in this community"


def test_a_street_s_committees_are_checked_at_once(communities: TestClient) -> None:
    answer = communities.get(f"{API}/composition", params={"under": STREET})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "under": STREET,
        "as_of": "2026-06-01",
        "count": 1,
        "organisations": [
            {
                "community": COMMUNITY,
                "organisation": "rc",
                "kind": "committee",
                "verdict": "eligible_with_warnings",
                "breaches": ["retired_over_share"],
            }
        ],
    }
    everywhere = communities.get(f"{API}/composition", headers=bearer("viewer")).json()
    assert everywhere["organisations"] == answer.json()["organisations"]
    other = communities.get(f"{API}/composition", params={"under": OTHER_STREET})
    assert other.status_code == 404  # a street outside one's units is as unknown as any unit
    refused = communities.get(
        f"{API}/composition", params={"under": STREET}, headers=bearer("otherstreet")
    )
    assert refused.status_code == 404
    hidden = communities.get(f"{API}/{COMMUNITY}/composition", headers=bearer("otherstreet"))
    assert hidden.status_code == 404 and hidden.json()["code"] == "community-not-found"


def test_the_organisations_checked_are_walked_page_by_page_the_committee_first(
    communities: TestClient,
) -> None:
    for body, kind in (("sub-b", "culture"), ("sub-a", "people_mediation")):
        organisation = {"id": body, "kind": "subcommittee", "name": "委員會", "parent": "rc"}
        organisation |= {"formed": "2024-01-01", "subcommittee": kind}
        record(communities, "organisation", organisation)
    checked = assert_walks_whole(communities, f"{API}/{COMMUNITY}/composition", "organisations")
    assert [c["organisation"] for c in checked] == ["rc", "sub-a", "sub-b"]
    street = f"{API}/composition?under={STREET}"
    rows = assert_walks_whole(communities, street, "organisations", limit=2)
    assert [(r["community"], r["organisation"]) for r in rows] == [
        (COMMUNITY, "rc"),
        (COMMUNITY, "sub-a"),
        (COMMUNITY, "sub-b"),
    ]
    assert communities.get(f"{street}&limit=1").json()["under"] == STREET
