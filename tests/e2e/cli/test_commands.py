"""The pack, calendar and demo commands end to end."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run

PACK = "cn-county-mass-incident"


def test_pack_list_validate_show_and_test(govops: Run) -> None:
    listed = govops("pack", "list")
    lines = listed.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == [
        "cn-cadre-selection",
        "cn-county-mass-incident",
        "cn-xicheng-em-14fyp",
        "vn-thanhhoa-srb-2016",
    ]
    assert "cn-county-mass-incident\t1.0.0\tCN\t县处置大规模群体性事件应急预案" in lines
    validated = govops("pack", "validate", PACK)
    assert validated.returncode == 0
    assert "every value and clause cited" in validated.stdout
    shown = govops("pack", "show", PACK)
    assert "participants_level_I = 5000 人" in shown.stdout
    assert "以上: lower bound, inclusive [4 closing sentence]" in shown.stdout
    tested = govops("pack", "test", PACK)
    assert tested.returncode == 0
    assert tested.stdout.splitlines()[-1].endswith("passed, 0 failed")


def test_pack_validate_fails_on_a_broken_pack_folder(govops: Run, tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("id: [broken\n", encoding="utf-8")
    done = govops("pack", "validate", str(tmp_path))
    assert done.returncode == 1
    assert "pack.yaml:1" in done.stderr or "pack.yaml:2" in done.stderr


def test_pack_analyse_reports_the_plans_own_gap(govops: Run) -> None:
    done = govops("pack", "analyse", PACK, "--as-of", "2026-06-01")
    assert done.returncode == 0
    assert (
        "hole participants in [100, 200) matches no outcome, with important_site, radical_behaviour"
        in done.stdout
    )
    assert "overlap I-5 (I, 4.1(5)) and II-2 (II, 4.2(2))" in done.stdout


def test_calendar_check_knows_make_up_working_days(govops: Run) -> None:
    saturday = json.loads(govops("calendar", "check", "--jurisdiction", "CN", "2026-10-10").stdout)
    assert saturday["working_day"] is True
    assert saturday["provisional"] is False
    later = json.loads(govops("calendar", "check", "--jurisdiction", "CN", "2027-03-03").stdout)
    assert later["provisional"] is True


def test_calendar_adds_working_days_across_national_day(govops: Run) -> None:
    # 1–7 October are holidays; Saturday 10 October is a make-up working day.
    done = govops(
        "calendar",
        "add-working-days",
        "--jurisdiction",
        "CN",
        "--from",
        "2026-09-30",
        "--days",
        "5",
    )
    assert json.loads(done.stdout) == {
        "from": "2026-09-30",
        "days": 5,
        "date": "2026-10-13",
        "provisional": False,
    }


def test_calendar_refuses_an_unknown_jurisdiction(govops: Run) -> None:
    done = govops("calendar", "check", "--jurisdiction", "FR", "2026-01-01")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_demo_grades_the_sample_incidents_with_reasons(govops: Run) -> None:
    done = govops("demo")
    assert done.returncode == 0, done.stderr
    assert "✓ I-1 [4.1(1)]" in done.stdout
    assert "✗ not level I: participants 1200 < 5000 for level I, 4.1(1)" in done.stdout
    assert "县国土资源局" in done.stdout


def test_demo_speaks_english_when_asked_and_refuses_other_languages(govops: Run) -> None:
    english = govops("demo", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert "Grading of large-scale mass incidents: II" in english.stdout
    assert "county Party publicity department, county public security bureau" in english.stdout
    other = govops("demo", "--lang", "fr")
    assert other.returncode == 2


def test_pack_show_and_test_a_programme_pack(govops: Run) -> None:
    shown = govops("pack", "show", "vn-thanhhoa-srb-2016")
    assert "programme srb-control-2016-2020 (2016-2020): 9 activities, 17 budget rows" in (
        shown.stdout
    )
    tested = govops("pack", "test", "vn-thanhhoa-srb-2016")
    assert tested.returncode == 0, tested.stdout
    assert tested.stdout.splitlines()[-1] == "3 passed, 0 failed"
