"""Files for the watcher: which are new, how they are read and merged, what is late or
repeated or refused (nothing silently), and the minutes they make for the engine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from govops.warnings.model.weather.stream import minute_index
from govops.warnings.model.weather.stream_files import gather, minutes, new_files
from tests.unit.warnings.model.weather.stream_reference import PACK_LAYOUT, minute

STATIONS = PACK_LAYOUT.stations


def write(folder: Path, name: str, *rows: tuple[str, str, str]) -> Path:
    path = folder / name
    lines = "".join(f"{s},{t},{mm}\n" for s, t, mm in rows)
    path.write_text("Station_Id_C,Datetime,PRE\n" + lines, encoding="utf-8")
    return path


def test_new_files_are_csv_or_parquet_not_hidden_not_taken_by_name(tmp_path: Path) -> None:
    for name in ("b.csv", "a.PARQUET", ".c.csv", "d.txt", "e.csv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "f.csv").mkdir()
    assert [p.name for p in new_files(tmp_path, {"e.csv"})] == ["a.PARQUET", "b.csv"]


def test_files_found_together_are_merged_by_minute_the_larger_repeat_kept(tmp_path: Path) -> None:
    one = write(tmp_path, "one.csv", ("XC0101", "2026-07-20 00:02:00", "1.5"))
    two = write(
        tmp_path,
        "two.csv",
        ("XC0101", "2026-07-20 00:01:00", "0.25"),
        ("XC0101", "2026-07-20 00:02:00", "2"),
    )
    arrivals, frame = gather([one, two], STATIONS, None)
    assert [(a.status, a.rows_kept, a.repeated) for a in arrivals] == [
        ("taken", 1, 1),  # its 1.5 mm gave way to the other file's 2 mm
        ("taken", 2, 0),
    ]
    assert frame.select("station", "rain").rows() == [("XC0101", 25), ("XC0101", 200)]
    assert frame["minute"].to_list() == [minute(0), minute(1)]
    assert (arrivals[0].first, arrivals[0].last) == (None, None)  # nothing of it was taken
    assert (arrivals[1].first, arrivals[1].last) == (minute(0), minute(1))


def test_rows_of_minutes_already_taken_are_late_and_a_file_of_only_those_is_skipped(
    tmp_path: Path,
) -> None:
    old = write(tmp_path, "old.csv", ("XC0101", "2026-07-20 00:01:00", "1"))
    mixed = write(
        tmp_path,
        "mixed.csv",
        ("XC0101", "2026-07-20 00:01:00", "1"),
        ("XC0101", "2026-07-20 00:03:00", "1"),
    )
    last = minute_index(minute(0))  # 2026-07-20 08:01 Beijing = 00:01 UTC
    arrivals, frame = gather([old, mixed], STATIONS, last)
    assert [(a.status, a.late) for a in arrivals] == [("late", 1), ("taken", 1)]
    assert frame.height == 1


def test_unreadable_and_hourly_files_are_refused_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "columns.csv").write_text("Station_Id_C,PRE\nXC0101,1\n", encoding="utf-8")
    (tmp_path / "hourly.csv").write_text(
        "Station_Id_C,Datetime,PRE_1h\nXC0101,2026-07-20 00:00:00,1\n", encoding="utf-8"
    )
    (tmp_path / "gbk.csv").write_bytes("Station_Id_C,Datetime,PRE\n西城,x,1\n".encode("gb18030"))
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "twice.csv").write_text(
        "Station_Id_C,Datetime,PRE,PRE\nXC0101,2026-07-20 00:00:00,1,2\n", encoding="utf-8"
    )
    paths = sorted(tmp_path.iterdir())
    arrivals, frame = gather(paths, STATIONS, None)
    reasons = {a.name: (a.status, str(a.reason)) for a in arrivals}
    assert reasons["columns.csv"] == ("refused", "the observations have no column 'Datetime'")
    assert reasons["hourly.csv"][1].startswith("watching takes minute amounts (PRE)")
    assert reasons["gbk.csv"][1].startswith("not utf-8 text")
    assert reasons["broken.parquet"][1].startswith("cannot read")
    assert reasons["twice.csv"][1] == "column 'PRE' appears more than once in the header"
    assert frame.height == 0


def test_bad_rows_are_counted_by_the_ingestion_reason(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.csv",
        ("XC0101", "2026-07-20 00:01:00", "999999"),
        ("NOWHERE", "2026-07-20 00:01:00", "1"),
        ("XC0102", "2026-07-20 00:01:00", "1"),
    )
    (arrival,), _ = gather([path], STATIONS, None)
    assert (arrival.rows_read, arrival.rows_kept) == (3, 1)
    assert arrival.excluded == {"missing": 1, "unknown_station": 1}


def test_minutes_come_one_by_one_with_missing_stations_and_minutes_marked(
    tmp_path: Path,
) -> None:
    frame = pl.DataFrame(
        {
            "station": ["XC0102", "XC0101", "XC0101"],
            "minute": [minute(0), minute(0), minute(3)],
            "rain": [5, 7, 9],
        },
        schema={
            "station": pl.String,
            "minute": pl.Datetime("ms", "Asia/Shanghai"),
            "rain": pl.Int32,
        },
    )
    taken = [(at, row.copy()) for at, row in minutes(frame, PACK_LAYOUT)]
    assert [at for at, _ in taken] == [minute(k) for k in range(4)]
    assert taken[0][1][:3].tolist() == [7, 5, -1]
    assert (taken[1][1] == -1).all() and (taken[2][1] == -1).all()
    assert taken[3][1][:2].tolist() == [9, -1]
    assert list(minutes(frame.clear(), PACK_LAYOUT)) == []
    assert np.count_nonzero(taken[0][1] >= 0) == 2
