"""`govops warnings compute` as a user runs it: station metadata and observations in the
national data service's field names (UTC), a levels table out, a one-line summary in the
language asked for (--lang: zh-Hans, zh-Hant, vi or en).

Until the command is registered on `govops warnings`, it runs on a one-command Typer app
of its own (same function, same options)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from govops.warnings.cli.ingest import app as warnings_app

REGISTERED = any(c.name == "compute" for c in warnings_app.registered_commands)
SHIM = (
    "import typer; from govops.warnings.cli.compute import compute_command; "
    "app = typer.Typer(pretty_exceptions_enable=False); app.callback()(lambda: None); "
    "app.command('compute')(compute_command); app()"
)
UTC_START = datetime(2026, 7, 20, 4, 0)  # 12:00 Beijing time


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = ["-m", "govops", "warnings"] if REGISTERED else ["-c", SHIM]
    return subprocess.run(
        [sys.executable, *command, "compute", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def stations_csv(folder: Path) -> Path:
    ids = [f"XC{street:02d}{n:02d}" for street in range(1, 16) for n in range(1, 5)]
    lines = ["Station_Id_C,Lat,Lon,Town"] + [f"{s},39.91,116.36,street" for s in ids]
    path = folder / "stations.csv"
    path.write_text("\n".join([*lines, "X9999,39.90,116.30,elsewhere"]) + "\n", encoding="utf-8")
    return path


def observations_csv(folder: Path, hourly: bool = False) -> Path:
    """XC0101 rains 1 mm a minute for 100 minutes (100 mm in 3 h: red), XC0201 0.3 mm
    (30 mm: nothing), X9999 (in no area) 5 mm; one reading is the missing sentinel."""
    field, step, count = ("PRE_1h", 60, 4) if hourly else ("PRE", 1, 120)
    rates = {"XC0101": "40" if hourly else "1.0", "XC0201": "0.3", "X9999": "5"}
    lines = [f"Station_Id_C,Datetime,{field}"]
    for station, amount in rates.items():
        for k in range(count):
            stamp = UTC_START + timedelta(minutes=step * (k + 1))
            value = amount if station == "XC0101" and k < (3 if hourly else 100) else "0"
            lines.append(f"{station},{stamp:%Y-%m-%d %H:%M:%S},{value}")
    lines.append(
        f"XC0201,{UTC_START + timedelta(minutes=step * (count + 1)):%Y-%m-%d %H:%M:%S},999999"
    )
    path = folder / f"{field}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_compute_writes_levels_per_area_and_minute(tmp_path: Path) -> None:
    output = tmp_path / "levels.parquet"
    done = run(
        "--stations", str(stations_csv(tmp_path)),
        "--observations", str(observations_csv(tmp_path)),
        "--output", str(output), "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = done.stdout.strip()
    assert "\n" not in summary
    assert (
        "16 areas x 120 minutes, Jul 20, 2026 12:01 to Jul 20, 2026 14:00 Beijing time" in summary
    )
    assert "method max; highest level: 110102 red warning, 110102001 red warning, " in summary
    assert "110102003 no warning, " in summary
    assert "1 of 361 rows excluded" in done.stderr
    table = pl.read_parquet(output)
    assert table.height == 16 * 120
    red = table.filter(pl.col("level") == "red")
    assert red["area"].unique().sort().to_list() == ["110102", "110102001"]
    first = red.sort("minute").row(0, named=True)
    assert (first["minute"].hour, first["minute"].minute) == (13, 40)  # the 100th minute
    assert (first["station"], first["clause"], first["rain_3h_max"]) == ("XC0101", "red-3h", 100.0)
    street = table.filter((pl.col("area") == "110102001") & (pl.col("minute") == first["minute"]))
    assert street.select("reporting", "stations", "rain_3h_mean").row(0) == (1, 4, 100.0)


def test_hourly_amounts_give_hourly_steps(tmp_path: Path) -> None:
    output = tmp_path / "levels.csv"
    done = run(
        "--stations", str(stations_csv(tmp_path)),
        "--observations", str(observations_csv(tmp_path, hourly=True)),
        "--output", str(output), "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "16 areas x 4 hours" in done.stdout
    table = pl.read_csv(output)
    street = table.filter(pl.col("area") == 110102001)
    # 3 h windows by the hour: 40, 80, 120, then 80 mm once the first hour has left.
    assert street["level"].to_list() == [None, "orange", "red", "orange"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"--output": "levels.txt"}, "--output must be .csv or .parquet"),
        ({"--lang": "fr"}, "zh-Hans, zh-Hant, vi, en"),  # said in the shell's language
        ({"--pack": "no-such-pack"}, "no pack 'no-such-pack'"),
        ({"--as-of": "2020-01-01"}, "in force from Jan 1, 2021"),
        ({"--as-of": "20 July"}, "--as-of must be a date"),
        ({"--observations": "stations.csv"}, "no column 'Datetime'"),
        ({"--stations": "missing.csv"}, "no such file"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    tmp_path: Path, change: dict[str, str], message: str
) -> None:
    options = {
        "--stations": str(stations_csv(tmp_path)),
        "--observations": str(observations_csv(tmp_path)),
        "--output": str(tmp_path / "levels.parquet"),
        "--lang": "en",
    }
    for option, value in change.items():
        options[option] = (
            value if option in ("--as-of", "--pack", "--lang") else str(tmp_path / value)
        )
    done = run(*(part for pair in options.items() for part in pair))
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "levels.parquet").exists()


@pytest.mark.parametrize(
    ("language", "summary", "note"),
    [
        (
            "zh-Hans",
            "16个区域 × 120分钟，北京时间2026年7月20日 12:01至2026年7月20日 14:00，判定方法 max；"
            "最高等级：110102 红色预警，110102001 红色预警，110102003 无预警，",
            "govops：提示：361行中排除1行（详见 `govops warnings ingest`）",
        ),
        (
            "vi",
            "16 khu vực × 120 phút, từ 20 thg 7, 2026 12:01 đến 20 thg 7, 2026 14:00 giờ Bắc "
            "Kinh, phương pháp max; cấp cao nhất: 110102 cảnh báo đỏ, 110102001 cảnh báo đỏ, "
            "110102003 không có cảnh báo, ",
            "govops: lưu ý: loại 1 trên 361 dòng (xem `govops warnings ingest`)",
        ),
    ],
)
def test_the_summary_and_the_notes_in_the_language_asked_for(
    tmp_path: Path, language: str, summary: str, note: str
) -> None:
    done = run(
        "--stations", str(stations_csv(tmp_path)),
        "--observations", str(observations_csv(tmp_path)),
        "--output", str(tmp_path / "levels.parquet"), "--lang", language,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert summary in done.stdout
    assert note in done.stderr
