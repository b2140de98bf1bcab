"""`govops warnings watch DIR` end to end, in a child process: files taken in the order of
their minutes, levels and warning events as JSON Lines, events recorded in the database, a
bad file and a late file reported without stopping the watch, a restart resuming from the
saved state, Ctrl+C ending with a summary and exit status 0; what it says in the language
asked for (--lang), else the shell's, else Chinese.

Until the command is registered under `govops warnings`, it runs in a one-command Typer app
of its own (the same function, the same options)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from govops.bootstrap import build_warnings
from govops.warnings.model.warning import EventKind

STREET = "110102003"  # 新街口街道: XC0201 .. XC0204
DISTRICT = "110102"
LOCAL_APP = (
    "import typer; from govops.warnings.cli.watch import watch_command; "
    "app = typer.Typer(add_completion=False, pretty_exceptions_enable=False); "
    "app.command()(watch_command); app()"
)


def _command() -> list[str]:
    import govops.cli.app  # noqa: F401, PLC0415 (registers the commands)
    from govops.warnings.cli import ingest as warnings  # noqa: PLC0415

    if any(c.name == "watch" for c in warnings.app.registered_commands):
        return [sys.executable, "-m", "govops", "warnings", "watch"]
    return [sys.executable, "-c", LOCAL_APP]


def observations(*rows: tuple[str, str, str]) -> str:
    """Rows (station, UTC time, mm) in the national service's fields."""
    return "Station_Id_C,Datetime,PRE\n" + "".join(f"{s},{t},{mm}\n" for s, t, mm in rows)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    drop = tmp_path / "drop"
    drop.mkdir()
    return drop


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The database in the test's folder, and no locale: the watch speaks Chinese."""
    unset = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE")
    kept = {k: v for k, v in os.environ.items() if k not in unset}
    return {**kept, "GOVOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'govops.db'}"}


def watch(env: dict[str, str], *args: str) -> tuple[list[dict[str, Any]], str, int]:
    done = subprocess.run(
        [*_command(), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    return [json.loads(line) for line in done.stdout.splitlines()], done.stderr, done.returncode


def of(lines: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [line for line in lines if line["type"] == kind]


def test_files_are_taken_in_the_order_of_their_minutes_and_warnings_recorded(
    folder: Path, env: dict[str, str], tmp_path: Path
) -> None:
    # Named against their minutes: z_early holds the earlier minutes and goes first.
    (folder / "a_later.csv").write_text(
        observations(
            ("XC0202", "2026-07-20 06:03:00", "50"), ("XC0201", "2026-07-20 06:03:00", "0")
        ),
        encoding="utf-8",
    )
    (folder / "z_early.csv").write_text(
        observations(
            ("XC0202", "2026-07-20 06:01:00", "25"), ("XC0202", "2026-07-20 06:02:00", "25")
        ),
        encoding="utf-8",
    )
    (folder / "broken.csv").write_text("Station_Id_C,PRE\nXC0201,1\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not an observation file", encoding="utf-8")
    lines, stderr, code = watch(env, str(folder), "--once", "--lang", "en")
    assert code == 0, stderr
    files = {line["file"]: line for line in of(lines, "file")}
    assert set(files) == {"a_later.csv", "z_early.csv", "broken.csv"}
    assert files["broken.csv"]["status"] == "refused"
    assert "no column 'Datetime'" in files["broken.csv"]["message"]
    assert "broken.csv: the observations have no column 'Datetime'" in stderr
    assert files["z_early.csv"]["first"] == "2026-07-20T14:01:00+08:00"
    levels = [(x["at"][11:16], x["area"], x["level"]) for x in of(lines, "level")]
    assert levels == [
        ("14:02", DISTRICT, "orange"),
        ("14:02", STREET, "orange"),
        ("14:03", DISTRICT, "red"),
        ("14:03", STREET, "red"),
    ]
    events = of(lines, "event")
    assert [(e["kind"], e["area"], e["level"]) for e in events][-1] == ("upgrade", STREET, "red")
    assert events[0]["deciding"] == ["XC0202"]
    assert events[0]["cite"] == "cma-warning-signals-2007 附件 暴雨橙色预警信号"
    summary = of(lines, "summary")[0]
    assert summary["files"] == {"taken": 2, "late": 0, "refused": 1}
    assert (summary["events"], summary["recorded"], summary["minutes"]) == (4, 4, 3)
    service = build_warnings(create_engine(env["GOVOPS_DATABASE_URL"]))
    recorded = service.history(STREET)
    assert [e.kind for e in recorded] == [EventKind.ISSUE, EventKind.UPGRADE]
    assert recorded[1].step.maximum["rain_3h"] == 100


def test_a_restart_resumes_from_the_state_and_reports_a_late_file(
    folder: Path, env: dict[str, str], tmp_path: Path
) -> None:
    state = str(tmp_path / "state.npz")
    first = observations(*((f"XC020{k}", "2026-07-20 06:01:00", "30") for k in range(1, 5)))
    (folder / "one.csv").write_text(first, encoding="utf-8")
    lines, stderr, code = watch(env, str(folder), "--once", "--state", state, "--no-record")
    assert code == 0, stderr
    assert of(lines, "summary")[0]["recorded"] is None
    (folder / "old.csv").write_text(
        observations(("XC0201", "2026-07-20 06:01:00", "8")), encoding="utf-8"
    )
    (folder / "two.csv").write_text(
        observations(*((f"XC020{k}", "2026-07-20 06:02:00", "20") for k in range(1, 5))),
        encoding="utf-8",
    )
    lines, stderr, code = watch(env, str(folder), "--once", "--state", state, "--no-record")
    assert code == 0, stderr
    files = {line["file"]: line for line in of(lines, "file")}
    assert set(files) == {"old.csv", "two.csv"}  # one.csv was taken before the restart
    assert (files["old.csv"]["status"], files["old.csv"]["late"]) == ("late", 1)
    assert "old.csv：所有分钟都不晚于已处理的最后一分钟（2026年7月20日 14:01），跳过" in stderr
    assert files["old.csv"]["message"] == (
        "所有分钟都不晚于已处理的最后一分钟（2026年7月20日 14:01），跳过"
    )
    street = [x for x in of(lines, "level") if x["area"] == STREET]
    assert [(x["level"], x["maximum_mm"]["rain_3h"]) for x in street] == [("orange", 50)]
    assert [e["kind"] for e in of(lines, "event") if e["area"] == STREET] == ["issue"]


def test_ctrl_c_ends_the_watch_with_a_summary(folder: Path, env: dict[str, str]) -> None:
    (folder / "one.csv").write_text(
        observations(("XC0201", "2026-07-20 06:01:00", "1")), encoding="utf-8"
    )
    child = subprocess.Popen(
        [*_command(), str(folder), "--poll", "0.1", "--no-record"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    first = json.loads(child.stdout.readline())  # the file line: the watch is running
    assert first["file"] == "one.csv"
    time.sleep(0.3)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    summary = json.loads(out.splitlines()[-1])
    assert summary["type"] == "summary"
    assert summary["files"]["taken"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "--lang 必须是 zh-Hans, zh-Hant, vi, en 之一"),
        (["--poll", "0"], "--poll 须为大于0的秒数"),
        (["--poll", "0", "--lang", "en"], "--poll must be a number of seconds above 0"),
        (["--pack", "no-such-pack"], "no-such-pack"),
    ],
)
def test_bad_options_stop_with_a_message(
    folder: Path, env: dict[str, str], args: list[str], message: str
) -> None:
    lines, stderr, code = watch(env, str(folder), "--once", *args)
    assert (lines, code) == ([], 2)
    assert message in stderr


def test_a_missing_folder_or_a_state_of_other_stations_is_refused(
    folder: Path, env: dict[str, str], tmp_path: Path
) -> None:
    _, stderr, code = watch(env, str(tmp_path / "nowhere"), "--once", "--lang", "en")
    assert (code, stderr.strip()) == (2, f"govops: {tmp_path / 'nowhere'}: no such folder")
    state = tmp_path / "state.npz"
    state.write_bytes(b"not a snapshot")
    _, stderr, code = watch(env, str(folder), "--once", "--state", str(state), "--lang", "en")
    assert code == 2
    assert "not a streaming state snapshot" in stderr
    _, stderr, code = watch(env, str(folder), "--once", "--state", str(state), "--lang", "vi")
    assert code == 2
    assert f"{state}: không phải bản lưu trạng thái tính toán trực tiếp (" in stderr


def test_in_vietnamese_the_areas_keep_their_chinese_names(
    folder: Path, env: dict[str, str]
) -> None:
    (folder / "one.csv").write_text(
        observations(*((f"XC020{k}", "2026-07-20 06:01:00", "50") for k in range(1, 5))),
        encoding="utf-8",
    )
    (folder / "broken.csv").write_text("Station_Id_C,PRE\nXC0201,1\n", encoding="utf-8")
    lines, stderr, code = watch(env | {"LANG": "vi_VN.UTF-8"}, str(folder), "--once", "--no-record")
    assert code == 0, stderr
    files = {line["file"]: line for line in of(lines, "file")}
    assert files["broken.csv"]["message"] == "số liệu quan trắc không có cột 'Datetime'"
    assert "broken.csv: số liệu quan trắc không có cột 'Datetime'" in stderr
    (event,) = [e for e in of(lines, "event") if e["area"] == STREET]
    assert event["name"] == "新街口街道"  # the pack names its areas in Chinese and English


def test_verbose_gives_every_area_every_minute(folder: Path, env: dict[str, str]) -> None:
    (folder / "one.csv").write_text(
        observations(
            ("XC0201", "2026-07-20 06:01:00", "1"), ("XC0201", "2026-07-20 06:13:00", "1")
        ),
        encoding="utf-8",
    )
    lines, stderr, code = watch(env, str(folder), "--once", "--verbose", "--no-record")
    assert code == 0, stderr
    levels = of(lines, "level")
    assert len(levels) == 16 * 13  # the district and its 15 streets, minutes 14:01 to 14:13
    street = {x["at"][11:16]: x for x in levels if x["area"] == STREET}
    one = {"rain_1h": 1, "rain_3h": 1, "rain_6h": 1, "rain_12h": 1, "rain_24h": 1}
    # XC0201 counts for ten minutes after its reading (14:01 .. 14:10), then not
    assert [street[f"14:{m:02d}"]["reporting"] for m in range(1, 14)] == [1] * 10 + [0, 0, 1]
    assert street["14:10"]["maximum_mm"] == street["14:10"]["mean_mm"] == one
    assert street["14:11"] == {
        "type": "level", "at": "2026-07-20T14:11:00+08:00", "area": STREET,
        "name": "新街口街道", "level": None, "clause": None, "reporting": 0,
        "stations": 4, "maximum_mm": {}, "mean_mm": {},
    }  # fmt: skip
