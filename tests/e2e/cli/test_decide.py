"""`govops decide`: JSON in, one JSON answer per record, errors in place, never a traceback;
the errors' words in the reader's language (--lang; Chinese by default), the data not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govops.packs import pack_folder
from tests.e2e.conftest import Run

PACK = "cn-county-mass-incident"


def test_one_object_is_graded_with_fired_clauses_and_citations(govops: Run) -> None:
    record = '{"participants": 5000, "seriously_affects_stability": true}'
    done = govops("decide", PACK, "grade", "--as-of", "2026-06-01", stdin=record)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "outcome": "I",
        "fired": ["I-1"],
        "citations": ["cn-county-mass-incident-plan 4.1(1)"],
    }


def test_a_pretty_printed_object_is_one_record(govops: Run) -> None:
    record = '{\n  "participants": 1200,\n  "major_impact_protest": true\n}\n'
    done = govops("decide", PACK, "grade", stdin=record)
    assert [json.loads(line)["outcome"] for line in done.stdout.splitlines()] == ["II"]


def test_explain_adds_trace_and_why_not_by_outcome(govops: Run) -> None:
    record = '{"participants": "4999", "major_impact_protest": true,'
    record += ' "seriously_affects_stability": true}'  # 4.2(1)'s and 4.1(1)'s qualifiers
    done = govops("decide", PACK, "grade", "--explain", stdin=record)
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
    lines = '{"participants": 6000, "seriously_affects_stability": true}\n'
    lines += '{"participants": "lots"}\nnot json\n[1]\n{"deaths": 3}\n'
    done = govops("decide", PACK, "grade", "--lang", "en", stdin=lines)
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
    done = govops("decide", PACK, "route", stdin='{"causes": ["land"]}')
    outcome = json.loads(done.stdout)["outcome"]
    assert "land_resources" in outcome
    assert "health" in outcome  # medical rescue, in every case (3.1.3)


def test_an_unknown_pack_or_rule_is_a_clear_error(govops: Run) -> None:
    unknown_pack = govops("decide", "no-such-pack", "grade", "--lang", "en", stdin="{}")
    unknown_rule = govops("decide", PACK, "nope", "--lang", "en", stdin="{}")
    assert unknown_pack.returncode == 2
    assert "no pack 'no-such-pack'" in unknown_pack.stderr
    assert unknown_rule.returncode == 2
    assert "has no rule table 'nope' (has: grade, route)" in unknown_rule.stderr
    assert "Traceback" not in unknown_pack.stderr + unknown_rule.stderr


def test_a_bad_as_of_date_is_a_clear_error(govops: Run) -> None:
    done = govops("decide", PACK, "grade", "--as-of", "June", "--lang", "en", stdin="{}")
    assert done.returncode == 2
    assert "--as-of must be a date as YYYY-MM-DD" in done.stderr


def test_numbers_are_read_exactly_not_as_floats(govops: Run) -> None:
    just_below = '{"traffic_stopped_hours": 7.99999999999999999999}'
    done = govops("decide", PACK, "grade", "--explain", stdin=just_below)
    answer = json.loads(done.stdout)
    assert answer["outcome"] is None
    assert answer["inputs"]["traffic_stopped_hours"]["value"] == "7.99999999999999999999"
    fraction = govops(
        "decide", PACK, "grade", "--lang", "en", stdin='{"participants": 4999.9999999999999999}'
    )
    assert json.loads(fraction.stdout)["error"] == {
        "field": "participants",
        "message": "must be a whole number, got 4999.9999999999999999",
    }


def test_an_approximate_figure_is_flagged_without_explain(govops: Run) -> None:
    done = govops("decide", PACK, "grade", stdin='{"participants": "约5000"}')
    assert json.loads(done.stdout)["approximate"] == ["participants"]


def test_hostile_input_gets_errors_not_tracebacks(govops: Run) -> None:
    lines = [
        '{"participants": 6000, "participants": 10}',
        "[" * 5000,
        '{"participants": 1' + "0" * 5000 + "}",
        '{"participants": 1e400}',
        '{"participants": NaN}',
    ]
    done = govops("decide", PACK, "grade", "--lang", "en", stdin="\n".join(lines))
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 2
    assert len(answers) == len(lines)
    assert all("error" in answer for answer in answers)
    assert "given twice" in answers[0]["error"]["message"]
    assert "Traceback" not in done.stderr


def test_empty_input_is_a_clear_error(govops: Run) -> None:
    done = govops("decide", PACK, "grade", "--lang", "en", stdin="  \n")
    assert done.returncode == 2
    assert "no record on stdin" in done.stderr


def test_no_rules_before_the_document_is_in_force(govops: Run, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(pack_folder(PACK), pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "in_force_from: null", "in_force_from: 2010-01-01"
        ),
        encoding="utf-8",
    )
    done = govops("decide", str(pack), "grade", "--as-of", "2009-12-31", "--lang", "en", stdin="{}")
    assert done.returncode == 2
    assert "is in force from Jan 1, 2010: no rules on Dec 31, 2009" in done.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "vi",
            (
                "mỗi bản ghi phải là một đối tượng JSON",
                "không phải JSON hợp lệ: cần có một giá trị ở cột 6",
                "govops: không có bản ghi ở đầu vào chuẩn: hãy nhập một đối tượng JSON hoặc "
                "JSON Lines\n",
            ),
        ),
        (
            "zh-Hans",
            (
                "每条记录必须是一个 JSON 对象",
                "不是有效的 JSON：第6列此处应有值",
                "govops: 标准输入中没有记录：请提供一个 JSON 对象或 JSON Lines\n",
            ),
        ),
        (
            "en",
            (
                "each record must be a JSON object",
                "not valid JSON: a value is expected at column 6",
                "govops: no record on stdin: give one JSON object, or JSON Lines\n",
            ),
        ),
    ],
)
def test_errors_are_in_the_readers_language(
    govops: Run, lang: str, said: tuple[str, str, str]
) -> None:
    not_an_object, not_json, nothing = said
    done = govops("decide", PACK, "grade", "--lang", lang, stdin='[1]\n{"x":}\n')
    assert done.returncode == 2
    answers = [json.loads(line)["error"] for line in done.stdout.splitlines()]
    assert answers == [
        {"field": None, "message": not_an_object},
        {"field": None, "message": not_json},
    ]
    assert govops("decide", PACK, "grade", "--lang", lang, stdin=" ").stderr == nothing


def test_the_default_is_chinese_and_the_answers_data_the_same(govops: Run) -> None:
    record = '{"participants": 4999}'
    chinese = govops("decide", PACK, "grade", "--as-of", "2026-06-01", stdin=record)
    english = govops("decide", PACK, "grade", "--as-of", "2026-06-01", "--lang", "en", stdin=record)
    assert chinese.stdout == english.stdout  # decisions are data, not words
    refused = govops("decide", PACK, "grade", "--lang", "fr", stdin=record)
    assert refused.returncode == 2
    assert "--lang 必须是 zh-Hans, zh-Hant, vi, en 之一" in refused.stderr
