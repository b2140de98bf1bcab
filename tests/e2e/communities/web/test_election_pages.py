"""The election pages through the composition root, on the demo street (`serve --demo`):
the demo election waits for its vote; a slate with two brothers comes back 422 with the
finding and slide 38; a count leaves a seat, the re-election fills it; the audit record
recounts; a reader of another street is told nothing, a viewer may read but not record;
every election page in every language says nothing in another."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import build_app, build_incidents
from govops.communities.demo import ELECTION, SETTLED, load_community_demo
from govops.communities.model.election_audit import audit_record, recount
from govops.config import Settings
from govops.platform.i18n.languages import LANGUAGES
from tests.e2e.communities.web.test_pages import NAMES, STREET
from tests.e2e.languages import foreign_sentences
from tests.fakes import Clock
from tests.identity import sign_in

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PAGE = f"/communities/{SETTLED}/elections/{ELECTION}"
SIGNED = " ".join([f"m0{i}" for i in range(1, 10)] + [f"r{n}" for n in range(10, 20)])
SLATE = "m01 m02 m05 m07 m08 r10 r11 r12"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[FastAPI]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    incidents = build_incidents(settings, Clock(NOW))
    app = build_app(settings, Clock(NOW), incidents)
    yield app
    incidents.engine.dispose()


@pytest.fixture
def users(app: FastAPI) -> dict[str, dict[str, str]]:
    grants = {
        "street": ("street_staff", STREET),
        "other-street": ("street_staff", "110102003"),
        "viewer": ("viewer", STREET),
    }
    made = {name: sign_in(app, name, grant) for name, grant in grants.items()}
    assert load_community_demo(app.state.communities)
    return made


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def post(client: TestClient, user: dict[str, str], step: str, **form: str) -> object:
    return client.post(
        f"{PAGE}/steps/{step}?lang=en", data=form, headers=user, follow_redirects=False
    )


def test_the_demo_election_waits_for_its_vote(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    page = client.get(f"{PAGE}?lang=en", headers=users["street"])
    assert page.status_code == 200
    assert "election of the residents&#39; committee" in page.text
    assert "20 voters registered" in page.text and "under the voting age" in page.text
    community = client.get(f"/communities/{SETTLED}?lang=en", headers=users["street"])
    assert f'href="{PAGE}"' in community.text


def test_a_slate_with_brothers_is_refused_then_the_count_and_reelection_fill_the_seats(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    street = users["street"]
    barred = post(client, street, "committee", candidates=SLATE + " m09", voted=SIGNED, ballots="")
    assert barred.status_code == 422  # type: ignore[attr-defined]
    said = barred.text  # type: ignore[attr-defined]
    assert "the slate cannot go to the ballot" in said
    assert "m07 and m09 are kin (sibling) [cn-community-textbook-ch3 38]" in said
    assert f'value="{SLATE} m09"' in said  # the form comes back as it was filled
    ballots = "\n".join(f"{n:03}: m01 m02 m05 m07 m08 r10" for n in range(1, 16))
    done = post(client, street, "committee", candidates=SLATE, voted=SIGNED, ballots=ballots)
    assert done.status_code == 303  # type: ignore[attr-defined]
    page = client.get(f"{PAGE}?lang=en", headers=street).text
    assert "re-election for the seats left" in page and "Round 1" in page
    again = post(
        client,
        street,
        "reelection",
        voted=SIGNED,
        ballots="\n".join(f"{n:03}: r11" for n in range(1, 12)),
    )
    assert again.status_code == 303  # type: ignore[attr-defined]
    page = client.get(f"{PAGE}?lang=en", headers=street).text
    assert "Every seat is filled: the election is over." in page
    audit = client.get(f"{PAGE}/audit.json", headers=street)
    records = json.loads(audit.text)
    pack = app_pack(client)
    assert [audit_record(recount(r, pack)) for r in records] == records
    assert records[1]["result"]["elected"] == ["r11"]
    voted = client.get(f"{PAGE}/voted.csv", headers=street)
    assert voted.text.splitlines()[1] == "m01,陳志明,1 2"


def app_pack(client: TestClient) -> object:
    return client.app.state.communities.pack  # type: ignore[attr-defined]


def test_a_bad_ballot_line_and_a_bad_register_are_said(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    bad = post(
        client, users["street"], "committee", candidates=SLATE, voted=SIGNED, ballots="001 m01"
    )
    assert bad.status_code == 422  # type: ignore[attr-defined]
    assert "line 1: write the serial, a colon, then the candidates" in bad.text  # type: ignore[attr-defined]
    out_of_order = client.post(
        f"{PAGE}/steps/voter_registration?lang=en",
        headers=users["street"],
        files={"file": ("v.csv", b"id,name,birth_date,resident\nx,X,1990-01-01,yes\n", "text/csv")},
        follow_redirects=False,
    )
    assert out_of_order.status_code == 422
    assert "the election waits for the step election of the residents' committee" in (
        out_of_order.text.replace("&#39;", "'")
    )


def test_who_may_see_and_record(client: TestClient, users: dict[str, dict[str, str]]) -> None:
    assert client.get(PAGE, headers=users["other-street"]).status_code == 404
    assert client.get(f"{PAGE}/audit.json", headers=users["other-street"]).status_code == 404
    assert client.get(PAGE, headers=users["viewer"]).status_code == 200
    refused = post(client, users["viewer"], "committee", candidates=SLATE, voted=SIGNED, ballots="")
    assert refused.status_code == 403  # type: ignore[attr-defined]
    unknown = client.get(f"/communities/{SETTLED}/elections/nope", headers=users["street"])
    assert unknown.status_code == 404
    opened = client.post(
        f"/communities/{SETTLED}/elections?lang=en",
        headers=users["street"],
        data={
            "election": "2030",
            "organisation": "committee",
            "seats": "7",
            "day": "2030-01-01",
            "members": "m01",
        },
        follow_redirects=False,
    )
    assert opened.status_code == 422 and "no value in force" in opened.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_election_page_speaks_one_language(
    client: TestClient, users: dict[str, dict[str, str]], language: str
) -> None:
    page = client.get(f"{PAGE}?lang={language}", headers=users["street"])
    assert page.status_code == 200
    assert foreign_sentences(page.text, NAMES) == [], language
