"""`govops cadres`: the registry from the command line, on a temporary SQLite database
named by GOVOPS_DATABASE_URL, each command in a child process as a user would run it,
acting as the organisation department's staff (--as orgstaff) made by the operator's
commands (tests.e2e.cadres.local_users)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cadres.local_users import OFFICE, govops


@pytest.fixture
def cadres(database: Path) -> Any:
    def run(*args: str, user: str | None = "orgstaff") -> subprocess.CompletedProcess[str]:
        return govops(database, "cadres", *args, *(("--as", user) if user else ()))

    return run


def ok(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_cadre_from_entry_to_eligibility(cadres: Any, tmp_path: Path) -> None:
    added = ok(cadres("add", "张三"))
    assert added["created_by"] == f"orgstaff@{OFFICE}"
    person = added["id"]
    for kind, data in (
        ("work_start", {"date": "2012-07-01"}),
        ("education", {"level": "bachelor"}),
        ("party", {"joined_on": "2015-06-01"}),
        (
            "position",
            {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01", "grassroots": True},
        ),
        ("assessment", {"year": 2025, "result": "competent"}),
    ):
        entry = ok(cadres("entry", person, kind, "--json", json.dumps(data)))
        assert entry["kind"] == kind and entry["actor"] == f"orgstaff@{OFFICE}"
    eligible = ok(
        cadres("eligibility", person, "--target-rank", "deputy_division", "--as-of", "2026-06-30")
    )
    assert eligible["verdict"] == "eligible_with_warnings"
    assert eligible["warnings"][0]["cite"] == ["wuyi-cadre-regulation-2020 6(2)"]
    corrected = ok(
        cadres("correct", person, "5", "--json", '{"year": 2025, "result": "incompetent"}')
    )
    assert corrected["supersedes"] == 5 and corrected["seq"] == 6
    refused = ok(
        cadres("eligibility", person, "--target-rank", "deputy_division", "--as-of", "2026-06-30")
    )
    assert refused["verdict"] == "ineligible"
    assert [r["id"] for r in refused["refusals"]] == ["recent_assessment"]
    shown = ok(cadres("show", person))
    assert len(shown["history"]) == 6 and shown["history"][4]["superseded_by"] == 6
    listed = cadres("list")
    assert listed.returncode == 0 and listed.stdout == f"{person}\t张三\n"
    assert (tmp_path / "db" / "govops.db").is_file() and not (tmp_path / "govops.db").exists()


def test_refusals_are_one_line_without_a_traceback(cadres: Any) -> None:
    person = ok(cadres("add", "李四"))["id"]
    for args, message in (
        (
            ("entry", person, "position", "--json", '{"rank": "boss"}'),
            "govops: data.rank: unknown code",
        ),
        (("entry", person, "rank", "--json", "{}"), "govops: kind: unknown kind 'rank'"),
        (("entry", person, "education", "--json", "[1]"), "govops: --json must be a JSON object"),
        (("entry", person, "education", "--json", "{"), "govops: --json: not valid JSON"),
        (("show", "nobody"), "govops: no cadre 'nobody'"),
        (("correct", person, "9", "--json", "{}"), "govops: no entry 9"),
        (
            ("eligibility", person, "--target-rank", "deputy_section"),
            "govops: work_start: no work_start",
        ),
    ):
        result = cadres(*args, "--lang", "en")
        assert result.returncode == 2, (args, result.stdout)
        assert result.stderr.startswith(message), result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (None, "govops: 没有干部 'nobody'\n"),  # the regulation's language by default
        ("zh-Hant", "govops: 沒有幹部 'nobody'\n"),
        ("vi", "govops: không có cán bộ 'nobody'\n"),
        ("en", "govops: no cadre 'nobody'\n"),
    ],
)
def test_refusals_are_in_the_readers_language(cadres: Any, lang: str | None, said: str) -> None:
    result = cadres("show", "nobody", *(("--lang", lang) if lang else ()))
    assert (result.returncode, result.stderr) == (2, said)


def test_the_shell_locale_chooses_the_language_when_no_lang_is_given(
    cadres: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    person = ok(cadres("add", "李四"))["id"]
    result = cadres("entry", person, "education", "--json", "{")
    assert result.stderr == (
        "govops: --json: không phải JSON hợp lệ: cần có khóa đặt trong dấu ngoặc kép ở cột 2\n"
    )
    assert cadres("show", "nobody", "--lang", "en").stderr == "govops: no cadre 'nobody'\n"


def test_the_commands_act_as_a_local_user_with_the_apis_checks(cadres: Any) -> None:
    person = ok(cadres("add", "张三"))["id"]
    refused = cadres("entry", person, "education", "--json", '{"level": "master"}', user="viewer")
    assert refused.returncode == 4 and "cadre.record" in refused.stderr and refused.stdout == ""
    assert cadres("show", person, "--lang", "en", user="lu").returncode == 4  # no cadre.read
    unknown = cadres("list", "--lang", "en", user="nobody")
    assert unknown.returncode == 2 and unknown.stderr == "govops: no enabled user 'nobody'\n"
    anonymous = cadres("list", "--lang", "en", user=None)  # no --as, no GOVOPS_USER
    assert anonymous.returncode == 2 and "--as USER" in anonymous.stderr
    assert "--actor" not in cadres("entry", "--help", user=None).stdout
