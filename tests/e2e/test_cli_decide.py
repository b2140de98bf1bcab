"""`govops decide`: JSON in, one JSON answer per record, errors in place, never a traceback."""

from __future__ import annotations

import json

from tests.e2e.conftest import Run

PACK = "cn-county-mass-incident"


def test_one_object_is_graded_with_fired_clauses_and_citations(govops: Run) -> None:
    done = govops("decide", PACK, "grade", "--as-of", "2026-06-01", stdin='{"participants": 5000}')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "outcome": "I",
        "fired": ["I-1"],
        "citations": ["cn-county-mass-incident-plan 4.1(1)"],
    }


def test_a_pretty_printed_object_is_one_record(govops: Run) -> None:
    done = govops("decide", PACK, "grade", stdin='{\n  "participants": 1200\n}\n')
    assert [json.loads(line)["outcome"] for line in done.stdout.splitlines()] == ["II"]


def test_explain_adds_trace_and_why_not_by_outcome(govops: Run) -> None:
    done = govops("decide", PACK, "grade", "--explain", stdin='{"participants": "4999"}')
    answer = json.loads(done.stdout)
    assert answer["outcome"] == "II"
    assert answer["why_not"]["I"]["summary"] == "participants 4999 < 5000 for level I, 4.1(1)"
    assert answer["why_not"]["I"]["failing"][0]["short_by"] == 1
    first = answer["trace"][0]
    assert first["clause"] == "I-1"
    assert first["tests"][0]["parameters"][0]["name"] == "participants_level_I"
    assert first["tests"][0]["parameters"][0]["cite"] == "cn-county-mass-incident-plan 4.1(1)"
    assert len(answer["trace"]) == 23


def test_approximate_figures_are_marked_in_the_trace(govops: Run) -> None:
    done = govops("decide", PACK, "grade", "--explain", stdin='{"participants": "约5000人"}')
    inputs = json.loads(done.stdout)["inputs"]
    assert inputs["participants"] == {"value": 5000, "raw": "约5000人", "approximate": True}


def test_a_bad_line_gets_an_error_and_the_others_are_still_decided(govops: Run) -> None:
    lines = '{"participants": 6000}\n{"participants": "lots"}\nnot json\n[1]\n{"deaths": 3}\n'
    done = govops("decide", PACK, "grade", stdin=lines)
    assert done.returncode == 2
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert answers[0]["outcome"] == "I"
    assert answers[1]["error"]["field"] == "participants"
    assert answers[2]["error"]["field"] is None
    assert "not valid JSON" in answers[2]["error"]["message"]
    assert answers[3]["error"]["message"] == "each record must be a JSON object"
    assert answers[4]["outcome"] == "II"
    assert "Traceback" not in done.stderr


def test_routing_collects_every_responsible_department(govops: Run) -> None:
    done = govops("decide", PACK, "route", stdin='{"causes": ["land"], "injured": 2}')
    outcome = json.loads(done.stdout)["outcome"]
    assert "land_resources" in outcome
    assert "health" in outcome


def test_an_unknown_pack_or_rule_is_a_clear_error(govops: Run) -> None:
    unknown_pack = govops("decide", "no-such-pack", "grade", stdin="{}")
    unknown_rule = govops("decide", PACK, "nope", stdin="{}")
    assert unknown_pack.returncode == 2
    assert "no pack 'no-such-pack'" in unknown_pack.stderr
    assert unknown_rule.returncode == 2
    assert "has no rule table 'nope' (has: grade, route)" in unknown_rule.stderr
    assert "Traceback" not in unknown_pack.stderr + unknown_rule.stderr


def test_a_bad_as_of_date_is_a_clear_error(govops: Run) -> None:
    done = govops("decide", PACK, "grade", "--as-of", "June", stdin="{}")
    assert done.returncode == 2
    assert "--as-of must be a date as YYYY-MM-DD" in done.stderr
