"""The community pages through the composition root, on an SQLite file with the demo
street loaded as `govops serve --demo` loads it: the street's staff see its communities
with each committee checked (the retired share 3 of 7, 42.9%, and its article; the
sub-committee of two refused), a community's registry and history; a reader of another
street is told nothing (404), one without the permission is refused (403); every page in
every language says nothing in another."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from govops.bootstrap import build_app, build_incidents
from govops.communities.demo import NEW_ESTATE, SETTLED, load_community_demo
from govops.config import Settings
from govops.platform.i18n.languages import LANGUAGES
from tests.e2e.languages import foreign_sentences
from tests.e2e.pages import text
from tests.fakes import Clock
from tests.identity import sign_in

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
STREET = "110102001"
# Names recorded in the registry, shown as recorded on every page (translate="no").
NAMES = ["govops", "示範社區黨委", "示範社區居民委員會", "人民調解委員會", "社區居民代表大會"]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("communities")
    settings = Settings(database_url=f"sqlite:///{folder / 'govops.db'}")
    incidents = build_incidents(settings, Clock(NOW))
    app = build_app(settings, Clock(NOW), incidents)
    yield app
    incidents.engine.dispose()


@pytest.fixture(scope="module")
def users(app: FastAPI) -> dict[str, dict[str, str]]:
    grants = {
        "street": ("street_staff", STREET),
        "other-street": ("street_staff", "110102003"),
        "population": ("population_officer", "38-population-office"),
        "viewer": ("viewer", "demo-county"),
    }
    made = {name: sign_in(app, name, grant) for name, grant in grants.items()}
    assert load_community_demo(app.state.communities)  # the units exist once users are made
    return made


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def test_the_street_sees_its_communities_checked_at_once(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    page = client.get("/communities?lang=en&as_of=2026-12-01", headers=users["street"])
    assert page.status_code == 200, page.text
    said = text(page.text)
    assert f'href="/communities/{SETTLED}"' in page.text
    assert f'href="/communities/{NEW_ESTATE}"' in page.text
    row = text(page.text.split(f'id="check-{SETTLED}-committee"')[1].split("</tr>")[0])
    assert "meets the firm rules, with warnings" in row and "retired members above 30%" in row
    sub = text(page.text.split(f'id="check-{SETTLED}-mediation"')[1].split("</tr>")[0])
    assert "breaches a firm rule" in sub and "sub-committee below 3 members" in sub
    assert "No organisation checked yet." in said  # the new estate has no committee


def test_a_community_shows_each_breach_with_its_figures_and_article(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    page = client.get(f"/communities/{SETTLED}?lang=en&as_of=2026-12-01", headers=users["street"])
    assert page.status_code == 200, page.text
    committee = text(page.text.split('id="org-committee"')[1].split("</article>")[0])
    assert "3 of 7 members retired (42.9%)" in committee
    assert "cn-community-textbook-ch3 37" in committee  # the slide the rule is on
    assert "director" not in committee.split("In principle")[0]  # the age rule: excepted
    mediation = text(page.text.split('id="org-mediation"')[1].split("</article>")[0])
    assert "Breach" in mediation and "2 members" in mediation
    assert "陳志明" in page.text and "street@110102001" in page.text  # posts and history
    hans = client.get(f"/communities/{SETTLED}?lang=zh-Hans", headers=users["street"])
    assert "7名成员中离退休3人（42.9%）" in text(hans.text)


def test_a_day_that_is_no_date_is_said_not_thrown(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    page = client.get(f"/communities/{SETTLED}?lang=en&as_of=soon", headers=users["street"])
    assert page.status_code == 422
    assert "as_of: must be a date YYYY-MM-DD" in text(page.text)


def test_readers_outside_the_street_are_told_nothing(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    outside = users["other-street"]
    answer = client.get(f"/communities/{SETTLED}", headers=outside)
    assert answer.status_code == 404 and "陳志明" not in answer.text
    listing = client.get("/communities", headers=outside)
    assert listing.status_code == 200 and SETTLED not in listing.text
    assert client.get("/communities", headers=users["population"]).status_code == 403
    assert client.get("/communities/nowhere", headers=users["street"]).status_code == 404


def test_anyone_not_signed_in_is_sent_to_log_in(client: TestClient) -> None:
    answer = client.get("/communities", follow_redirects=False)
    assert answer.status_code == 303
    assert client.get("/communities/static/communities.css").status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_speaks_one_language(
    client: TestClient, users: dict[str, dict[str, str]], language: str
) -> None:
    for path in ("/communities", f"/communities/{SETTLED}", f"/communities/{NEW_ESTATE}"):
        page = client.get(f"{path}?lang={language}&as_of=2026-12-01", headers=users["street"])
        assert page.status_code == 200, (path, page.text)
        assert foreign_sentences(page.text, NAMES) == [], (path, language)


def alert_items(page: str) -> dict[str, str]:
    """The items of the section "What needs doing" (id="alerts"): id -> text."""
    listed = page.split('<section id="alerts">')[1].split("</section>", maxsplit=1)[0]
    items = listed.split("<li ")[1:]
    return {item.split('id="')[1].split('"')[0]: text("<li " + item) for item in items}


def test_the_list_shows_what_needs_doing_in_each_community_with_its_article(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    page = client.get("/communities?lang=en&as_of=2026-12-01", headers=users["street"])
    assert page.status_code == 200, page.text
    items = alert_items(page.text)
    assert list(items) == [
        f"alert-{SETTLED}-term_ended-committee",
        f"alert-{SETTLED}-subcommittee_too_small-mediation",
        f"alert-{NEW_ESTATE}-committee_election_due",
    ]
    assert items[f"alert-{SETTLED}-term_ended-committee"] == (
        "Demonstration community : Due: the term has run; re-election is due "
        "(5 years from Jul 1, 2021, ending on Jul 1, 2026) "
        "cn-urc-organic-law 8, cn-urc-organic-law-2018 8"
    )
    small = items[f"alert-{SETTLED}-subcommittee_too_small-mediation"]
    assert "sub-committee below 3 members (2 members)" in small
    assert small.endswith("cn-community-textbook-ch3 26")  # the textbook's slide
    elect = items[f"alert-{NEW_ESTATE}-committee_election_due"]
    assert "a committee should be elected (occupancy 62%)" in elect
    assert elect.endswith("cn-community-textbook-ch3 27")
    assert f'<a href="/communities/{NEW_ESTATE}">' in page.text.split('id="alerts"')[1]
    # The congress met on 20 March 2026 and the estate applied in April: neither is due.
    assert not [i for i in items if "congress" in i or "application" in i]
    hans = client.get("/communities?lang=zh-Hans&as_of=2026-12-01", headers=users["street"])
    said = alert_items(hans.text)[f"alert-{SETTLED}-term_ended-committee"]
    assert "任期届满,应换届选举" in said and "自2021年7月1日起5年，至2026年7月1日届满" in said
    outside = client.get("/communities?lang=en&as_of=2026-12-01", headers=users["other-street"])
    assert alert_items(outside.text) == {}
    assert "Nothing is due." in text(outside.text.split('<section id="alerts">')[1])


def test_a_community_shows_what_needs_doing_in_it_only(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    page = client.get(f"/communities/{SETTLED}?lang=en&as_of=2026-12-01", headers=users["street"])
    assert page.status_code == 200, page.text
    items = alert_items(page.text)
    assert list(items) == [
        f"alert-{SETTLED}-term_ended-committee",
        f"alert-{SETTLED}-subcommittee_too_small-mediation",
    ]
    assert items[f"alert-{SETTLED}-term_ended-committee"].startswith(
        "Due: the term has run; re-election is due"  # no community named: it is the page's
    )
    estate = client.get(
        f"/communities/{NEW_ESTATE}?lang=en&as_of=2026-12-01", headers=users["street"]
    )
    assert list(alert_items(estate.text)) == [f"alert-{NEW_ESTATE}-committee_election_due"]
    # In March the term was ending (a warning) and the congress had not met since 2021.
    march = client.get(f"/communities/{SETTLED}?lang=en&as_of=2026-03-01", headers=users["street"])
    items = alert_items(march.text)
    assert items[f"alert-{SETTLED}-term_ending-committee"].startswith(
        "Warning: the term ends soon; prepare the re-election"
    )
    said = "no meeting recorded since Jul 1, 2021"
    assert said in items[f"alert-{SETTLED}-congress_overdue"]


def test_the_home_page_lists_what_is_due_for_the_street(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    home = client.get("/?lang=en", headers=users["street"])  # today: 1 December 2026
    assert home.status_code == 200, home.text
    listed = home.text.split('<ul class="attention">')[1].split("</ul>", maxsplit=1)[0]
    items = [text(item) for item in listed.split("</li>")[:-1]]
    assert items == [
        "Demonstration community: the term has run; re-election is due",
        "Demonstration community: sub-committee below 3 members",
        "Demonstration new estate: a committee should be elected",
    ]
    assert f'href="/communities/{SETTLED}"' in listed
    assert f'href="/communities/{NEW_ESTATE}"' in listed
    hans = client.get("/?lang=zh-Hans", headers=users["street"])
    assert "示范社区：任期届满,应换届选举" in text(hans.text)
    outside = client.get("/?lang=en", headers=users["other-street"])
    assert outside.status_code == 200 and "re-election is due" not in outside.text
    assert f'href="/communities/{SETTLED}"' not in outside.text


def test_the_demo_committee_and_resident_group_are_units_under_their_community(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    answer = client.get("/api/v1/units", headers=users["street"])
    assert answer.status_code == 200, answer.text
    under = {u["code"]: u for u in answer.json() if u["parent"] == SETTLED}
    assert under[f"{SETTLED}.committee"]["kind"] == "committee"
    assert under[f"{SETTLED}.committee"]["names"] == {"zh-Hant": "示範社區居民委員會"}
    assert under[f"{SETTLED}.group-1"]["kind"] == "resident_group"
    assert f"{SETTLED}.congress" not in under  # a congress is no unit of the tree
    outside = client.get("/api/v1/units", headers=users["other-street"]).json()
    assert not [u for u in outside if u["code"].startswith(f"{SETTLED}.")]


def test_the_history_names_each_recorded_field_in_the_readers_language(
    client: TestClient, users: dict[str, dict[str, str]]
) -> None:
    hans = client.get(f"/communities/{SETTLED}?lang=zh-Hans", headers=users["street"]).text
    first = text(hans.split('id="event-1"')[1].split("</li>")[0])
    assert "户数: 2800" in first and "入住率（%）: 100" in first
    assert "职务: " in text(hans) and "households" not in hans  # a post's role, in words
    english = client.get(f"/communities/{SETTLED}?lang=en", headers=users["street"]).text
    organisation = text(english.split('id="event-3"')[1].split("</li>")[0])
    assert "kind: residents' committee" in organisation
    assert "name: 示範社區居民委員會" in organisation
