"""`govops srb compute` and `govops srb rank` on small CSV files, each in a child process:
JSON Lines out, Vietnamese by default, another language with --lang (zh-Hans, zh-Hant, en),
and bad input stopped with exit status 2 and a one-line message."""

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


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run with no locale and no organisation language: the default applies."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "areas.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "births.csv").write_text(BIRTHS, encoding="utf-8")
    return {"areas": str(tmp_path / "areas.csv"), "births": str(tmp_path / "births.csv")}


def strict(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def lines(output: str) -> list[dict[str, Any]]:
    """The JSON Lines, refusing Infinity and NaN (which json.loads would take)."""
    return [json.loads(line, parse_constant=strict) for line in output.splitlines()]


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
    assert {"area", "name", "district", "births", "srb", "ci_low", "ci_high", "srb_posterior",
            "district_srb", "pooled_srb", "spread", "districts_differ"} <= set(rows[0])  # fmt: skip
    assert rows[0]["srb_posterior"] >= rows[1]["srb_posterior"]
    assert "ghi chú" in done.stderr


@pytest.mark.parametrize(
    ("row", "lang", "expected"),
    [
        ("38001,2018,12.5,10", "vi", "dòng 8: boys phải là số nguyên không âm, có '12.5'"),
        ("38001,2018,-1,10", "en", "line 8: boys is negative: -1"),
        ("38001,2016,1,1", "vi", "dòng 2 và 8: địa bàn '38001' năm 2016 có hai lần"),
        ("38001,2016,1,1", "zh-Hans", "第 2 行和第 8 行：地区 '38001' 的 2016 年数据出现了两次"),
        ("38001,2018,-1,10", "zh-Hant", "第 8 行：boys 為負數：-1"),
        ("99999,2016,1,1", "en", "line 8: area code '99999' is not in the list of areas"),
        (
            "38001,99999999999,1,1",
            "en",
            "line 8: year must be a 4-digit year from 1900 to 2100, got '99999999999'",
        ),
        (
            "38001,2018,9223372036854775807,1",
            "en",
            "line 8: boys is too large: 9223372036854775807 (no row can hold more than 10^12 "
            "births)",
        ),
        (
            "38001,2018,100000000000000000,100000000000000000",
            "vi",
            "dòng 8: boys quá lớn: 100000000000000000 (một dòng không thể quá 10^12 ca sinh)",
        ),
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


def test_a_district_window_missing_a_commune_year_says_so(
    govops: Run, files: dict[str, str]
) -> None:
    Path(files["births"]).write_text(BIRTHS.replace("38002,2017,3,0\n", ""), encoding="utf-8")
    done = govops(
        "srb", "compute", files["births"], "--areas", files["areas"], "--level", "district",
        "--pool-years", "2", "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    first, second = lines(done.stdout)
    assert (first["area"], first["boys"], first["girls"]) == ("380", 268, 220)
    assert (first["areas_reporting"], first["areas_listed"], first["area_years_missing"]) == (
        1,
        2,
        1,
    )
    assert first["warning"] == (
        "the window 2016–2017 is incomplete: 1 of its 4 commune-years has no data (in some "
        "year only 1 of 2 communes reported); the figures sum only the communes that reported"
    )
    assert second["area_years_missing"] == 0 and "warning" not in second
    yearly = lines(
        govops(
            "srb", "compute", files["births"], "--areas", files["areas"], "--level", "district",
        ).stdout
    )  # fmt: skip
    assert yearly[1]["warning"] == (
        "chỉ 1/2 xã có số liệu năm 2017; số liệu chỉ cộng các xã đã báo cáo"
    )


def test_no_rows_or_no_window_print_nothing_and_say_why(govops: Run, files: dict[str, str]) -> None:
    header = Path(files["births"]).with_name("header.csv")
    header.write_text("area_code,year,boys,girls\n", encoding="utf-8")
    for extra in ([], ["--areas", files["areas"], "--level", "district"]):
        done = govops("srb", "compute", str(header), "--pool-years", "2", "--lang", "en", *extra)
        assert (done.returncode, done.stdout) == (0, ""), done.stderr
        assert done.stderr == "govops: note: the file has no rows of counts\n"
    done = govops("srb", "compute", files["births"], "--pool-years", "5", "--lang", "en")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "govops: note: no window of 5 years fits the data's years (2016–2017)\n"
    done = govops("srb", "rank", str(header), "--areas", files["areas"], "--lang", "en")
    assert (done.returncode, done.stdout) == (0, "")
    assert "nothing to rank" in done.stderr and "differ no more than chance" not in done.stderr


def test_rank_never_prints_infinity_and_says_why_a_figure_is_null(
    govops: Run, files: dict[str, str]
) -> None:
    # Huyện Một has boys but no girls; in the first file no commune has girls.
    births = Path(files["births"])
    births.write_text("area_code,year,boys,girls\n38001,2016,5,0\n38003,2016,4,0\n", "utf-8")
    done = govops("srb", "rank", str(births), "--areas", files["areas"], "--lang", "en")
    assert done.returncode == 0, done.stderr
    rows = {row["area"]: row for row in lines(done.stdout)}
    assert rows["38003"]["reasons"] == ["no_girls", "district_no_girls", "nowhere_girls"]
    assert rows["38003"]["message"].endswith("no commune has girls: no expected ratio")
    assert (rows["38003"]["srb_posterior"], rows["38003"]["pooled_srb"]) == (None, None)
    births.write_text(
        "area_code,year,boys,girls\n38001,2016,5,0\n38002,2016,4,0\n38003,2016,30,20\n",
        encoding="utf-8",
    )
    done = govops("srb", "rank", str(births), "--areas", files["areas"], "--lang", "en")
    assert done.returncode == 0, done.stderr
    rows = {row["area"]: row for row in lines(done.stdout)}
    a = rows["38001"]
    assert (a["district_srb"], a["srb"], a["ci_high"]) == (None, None, None)
    assert a["srb_posterior"] is not None and a["ci_low"] is not None
    assert a["reasons"] == ["no_girls", "district_no_girls"]
    assert "the district has no girls: its ratio is infinite" in a["message"]
    assert rows["38003"]["district_srb"] == 150.0


def test_messages_and_notes_in_chinese(govops: Run, files: dict[str, str]) -> None:
    done = govops("srb", "compute", files["births"], "--areas", files["areas"], "--lang", "zh-Hans")
    assert done.returncode == 0, done.stderr
    no_girls = lines(done.stdout)[3]
    assert (no_girls["reason"], no_girls["message"]) == (
        "no_girls",
        "没有女婴：比值及其上限为无穷大",
    )
    rank = govops("srb", "rank", files["births"], "--areas", files["areas"], "--lang", "zh-Hans")
    assert rank.returncode == 0, rank.stderr
    assert rank.stderr.startswith("govops: 提示：")
    assert "各社之间的差异不超过偶然所能解释的程度" in rank.stderr
    Path(files["births"]).write_text("area_code,year,boys\n38001,2016,1\n", encoding="utf-8")
    done = govops("srb", "compute", files["births"], "--lang", "zh-Hans")
    assert done.stderr == f"govops: {files['births']}: 第 1 行：缺少 'girls' 列\n"
    done = govops("srb", "compute", files["births"], "--level", "district", "--lang", "zh-Hans")
    assert done.stderr.startswith("govops: --level 需要 --areas（地区列表）")


def test_rank_finds_the_high_communes_and_says_how_much_communes_spread(
    govops: Run, tmp_path: Path
) -> None:
    areas = ["code,name,level,parent", "38,Thanh Hóa,province,"]
    areas += [f"38{d},Huyện {d},district,38" for d in range(4)]
    areas += [f"38{d}{c:02},Xã {d}-{c},commune,38{d}" for d in range(4) for c in range(10)]
    births = ["area_code,year,boys,girls"]
    for d in range(4):
        for c in range(10):
            high = c == 0  # one commune in each district at SRB 140, the others at 106
            births.append(f"38{d}{c:02},2016,{1750 if high else 1545},{1250 if high else 1455}")
    (tmp_path / "areas.csv").write_text("\n".join(areas) + "\n", encoding="utf-8")
    (tmp_path / "births.csv").write_text("\n".join(births) + "\n", encoding="utf-8")
    done = govops(
        "srb", "rank", str(tmp_path / "births.csv"), "--areas", str(tmp_path / "areas.csv"),
        "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = lines(done.stdout)
    assert {row["area"] for row in rows[:4]} == {"38000", "38100", "38200", "38300"}
    assert rows[0]["srb_posterior"] == pytest.approx(140, abs=1)
    assert rows[4]["srb_posterior"] == pytest.approx(106.2, abs=1)
    assert rows[0]["districts_differ"] is False and 5 < rows[0]["spread"] < 20
    assert "the communes' true ratios spread by about" in done.stderr
