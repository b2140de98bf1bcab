"""Dates and times outside what the system keeps (1900-01-01 to 2999-12-31) are refused
with 422 naming the field, in the reader's language, wherever the API takes one: a body's
time, a query's time or day, a date in a cadre's entry, an "as of" day. Before, a time in
year 1 or a report for 9999-12-31 failed with 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings
from govops.server import API_PREFIX
from tests.e2e.conftest import START
from tests.e2e.incidents.api.conftest import API as INCIDENTS
from tests.e2e.incidents.api.conftest import problem_fields, report
from tests.fakes import Clock
from tests.identity import sign_in

RANGE_EN = "must be between Jan 1, 1900 and Dec 31, 2999"
RANGE_ZH = "必须在 1900年1月1日 至 2999年12月31日 之间"
EARLY, LATE = "0001-01-01T00:00:00+08:00", "9999-12-31T23:59:00-08:00"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = build_app(Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}"), Clock(START))
    with TestClient(app, headers={"Accept-Language": "en"} | sign_in(app)) as client:
        yield client


@pytest.mark.parametrize("when", [EARLY, LATE, "1899-12-31T23:59:00+08:00"])
def test_an_incident_that_occurred_out_of_range_is_422(client: TestClient, when: str) -> None:
    assert problem_fields(client.post(INCIDENTS, json=report(occurred_at=when))) == {
        "occurred_at": RANGE_EN
    }
    chinese = client.post(
        INCIDENTS, json=report(occurred_at=when), headers={"Accept-Language": "zh-CN"}
    )
    assert problem_fields(chinese) == {"occurred_at": RANGE_ZH}
    assert client.get(INCIDENTS).json()["count"] == 0


def test_the_first_and_last_days_kept_are_accepted(client: TestClient) -> None:
    first = client.post(INCIDENTS, json=report(occurred_at="1900-01-01T00:00:00+08:00"))
    assert first.status_code == 201, first.text


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/warnings/report?date=9999-12-31", "date"),
        ("/warnings/report?date=0001-01-01", "date"),
        (f"/warnings/series?from={EARLY.replace('+', '%2B')}", "from"),
        (f"/warnings/series?to={LATE}", "to"),
        (f"/warnings/history?from={EARLY.replace('+', '%2B')}", "from"),
        ("/cadre-reports/alerts?as_of=9999-12-31", "as_of"),
        ("/cadre-reports/screening?as_of=0001-01-01", "as_of"),
    ],
)
def test_a_query_out_of_range_is_422(client: TestClient, path: str, field: str) -> None:
    assert problem_fields(client.get(f"{API_PREFIX}{path}")) == {field: RANGE_EN}


def test_a_report_for_a_day_kept_is_a_document(client: TestClient) -> None:
    answer = client.get(f"{API_PREFIX}/warnings/report?date=2999-12-31")
    assert answer.status_code == 200 and answer.content.startswith(b"PK")


def test_a_selection_step_done_out_of_range_is_422(client: TestClient) -> None:
    motion = {"candidate": "张三", "post": "处长", "committee": ["王书记"], "team": ["陈干事"]}
    for at in (EARLY, LATE):
        answer = client.post(f"{API_PREFIX}/selections", json=motion | {"at": at})
        assert problem_fields(answer) == {"at": RANGE_EN}


def test_a_cadre_entry_or_eligibility_out_of_range_is_422(client: TestClient) -> None:
    person = client.post(f"{API_PREFIX}/cadres", json={"name": "张三"}).json()["id"]
    entries = f"{API_PREFIX}/cadres/{person}/entries"
    for body in (
        {"kind": "work_start", "data": {"date": "0001-01-01"}},
        {"kind": "party", "data": {"joined_on": "1899-12-31"}},
    ):
        name = next(iter(body["data"]))  # type: ignore[call-overload]
        answer = client.post(entries, json=body, headers={"X-Actor": "x"})
        assert problem_fields(answer) == {f"data.{name}": RANGE_EN}
    eligibility = f"{API_PREFIX}/cadres/{person}/eligibility?target_rank=section_chief"
    assert problem_fields(client.get(f"{eligibility}&as_of=9999-12-31")) == {"as_of": RANGE_EN}
