"""`govops communities alerts`: what needs doing in the demonstration street's communities
(`communities.demo`, loaded into the database of test_registry as `serve --demo` loads it)
on 1 December 2026, one alert a line or as the API's body (--json), from the command line:
the settled community's term run and its sub-committee of two, the new estate's committee
to elect; only under a unit (--under); a number of months out of range refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govops.bootstrap import build_communities
from govops.communities.demo import NEW_ESTATE, SETTLED, load_community_demo
from govops.platform.storage.database import make_engine
from tests.e2e.communities.cli import test_registry as shared
from tests.e2e.communities.cli.test_registry import OTHER_STREET, STREET, ok

# The fixtures of test_registry: the demo database, its copy, the command.
demo_database, database, communities = shared.demo_database, shared.database, shared.communities
DAY = "2026-12-01"
ENDED = (
    f"{SETTLED}\tcommittee\tdue: the term has run; re-election is due "
    "[cn-urc-organic-law 8, cn-urc-organic-law-2018 8] "
    "(5 years from Jul 1, 2021, ending on Jul 1, 2026)\n"
)
SMALL = (
    f"{SETTLED}\tmediation\tdue: sub-committee below 3 members "
    "[cn-community-textbook-ch3 26] (2 members)\n"
)
ELECT = (
    f"{NEW_ESTATE}\t-\tdue: a committee should be elected "
    "[cn-community-textbook-ch3 27] (occupancy 62%)\n"
)


@pytest.fixture(autouse=True)
def street(database: Path) -> None:
    """The demonstration street's communities recorded in the test's database."""
    engine = make_engine(f"sqlite:///{database}")
    try:
        assert load_community_demo(build_communities(engine))
    finally:
        engine.dispose()


def test_each_alert_is_a_line_with_its_article_and_figures(communities: Any) -> None:
    text = communities("alerts", "--as-of", DAY, "--lang", "en", user="street")
    assert (text.returncode, text.stderr) == (0, "")
    assert text.stdout == ENDED + SMALL + ELECT
    # The community's staff read their own community only.
    own = communities("alerts", "--as-of", DAY, "--lang", "en")
    assert own.stdout == ENDED + SMALL
    zh = communities("alerts", "--as-of", DAY, "--lang", "zh-Hans", user="street").stdout
    assert zh.splitlines()[0] == (
        f"{SETTLED}\tcommittee\t待办：任期届满,应换届选举 "
        "[cn-urc-organic-law 8、cn-urc-organic-law-2018 8] "
        "(自2021年7月1日起5年，至2026年7月1日届满)"
    )


def test_json_is_the_api_s_body(communities: Any) -> None:
    body = ok(communities("alerts", "--as-of", DAY, "--json", user="street"))
    assert (body["as_of"], body["within"], body["count"]) == (DAY, 6, 3)
    assert [(a["community"], a["kind"], a["organisation"]) for a in body["alerts"]] == [
        (SETTLED, "term_ended", "committee"),
        (SETTLED, "subcommittee_too_small", "mediation"),
        (NEW_ESTATE, "committee_election_due", None),
    ]
    assert body["alerts"][0] == {
        "community": SETTLED,
        "kind": "term_ended",
        "severity": "refuse",
        "organisation": "committee",
        "due": "2026-07-01",
        "cite": ["cn-urc-organic-law 8", "cn-urc-organic-law-2018 8"],
        "label": "任期届满,应换届选举",  # Chinese by default
        "figures": ["自2021年7月1日起5年，至2026年7月1日届满"],
    }
    en = ok(communities("alerts", "--as-of", DAY, "--json", "--lang", "en", user="street"))
    assert en["alerts"][2]["figures"] == ["occupancy 62%"]
    ahead = ok(communities("alerts", "--as-of", "2026-03-01", "--within", "4", "--json"))
    assert ahead["within"] == 4
    (ending,) = [a for a in ahead["alerts"] if a["kind"].startswith("term_")]
    assert (ending["kind"], ending["due"]) == ("term_ending", "2026-07-01")
    short = ok(communities("alerts", "--as-of", "2026-03-01", "--within", "3", "--json"))
    assert [a for a in short["alerts"] if a["kind"].startswith("term_")] == []


def test_only_the_alerts_under_a_unit(communities: Any) -> None:
    for under, expected in ((STREET, ENDED + SMALL + ELECT), (NEW_ESTATE, ELECT)):
        text = communities(
            "alerts", "--under", under, "--as-of", DAY, "--lang", "en", user="viewer"
        )
        assert (text.returncode, text.stdout) == (0, expected), text.stderr
    outsider = communities("alerts", "--as-of", DAY, "--json", user="outsider")
    assert ok(outsider) == {"as_of": DAY, "within": 6, "count": 0, "alerts": []}
    hidden = communities("alerts", "--under", STREET, "--lang", "en", user="outsider")
    assert (hidden.returncode, hidden.stdout) == (2, "")
    assert hidden.stderr == f"govops: no unit '{STREET}'\n"
    beyond = communities("alerts", "--under", OTHER_STREET, "--lang", "en", user="street")
    assert beyond.stderr == f"govops: no unit '{OTHER_STREET}'\n"
    duty = communities("alerts", "--lang", "en", user="duty")
    assert duty.returncode == 4 and "community.read" in duty.stderr


def test_refusals_are_one_line(communities: Any) -> None:
    for args, said in (
        (("--within", "500"), "govops: within: must be from 0 to 120 months\n"),
        (("--within", "-1"), "govops: within: must be from 0 to 120 months\n"),
        (("--as-of", "soon"), "govops: --as-of must be a date as YYYY-MM-DD, got 'soon'\n"),
    ):
        result = communities("alerts", *args, "--lang", "en", user="street")
        assert (result.returncode, result.stdout, result.stderr) == (2, "", said), args
    early = communities("alerts", "--as-of", "2012-01-31", "--lang", "en", user="street")
    assert (early.returncode, early.stdout) == (2, "")  # before the textbook's rules
    assert early.stderr.startswith("govops: as_of: parameter ")
    assert early.stderr.endswith(" has no value in force on Jan 31, 2012\n")
    zh = communities("alerts", "--within", "500", "--lang", "zh-Hans", user="street")
    assert (zh.returncode, zh.stderr) == (2, "govops: within：须为0至120个月\n")
