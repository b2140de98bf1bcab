"""`govops batch` and `govops what-if` end to end: files in, decisions out, bad files refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from tests.e2e.conftest import Run

PACK = "cn-county-mass-incident"


def test_batch_writes_outcome_and_deciding_clause_per_record(govops: Run, tmp_path: Path) -> None:
    source = tmp_path / "incidents.csv"
    # the qualifiers of 4.1(1) (严重影响社会稳定) and 4.2(1) (影响较大的...) as the officer
    # asserted them
    source.write_text(
        "participants,deaths,armed_fight,seriously_affects_stability,major_impact_protest\n"
        "5000,0,false,true,false\n4999,0,false,true,true\n300,0,true,false,false\n"
        "10,0,false,false,false\n五千,0,false,true,false\n",
        encoding="utf-8",
    )
    target = tmp_path / "graded.parquet"
    done = govops("batch", PACK, "grade", str(source), str(target), "--as-of", "2026-06-01")
    assert done.returncode == 0, done.stderr
    graded = pl.read_parquet(target)
    assert graded["outcome"].cast(pl.String).to_list() == ["I", "II", "II", None, "I"]
    assert graded["clause"].cast(pl.String).to_list() == ["I-1", "II-1", "II-4", None, "I-1"]
    summary = json.loads(done.stdout)
    assert summary["outcomes"] == {"I": 2, "II": 2}
    assert summary["undecided"] == 1


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        ("participants\n100\nmany\n", "column 'participants', row 2"),
        ("participant\n6000\n", "column 'participant' is no input; did you mean 'participants'?"),
        ("participants,traffic_stopped_hours\n100,1.5\nNaN,2\n", "column 'participants', row 2"),
        ("地点,日期\n某镇,2026-01-01\n", "no column is an input of the table"),
        (
            "participants,participants\n5000,10\n",
            "'participants' appears more than once in the header",
        ),
        ("participants\n10\n-5\n", "row 2: a figure cannot be negative"),
        ("participants\n4999.5\n", "row 1: 4999.5 is not a whole number"),
    ],
    ids=["unreadable", "misspelt", "nan", "no-input", "repeated", "negative", "fraction"],
)
def test_batch_refuses_a_bad_file_naming_what_to_fix(
    govops: Run, tmp_path: Path, csv: str, message: str
) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text(csv, encoding="utf-8")
    done = govops("batch", PACK, "grade", str(source), str(tmp_path / "out.csv"), "--lang", "en")
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.csv").exists()


def test_what_if_lists_records_whose_grade_changes(govops: Run, tmp_path: Path) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text(
        "participants,seriously_affects_stability,major_impact_protest\n"
        "4500,true,true\n5200,true,true\n7000,true,true\n",
        encoding="utf-8",
    )
    done = govops("what-if", PACK, "grade", str(source), "--set", "participants_level_I=6000")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows == [
        {
            "row": 2,
            "outcome_before": "I",
            "clause_before": "I-1",
            "outcome_after": "II",
            "clause_after": "II-1",
        }
    ]


def test_batch_reports_ignored_and_defaulted_columns_and_can_rerun_on_its_output(
    govops: Run, tmp_path: Path
) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text("place,participants\n某镇,约5000\n某村,5000\n", encoding="utf-8")
    first = tmp_path / "first.csv"
    done = govops("batch", PACK, "grade", str(source), str(first), "--as-of", "2026-06-01")
    summary = json.loads(done.stdout)
    assert summary["ignored_columns"] == ["place"]
    assert "deaths" in summary["defaulted_inputs"]
    assert summary["approximate"] == 1
    again = govops("batch", PACK, "grade", str(first), str(tmp_path / "second.csv"))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["replaced_columns"] == ["outcome", "clause", "approximate"]
    rows = pl.read_csv(tmp_path / "second.csv", infer_schema=False)
    assert rows["approximate"].to_list() == ["participants", None]


def test_batch_reads_late_irregular_figures_in_a_large_csv(govops: Run, tmp_path: Path) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text(
        "participants,seriously_affects_stability\n" + "10,false\n" * 12_000 + "约6000,true\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.parquet"
    done = govops("batch", PACK, "grade", str(source), str(target))
    assert done.returncode == 0, done.stderr
    assert pl.read_parquet(target)["outcome"].cast(pl.String).to_list()[-1] == "I"


def test_batch_checks_the_output_format_before_any_work(govops: Run, tmp_path: Path) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text("participants\n100\n", encoding="utf-8")
    done = govops("batch", PACK, "grade", str(source), str(tmp_path / "out.json"), "--lang", "en")
    assert done.returncode == 2
    assert f"{tmp_path / 'out.json'}: OUTPUT must be .csv or .parquet" in done.stderr
    chinese = govops("batch", PACK, "grade", str(source), str(tmp_path / "out.json"))
    assert chinese.stderr == f"govops: {tmp_path / 'out.json'}：OUTPUT 必须是 .csv 或 .parquet\n"


def test_what_if_on_a_collect_table_is_a_clear_error(govops: Run, tmp_path: Path) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text("causes\nland\n", encoding="utf-8")
    done = govops(
        "what-if", PACK, "route", str(source), "--set", "participants_level_I=6000", "--lang", "en"
    )
    assert done.returncode == 2
    assert "what-if compares the outcome of a first-hit table; 'route' collects" in done.stderr


def test_batch_reads_a_gbk_csv_when_told_and_writes_utf8_with_bom_for_excel(
    govops: Run, tmp_path: Path
) -> None:
    source = tmp_path / "incidents.csv"
    source.write_bytes("地点,participants,严重影响社会稳定\n某镇,五千,true\n".encode("gbk"))
    target = tmp_path / "out.csv"
    refused = govops("batch", PACK, "grade", str(source), str(target), "--lang", "en")
    assert refused.returncode == 2
    assert (
        "is not utf-8 text at byte 0 (a CSV saved by Excel on a Chinese PC: --encoding gb18030)"
        in refused.stderr
    )
    chinese = govops("batch", PACK, "grade", str(source), str(target))
    assert "在第0字节处不是 utf-8 文本（中文电脑上用 Excel 保存的 CSV：--encoding gb18030）" in (
        chinese.stderr
    )
    done = govops("batch", PACK, "grade", str(source), str(target), "--encoding", "gb18030")
    assert done.returncode == 0, done.stderr
    written = target.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert written.decode("utf-8-sig").splitlines()[1] == "某镇,五千,true,I,I-1,"


def test_decide_refuses_input_that_is_no_known_text_encoding() -> None:
    said = {}
    for lang in ("en", "vi"):
        done = subprocess.run(
            [sys.executable, "-m", "govops", "decide", PACK, "grade", "--lang", lang],
            input=b"\xff\xfe\x00",
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2
        said[lang] = done.stderr.decode("utf-8")
    assert "stdin is not utf-8 text at byte 0" in said["en"]
    assert "stdin không phải văn bản utf-8 tại byte 0" in said["vi"]


def test_batch_takes_columns_headed_with_the_inputs_chinese_labels(
    govops: Run, tmp_path: Path
) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text(
        "参与人数,死亡人数,严重影响社会稳定,严重危害社会稳定\n5000,0,true,false\n300,12,false,true\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.csv"
    done = govops("batch", PACK, "grade", str(source), str(target))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["renamed_columns"] == {
        "参与人数": "participants",
        "死亡人数": "deaths",
        "严重影响社会稳定": "seriously_affects_stability",
        "严重危害社会稳定": "seriously_harms_stability",
    }
    assert summary["outcomes"] == {"I": 2}
    assert (
        target.read_text(encoding="utf-8-sig").splitlines()[0]
        == "参与人数,死亡人数,严重影响社会稳定,严重危害社会稳定,outcome,clause,approximate"
    )


def test_what_if_takes_fractional_hours_and_refuses_negative_values(
    govops: Run, tmp_path: Path
) -> None:
    source = tmp_path / "incidents.csv"
    source.write_text(
        "traffic_stopped_hours,blocked_expressway\n7.6,true\n7.4,true\n", encoding="utf-8"
    )
    done = govops(
        "what-if", PACK, "grade", str(source), "--set", "traffic_stopped_hours_level_I=7.5"
    )
    assert [json.loads(line)["row"] for line in done.stdout.splitlines()] == [1]
    negative = govops(
        "what-if", PACK, "grade", str(source), "--set", "participants_level_I=-5", "--lang", "en"
    )
    assert negative.returncode == 2
    assert "cannot be negative" in negative.stderr
