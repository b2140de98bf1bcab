"""/api/v1/units through the composition root, on an SQLite file holding the demonstration
units: the units a reader may read, each after its parent (its siblings by code), walked
page by page as the `Link` headers lead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app, build_incidents
from govops.config import Settings
from tests.e2e.paging import assert_walks_whole
from tests.fakes import Clock
from tests.identity import sign_in

API = "/api/v1/units"
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
STREET = "110102001"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("accounts")
    settings = Settings(database_url=f"sqlite:///{folder / 'govops.db'}")
    incidents = build_incidents(settings, Clock(NOW))
    app = build_app(settings, Clock(NOW), incidents)
    with TestClient(app, headers=sign_in(app)) as client:
        yield client
    incidents.engine.dispose()


def test_the_units_are_walked_page_by_page_each_after_its_parent(client: TestClient) -> None:
    units = assert_walks_whole(client, API, limit=7)
    codes = [u["code"] for u in units]
    assert len(codes) == len(set(codes))
    place = {code: n for n, code in enumerate(codes)}
    assert all(place[u["parent"]] < place[u["code"]] for u in units if u["parent"] is not None)
    roots = [u["code"] for u in units if u["parent"] is None]
    assert roots == sorted(roots)
    for unit in units:  # a unit's children follow it together, by code, before its next sibling
        children = [u["code"] for u in units if u["parent"] == unit["code"]]
        assert children == sorted(children)
    assert assert_walks_whole(client, API, limit=1) == units


def test_a_reader_walks_the_units_of_their_own_only(client: TestClient) -> None:
    app = client.app
    street = sign_in(app, "street-reader", ("street_staff", STREET))
    units = assert_walks_whole(client, API, headers=street, limit=2)
    assert units[0]["code"] == STREET
    assert all(u["code"] == STREET or u["parent"] is not None for u in units)
    assert len(units) < len(assert_walks_whole(client, API, limit=50))
