"""The board's registers section: each kind's records downloaded as CSV or XLSX, and a
sheet recorded from the form (all rows, then back to the board saying how many; refused,
the board again with every refused row, nothing stored), for one who may record there;
a reader sees no form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app
from govops.config import Settings
from govops.platform.sheets import read_rows
from tests.identity import sign_in

STREET = "110102001"
DEPOTS = "depot,level,name\nst-1,street,街道储备点\n"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = build_app(Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}"))
    with TestClient(app, follow_redirects=False) as client:
        client.headers.update(sign_in(app, "keeper", ("street_staff", STREET)))
        yield client


def test_a_sheet_recorded_from_the_form_then_downloaded(client: TestClient) -> None:
    answer = client.post(
        f"/registers/{STREET}/records",
        data={"kind": "depot"},
        files={"file": ("depots.csv", DEPOTS.encode("utf-8"), "text/csv")},
        headers={"Origin": str(client.base_url)},
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"].endswith(f"/registers/{STREET}?recorded=1")
    board = client.get(f"/registers/{STREET}?recorded=1&lang=en")
    assert "1 record stored." in board.text
    assert 'id="register-depot"' in board.text
    csv = client.get(f"/registers/{STREET}/records/depot.csv")
    assert csv.status_code == 200
    assert csv.headers["content-disposition"] == f'attachment; filename="{STREET}-depot.csv"'
    (row,) = read_rows(csv.content, "depot.csv")
    assert row.cells["depot"] == "st-1" and row.cells["recorded_by"] == f"keeper@{STREET}"
    xlsx = client.get(f"/registers/{STREET}/records/depot.xlsx")
    assert [r.cells["name"] for r in read_rows(xlsx.content, "depot.xlsx")] == ["街道储备点"]


def test_a_refused_sheet_shows_every_row_and_stores_nothing(client: TestClient) -> None:
    rows = (
        "hazard,found,deadline,description\n"
        "h1,2024-13-01,2024-02-01,x\n"
        "h2,2024-03-01,2024-02-01,y\n"
    )
    answer = client.post(
        f"/registers/{STREET}/records?lang=en",
        data={"kind": "hazard"},
        files={"file": ("hazards.csv", rows.encode("utf-8"), "text/csv")},
        headers={"Origin": str(client.base_url)},
    )
    assert answer.status_code == 422
    assert "nothing was recorded" in answer.text
    assert "line 2, column found: 2024-13-01 is no day (YYYY-MM-DD)" in answer.text
    assert "line 3, column deadline: the deadline is before the hazard was found" in answer.text
    assert read_rows(client.get(f"/registers/{STREET}/records/hazard.csv").content, "h.csv") == []


def test_a_reader_sees_no_form_and_an_unknown_download_is_not_found(tmp_path: Path) -> None:
    app = build_app(Settings(database_url=f"sqlite:///{tmp_path / 'govops.db'}"))
    with TestClient(app, follow_redirects=False) as client:
        client.headers.update(sign_in(app, "reader", ("viewer", "110102")))
        board = client.get(f"/registers/{STREET}?lang=en")
        assert board.status_code == 200 and 'id="register-depot"' in board.text
        assert 'class="record"' not in board.text
        for name in ("depot.pdf", "nothing.csv"):
            assert client.get(f"/registers/{STREET}/records/{name}").status_code == 404
        assert client.get("/registers/110102999/records/depot.csv").status_code == 404
