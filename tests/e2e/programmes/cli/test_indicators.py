"""`govops indicators assess`: a plan's indicators for each unit from a sheet of yearly
figures, in Chinese unless asked otherwise; every refused row named, nothing assessed from
a file with one; the mid-term and final evaluation written as DOCX."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from tests.e2e.conftest import Run

PACK = "cn-xicheng-em-14fyp"
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE")
FIGURES = """\
unit,indicator,year,value,source
110102,fire_death_rate,2021,0.30,区消防救援支队年报
110102,fire_death_rate,2022,0.42,区消防救援支队年报
110102,disaster_officers_trained,2021,250,区应急局培训台账
110102,disaster_officers_trained,2022,260,区应急局培训台账
110102,key_incidents_fall,2020,120,区应急指挥中心统计
110102,key_incidents_fall,2022,96,区应急指挥中心统计
110102001,fire_death_rate,2022,0.2,街道年报
"""


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in LOCALE:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    path = tmp_path / "figures.csv"
    path.write_text(FIGURES, encoding="utf-8")
    return path


def test_each_unit_stands_on_every_indicator_with_the_reason(govops: Run, figures: Path) -> None:
    done = govops("indicators", "assess", PACK, str(figures), "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "110102, as of the end of 2022:"
    assert (
        "  fire_death_rate: at risk: the average of 2 years is 0.36人/10万人: does not meet "
        "<0.35 [xicheng-em-14fyp 二(三)1 表1]"
    ) in lines
    assert any(
        line.startswith("  disaster_officers_trained: at risk: 510名 in 2021-2022")
        for line in lines
    )
    assert "110102001, as of the end of 2022:" in lines
    chinese = govops("indicators", "assess", PACK, str(figures), "--unit", "110102")
    assert "110102，截至2022年底：" in chinese.stdout
    assert "fire_death_rate：有风险：2年平均为0.36人/10万人：未达到<0.35" in chinese.stdout
    assert "110102001" not in chinese.stdout


def test_json_names_each_status_figure_and_section(govops: Run, figures: Path) -> None:
    done = govops("indicators", "assess", PACK, str(figures), "--json", "--year", "2021")
    unit = json.loads(done.stdout)[0]
    fall = next(i for i in unit["indicators"] if i["indicator"] == "key_incidents_fall")
    assert fall == {
        "indicator": "key_incidents_fall",
        "year": 2021,
        "target": "≧30%",
        "measure": "fall",
        "status": "no_figure",
        "figure": None,
        "reason": "缺少基准年2020年或其后的数值",
        "cite": "xicheng-em-14fyp 二(三)1 表1",
    }


def test_the_evaluation_report_opens_as_a_word_document(
    govops: Run, figures: Path, tmp_path: Path
) -> None:
    report = tmp_path / "evaluation.docx"
    done = govops("indicators", "assess", PACK, str(figures), "--report", str(report))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(report.read_bytes())).paragraphs)
    assert "中期评估 (2023)" in text and "终期评估 (2025)" in text
    assert "数值及其来源" in text


def test_every_refused_row_is_named_and_nothing_is_assessed(govops: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "unit,indicator,year,value,source\n110102,fire_rate,2021,0.3,年报\n"
        "110102,fire_death_rate,2030,0.3,\n",
        encoding="utf-8",
    )
    done = govops("indicators", "assess", PACK, str(bad), "--lang", "en")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "govops: line 2, column indicator: no indicator 'fire_rate' in the plan",
        "govops: line 3, column source: is required",
        "govops: line 3, column year: 2030 is outside 2021-2025",
        "govops: 2 rows refused: nothing assessed",
    ]
    missing = govops("indicators", "assess", PACK, str(tmp_path / "none.csv"), "--lang", "en")
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    no_plan = govops("indicators", "assess", "cn-cadre-selection", str(bad), "--lang", "en")
    assert "pack cn-cadre-selection has no indicators (indicators.yaml)" in no_plan.stderr
