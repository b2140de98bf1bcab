"""Forms from another site's page are refused (cross-site request forgery)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.e2e.pages import GOOD_REPORT


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"}, {"Origin": "http://evil.example"}],
    ids=["fetch-metadata", "origin"],
)
def test_a_form_posted_from_another_site_is_refused(
    client: TestClient, headers: dict[str, str]
) -> None:
    answer = client.post("/incidents", data=GOOD_REPORT, headers=headers, follow_redirects=False)
    assert answer.status_code == 403
    assert client.get("/incidents").text.count('<tr id="row-') == 0


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "same-origin"}, {"Origin": "http://testserver"}, {}],
    ids=["fetch-metadata", "origin", "no-browser-headers"],
)
def test_a_form_from_the_sites_own_pages_is_accepted(
    client: TestClient, headers: dict[str, str]
) -> None:
    answer = client.post("/incidents", data=GOOD_REPORT, headers=headers, follow_redirects=False)
    assert answer.status_code == 303
