"""`govops communities check` and `check-street`: a residents' committee of 7 with 3
retired, imported from a CSV, judged by cn-community-organizations from the command line
(the database and the users of test_registry)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.e2e.communities.cli import test_registry as shared
from tests.e2e.communities.cli.test_registry import COMMUNITY, STREET, committee, ok

# The fixtures of test_registry: the demo database, its copy, the command.
demo_database, database, communities = shared.demo_database, shared.database, shared.communities
DAY = "2026-06-01"
WARNING = (
    "  warning: retired members above 30% [cn-community-textbook-ch3 37]: "
    "3 of 7 members retired (42.9%)\n"
)


def test_the_check_shows_the_retired_share_with_its_figure_and_article(
    communities: Any, tmp_path: Path
) -> None:
    committee(communities, tmp_path)
    text = communities("check", COMMUNITY, "--as-of", DAY, "--lang", "en", user="street")
    assert text.returncode == 0, text.stderr
    assert text.stdout == (
        "居委会 (rc, residents' committee) on Jun 1, 2026: meets the firm rules, with warnings\n"
        + WARNING
    )
    found = ok(communities("check", COMMUNITY, "--organisation", "rc", "--as-of", DAY, "--json"))
    assert (found["organisation"], found["verdict"], found["refusals"]) == (
        "rc",
        "eligible_with_warnings",
        [],
    )
    [warning] = found["warnings"]
    assert warning["id"] == "retired_over_share"
    assert warning["cite"] == ["cn-community-textbook-ch3 37"]
    assert warning["figures"] == ["7名成员中离退休3人（42.9%）"]  # Chinese by default
    assert found["inputs"]["members"] == 7


def test_an_exception_recorded_clears_the_warning(communities: Any, tmp_path: Path) -> None:
    committee(communities, tmp_path)
    granted = {"organisation": "rc", "rule": "retired_exception", "reason": "新建小区"}
    data = json.dumps(granted | {"granted_on": "2026-01-01"})
    ok(communities("record", COMMUNITY, "exception", "--data", data))
    whole = ok(communities("check", COMMUNITY, "--as-of", DAY, "--json"))
    assert (whole["community"], whole["as_of"], whole["count"]) == (COMMUNITY, DAY, 1)
    [found] = whole["organisations"]
    assert (found["verdict"], found["warnings"]) == ("eligible", [])
    before = communities("check", COMMUNITY, "--as-of", "2025-12-31", "--lang", "en")
    assert before.stdout.endswith(WARNING)


def test_the_check_is_in_chinese_with_lang_zh_hans(communities: Any, tmp_path: Path) -> None:
    committee(communities, tmp_path)
    text = communities("check", COMMUNITY, "--as-of", DAY, "--lang", "zh-Hans").stdout
    assert text == (
        "居委会（rc，居民委员会），2026年6月1日：符合硬性规定，有警示\n"
        "  警示：离退休人员比例超过30% [cn-community-textbook-ch3 37]："
        "7名成员中离退休3人（42.9%）\n"
    )
    street = communities("check-street", STREET, "--as-of", DAY, "--lang", "zh-Hans").stdout
    assert street == f"{COMMUNITY}\trc\tcommittee\t符合硬性规定，有警示\t离退休人员比例超过30%\n"


def test_the_street_batch_checks_every_community_under_it(communities: Any, tmp_path: Path) -> None:
    committee(communities, tmp_path)
    street = ok(communities("check-street", STREET, "--as-of", DAY, "--json", user="street"))
    assert (street["under"], street["as_of"], street["count"]) == (STREET, DAY, 1)
    assert street["organisations"] == [
        {
            "community": COMMUNITY,
            "organisation": "rc",
            "kind": "committee",
            "verdict": "eligible_with_warnings",
            "breaches": ["retired_over_share"],
        }
    ]
    text = communities("check-street", STREET, "--as-of", DAY, "--lang", "en", user="street")
    assert text.stdout == (
        f"{COMMUNITY}\trc\tcommittee\tmeets the firm rules, with warnings\t"
        "retired members above 30%\n"
    )


def test_nothing_to_check_is_said(communities: Any) -> None:
    empty = communities("check", COMMUNITY, "--as-of", DAY, "--lang", "en")
    assert (empty.returncode, empty.stdout) == (
        0,
        f"{COMMUNITY}: no organisation to check on Jun 1, 2026\n",
    )
    assert ok(communities("check", COMMUNITY, "--as-of", DAY, "--json"))["organisations"] == []
    unknown = communities("check", COMMUNITY, "--organisation", "rc", "--lang", "en")
    assert unknown.returncode == 2
    assert unknown.stderr == "govops: organisation: no organisation 'rc' in this community\n"
    assert ok(communities("check-street", STREET, "--json"))["organisations"] == []
