"""The programme pages under access control: a plan is read holding programme.read at a
unit running its pack. Thanh Hóa's population officer reads vn-thanhhoa-srb-2016; a
Xicheng reader neither sees it listed nor reaches it (404, as an unknown plan); one
without programme.read is refused (403), one signed out sent to the log-in page; the
stylesheets are public."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.packs import load_builtin_pack
from govops.platform.web.auth import install
from govops.programmes.web import build_programme_router
from tests.identity import TokenAuthenticator, actor, bearer

SRB = "vn-thanhhoa-srb-2016"
XICHENG = "cn-xicheng-em-14fyp"
USERS = {
    "population": actor("population", ("population_officer", "38")),
    "office": actor("office", ("population_officer", "38-population-office")),
    "xicheng": actor("xicheng", ("viewer", "110102")),
    "duty": actor("duty", ("duty_officer", "demo-county")),
}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = FastAPI()
    install(app, "/api/v1")
    packs = {pack_id: load_builtin_pack(pack_id) for pack_id in (SRB, XICHENG)}
    app.include_router(build_programme_router(packs))
    app.state.authenticator = TokenAuthenticator(USERS)
    with TestClient(app, follow_redirects=False) as client:
        yield client


@pytest.mark.parametrize("user", ["population", "office"])
def test_thanh_hoas_population_officers_read_their_plan(client: TestClient, user: str) -> None:
    for path in (f"/programmes/{SRB}", f"/programmes/{SRB}/budget"):
        assert client.get(path, headers=bearer(user)).status_code == 200, path
    listed = client.get("/programmes", headers=bearer(user)).text
    assert f'id="programme-{SRB}"' in listed
    other = client.get(f"/programmes/{XICHENG}?lang=en", headers=bearer(user))
    assert other.status_code == 404
    assert f"There is no plan with the id “{XICHENG}”." in other.text


def test_a_plan_of_another_unit_is_answered_as_an_unknown_plan(client: TestClient) -> None:
    xicheng = bearer("xicheng")
    assert f'id="programme-{SRB}"' not in client.get("/programmes", headers=xicheng).text
    for path in (f"/programmes/{SRB}", f"/programmes/{SRB}/budget"):
        refused = client.get(f"{path}?lang=en", headers=xicheng)
        assert refused.status_code == 404
        assert f"There is no plan with the id “{SRB}”." in refused.text


def test_without_programme_read_refused_and_signed_out_sent_to_log_in(
    client: TestClient,
) -> None:
    assert client.get("/programmes", headers=bearer("duty")).status_code == 403
    signed_out = client.get(f"/programmes/{SRB}")
    assert signed_out.status_code == 303
    assert signed_out.headers["location"] == f"/login?next=/programmes/{SRB}"
    assert client.get("/programmes/static/programme.css").status_code == 200
