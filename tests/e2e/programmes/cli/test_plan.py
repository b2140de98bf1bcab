"""`govops programme check-budget` and `govops programme progress`, run as a user would:
in Vietnamese (the plan's language) when nothing else is asked, in the language --lang,
the shell's locale or GOVOPS_LANGUAGE names otherwise."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govops.packs import pack_folder
from tests.e2e.conftest import Run
from tests.paths import REPOSITORY

PACK = "vn-thanhhoa-srb-2016"
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE")


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run with no locale and no organisation language: the default applies."""
    for variable in LOCALE:
        monkeypatch.delenv(variable, raising=False)


def test_check_budget_reproduces_the_appendix_in_vietnamese(govops: Run) -> None:
    done = govops("programme", "check-budget", PACK)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["adds_up"] is True
    assert report["grand_total"] == {
        "stated": 5444,
        "computed": 5444,
        "text": 5444,
        "in_words": "Năm tỷ, bốn trăm, bốn bốn triệu đồng chẵn",
        "display": "5.444 triệu đồng",
    }
    assert {y: t["computed"] for y, t in report["year_totals"].items()} == {
        "2016": 380,
        "2017": 1266,
        "2018": 1256,
        "2019": 1256,
        "2020": 1286,
    }
    assert report["summary"] == {"error": 0, "warning": 6, "notice": 9}
    first = report["findings"][0]
    assert first["message"].startswith("Phạm vi của kế hoạch là 300 xã")
    assert [p["article"] for p in first["places"]] == ["II.1 gạch 2", "PL 2.1"]
    assert [line["id"] for line in report["lines"]][:4] == ["1", "2", "2.1", "2.2"]


def test_check_budget_in_english(govops: Run) -> None:
    done = govops("programme", "check-budget", PACK, "--lang", "en")
    report = json.loads(done.stdout)
    assert report["grand_total"]["display"] == "VND 5,444 million"
    assert report["unit"] == "million dong"
    assert report["findings"][0]["message"] == (
        "The plan covers 300 xã (II.1 gạch 2) but row PL 2.1 costs 200 xã"
    )
    words = [f["message"] for f in report["findings"] if f["code"] == "words-irregular"]
    assert words[0] == "'bốn bốn' read as 44 (spoken form without 'mươi')"


def test_check_budget_in_chinese_keeps_the_data_and_the_plans_own_texts(govops: Run) -> None:
    done = govops("programme", "check-budget", PACK, "--lang", "zh-Hans")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    vietnamese = json.loads(govops("programme", "check-budget", PACK).stdout)
    assert report["grand_total"] == vietnamese["grand_total"] | {"display": "5,444百万越南盾"}
    assert (
        report["summary"] == vietnamese["summary"]
        and report["lines"][0]["years"] == (vietnamese["lines"][0]["years"])
    )
    assert report["title"] == vietnamese["title"]  # the pack has no Chinese: its own words
    first = report["findings"][0]
    assert first["message"] == "计划范围为 300 xã（II.1 gạch 2），但第 PL 2.1 行按 200 xã 计算经费"
    assert [f["code"] for f in report["findings"]] == [f["code"] for f in vietnamese["findings"]]
    unfunded = [f["message"] for f in report["findings"] if f["code"] == "unfunded-years"]
    assert unfunded[0] == (
        "第 III.2.2 a gạch 3 项（县级、社级）于2016-2020年实施（III.2.2 c），"
        "但附表（PL 2.2）2016年未安排经费"
    )
    traditional = json.loads(govops("programme", "check-budget", PACK, "--lang", "zh-Hant").stdout)
    assert traditional["findings"][0]["message"].startswith("計劃範圍為 300 xã")


def test_the_language_comes_from_the_locale_else_the_organisation(
    govops: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVOPS_LANGUAGE", "en")
    report = json.loads(govops("programme", "check-budget", PACK).stdout)
    assert report["grand_total"]["display"] == "VND 5,444 million"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the user's own locale comes first
    report = json.loads(govops("programme", "check-budget", PACK).stdout)
    assert report["grand_total"]["display"] == "5,444百万越南盾"
    report = json.loads(govops("programme", "check-budget", PACK, "--lang", "vi").stdout)
    assert report["grand_total"]["display"] == "5.444 triệu đồng"


def test_a_wrong_figure_makes_the_check_fail_with_exit_code_1(govops: Run, tmp_path: Path) -> None:
    folder = tmp_path / PACK
    shutil.copytree(pack_folder(PACK), folder)
    path = folder / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('2018: "1,256"', '2018: "1.265"'),
        encoding="utf-8",
    )
    done = govops("programme", "check-budget", str(folder))
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["adds_up"] is False
    assert [f["code"] for f in report["findings"] if f["severity"] == "error"] == [
        "year-total",
        "grand-total",
    ]


def test_bad_requests_are_refused_without_a_traceback(govops: Run) -> None:
    no_programme = govops("programme", "check-budget", "cn-county-mass-incident")
    assert no_programme.returncode == 2
    assert "không có kế hoạch chương trình" in no_programme.stderr
    bad_language = govops("programme", "check-budget", PACK, "--lang", "fr")
    assert bad_language.returncode == 2 and "--lang" in bad_language.stderr
    assert "zh-Hans, zh-Hant, vi, en" in bad_language.stderr
    chinese = govops("programme", "check-budget", "cn-county-mass-incident", "--lang", "zh-Hans")
    assert chinese.returncode == 2
    assert chinese.stderr == "govops: 包 cn-county-mass-incident 没有计划方案（programme.yaml）\n"
    assert "Traceback" not in no_programme.stderr + bad_language.stderr


def test_progress_sums_areas_and_warns_of_overspending(govops: Run, tmp_path: Path) -> None:
    records = tmp_path / "progress.csv"
    records.write_text(
        "line,area,year,planned,done,spent\n"
        '2.1,Huyện A,2017,100,90,"65,5"\n'
        "2.1,Huyện B,2017,100,100,70\n"
        "9,Tỉnh,2020,1,1,30\n",
        encoding="utf-8",
    )
    done = govops("programme", "progress", PACK, str(records))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows[0] == {
        "line": "2.1",
        "year": 2017,
        "budget": 130,
        "spent": 135.5,
        "spent_share": 1.0423,
        "planned": 200,
        "done": 190,
        "done_share": 0.95,
        "areas": ["Huyện A", "Huyện B"],
    }
    assert rows[1]["line"] == "9" and rows[1]["spent_share"] == 1
    assert rows[2]["finding"]["code"] == "overspent"
    assert rows[2]["finding"]["message"] == "Dòng PL 2.1, năm 2017: đã chi 135,5, dự toán 130"
    english = govops("programme", "progress", PACK, str(records), "--lang", "en").stdout
    assert [json.loads(line) for line in english.splitlines()][:2] == rows[:2]  # the same data
    assert json.loads(english.splitlines()[2])["finding"]["message"] == (
        "Row PL 2.1, 2017: spent 135.5 against a budget of 130"
    )
    chinese = govops("programme", "progress", PACK, str(records), "--lang", "zh-Hans").stdout
    assert json.loads(chinese.splitlines()[2])["finding"]["message"] == (
        "第 PL 2.1 行，2017年：已支出135.5，预算为130"
    )


def test_progress_refuses_bad_rows_naming_them(govops: Run, tmp_path: Path) -> None:
    records = tmp_path / "progress.csv"
    for body, vi, en, zh in (
        (
            "line,area,year,spent\n2.1,A,2017,abc\n",
            "dòng 2, cột spent: không đọc được 'abc' thành số: ký tự 'a' không phải chữ số",
            "row 2, column spent: cannot read 'abc' as a number: unexpected character 'a'",
            "第 2 行，spent 列：无法将 'abc' 读作数字：字符 'a' 不是数字",
        ),
        ("line,area,year,spent\n2.1,A,năm,1\n", "dòng 2: năm", "row 2: year", "第 2 行："),
        (
            "line,area,year,spent\n7.9,A,2017,1\n",
            "không có dòng '7.9'",
            "no line '7.9'",
            "经费预算中没有 '7.9' 行",
        ),
        (
            "line,area,spent\n2.1,A,1\n",
            "thiếu cột: year",
            "missing column(s): year",
            "缺少列：year",
        ),
    ):
        records.write_text(body, encoding="utf-8")
        done = govops("programme", "progress", PACK, str(records))
        assert done.returncode == 2 and vi in done.stderr, done.stderr
        done = govops("programme", "progress", PACK, str(records), "--lang", "en")
        assert done.returncode == 2 and en in done.stderr, done.stderr
        done = govops("programme", "progress", PACK, str(records), "--lang", "zh-Hans")
        assert done.returncode == 2 and zh in done.stderr, done.stderr


EXAMPLES = REPOSITORY / "examples" / "vn-thanhhoa-srb"


def test_the_readme_examples_give_what_the_readme_shows(govops: Run) -> None:
    births, areas = str(EXAMPLES / "births.csv"), str(EXAMPLES / "areas.csv")
    first = govops("srb", "compute", births).stdout.splitlines()[0]
    assert first == (
        '{"area": "38001", "year": 2016, "boys": 540, "girls": 450, "srb": 120.0, '
        '"ci_low": 105.69, "ci_high": 136.3}'
    )
    district = govops("srb", "compute", births, "--areas", areas, "--level", "district")
    assert district.stdout.splitlines()[0] == (
        '{"area": "380", "name": "Huyện A", "year": 2016, "boys": 752, "girls": 646, '
        '"areas_reporting": 2, "areas_listed": 2, "srb": 116.41, "ci_low": 104.65, '
        '"ci_high": 129.52}'
    )
    progress = govops("programme", "progress", PACK, str(EXAMPLES / "progress.csv"))
    assert '"spent_share": 1.0423' in progress.stdout.splitlines()[0]
    province = json.loads(govops("srb", "progress", str(EXAMPLES / "province-births.csv")).stdout)
    assert province["changes"][0]["births_needed"] == 2571819


def test_progress_reads_vietnamese_figures_by_default(govops: Run, tmp_path: Path) -> None:
    """1,125 is one and an eighth in a Vietnamese file, not eleven hundred."""
    records = tmp_path / "progress.csv"
    records.write_text('line,area,year,spent\n2.1,A,2017,"1,125"\n', encoding="utf-8")
    done = govops("programme", "progress", PACK, str(records))
    assert json.loads(done.stdout.splitlines()[0])["spent"] == 1.125
    done = govops("programme", "progress", PACK, str(records), "--numbers", "en")
    assert json.loads(done.stdout.splitlines()[0])["spent"] == 1125


def test_progress_refuses_double_reports_and_group_rows(govops: Run, tmp_path: Path) -> None:
    records = tmp_path / "progress.csv"
    records.write_text("line,area,year,spent\n2.1,A,2017,1\n2.1,A,2017,2\n", encoding="utf-8")
    done = govops("programme", "progress", PACK, str(records))
    assert done.returncode == 2 and "A báo cáo dòng '2.1' năm 2017 hai lần" in done.stderr
    records.write_text("line,area,year,spent\n2,A,2017,1\n", encoding="utf-8")
    done = govops("programme", "progress", PACK, str(records), "--lang", "en")
    assert done.returncode == 2 and "line '2' is a group row" in done.stderr
