"""`govops srb progress`: births against the Thanh Hóa plan's SRB trajectory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import Run

AREAS = """code,name,level,parent
38,Thanh Hóa,province,
380,Huyện A,district,38
38001,Xã A1,commune,380
38002,Xã A2,commune,380
"""


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs with no locale and no organisation language: the default applies."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)


def _files(tmp_path: Path, births: str) -> tuple[str, str]:
    (tmp_path / "areas.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "births.csv").write_text("area_code,year,boys,girls\n" + births, "utf-8")
    return str(tmp_path / "births.csv"), str(tmp_path / "areas.csv")


def test_a_province_sized_count_cannot_tell_a_04_point_change(govops: Run, tmp_path: Path) -> None:
    births, areas = _files(
        tmp_path,
        "38001,2016,13500,11600\n38002,2016,13500,11600\n"
        "38001,2017,13450,11750\n38002,2017,13450,11750\n",
    )
    done = govops("srb", "progress", births, "--areas", areas, "--area", "38")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["area"] == "38"
    assert report["target"]["yearly_decrease"] == 0.4
    assert [(y["year"], y["boys"], y["target"]) for y in report["years"]] == [
        (2016, 27000, 114.6),
        (2017, 26900, 114.2),
    ]
    [change] = report["changes"]
    assert change["status"] == "cannot_tell"
    assert change["births_needed"] > 2_000_000
    assert "Không đủ số sinh để phân biệt mức thay đổi 0,4 điểm" in change["statement"]
    assert (
        "cần khoảng 2,6 triệu ca sinh mỗi năm; dữ liệu có 50.200 ca năm 2016"
        in (change["statement"])
    )
    chinese = govops(
        "srb", "progress", births, "--areas", areas, "--area", "38", "--lang", "zh-Hans"
    )
    report_zh = json.loads(chinese.stdout)
    assert report_zh["changes"][0]["births_needed"] == change["births_needed"]
    assert report_zh["changes"][0]["statement"].startswith(
        "2016–2017：出生数太少，无法把 0.4 个百分点的变化与随机波动区分开"
    )
    assert report_zh["years"][0]["statement"].startswith("2016年：出生人口性别比 116.4")


def test_an_interval_wholly_above_the_ceiling_is_not_met_in_english(
    govops: Run, tmp_path: Path
) -> None:
    births, areas = _files(tmp_path, "38001,2020,600000,500000\n")
    done = govops("srb", "progress", births, "--areas", areas, "--area", "38001", "--lang", "en")
    assert done.returncode == 0, done.stderr
    [year] = json.loads(done.stdout)["years"]
    assert (year["target"], year["status"]) == (113, "not_met")  # 120, interval about ±0.5


def test_an_unknown_area_or_pack_without_target_is_refused(govops: Run, tmp_path: Path) -> None:
    births, areas = _files(tmp_path, "38001,2020,10,10\n")
    done = govops("srb", "progress", births, "--areas", areas, "--area", "99")
    assert done.returncode == 2 and "không có địa bàn '99'" in done.stderr
    done = govops("srb", "progress", births, "--pack", "cn-county-mass-incident", "--lang", "en")
    assert done.returncode == 2 and "sets no sex-ratio-at-birth target" in done.stderr


def test_a_district_says_each_year_how_many_of_its_communes_reported(
    govops: Run, tmp_path: Path
) -> None:
    births, areas = _files(tmp_path, "38001,2016,540,450\n38002,2016,212,196\n38001,2017,560,470\n")
    done = govops("srb", "progress", births, "--areas", areas, "--area", "380", "--lang", "en")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    first, second = report["years"]
    assert (first["areas_reporting"], first["areas_listed"], "warning" in first) == (2, 2, False)
    assert (second["areas_reporting"], second["areas_listed"]) == (1, 2)
    assert second["warning"] == (
        "only 1 of 2 communes reported in 2017; the figures sum only the communes that reported"
    )
    [change] = report["changes"]
    assert change["warning"] == (
        "2016–2017: not every commune reported in both years (2 of 2 in 2016, 1 of 2 in 2017); "
        "the change may reflect the missing figures"
    )
