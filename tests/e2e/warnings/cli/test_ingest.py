"""`govops warnings ingest` end to end: station and observation files in, the ingestion
report out (JSON, its reasons in the language asked for: --lang, else the shell's locale,
else GOVOPS_LANGUAGE, else Chinese), the normalised observations written on request, bad
files refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from tests.e2e.conftest import Run
from tests.paths import DATA as TEST_DATA

DATA = TEST_DATA / "weather"
STATIONS = str(DATA / "stations.csv")
MESSY = str(DATA / "messy_minutes.csv")


def test_the_report_accounts_for_every_row_and_the_frame_is_written(
    govops: Run, tmp_path: Path
) -> None:
    target = tmp_path / "normalised.parquet"
    done = govops(
        "warnings", "ingest", "--stations", STATIONS, "--observations", MESSY,
        "--output", str(target), "--lang", "zh-Hans",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["rows_read"], report["rows_kept"], report["accounted"]) == (18, 5, True)
    assert report["excluded"]["missing"] == {
        "rows": 4,
        "lines": [7, 8, 17, 18],
        "message": "缺测（空值，或 999999、999998 等不小于 999000 的缺测标记）",
    }
    assert report["notes"]["trace"]["lines"] == [6]
    frame = pl.read_parquet(target)
    assert frame.schema == {
        "station": pl.String(),
        "minute": pl.Datetime("ms", "Asia/Shanghai"),
        "rain": pl.Int32(),
    }
    assert frame["minute"][0] == datetime(2026, 7, 20, 0, 29, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert frame["rain"].sum() == 25 + 70 + 0 + 101 + 5_000


def test_english_messages_and_a_period_in_beijing_time(govops: Run) -> None:
    done = govops(
        "warnings", "ingest", "--stations", STATIONS, "--observations", MESSY, "--lang", "en",
        "--start", "2026-07-20 00:30", "--end", "2026-07-19T16:45:00+00:00",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["excluded"]["outside_period"]["lines"] == [3, 19]
    assert report["excluded"]["outside_period"]["message"] == "time outside the period asked for"
    assert report["rows_kept"] == 3


def test_gb18030_files_are_read_when_named(govops: Run, tmp_path: Path) -> None:
    stations = tmp_path / "stations.csv"
    stations.write_bytes((DATA / "stations.csv").read_text(encoding="utf-8").encode("gb18030"))
    observations = tmp_path / "minutes.parquet"
    pl.DataFrame(
        {"Station_Id_C": ["XC0101"], "Datetime": ["20260719163000"], "PRE_1h": ["999990"]}
    ).write_parquet(observations)
    args = ["warnings", "ingest", "--stations", str(stations), "--observations", str(observations)]
    refused = govops(*args, "--lang", "en")
    assert refused.returncode == 2
    assert "is not utf-8 text" in refused.stderr
    done = govops(*args, "--encoding", "gb18030")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["excluded"]["misaligned_time"]["rows"] == 1


@pytest.mark.parametrize(
    ("stations", "observations", "message"),
    [
        ("nowhere.csv", "messy.csv", "nowhere.csv: no such file"),
        ("stations.csv", "messy.txt", "messy.txt: INPUT must be .csv or .parquet"),
        ("stations.csv", "no_pre.csv", "no precipitation column: PRE (minute) or PRE_1h"),
        ("no_town.csv", "messy.csv", "station metadata has no column 'Town'"),
        ("twice.csv", "messy.csv", "twice.csv: station A appears on lines 2 and 3"),
    ],
    ids=["missing-file", "suffix", "no-precipitation", "no-town", "station-twice"],
)
def test_unreadable_input_stops_with_one_line(
    govops: Run, tmp_path: Path, stations: str, observations: str, message: str
) -> None:
    shutil.copy(DATA / "stations.csv", tmp_path / "stations.csv")
    shutil.copy(DATA / "messy_minutes.csv", tmp_path / "messy.csv")
    shutil.copy(DATA / "messy_minutes.csv", tmp_path / "messy.txt")
    (tmp_path / "no_pre.csv").write_text("Station_Id_C,Datetime,TEM\nXC0101,20260720000000,25\n")
    (tmp_path / "no_town.csv").write_text("Station_Id_C,Lat,Lon\nA,39.9,116.4\n")
    (tmp_path / "twice.csv").write_text("Station_Id_C,Lat,Lon,Town\nA,39.9,116.4,x\nA,39,116,y\n")
    done = govops(
        "warnings", "ingest", "--stations", str(tmp_path / stations),
        "--observations", str(tmp_path / observations), "--lang", "en",
        "--output", str(tmp_path / "out.parquet"),
    )  # fmt: skip
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""
    assert not (tmp_path / "out.parquet").exists()


def test_an_unknown_language_is_refused(govops: Run) -> None:
    done = govops(
        "warnings", "ingest", "--stations", STATIONS, "--observations", MESSY, "--lang", "fr"
    )  # fmt: skip
    assert done.returncode == 2
    assert "--lang" in done.stderr and "zh-Hans, zh-Hant, vi, en" in done.stderr


def _ingest_in(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The command run with the locale variables of `environment` only."""
    unset = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE")
    env = {k: v for k, v in os.environ.items() if k not in unset} | environment
    return subprocess.run(
        [sys.executable, "-m", "govops", "warnings", "ingest", "--stations", STATIONS, *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("environment", "args", "message"),
    [
        ({}, (), "缺测（空值，或 999999、999998 等不小于 999000 的缺测标记）"),
        ({"LANG": "vi_VN.UTF-8"}, (), "thiếu số liệu (trống, hoặc 999999, 999998 hay dấu"),
        ({"LANG": "C.UTF-8", "GOVOPS_LANGUAGE": "en"}, (), "missing (empty, or 999999"),
        ({"LANGUAGE": "zh_TW:en", "LANG": "en_US.UTF-8"}, (), "缺測（空值，或 999999"),
        ({"LANG": "vi_VN.UTF-8"}, ("--lang", "zh-Hant"), "缺測（空值，或 999999"),
    ],
    ids=["default-chinese", "shell-vietnamese", "organisation-english", "language-list", "asked"],
)
def test_the_language_is_asked_for_else_the_shells_else_the_organisations(
    environment: dict[str, str], args: tuple[str, ...], message: str
) -> None:
    done = _ingest_in(environment, "--observations", MESSY, *args)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["excluded"]["missing"]["message"].startswith(message)
    assert report["excluded"]["missing"]["rows"] == 4  # the data is the same in every language


def test_a_refusal_in_vietnamese(govops: Run, tmp_path: Path) -> None:
    (tmp_path / "no_town.csv").write_text("Station_Id_C,Lat,Lon\nA,39.9,116.4\n")
    done = govops(
        "warnings", "ingest", "--stations", str(tmp_path / "no_town.csv"),
        "--observations", MESSY, "--lang", "vi",
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"govops: {tmp_path / 'no_town.csv'}: thông tin trạm không có cột 'Town' "
        "(cần có: Station_Id_C, Lat, Lon, Town)"
    )
