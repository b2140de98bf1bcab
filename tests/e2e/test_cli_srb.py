"""`govops srb compute` and `govops srb rank` on small CSV files, each in a child process:
JSON Lines out, Vietnamese by default, English with --lang en, and bad input stopped with
exit status 2 and a one-line message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Run

AREAS = """code,name,level,parent
38,Thanh Hóa,province,
380,Huyện Một,district,38
381,Huyện Hai,district,38
38001,Xã A,commune,380
38002,Xã B,commune,380
38003,Xã C,commune,381
"""
BIRTHS = """area_code,year,boys,girls
38001,2016,120,100
38001,2017,118,100
38002,2016,30,20
38002,2017,3,0
38003,2016,500,450
38003,2017,510,460
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "areas.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "births.csv").write_text(BIRTHS, encoding="utf-8")
    return {"areas": str(tmp_path / "areas.csv"), "births": str(tmp_path / "births.csv")}


def lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def test_compute_gives_each_commune_year_with_its_exact_interval(
    govops: Run, files: dict[str, str]
) -> None:
    done = govops("srb", "compute", files["births"], "--areas", files["areas"])
    assert done.returncode == 0, done.stderr
    rows = lines(done.stdout)
    assert len(rows) == 6
    first = rows[0]
    assert first["area"] == "38001"
    assert first["name"] == "Xã A"
    assert (first["year"], first["boys"], first["girls"], first["srb"]) == (2016, 120, 100, 120.0)
    assert first["ci_low"] < 120 < first["ci_high"]
    assert first["ci_low"] == round(first["ci_low"], 2)  # two decimals by default
    no_girls = rows[3]
    assert (no_girls["srb"], no_girls["ci_high"], no_girls["reason"]) == (None, None, "no_girls")
    assert no_girls["message"].startswith("không có bé gái")


def test_compute_by_district_in_english_at_full_precision(
    govops: Run, files: dict[str, str]
) -> None:
    done = govops(
        "srb", "compute", files["births"], "--areas", files["areas"], "--level", "district",
        "--lang", "en", "--full",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    district = lines(done.stdout)[1]
    assert (district["area"], district["name"], district["year"]) == ("380", "Huyện Một", 2017)
    assert (district["boys"], district["girls"]) == (121, 100)
    assert district["srb"] == 121.0
    assert district["ci_low"] != round(district["ci_low"], 2)  # not rounded
    assert (district["areas_reporting"], district["areas_listed"]) == (2, 2)


def test_compute_pooled_over_two_years(govops: Run, files: dict[str, str]) -> None:
    done = govops("srb", "compute", files["births"], "--pool-years", "2")
    assert done.returncode == 0, done.stderr
    rows = lines(done.stdout)
    assert [(r["area"], r["from_year"], r["year"], r["boys"], r["girls"]) for r in rows] == [
        ("38001", 2016, 2017, 238, 200),
        ("38002", 2016, 2017, 33, 20),
        ("38003", 2016, 2017, 1010, 910),
    ]
    assert "name" not in rows[0]  # no --areas: no names


def test_rank_puts_communes_in_order_of_posterior_ratio(govops: Run, files: dict[str, str]) -> None:
    done = govops("srb", "rank", files["births"], "--areas", files["areas"], "--top", "2")
    assert done.returncode == 0, done.stderr
    rows = lines(done.stdout)
    assert [row["rank"] for row in rows] == [1, 2]
    assert {"area", "name", "district", "births", "srb", "srb_posterior", "post_low",
            "post_high", "district_srb", "kappa", "shrinkage"} <= set(rows[0])  # fmt: skip
    assert rows[0]["srb_posterior"] >= rows[1]["srb_posterior"]
    assert "ghi chú" in done.stderr


@pytest.mark.parametrize(
    ("row", "lang", "expected"),
    [
        ("38001,2018,12.5,10", "vi", "dòng 8: boys phải là số nguyên không âm, có '12.5'"),
        ("38001,2018,-1,10", "en", "line 8: boys is negative: -1"),
        ("38001,2016,1,1", "vi", "dòng 2 và 8: địa bàn '38001' năm 2016 có hai lần"),
        ("99999,2016,1,1", "en", "line 8: area code '99999' is not in the list of areas"),
    ],
)
def test_bad_rows_stop_with_one_line(
    govops: Run, files: dict[str, str], row: str, lang: str, expected: str
) -> None:
    Path(files["births"]).write_text(BIRTHS + row + "\n", encoding="utf-8")
    done = govops("srb", "compute", files["births"], "--areas", files["areas"], "--lang", lang)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"govops: {files['births']}: {expected}\n"


def test_a_missing_column_and_level_without_areas(govops: Run, files: dict[str, str]) -> None:
    Path(files["births"]).write_text("area_code,year,boys\n38001,2016,1\n", encoding="utf-8")
    done = govops("srb", "compute", files["births"])
    assert (done.returncode, done.stderr.strip()) == (
        2,
        f"govops: {files['births']}: dòng 1: thiếu cột 'girls'",
    )
    done = govops("srb", "compute", files["births"], "--level", "district", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.startswith("govops: --level needs --areas")
