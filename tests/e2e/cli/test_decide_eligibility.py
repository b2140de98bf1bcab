"""`govops decide cn-cadre-selection eligibility`: a cadre record in, a verdict with every
breached article out."""

from __future__ import annotations

import json

from tests.e2e.conftest import Run

PACK = "cn-cadre-selection"
RECORD = {
    "as_of": "2026-06-30",
    "target_rank": "deputy_division",
    "target_is_party_post": False,
    "work_start": "2012-07-01",
    "education": "bachelor",
    "party_join_date": "2015-06-01",
    "training_completed": True,
    "exceptional": False,
    "positions": [
        {"rank": "section_chief", "start": "2021-01-01", "end": None, "grassroots": True}
    ],
    "assessments": [{"year": y, "result": "competent"} for y in (2023, 2024, 2025)],
}


def test_the_issues_example_is_eligible_with_a_warning_on_posts_held(govops: Run) -> None:
    done = govops("decide", PACK, "eligibility", stdin=json.dumps(RECORD))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["verdict"] == "eligible_with_warnings"
    assert answer["refusals"] == []
    assert [w["cite"] for w in answer["warnings"]] == [["wuyi-cadre-regulation-2020 6(2)"]]


def test_too_little_time_in_the_rank_below_is_refused_with_its_article(govops: Run) -> None:
    record = RECORD | {
        "positions": [
            {"rank": "section_chief", "start": "2023-07-01", "end": None, "grassroots": True}
        ]
    }
    answer = json.loads(govops("decide", PACK, "eligibility", stdin=json.dumps(record)).stdout)
    assert answer["verdict"] == "ineligible"
    assert "wuyi-cadre-regulation-2020 6(3)" in [c for r in answer["refusals"] for c in r["cite"]]


def test_a_bad_record_names_its_field(govops: Run) -> None:
    record = RECORD | {"target_rank": "minister"}
    done = govops("decide", PACK, "eligibility", stdin=json.dumps(record))
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["field"] == "target_rank"
