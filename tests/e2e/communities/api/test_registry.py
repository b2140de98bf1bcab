"""/api/v1/communities: a community's registry over HTTP, on an SQLite file in tmp_path,
with every refusal an RFC 9457 problem. The users are the demonstration's (`serve --demo`),
known by their bearer tokens: the street office's staff (`street`, at 110102001, who signs
what the client records unless a test says otherwise), the community's (`community`), the
read-only viewer and the administrator (community.read only), the county's duty officer
(no community permission), and one of another street's office (`otherstreet`)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from govops.accounts.demo import USERS
from govops.bootstrap import build_communities
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.storage.database import make_engine, migrate
from govops.server import create_app
from tests.e2e.incidents.api.conftest import problem_fields
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import TokenAuthenticator, actor, bearer

API = "/api/v1/communities"
COMMUNITY, STREET, OTHER_STREET = "demo-community", "110102001", "110102003"
PEOPLE = {
    user.username: actor(user.username, *((user.role, unit) for unit in user.units))
    for user in USERS
} | {"otherstreet": actor("otherstreet", ("street_staff", OTHER_STREET))}
RC = {"id": "rc", "kind": "committee", "name": "居委会", "formed": "2024-01-01"}
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@contextmanager
def signed_client(
    service: IncidentService, pack: Pack, clock: Clock, folder: Path
) -> Iterator[TestClient]:
    """A client of an application with the community registry on an SQLite file in
    `folder`, signed in as `street` and asking for English."""
    engine = make_engine(f"sqlite:///{folder / 'govops.db'}")
    migrate(engine)
    app = create_app(service, pack, clock=clock, authenticator=TokenAuthenticator(PEOPLE))
    app.state.communities = build_communities(engine, clock)
    with TestClient(app, headers={"Accept-Language": "en"} | bearer("street")) as client:
        yield client
    engine.dispose()


@pytest.fixture
def communities(
    service: IncidentService, pack: Pack, clock: Clock, tmp_path: Path
) -> Iterator[TestClient]:
    with signed_client(service, pack, clock, tmp_path) as client:
        yield client


def record(
    client: TestClient, kind: str, data: dict[str, Any], user: str = "street"
) -> dict[str, Any]:
    answer = client.post(
        f"{API}/{COMMUNITY}/events", json={"kind": kind, "data": data}, headers=bearer(user)
    )
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def committee(client: TestClient) -> None:
    """A residents' committee of 7 members, 3 of them retired, with a director and a
    deputy, all from 1 March 2024."""
    record(client, "organisation", RC)
    for n in range(1, 8):
        born = f"{1970 + n}-05-01"
        member = {"id": f"m{n}", "name": f"居民{n}", "birth_date": born, "retired": n <= 3}
        record(client, "member", member)
        role = {4: "director", 5: "deputy"}.get(n, "member")
        post = {"member": f"m{n}", "organisation": "rc", "role": role, "start": "2024-03-01"}
        record(client, "post", post)


def upload(
    client: TestClient, name: str, content: bytes, kind: str = CSV, lang: str = "en", **form: str
) -> Any:
    files = {"file": (name, content, kind)}
    path = f"{API}/{COMMUNITY}/members/import?lang={lang}"
    return client.post(path, files=files, data=form)


def test_a_community_is_recorded_and_read_back(communities: TestClient) -> None:
    listed = communities.get(API).json()
    assert listed["count"] == len(listed["communities"])
    assert listed["communities"][0] == {  # the street's communities, by code
        "code": COMMUNITY,
        "names": {"zh-Hans": "示范社区", "en": "Demonstration community"},
        "facts": None,
    }
    facts = record(
        communities, "facts", {"households": 1200, "occupancy": "92.5", "as_of": "2026-01-01"}
    )
    assert facts | {"recorded_at": None} == {
        "community": COMMUNITY,
        "seq": 1,
        "kind": "facts",
        "data": {"households": 1200, "occupancy": "92.5", "as_of": "2026-01-01"},
        "actor": f"street@{STREET}",  # the signed-in user, where their grant is
        "recorded_at": None,
    }
    committee(communities)
    ended = {"member": "m7", "organisation": "rc", "role": "member", "start": "2024-03-01"}
    record(communities, "post", ended | {"end": "2026-05-01"}, "community")
    shown = communities.get(f"{API}/{COMMUNITY}").json()
    assert shown["version"] == 17 and shown["facts"]["households"] == 1200
    assert [o["id"] for o in shown["organisations"]] == ["rc"]
    assert len(shown["members"]) == 7 and shown["members"][0]["retired"] is True
    assert len(shown["posts"]) == 7  # the post ended is the same post, with its end
    assert shown["posts"][-1] == ended | {"end": "2026-05-01", "full_time": None}
    history = communities.get(f"{API}/{COMMUNITY}/events").json()
    assert history["count"] == 17 and [e["seq"] for e in history["events"]] == list(range(1, 18))
    assert history["events"][-1]["actor"] == f"community@{COMMUNITY}"
    listed = communities.get(API, params={"under": STREET}).json()["communities"]
    assert listed[0]["code"] == COMMUNITY and listed[0]["facts"] == {
        "households": 1200,
        "occupancy": "92.5",
        "as_of": "2026-01-01",
        "moving_in_since": None,
        "applied_on": None,
    }


def test_refusals_are_problem_documents_in_the_language_asked(communities: TestClient) -> None:
    committee(communities)
    path = f"{API}/{COMMUNITY}/events"
    born = {"kind": "member", "data": {"id": "m9", "name": "新居民", "birth_date": "1990-13-01"}}
    assert problem_fields(communities.post(path, json=born)) == {
        "data.birth_date": "must be a date YYYY-MM-DD, got '1990-13-01'"
    }
    zh = communities.post(f"{path}?lang=zh-Hans", json=born)
    assert zh.json()["detail"] != "invalid input: data.birth_date"
    assert "data.birth_date" in problem_fields(zh)
    named = communities.post(path, json=born | {"actor": "街道"})  # who records: the signed-in
    assert problem_fields(named)["actor"].startswith("is not a field of this request")
    unknown = communities.post(path, json={"kind": "budget", "data": {}})
    assert problem_fields(unknown)["kind"].startswith("unknown kind 'budget'")
    post = {"member": "m9", "organisation": "rc", "role": "member", "start": "2024-03-01"}
    assert problem_fields(communities.post(path, json={"kind": "post", "data": post})) == {
        "data.member": "no member 'm9' in this community"
    }
    assert communities.get(f"{API}/{COMMUNITY}").json()["version"] == 15  # nothing stored
    missing = communities.get(f"{API}/nowhere")
    assert missing.status_code == 404 and missing.json()["code"] == "community-not-found"
    assert missing.headers["content-type"] == "application/problem+json"
    street = communities.get(f"{API}/{STREET}/events")  # a unit, but no community
    assert street.status_code == 404


def test_each_user_reads_and_records_in_their_units_only(communities: TestClient) -> None:
    record(communities, "facts", {"households": 800, "occupancy": "80", "as_of": "2026-01-01"})
    path, facts = f"{API}/{COMMUNITY}", {"households": 801, "occupancy": 80, "as_of": "2026-02-01"}
    event = {"kind": "facts", "data": facts}
    for reader in ("street", "community", "viewer", "admin"):
        assert communities.get(path, headers=bearer(reader)).status_code == 200, reader
    other = bearer("otherstreet")
    for answer in (
        communities.get(path, headers=other),
        communities.get(f"{path}/events", headers=other),
        communities.post(f"{path}/events", json=event, headers=other),
        communities.post(f"{path}/events", json={}, headers=other),  # scope before body
        communities.get(f"{API}/composition", params={"under": STREET}, headers=other),
    ):
        assert answer.status_code == 404, answer.text
        assert answer.json()["code"] == "community-not-found"
    assert communities.get(API, headers=other).json() == {"count": 0, "communities": []}
    # The county's duty officer holds no community permission: refused by the route's rule.
    duty = communities.get(path, headers=bearer("duty"))
    assert duty.status_code == 403
    assert duty.json()["detail"] == "you do not hold the permission community.read"
    for reader in ("viewer", "admin"):  # they read, and record nothing
        refused = communities.post(f"{path}/events", json=event, headers=bearer(reader))
        assert refused.status_code == 403, reader
    assert communities.post(f"{path}/events", json=event, headers=bearer("community")).is_success
    assert communities.get(path).json()["version"] == 2


def test_an_import_with_bad_rows_stores_nothing_and_names_every_one(
    communities: TestClient,
) -> None:
    record(communities, "organisation", RC)
    sheet = (
        "id,name,birth_date,retired,organisation,role,start\n"
        "m1,居民1,1971-05-01,yes,rc,director,2024-03-01\n"
        "m2,居民2,1972-13-01,no,rc,,2024-03-01\n"
        "m3,居民3,1973-05-01,no,rc,,2024-03-01\n"
        "m4,居民4,1974-05-01,maybe,rc,,2024-03-01\n"
    )
    answer = upload(communities, "members.csv", sheet.encode())
    assert answer.status_code == 422 and answer.json()["code"] == "import-refused"
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["detail"] == "2 rows refused; nothing was imported"
    assert answer.json()["errors"] == [
        {
            "line": 3,
            "field": "birth_date",
            "message": "must be a date YYYY-MM-DD, got '1972-13-01'",
        },
        {"line": 5, "field": "retired", "message": "must be yes or no, got 'maybe'"},
    ]
    zh = upload(communities, "members.csv", sheet.encode(), lang="zh-Hans").json()
    assert [(e["line"], e["field"]) for e in zh["errors"]] == [(3, "birth_date"), (5, "retired")]
    assert zh["detail"] == "2行被拒绝，未导入任何内容"
    assert zh["errors"][1]["message"] == "须为是或否，收到'maybe'"
    assert communities.get(f"{API}/{COMMUNITY}").json()["members"] == []
    gbk = "id,name,birth_date\nm1,居民1,1971-05-01\n".encode("gbk")
    assert upload(communities, "members.csv", gbk).status_code == 422  # not UTF-8 ...
    assert upload(communities, "members.csv", gbk, encoding="gbk").status_code == 201  # ... GBK
    assert problem_fields(upload(communities, "m.csv", gbk, encoding="klingon")) == {
        "encoding": "unknown encoding 'klingon'"
    }
    assert problem_fields(upload(communities, "members.txt", b"id\n")) == {
        "file": "members.txt: must be .csv or .xlsx"
    }


def test_a_workbook_is_imported_whole(communities: TestClient) -> None:
    record(communities, "organisation", RC)
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["id", "name", "birth_date", "retired", "party_member", "organisation", "role", "start"]
    )
    sheet.append(["m1", "居民1", date(1971, 5, 1), "是", "否", "rc", "director", date(2024, 3, 1)])
    sheet.append(["m2", "居民2", date(1972, 5, 1), "否", "是", "rc", None, date(2024, 3, 1)])
    sheet.append(["m3", "居民3", date(1973, 5, 1), "no", "yes", None, None, None])
    content = io.BytesIO()
    book.save(content)
    answer = upload(communities, "members.xlsx", content.getvalue(), XLSX)
    assert answer.status_code == 201, answer.text
    assert answer.json() == {"stored": 5, "version": 6}  # 3 members, 2 posts
    shown = communities.get(f"{API}/{COMMUNITY}").json()
    assert [(m["id"], m["retired"], m["party_member"]) for m in shown["members"]] == [
        ("m1", True, False),
        ("m2", False, True),
        ("m3", False, True),
    ]
    assert [(p["member"], p["role"]) for p in shown["posts"]] == [
        ("m1", "director"),
        ("m2", "member"),
    ]
    events = communities.get(f"{API}/{COMMUNITY}/events").json()["events"]
    assert {e["actor"] for e in events} == {f"street@{STREET}"}


def test_an_upload_larger_than_the_server_reads_is_refused_before_it_is_read(
    communities: TestClient,
) -> None:
    sheet = b"id,name,birth_date\n" + b"m1,x,1971-05-01\n" * 70_000  # over 1 MiB
    answer = upload(communities, "members.csv", sheet)
    assert answer.status_code == 413 and answer.json()["code"] == "body-too-large"
    assert communities.get(f"{API}/{COMMUNITY}").json()["version"] == 0


def test_without_a_registry_the_routes_answer_503(
    service: IncidentService, pack: Pack, clock: Clock
) -> None:
    app = create_app(service, pack, clock=clock, authenticator=TokenAuthenticator(PEOPLE))
    with TestClient(app, headers=bearer("street")) as client:
        answer = client.get(API)
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"


def test_the_communities_and_a_community_s_events_are_walked_page_by_page(
    communities: TestClient,
) -> None:
    listed = assert_walks_whole(communities, API, "communities", headers=bearer("viewer"))
    assert [c["code"] for c in listed] == sorted(c["code"] for c in listed)  # by code
    committee(communities)
    events = assert_walks_whole(communities, f"{API}/{COMMUNITY}/events", "events", limit=4)
    assert [e["seq"] for e in events] == list(range(1, 16))
    page = communities.get(f"{API}/{COMMUNITY}/events?limit=4").json()
    assert (page["community"], page["count"]) == (COMMUNITY, 4)
