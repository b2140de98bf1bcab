"""/api/v1/registers over HTTP, on an SQLite file holding the demonstration accounts (as
`govops serve --demo` makes them, each user signed in with the one-time password it gave)
and Xicheng's demo registers loaded on the test clock (7 December 2026 in Beijing): the
district's emergency bureau (`district`, at 110102) reads the district's and every street's
board and records; a street office (`street`, at 110102001) its own street only; the
read-only `viewer` reads but never records. Every refusal is an RFC 9457 problem, in the
request's language; a day that is no day is 422, never 500."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from fastapi.testclient import TestClient

from govops.bootstrap import build_app, load_accounts_demo
from govops.config import Settings
from govops.packs import load_builtin_pack
from govops.platform.api.auth import SESSION_COOKIE
from govops.registers.demo import load_register_demo
from govops.registers.model.records import RecordKind
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock

API = "/api/v1/registers"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DISTRICT, STREET = "110102", "110102001"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BOARD_KEYS = {"unit", "on", "year", "indicators", "alerts", "projects"}
HAN = re.compile(r"[\u4e00-\u9fff]")
NO_DAYS = ["2024-13-01", "0000-01-01", "2024-02-30", "1800-01-01", "abc", "2024-6-30"]


@dataclass(frozen=True)
class Demo:
    client: TestClient
    sessions: dict[str, dict[str, str]]  # username -> the header carrying their session

    def get(self, path: str, user: str = "district", lang: str = "en", **params: str) -> Any:
        headers = self.sessions[user] | {"Accept-Language": lang}
        return self.client.get(f"{API}{path}", headers=headers, params=params)

    def upload(self, unit: str, kind: str, text: str, user: str = "district") -> Any:
        files = {"file": (f"{kind}.csv", text.encode(), "text/csv")}
        headers = self.sessions[user] | {"Accept-Language": "en"}
        return self.client.post(f"{API}/{unit}/records/{kind}/import", files=files, headers=headers)

    def count(self, unit: str, kind: str) -> int:
        answer = self.get(f"/{unit}/records/{kind}")
        assert answer.status_code == 200, answer.text
        found: int = answer.json()["count"]
        assert found == len(answer.json()["records"])
        return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    database = tmp_path_factory.mktemp("registers-api") / "govops.db"
    app = build_app(Settings(f"sqlite:///{database}"), Clock(NOW))
    accounts = app.state.accounts
    passwords = {user.username: user.password for user in load_accounts_demo(accounts)}
    district = accounts.accounts.local_actor("district")
    street = accounts.accounts.local_actor("street")
    assert load_register_demo(app.state.registers, district, street) > 0
    sessions = {}
    for username in ("district", "street", "viewer"):
        secret, _ = accounts.sessions.log_in(username, passwords[username], "testclient")
        sessions[username] = {"Cookie": f"{SESSION_COOKIE}={secret}"}
    with TestClient(app) as client:
        yield Demo(client, sessions)


def problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = answer.json()
    assert body["status"] == status
    return body


def titles(document: Any) -> list[str]:
    """The headings of a DOCX document, as python-docx reads them."""
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def test_the_boards_one_may_read(demo: Demo) -> None:
    areas = load_builtin_pack("cn-xicheng-em-14fyp").areas
    assert areas is not None
    streets = sorted(a.code for a in areas if a.level == "street")
    district = demo.get("").json()
    assert district["count"] == len(district["boards"]) == 1 + len(streets)
    assert district["boards"][0] == {
        "unit": DISTRICT,
        "kind": "district",
        "names": {"zh-Hans": "西城区", "en": "Xicheng District"},
    }
    assert [b["unit"] for b in district["boards"][1:]] == streets
    assert {b["kind"] for b in district["boards"][1:]} == {"street"}
    street = demo.get("", user="street").json()
    assert street["count"] == 1
    assert [(b["unit"], b["kind"]) for b in street["boards"]] == [(STREET, "street")]
    assert demo.client.get(API).status_code == 401  # nobody signed in


def test_a_sheet_is_recorded_whole_or_not_at_all(demo: Demo) -> None:
    depots = (
        "depot,level,name\napi-d1,district,接口储备库（一）\napi-d2,district,接口储备库（二）\n"
    )
    done = demo.upload(DISTRICT, "depot", depots)
    assert done.status_code == 201, done.text
    assert done.json() == {"unit": DISTRICT, "kind": "depot", "stored": 2}
    before = demo.count(DISTRICT, "movement")
    moves = (
        "depot,item,movement,quantity,on,note\n"
        "api-d1,quilt,receipt,100,2025-03-01,首批\n"
        "api-d1,quilt,issue,40,2025-03-02,\n"
    )
    done = demo.upload(DISTRICT, "movement", moves)
    assert done.status_code == 201, done.text
    assert done.json() == {"unit": DISTRICT, "kind": "movement", "stored": 2}
    after = demo.count(DISTRICT, "movement")
    assert after == before + 2
    kept = demo.get(f"/{DISTRICT}/records/movement").json()["records"][-2:]
    assert [(r["depot"], r["movement"], r["quantity"]) for r in kept] == [
        ("api-d1", "receipt", "100"),
        ("api-d1", "issue", "40"),
    ]
    assert {r["recorded_by"] for r in kept} == {f"district@{DISTRICT}"}

    refused_sheet = (
        "depot,item,movement,quantity,on\n"
        "api-d2,quilt,receipt,10,2025-04-01\n"  # line 2: fine, yet not stored
        "api-d9,quilt,receipt,1,2025-04-01\n"  # line 3: no such depot
        "api-d1,quilt,issue,ten,2025-04-01\n"  # line 4: no figure
        "api-d1,quilt,issue,61,2025-04-01\n"  # line 5: 60 held
    )
    body = problem(demo.upload(DISTRICT, "movement", refused_sheet), 422)
    assert body["code"] == "import-refused"
    assert body["detail"] == "3 rows refused; nothing was imported"
    assert body["errors"] == [
        {"line": 3, "field": "depot", "message": "no depot api-d9 in this unit's register"},
        {"line": 4, "field": "quantity", "message": "ten is no plain figure (digits, a point)"},
        {"line": 5, "field": "quantity", "message": "api-d1 would hold -1 of quilt on Apr 1, 2025"},
    ]
    assert demo.count(DISTRICT, "movement") == after  # nothing stored, line 2 neither


def test_the_board_in_the_language_asked(demo: Demo) -> None:
    en = demo.get(f"/{DISTRICT}/board", on="2024-06-30").json()
    zh = demo.get(f"/{DISTRICT}/board", lang="zh-Hans", on="2024-06-30").json()
    assert set(en) == set(zh) == BOARD_KEYS
    assert (en["unit"], en["on"], en["year"]) == (DISTRICT, "2024-06-30", 2023)
    assert en["indicators"] and en["alerts"] and en["projects"]
    drill = next(a for a in en["alerts"] if a["register"] == "drill_assessment")
    assert drill == {
        "register": "drill_assessment",
        "unit": DISTRICT,
        "subject": "drill_heavy_rain",
        "overdue": True,
        "reason": "the drill of Jan 1, 2023 has no assessment",
    }
    said = next(a for a in zh["alerts"] if a["register"] == "drill_assessment")
    assert said == drill | {"reason": "2023年1月1日的演练尚无评估"}
    for alert in en["alerts"]:
        # English words; only the pack's units of an item (床, 张, 升) are Chinese.
        assert not HAN.search(re.sub("[床张升]", "", alert["reason"]))
    assert all(HAN.search(a["reason"]) for a in zh["alerts"])
    safety = {i["id"]: i for i in zh["indicators"]}["work_safety_death_rate"]
    assert (safety["status"], safety["status_words"]) == ("on_track", "进度正常")
    assert safety["reason"] == "迄今每年均达到<0.9"
    words = ("title", "status_words", "reason")
    assert [{k: v for k, v in i.items() if k not in words} for i in en["indicators"]] == [
        {k: v for k, v in i.items() if k not in words} for i in zh["indicators"]
    ]
    assert [a | {"reason": None} for a in en["alerts"]] == [
        a | {"reason": None} for a in zh["alerts"]
    ]
    depots = {p["id"]: p for p in en["projects"]}["reserve_depots"]
    assert set(depots) == {"id", "title", "milestones", "done", "overdue", "cite"}
    assert depots["title"] == "The emergency reserve depots"


@pytest.mark.parametrize("day", NO_DAYS)
@pytest.mark.parametrize("path", ["board", "evaluation.docx"])
def test_a_day_that_is_no_day_is_refused_never_a_500(demo: Demo, path: str, day: str) -> None:
    body = problem(demo.get(f"/{DISTRICT}/{path}", on=day), 422)
    assert body["code"] == "invalid-input"
    assert len(body["errors"]) == 1 and body["errors"][0]["message"]


@pytest.mark.parametrize("day", NO_DAYS)
def test_a_day_that_is_no_day_is_named_as_the_field_on(demo: Demo, day: str) -> None:
    body = problem(demo.get(f"/{DISTRICT}/board", on=day), 422)
    assert [e["field"] for e in body["errors"]] == ["on"]
    assert body["detail"] == "invalid input: on"


def test_the_evaluation_is_a_docx_in_the_language_asked(demo: Demo) -> None:
    answer = demo.client.get(  # ?lang= before the browser's language
        f"{API}/{DISTRICT}/evaluation.docx?lang=en",
        headers=demo.sessions["district"] | {"Accept-Language": "zh-Hans"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == DOCX
    disposition = answer.headers["content-disposition"]
    assert disposition == f'attachment; filename="evaluation-{DISTRICT}.docx"'
    document = Document(io.BytesIO(answer.content))
    headings = titles(document)
    assert "Mid-term evaluation (2023)" in headings and "Final evaluation (2025)" in headings
    figures = document.tables[-1]
    assert [c.text for c in figures.rows[0].cells] == [
        "Unit",
        "Indicator",
        "Year",
        "Figure",
        "Source",
    ]
    reported = [[c.text for c in row.cells] for row in figures.rows[1:]]
    assert [DISTRICT, "fire_death_rate", "2025", "0.24", "演示数据"] in reported
    chinese = Document(io.BytesIO(demo.get(f"/{DISTRICT}/evaluation.docx", lang="zh-Hans").content))
    said = titles(chinese)
    assert "终期评估 (2025)" in said and "中期评估 (2023)" in said


def test_outside_ones_units_is_not_found_and_reading_is_not_recording(demo: Demo) -> None:
    for path in ("board", "evaluation.docx", "records/depot"):
        body = problem(demo.get(f"/{DISTRICT}/{path}", user="street"), 404)
        assert (body["code"], body["detail"]) == (
            "unit-not-found",
            f"no registers of unit '{DISTRICT}'",
        )
    assert demo.get(f"/{STREET}/board", user="street").json()["unit"] == STREET
    depots = demo.count(DISTRICT, "depot")
    sheet = "depot,level,name\nv1,district,只读者的储备库\n"
    body = problem(demo.upload(DISTRICT, "depot", sheet, user="viewer"), 403)
    assert body["code"] == "forbidden"
    body = problem(demo.upload(DISTRICT, "depot", sheet, user="street"), 404)
    assert body["code"] == "unit-not-found"
    assert demo.count(DISTRICT, "depot") == depots
    assert demo.get(f"/{DISTRICT}/board", user="viewer").status_code == 200


def test_the_boards_and_the_records_are_walked_page_by_page(demo: Demo) -> None:
    district = demo.sessions["district"] | {"Accept-Language": "en"}
    boards = assert_walks_whole(demo.client, API, "boards", district)
    assert [b["unit"] for b in boards] == [b["unit"] for b in demo.get("").json()["boards"]]
    assert boards[0]["unit"] == DISTRICT  # the district first, then its streets by code
    walked = []
    for kind in RecordKind:
        path = f"{API}/{DISTRICT}/records/{kind.value}"
        if demo.count(DISTRICT, kind.value) >= 2:
            rows = assert_walks_whole(demo.client, path, "records", district, limit=2)
            times = [r["recorded_at"] for r in rows]
            assert times == sorted(times)  # in the order recorded
            walked.append(kind)
    assert walked
