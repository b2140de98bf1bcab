"""The whole application as `govops serve --demo` serves it, every page family in every
language: each page says what it says in the reader's language only (codes, numbers,
proper names and quotations of the documents marked with their `lang` allowed), and the
page's own `lang` is the language asked for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from govops.bootstrap import build_app, build_incidents
from govops.incidents.demo import load_demo
from govops.packs import load_builtin_pack
from govops.platform.i18n.languages import LANGUAGES
from tests.e2e.languages import foreign_sentences
from tests.e2e.warnings.warning_demo import STORM_DAY, demo_database
from tests.identity import sign_in

# Proper names that any page may show as they are written.
NAMES = ["Thanh Hóa", "Xicheng", "govops"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The demo storm and the demo incidents, as `govops serve --demo` loads them."""
    folder: Path = tmp_path_factory.mktemp("demo")
    settings, engine, clock, _ = demo_database(folder)
    incidents = build_incidents(settings, clock)
    load_demo(incidents.unit_of_work, incidents.rules, clock())
    engine.dispose()
    app = build_app(settings, clock, incidents)
    with TestClient(app, headers=sign_in(app)) as test_client:
        yield test_client


def _pages(client: TestClient) -> list[str]:
    incident = client.get("/api/v1/incidents").json()["incidents"][0]["id"]
    areas = load_builtin_pack("cn-xicheng-em-14fyp").areas
    assert areas is not None
    day = STORM_DAY.isoformat()
    return [
        "/incidents",
        "/incidents/new",
        f"/incidents/{incident}",
        "/incidents/no-such-incident",
        "/programmes",
        "/programmes/vn-thanhhoa-srb-2016",
        "/programmes/vn-thanhhoa-srb-2016/budget",
        "/programmes/no-such-plan",
        "/warnings",
        f"/warnings/areas/{list(areas)[-1].code}?date={day}",
        f"/warnings/areas/no-such-area?date={day}",
        "/registers",
        "/registers/110102?on=2024-12-31",
        "/registers/110102001",
        "/registers/no-such-unit",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_family_speaks_the_language_asked_for(client: TestClient, language: str) -> None:
    found = {}
    for path in _pages(client):
        separator = "&" if "?" in path else "?"
        page = client.get(f"{path}{separator}lang={language}").text
        assert f'<html lang="{language}">' in page, path
        foreign = foreign_sentences(page, NAMES)
        if foreign:
            found[path] = foreign
    assert found == {}
