"""/api/v1/communities/{code}/elections: an election over HTTP (the test clock: 1 June
2026): steps recorded as the signed-in user, the register from a sheet, a refused slate
answered 422 `step-refused` with its findings, an unknown election 404, the audit record
and who signed in; a viewer reads but may not record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from govops.communities.model.election_audit import audit_record, recount
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.packs import load_builtin_pack
from tests.e2e.communities.api.test_registry import (
    API,
    COMMUNITY,
    CSV,
    STREET,
    record,
    signed_client,
)
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import bearer

ELECTION = f"{API}/{COMMUNITY}/elections/e2025"
SHEET = (
    "id,name,birth_date,resident\n"
    + "".join(f"p{i},居民{i},1970-01-0{i},是\n" for i in range(1, 10))
    + "y1,少年,2009-01-01,是\n"
)


@pytest.fixture
def communities(
    service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path
) -> Iterator[TestClient]:
    with signed_client(service, pack, clock, tmp_path) as client:
        record(
            client,
            "organisation",
            {"id": "rc", "kind": "committee", "name": "居委会", "formed": "2020-01-01"},
        )
        for a in ("p1", "p2"):
            record(client, "member", {"id": a, "name": a, "birth_date": "1970-01-01"})
        record(client, "kinship", {"a": "p1", "b": "p2", "relation": "parent"})
        yield client


def step(client: TestClient, name: str, **data: Any) -> Any:
    return client.post(f"{ELECTION}/steps/{name}", json=data)


def test_an_election_over_http(communities: TestClient) -> None:
    opened = step(
        communities,
        "election_committee",
        organisation="rc",
        seats=5,
        day="2025-06-15",
        members=["p1"],
    )
    assert opened.status_code == 201, opened.text
    assert opened.json()["actor"] == f"street@{STREET}"  # the signed-in user, where they act
    sheet = {"file": ("voters.csv", SHEET.encode(), CSV)}
    registered = communities.post(f"{ELECTION}/voters", files=sheet)
    assert registered.status_code == 201, registered.text
    assert registered.json()["data"]["refused"][0]["id"] == "y1"
    assert (
        step(
            communities, "representatives", held_on="2025-06-01", representatives=["p3"]
        ).status_code
        == 201
    )
    assert step(communities, "congress_and_council", held_on="2025-06-10").status_code == 201
    voted = [f"p{i}" for i in range(1, 9)]
    barred = step(
        communities, "committee", candidates=[f"p{i}" for i in range(1, 7)], voted=voted, ballots=[]
    )
    assert barred.status_code == 422
    assert (barred.json()["code"], barred.json()["detail"]) == (
        "step-refused",
        "the slate cannot go to the ballot",
    )
    assert barred.json()["findings"] == [
        {
            "people": ["p1", "p2"],
            "message": "p1 and p2 are kin (parent)",
            "cite": "cn-community-textbook-ch3 38",
        }
    ]
    ballots = [{"serial": str(n), "marks": ["p2", "p3", "p4", "p5", "p6"]} for n in range(8)]
    done = step(
        communities,
        "committee",
        candidates=[f"p{i}" for i in range(2, 8)],
        voted=voted,
        ballots=ballots,
    )
    assert done.status_code == 201, done.text
    shown = communities.get(ELECTION).json()
    assert (shown["next"], shown["elected"], len(shown["steps"])) == (
        None,
        ["p2", "p3", "p4", "p5", "p6"],
        5,
    )
    over = step(communities, "reelection", voted=["p1"], ballots=[])
    assert (over.status_code, over.json()["detail"]) == (
        422,
        "every seat is filled: the election is over",
    )
    records = communities.get(f"{ELECTION}/audit").json()
    pack = load_builtin_pack("cn-community-organizations")
    assert [audit_record(recount(r, pack)) for r in records] == records
    csv_out = communities.get(f"{ELECTION}/voted")
    assert csv_out.headers["content-type"].startswith("text/csv")
    assert csv_out.text.splitlines()[:2] == ["id,name,rounds", "p1,居民1,1"]


def test_who_may_and_what_is_unknown(communities: TestClient) -> None:
    viewer = communities.post(
        f"{ELECTION}/steps/election_committee",
        headers=bearer("viewer"),
        json={"organisation": "rc", "seats": 5, "day": "2025-06-15", "members": ["p1"]},
    )
    assert viewer.status_code == 403
    missing = communities.get(ELECTION)
    assert (missing.status_code, missing.json()["code"]) == (404, "election-not-found")
    bad = step(
        communities,
        "election_committee",
        organisation="rc",
        seats="five",
        day="2025-06-15",
        members=["p1"],
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "data.seats"
    outsider = communities.get(f"{API}/{COMMUNITY}/elections", headers=bearer("otherstreet"))
    assert outsider.status_code == 404


def test_the_elections_and_an_election_s_rounds_are_walked_page_by_page(
    communities: TestClient,
) -> None:
    for election, day in (
        ("a-late", "2025-09-20"),
        ("z-early", "2024-06-15"),
        ("e2025", "2025-06-15"),
    ):
        opened = communities.post(
            f"{API}/{COMMUNITY}/elections/{election}/steps/election_committee",
            json={"organisation": "rc", "seats": 5, "day": day, "members": ["p1"]},
        )
        assert opened.status_code == 201, opened.text
    elections = assert_walks_whole(communities, f"{API}/{COMMUNITY}/elections")
    assert [e["id"] for e in elections] == ["z-early", "e2025", "a-late"]  # by election day
    sheet = {"file": ("voters.csv", SHEET.encode(), CSV)}
    assert communities.post(f"{ELECTION}/voters", files=sheet).status_code == 201
    chosen = step(communities, "representatives", held_on="2025-06-01", representatives=["p3"])
    assert chosen.status_code == 201, chosen.text
    assert step(communities, "congress_and_council", held_on="2025-06-10").status_code == 201
    voted = [f"p{i}" for i in range(1, 9)]
    two = [{"serial": str(n), "marks": ["p2", "p3"]} for n in range(8)]  # 3 seats unfilled
    first = step(
        communities,
        "committee",
        candidates=[f"p{i}" for i in range(2, 8)],
        voted=voted,
        ballots=two,
    )
    assert first.status_code == 201, first.text
    three = [{"serial": str(n), "marks": ["p4", "p5", "p6"]} for n in range(8)]
    again = step(communities, "reelection", voted=voted, ballots=three)
    assert again.status_code == 201, again.text
    rounds = assert_walks_whole(communities, f"{ELECTION}/audit")
    assert [r["round"] for r in rounds] == [1, 2]
