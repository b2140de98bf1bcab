"""A warning page asked for a day outside the dates the system keeps is refused (422) with
a page saying so in the reader's language; it once failed with 500 (a report for
9999-12-31 has no next day, a day in year 1 no UTC time). A day that is not a date stays a
400, and the last day kept is shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings
from tests.e2e.pages import text
from tests.e2e.warnings.warning_demo import MORNING_AFTER, signed
from tests.fakes import Clock
from tests.identity import bearer

STREET = "110102001"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}")
    app = signed(build_app(settings, Clock(MORNING_AFTER)))
    with TestClient(app, headers=bearer()) as client:
        yield client


@pytest.mark.parametrize(
    "path", ["/warnings/report?date=9999-12-31", f"/warnings/areas/{STREET}?date=0001-01-01"]
)
def test_a_day_out_of_range_is_refused_with_a_page(client: TestClient, path: str) -> None:
    english = client.get(f"{path}&lang=en")
    assert english.status_code == 422
    assert "<title>Unprocessable Entity" in english.text  # not "Not found", as it once said
    said = text(english.text)
    assert "is outside the dates this system keeps, Jan 1, 1900 to Dec 31, 2999." in said
    chinese = client.get(f"{path}&lang=zh-Hans")
    assert chinese.status_code == 422
    assert "超出本系统保存的日期范围（1900年1月1日 至 2999年12月31日）" in text(chinese.text)


def test_the_last_day_kept_is_shown_and_a_non_date_stays_a_bad_request(
    client: TestClient,
) -> None:
    assert client.get(f"/warnings/areas/{STREET}?date=2999-12-31").status_code == 200
    report = client.get("/warnings/report?date=1900-01-01")
    assert report.status_code == 200 and report.content.startswith(b"PK")
    bad = client.get("/warnings/report?date=June&lang=en")
    assert bad.status_code == 400 and "<h1>Bad Request</h1>" in bad.text
    unknown = client.get("/warnings/areas/110102999?lang=en")
    assert unknown.status_code == 404 and "<h1>Not found</h1>" in unknown.text
