"""A command given a date outside what the system keeps (1900-01-01 to 2999-12-31) stops
with one line naming the option and the range, in the reader's language, never a
traceback: --as-of, a calendar's DATE and --from, the demo storm's --date, an ingestion's
--start and --end. The demo storm of year 1 once failed with an OverflowError."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Run

PACK = "cn-county-mass-incident"
RANGE = "must be between Jan 1, 1900 and Dec 31, 2999"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("decide", PACK, "grade", "--as-of", "9999-12-31"), f"--as-of {RANGE}, got '9999-12-31'"),
        (
            ("calendar", "check", "--jurisdiction", "CN", "0001-01-01"),
            f"DATE {RANGE}, got '0001-01-01'",
        ),
        (
            (
                "calendar",
                "add-working-days",
                "--jurisdiction",
                "CN",
                "--days",
                "5",
                "--from",
                "9999-12-31",
            ),
            f"--from {RANGE}, got '9999-12-31'",
        ),
    ],
)
def test_a_date_out_of_range_is_one_line(govops: Run, args: tuple[str, ...], said: str) -> None:
    done = govops(*args, "--lang", "en", stdin="{}")
    assert done.returncode != 0
    assert said in done.stderr and "Traceback" not in done.stderr
    chinese = govops(*args, "--lang", "zh-Hans", stdin="{}")
    assert "必须在 1900年1月1日 至 2999年12月31日 之间" in chinese.stderr


def test_the_demo_storm_and_an_ingestion_refuse_a_time_out_of_range(
    govops: Run, tmp_path: Path
) -> None:
    done = govops(
        "warnings", "demo-files", str(tmp_path / "y1"), "--date", "0001-01-01", "--lang", "en"
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"--date {RANGE}, got '0001-01-01'" in done.stderr
    assert not (tmp_path / "y1").exists() or not any((tmp_path / "y1").iterdir())
    assert govops("warnings", "demo-files", str(tmp_path / "files")).returncode == 0
    files = [
        f"--{kind}={tmp_path / 'files' / f'{kind}.csv'}" for kind in ("stations", "observations")
    ]
    for option, value in (("--start", "0001-01-01T00:00"), ("--end", "9999-12-31 23:59")):
        done = govops("warnings", "ingest", *files, option, value, "--lang", "en")
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert f"{option} {RANGE}, got '{value}'" in done.stderr
