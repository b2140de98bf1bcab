"""`govops cadres alerts` and `govops cadres screen`: JSON Lines over a temporary SQLite
registry filled through the registry service, each command in a child process acting as
the organisation department's staff (--as orgstaff; tests.e2e.cadres.local_users)."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from govops.bootstrap import build_cadre_registry
from govops.platform.storage.database import make_engine, migrate
from tests.e2e.cadres.local_users import govops as run


@pytest.fixture
def registry(database: Path) -> dict[str, str]:
    """Two cadres: 张三 ten years in a 副处 post in July 2026; 李四 on probation until
    2026-07-10 with an admonition in effect until 2026-08-31; and a relation 'other'."""
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    registry = build_cadre_registry(engine, lambda: datetime(2026, 6, 30, 1, tzinfo=UTC))
    ids = {}
    for name, entries in (
        (
            "张三",
            [
                (
                    "position",
                    {
                        "rank": "deputy_division",
                        "unit": "教务处",
                        "post": "副处长",
                        "start": "2016-07-20",
                    },
                ),
                ("relative", {"relation": "other", "name": "王五"}),
                (
                    "training",
                    {"course": "党校", "completed_on": "2016-09-01", "meets_requirement": True},
                ),
            ],
        ),
        (
            "李四",
            [
                (
                    "position",
                    {
                        "rank": "section_chief",
                        "unit": "教务处",
                        "post": "科长",
                        "start": "2026-01-10",
                        "probation_end": "2026-07-10",
                    },
                ),
                (
                    "discipline",
                    {
                        "kind": "admonition",
                        "decided_on": "2026-03-01",
                        "effect_until": "2026-08-31",
                    },
                ),
            ],
        ),
    ):
        person = registry.add_person(name, "组织部 王芳").person.id
        ids[name] = person
        base = [("work_start", {"date": "2005-07-01"}), ("education", {"level": "master"})]
        for kind, data in base + entries:
            registry.add_entry(person, kind, data, "组织部")
    engine.dispose()
    return ids | {"database": str(database)}


def govops(
    registry: dict[str, str], *args: str, user: str = "orgstaff"
) -> subprocess.CompletedProcess[str]:
    return run(Path(registry["database"]), "cadres", *args, "--as", user)


def lines(result: subprocess.CompletedProcess[str]) -> list[Any]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_alerts_as_json_lines_with_notes_on_stderr(registry: dict[str, str]) -> None:
    result = govops(registry, "alerts", "--as-of", "2026-06-30", "--lang", "en")
    found = lines(result)
    assert [(a["kind"], a["people"][0]["name"], a["end"]) for a in found] == [
        ("probation", "李四", "2026-07-10"),
        ("rotation", "张三", "2026-07-20"),
        ("bar", "李四", "2026-09-01"),
    ]
    assert found[1] == {
        "kind": "rotation",
        "people": [{"id": registry["张三"], "name": "张三"}],
        "article": "wuyi-cadre-regulation-2020 42(2)",
        "start": "2016-07-20",
        "end": "2026-07-20",
        "detail": "in post 教务处: 副处长 (教务处) since Jul 20, 2016: 10 years on "
        "Jul 20, 2026; rotation due",
    }
    assert "govops: note:" in result.stderr and "'other' of 王五" in result.stderr
    narrow = lines(govops(registry, "alerts", "--as-of", "2026-06-30", "--horizon-days", "5"))
    assert [a["kind"] for a in narrow] == ["bar"]


def test_alerts_speak_the_readers_language_and_keep_the_data(registry: dict[str, str]) -> None:
    said = {}
    for lang in ("zh-Hans", "vi"):
        result = govops(registry, "alerts", "--as-of", "2026-06-30", "--lang", lang)
        said[lang] = (lines(result), result.stderr)
    (zh, zh_notes), (vi, vi_notes) = said["zh-Hans"], said["vi"]
    assert [a["detail"] for a in zh] == [
        "教务处: 科长（教务处）试用期于2026年7月10日届满",
        "自2016年7月20日起任教务处: 副处长（教务处），至2026年7月20日满10年；应当交流",
        "处分（2026年3月1日）：处分影响期内不得提拔，至2026年8月31日止",
    ]
    assert vi[1]["detail"] == (
        "giữ chức 教务处: 副处长 (教务处) từ 20 thg 7, 2016: đủ 10 năm vào 20 thg 7, 2026; "
        "đến hạn luân chuyển"
    )
    # Only the words change: kinds, people, articles and dates are the same.
    assert [a | {"detail": ""} for a in zh] == [a | {"detail": ""} for a in vi]
    assert zh_notes.startswith("govops: 提示：干部 ") and "不属于第43条所列亲属关系" in zh_notes
    assert vi_notes.startswith("govops: lưu ý: cán bộ ") and "Điều 43" in vi_notes


def test_screen_as_json_lines(registry: dict[str, str]) -> None:
    found = {s["name"]: s for s in lines(govops(registry, "screen", "--as-of", "2026-06-30"))}
    assert found["张三"]["target_rank"] == "division_chief"
    assert found["李四"]["target_rank"] == "deputy_division"
    assert found["李四"]["verdict"] == "ineligible"
    discipline = next(r for r in found["李四"]["refusals"] if r["id"] == "discipline")
    assert discipline["cite"] == ["wuyi-cadre-regulation-2020 17(6)"]
    assert set(found["张三"]) >= {"person", "verdict", "refusals", "warnings"}


def test_a_bad_date_is_one_line_without_a_traceback(registry: dict[str, str]) -> None:
    for command in ("alerts", "screen"):
        result = govops(registry, command, "--as-of", "30.06.2026", "--lang", "en")
        assert result.returncode == 2
        assert result.stderr.startswith("govops: --as-of must be a date")
        chinese = govops(registry, command, "--as-of", "30.06.2026")  # the default
        assert chinese.stderr == "govops: --as-of 必须是 YYYY-MM-DD 格式的日期，收到 '30.06.2026'\n"
        assert "Traceback" not in result.stderr


def test_the_reports_are_for_those_who_screen_where_the_registry_is_kept(
    registry: dict[str, str],
) -> None:
    """The library's committee member holds no cadre.screen; one holding it elsewhere would
    see an empty report (the API's test_access shows it at Thanh Hóa)."""
    refused = govops(registry, "screen", "--as-of", "2026-06-30", "--lang", "en", user="viewer")
    assert refused.returncode == 4 and "cadre.screen" in refused.stderr
    nobody = govops(registry, "alerts", "--lang", "en", user="nobody")
    assert nobody.returncode == 2 and "no enabled user 'nobody'" in nobody.stderr
