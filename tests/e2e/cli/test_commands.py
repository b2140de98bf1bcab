"""The pack, calendar and demo commands end to end, in the reader's language (--lang;
Chinese, the packs' own, by default)."""

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
        "cn-community-organizations",
        "cn-county-mass-incident",
        "cn-xicheng-em-14fyp",
        "vn-thanhhoa-srb-2016",
    ]
    assert "cn-county-mass-incident\t1.2.0\tCN\t县处置大规模群体性事件应急预案" in lines
    validated = govops("pack", "validate", PACK, "--lang", "en")
    assert validated.returncode == 0
    assert validated.stdout == (
        f"ok: {PACK} 1.2.0: 2 tables, 66 clauses, 14 parameters, every value and clause cited\n"
    )
    assert govops("pack", "validate", PACK).stdout == (
        f"通过：{PACK} 1.2.0：2张规则表，66个条款，14个参数，每个数值和条款均已注明出处\n"
    )
    shown = govops("pack", "show", PACK, "--lang", "en")
    assert "participants_level_I = 5,000 people (… – …) [4.1(1)]" in shown.stdout
    assert "以上: lower bound, inclusive [4 closing sentence]" in shown.stdout
    chinese = govops("pack", "show", PACK).stdout
    assert "participants_level_I = 5,000人 (… – …) [4.1(1)]" in chinese
    assert "以上：下限，含本数 [4 closing sentence]" in chinese
    vietnamese = govops("pack", "show", PACK, "--lang", "vi").stdout
    assert "participants_level_I = 5.000 người (… – …) [4.1(1)]" in vietnamese
    assert "以上: giới hạn dưới, bao gồm số này [4 closing sentence]" in vietnamese
    tested = govops("pack", "test", PACK, "--lang", "en")
    assert tested.returncode == 0
    assert tested.stdout.splitlines()[-1].endswith("passed, 0 failed")
    assert tested.stdout.startswith("ok ")
    in_vietnamese = govops("pack", "test", PACK, "--lang", "vi").stdout.splitlines()
    assert in_vietnamese[0].startswith("đạt ") and in_vietnamese[-1].endswith("0 không đạt")


def test_pack_validate_fails_on_a_broken_pack_folder(govops: Run, tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("id: [broken\n", encoding="utf-8")
    done = govops("pack", "validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 1
    assert "pack.yaml:1" in done.stderr or "pack.yaml:2" in done.stderr
    assert done.stderr.startswith("govops: 1 problem in pack:\n")
    assert "not valid YAML" in done.stderr
    chinese = govops("pack", "validate", str(tmp_path))
    assert chinese.stderr.startswith("govops: 规则包中有1个问题：\n")
    assert "不是有效的 YAML" in chinese.stderr


def test_pack_analyse_reports_the_plans_own_gap(govops: Run) -> None:
    done = govops("pack", "analyse", PACK, "--as-of", "2026-06-01", "--lang", "en")
    assert done.returncode == 0
    # 4.3(2) stops at 100 radical people at an important site, 4.3(1) starts at 200
    assert "hole participants in [100, 200) matches no outcome, with " in done.stdout
    # and the qualifiers differ by level: 1,000 to 4,999 people said to (seriously) affect
    # social stability, with no protest of major impact asserted (4.2(1)), match no level
    assert (
        "hole participants in [1000, 5000) matches no outcome, with affects_stability, "
        "seriously_affects_stability"
    ) in done.stdout
    assert "overlap I-5 (I, 4.1(5)) and II-2 (II, 4.2(2))" in done.stdout
    chinese = govops("pack", "analyse", PACK, "--as-of", "2026-06-01").stdout
    assert "空档：participants 在 [100, 200) 内无对应结果，条件为 " in chinese
    assert "重叠：I-5（I，4.1(5)）与 II-2（II，4.2(2)）" in chinese


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
    assert done.stderr == "govops: 没有辖区 'FR' 的工作日历；支持：CN, VN\n"
    english = govops("calendar", "check", "--jurisdiction", "FR", "2026-01-01", "--lang", "en")
    assert english.stderr == (
        "govops: no working-day calendar for jurisdiction 'FR'; supported: CN, VN\n"
    )


def test_calendar_speaks_vietnamese_for_vietnam_by_default(govops: Run) -> None:
    done = govops(
        "calendar",
        "add-working-days",
        "--jurisdiction",
        "VN",
        "--from",
        "2026-01-05",
        "--days",
        "-1",
    )
    assert done.returncode == 2
    assert done.stderr == (
        "govops: số ngày phải bằng 0 hoặc dương, nhận được -1; chỉ tính về sau\n"
    )
    bad_day = govops("calendar", "check", "--jurisdiction", "CN", "1 May", "--lang", "vi")
    assert bad_day.stderr == "govops: DATE phải là ngày theo dạng YYYY-MM-DD, nhận được '1 May'\n"


def test_demo_grades_the_sample_incidents_with_reasons(govops: Run) -> None:
    done = govops("demo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("县处置大规模群体性事件应急预案——2026年6月1日施行的规则\n")
    assert "✓ I-1 [4.1(1)]" in done.stdout
    assert (
        "✗ 未达特别重大群体性事件 (I级)：participants 300 < 500（特别重大群体性事件 (I级)，"
        "4.1(7)）" in done.stdout
    )
    assert "县国土资源局" in done.stdout
    assert "☐ 27项处置措施（6.1.1、6.1.2、6.1.3、6.1.4、6.1.5）" in done.stdout


def test_demo_in_vietnamese_says_its_own_words_and_quotes_the_document(govops: Run) -> None:
    done = govops("demo", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "县处置大规模群体性事件应急预案 — quy tắc có hiệu lực ngày 1 thg 6, 2026"
    assert "    ~ số ước lượng: participants (约5000人)" in lines
    assert "    ☐ 27 biện pháp xử lý (6.1.1, 6.1.2, 6.1.3, 6.1.4, 6.1.5)" in lines
    assert "    ⏱ 县政府上报省政府: 1 giờ [6.1.3(1)]" in lines
    assert any(
        line.startswith("    ✗ không phải 特别重大群体性事件 (I级): participants 300 < 500 để đạt")
        for line in lines
    )
    # Only the pack's texts (written in Chinese alone) are Chinese: every word of govops is not.
    words = [line for line in lines if line.startswith(("    ~", "    ☐", "    ✗"))]
    assert words and not any("项" in line or "约数" in line or "未达" in line for line in words)


def test_demo_speaks_english_when_asked_and_refuses_other_languages(govops: Run) -> None:
    english = govops("demo", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert "Grading of large-scale mass incidents: II" in english.stdout
    assert "county Party publicity department, county public security bureau" in english.stdout
    assert "✗ not level I: participants 300 < 500 for level I, 4.1(7)" in english.stdout
    assert "☐ 3 response actions (6.2)" in english.stdout
    other = govops("demo", "--lang", "fr")
    assert other.returncode == 2
    assert other.stderr.startswith("govops: --lang 必须是 zh-Hans, zh-Hant, vi, en 之一")


def test_pack_show_and_test_a_programme_pack(govops: Run) -> None:
    shown = govops("pack", "show", "vn-thanhhoa-srb-2016", "--lang", "en")
    assert "programme srb-control-2016-2020 (2016-2020): 9 activities, 17 budget rows" in (
        shown.stdout
    )
    vietnamese = govops("pack", "show", "vn-thanhhoa-srb-2016", "--lang", "vi").stdout
    assert "chương trình srb-control-2016-2020 (2016-2020): 9 hoạt động, 17 dòng dự toán" in (
        vietnamese
    )
    tested = govops("pack", "test", "vn-thanhhoa-srb-2016", "--lang", "en")
    assert tested.returncode == 0, tested.stdout
    assert tested.stdout.splitlines()[-1] == "3 passed, 0 failed"


def test_pack_show_lists_a_procedures_steps_in_order_in_the_readers_language(
    govops: Run,
) -> None:
    shown = govops("pack", "show", "cn-community-organizations", "--lang", "en").stdout
    assert "procedure election: The steps of an election [42]" in shown
    assert "    election_committee: Electing the election committee" in shown
    assert "(opens the procedure) [42]" in shown
    assert "(right after one of committee, reelection) [42]" in shown
    traditional = govops("pack", "show", "cn-community-organizations", "--lang", "zh-Hant")
    assert "程序 election：選舉工作步驟 [42]" in traditional.stdout
    assert "voter_registration: 選民登記 (緊接 election_committee 之後) [42]" in traditional.stdout


def test_pack_show_and_test_a_plans_indicators(govops: Run) -> None:
    shown = govops("pack", "show", "cn-xicheng-em-14fyp", "--lang", "en").stdout
    assert "  indicators (2021-2025):" in shown
    assert (
        "    fire_death_rate: Yearly average fire deaths per 100,000 residents: target <0.35, "
        "the yearly average [二(三)1 表1]"
    ) in shown
    assert "    seismic_resistance: Able to withstand an earthquake of intensity VIII" in shown
    chinese = govops("pack", "show", "cn-xicheng-em-14fyp").stdout
    assert "disaster_officers_trained: 完成实际培训与演练的灾害信息员：目标 1400名（理解），" in (
        chinese
    )
    tested = govops("pack", "test", "cn-xicheng-em-14fyp", "--lang", "en")
    assert tested.returncode == 0, tested.stdout
    assert "ok targets.yaml [fire_death_rate] average at the bound: missed" in tested.stdout
    assert "ok targets.yaml [fire_death_rate] average just inside the bound: met" in tested.stdout
    lines = tested.stdout.splitlines()
    assert sum("[fire_death_rate]" in line for line in lines) == 5
