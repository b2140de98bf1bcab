"""`govops registers`: the district's registers from the command line, on a temporary SQLite
database named by GOVOPS_DATABASE_URL holding the demonstration accounts (as `govops serve
--demo` makes them), each command in a child process as a user would run it, acting as the
district's emergency bureau (--as district, at 110102) unless a test says otherwise."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from govops.bootstrap import build_accounts, build_registers, load_accounts_demo
from govops.platform.sheets import read_rows
from govops.platform.storage.database import make_engine, migrate
from govops.registers.model.records import RecordKind

DISTRICT, STREET, OTHER_STREET = "110102", "110102001", "110102003"
KINDS = ", ".join(k.value for k in RecordKind)  # the choices an unknown KIND is told
DEPOTS = "depot,level,name\nd1,district,区级应急物资储备库\nd2,district,区级第二储备库\n"
STREET_DEPOT = "depot,level,name\ns1,street,街道应急物资储备点\n"
MOVEMENTS = "depot,item,movement,quantity,on,to_depot,note\n"
MOVEMENT_COLUMNS = [
    "unit",
    "depot",
    "item",
    "movement",
    "quantity",
    "on",
    "to_depot",
    "note",
    "recorded_by",
    "recorded_at",
]
BOARD_KEYS = {"id", "title", "target", "measure", "counted_by_registers", "figures", "status"}

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated, with the demo units and users: made once, copied for each test."""
    database = tmp_path_factory.mktemp("demo") / "govops.db"
    engine = make_engine(f"sqlite:///{database}")
    try:
        migrate(engine)
        load_accounts_demo(build_accounts(engine))
    finally:
        engine.dispose()
    return database


@pytest.fixture
def database(demo_database: Path, tmp_path: Path) -> Path:
    target = tmp_path / "db" / "govops.db"
    target.parent.mkdir()
    for found in demo_database.parent.glob(f"{demo_database.name}*"):
        shutil.copy(found, target.parent / found.name)
    return target


@pytest.fixture
def registers(database: Path) -> Run:
    """`govops registers ARGS --as USER --lang LANG` (English unless told), in a shell
    naming no language."""

    def run(
        *args: str, user: str | None = "district", lang: str | None = "en"
    ) -> subprocess.CompletedProcess[str]:
        env = os.environ | {"GOVOPS_DATABASE_URL": f"sqlite:///{database}"}
        for variable in ("GOVOPS_USER", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            env.pop(variable, None)
        command = [sys.executable, "-m", "govops", "registers", *args]
        command += ["--as", user] if user else []
        command += ["--lang", lang] if lang else []
        return subprocess.run(
            command, capture_output=True, text=True, timeout=120, check=False, env=env
        )

    return run


Seed = Callable[..., None]


@pytest.fixture
def seed(database: Path) -> Seed:
    """Rows of a CSV recorded as USER in this process, through the same use case as the
    command (what a test needs in place but does not test)."""

    def record(unit: str, kind: str, text: str, user: str = "district") -> None:
        engine = make_engine(f"sqlite:///{database}")
        try:
            actor = build_accounts(engine).accounts.local_actor(user)
            rows = [(r.line, r.cells) for r in read_rows(text.encode(), "rows.csv")]
            build_registers(engine).record(actor, unit, kind, rows)
        finally:
            engine.dispose()

    return record


def kept(database: Path, unit: str, kind: str) -> list[dict[str, Any]]:
    """What the registers of `unit` and below hold of `kind` (as the export gives it)."""
    engine = make_engine(f"sqlite:///{database}")
    try:
        actor = build_accounts(engine).accounts.local_actor("district")
        return build_registers(engine).rows(actor, unit, RecordKind(kind))
    finally:
        engine.dispose()


def at_once(
    registers: Run, calls: Sequence[tuple[tuple[str, ...], str | None]]
) -> list[subprocess.CompletedProcess[str]]:
    """Commands that change nothing, run side by side (each is mostly the start-up)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda call: registers(*call[0], user=call[1]), calls))


def sheet(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def recorded(result: subprocess.CompletedProcess[str], said: str) -> None:
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout == said + "\n"


def board(registers: Run, on: str, unit: str = DISTRICT, user: str = "district") -> Any:
    result = registers("board", unit, "--on", on, "--json", user=user)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def reserves(body: Any) -> dict[str, Any]:
    """The board's alerts of the district's depots, by item."""
    return {a["subject"]: a for a in body["alerts"] if a["register"] == "reserves_district"}


def exported(path: Path) -> list[dict[str, str]]:
    return [row.cells for row in read_rows(path.read_bytes(), path.name)]


def test_depots_and_their_movements_are_recorded(registers: Run, tmp_path: Path) -> None:
    depots = sheet(tmp_path, "depots.csv", DEPOTS)
    recorded(registers("record", DISTRICT, "depot", depots), f"2 records of depot into {DISTRICT}")
    moves = sheet(
        tmp_path,
        "movements.csv",
        MOVEMENTS
        + "d1,quilt,receipt,100,2024-01-10,,首批\n"
        + "d1,quilt,issue,30,2024-02-01,,\n"
        + "d1,quilt,transfer,20,2024-02-02,d2,\n"
        + "d2,quilt,stocktake,18,2024-03-01,,盘点\n",
    )
    done = registers("record", DISTRICT, "movement", moves)
    recorded(done, f"4 records of movement into {DISTRICT}")
    out = tmp_path / "out.csv"
    recorded(registers("export", DISTRICT, "movement", str(out)), f"4 records written to {out}")
    rows = exported(out)
    assert [(r["depot"], r["movement"], r["quantity"], r["to_depot"]) for r in rows] == [
        ("d1", "receipt", "100", ""),
        ("d1", "issue", "30", ""),
        ("d1", "transfer", "20", "d2"),
        ("d2", "stocktake", "18", ""),
    ]
    assert [r["note"] for r in rows] == ["首批", "", "", "盘点"]
    assert {r["recorded_by"] for r in rows} == {f"district@{DISTRICT}"}


def test_an_issue_beyond_the_stock_refuses_the_whole_sheet(
    registers: Run, seed: Seed, database: Path, tmp_path: Path
) -> None:
    seed(DISTRICT, "depot", DEPOTS)
    beyond = sheet(
        tmp_path,
        "beyond.csv",
        MOVEMENTS
        + "d1,quilt,receipt,100,2024-01-10,,\n"  # line 2: fine
        + "d1,quilt,issue,150,2024-02-01,,\n",  # line 3: 50 short
    )
    # Each refused row with its line and column; the rows before count for those after.
    several = sheet(
        tmp_path,
        "several.csv",
        "depot,item,movement,quantity,on,colour\n"
        + "d1,quilt,receipt,100,2024-01-10,\n"  # line 2: fine
        + "d9,quilt,receipt,1,2024-01-10,\n"  # line 3: no depot d9
        + "d1,quilt,receipt,ten,2024-01-10,\n"  # line 4: no figure
        + "d1,quilt,gift,1,2024-01-10,\n"  # line 5: no such movement
        + "d1,quilt,issue,1,,\n"  # line 6: no day
        + "d1,quilt,issue,1,2024-01-11,red\n"  # line 7: no such column
        + "\n"  # a blank line: skipped, and counted
        + "d1,quilt,issue,60,2024-01-09,\n",  # line 9: before the receipt of line 2
    )
    one, many = at_once(
        registers,
        [
            (("record", DISTRICT, "movement", beyond), "district"),
            (("record", DISTRICT, "movement", several), "district"),
        ],
    )
    assert (one.returncode, one.stdout) == (2, "")
    assert one.stderr == (
        "govops: line 3, column quantity: d1 would hold -50 of quilt on Feb 1, 2024\n"
        "govops: nothing was recorded\n"
    )
    assert (many.returncode, many.stdout) == (2, "")
    assert many.stderr == (
        "govops: line 3, column depot: no depot d9 in this unit's register\n"
        "govops: line 4, column quantity: ten is no plain figure (digits, a point)\n"
        "govops: line 5, column movement: gift is not one of receipt, issue, transfer, "
        "stocktake, expiry\n"
        "govops: line 6, column on: a value is needed\n"
        "govops: line 7, column colour: no such column for movement\n"
        "govops: line 9, column quantity: d1 would hold -60 of quilt on Jan 9, 2024\n"
        "govops: nothing was recorded\n"
    )
    assert kept(database, DISTRICT, "movement") == []
    # An issue dated before a later one that it would leave short: refused too.
    seed(DISTRICT, "movement", MOVEMENTS + "d1,quilt,receipt,100,2024-01-10,,\n")
    seed(DISTRICT, "movement", MOVEMENTS + "d1,quilt,issue,80,2024-03-01,,\n")
    backdated = sheet(tmp_path, "late.csv", MOVEMENTS + "d1,quilt,issue,50,2024-02-01,,\n")
    refused = registers("record", DISTRICT, "movement", backdated)
    assert (refused.returncode, refused.stderr) == (
        2,
        "govops: line 2, column quantity: d1 would hold -30 of quilt on Mar 1, 2024\n"
        "govops: nothing was recorded\n",
    )
    assert len(kept(database, DISTRICT, "movement")) == 2


def test_an_xlsx_sheet_is_recorded(
    registers: Run, seed: Seed, database: Path, tmp_path: Path
) -> None:
    from openpyxl import Workbook  # noqa: PLC0415

    seed(DISTRICT, "depot", DEPOTS)
    book = Workbook()
    rows = book.active
    assert rows is not None
    rows.append(["depot", "item", "movement", "quantity", "on", "note"])
    rows.append(["d1", "quilt", "receipt", 100, datetime(2024, 3, 1), "首批"])
    rows.append(["d1", "drinking_water", "receipt", 2.5, date(2024, 3, 2), None])
    rows.append(["d1", "quilt", "issue", 101.0, datetime(2024, 3, 3), None])  # 1 short
    path = tmp_path / "movements.xlsx"
    book.save(path)
    refused = registers("record", DISTRICT, "movement", str(path))
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (  # the line is the sheet's row number
        "govops: line 4, column quantity: d1 would hold -1 of quilt on Mar 3, 2024\n"
        "govops: nothing was recorded\n"
    )
    rows.cell(4, 4, 40.0)
    book.save(path)
    done = registers("record", DISTRICT, "movement", str(path))
    recorded(done, f"3 records of movement into {DISTRICT}")
    assert [
        (r["item"], r["quantity"], r["on"], r.get("note"))
        for r in kept(database, DISTRICT, "movement")
    ] == [
        ("quilt", "100", "2024-03-01", "首批"),
        ("drinking_water", "2.5", "2024-03-02", None),
        ("quilt", "40", "2024-03-03", None),
    ]


def test_the_board_alerts_short_reserves_until_enough_is_received(
    registers: Run, seed: Seed
) -> None:
    seed(DISTRICT, "depot", DEPOTS)
    seed(STREET, "depot", STREET_DEPOT, user="street")
    seed(DISTRICT, "movement", MOVEMENTS + "d1,quilt,receipt,100,2024-01-10,,\n")
    beds = MOVEMENTS + "s1,folding_bed,receipt,5000,2024-01-10,,\n"  # a street's: not counted
    seed(STREET, "movement", beds, user="street")
    figures = "indicator,year,value,source\n" + "".join(
        f"work_safety_death_rate,{year},{value},区统计局\n"
        for year, value in ((2021, "0.5"), (2022, "0.95"), (2023, "0.4"))
    )
    seed(DISTRICT, "figure", figures)

    before = board(registers, "2024-06-30")
    assert (before["unit"], before["on"], before["year"]) == (DISTRICT, "2024-06-30", 2023)
    indicators = {i["id"]: i for i in before["indicators"]}
    assert len(indicators) == len(before["indicators"]) > 0
    assert all(set(i) >= BOARD_KEYS for i in before["indicators"])
    safety = indicators["work_safety_death_rate"]
    assert safety["figures"] == {"2021": "0.5", "2022": "0.95", "2023": "0.4"}
    assert (safety["status"], safety["counted_by_registers"]) == ("at_risk", False)
    assert safety["reason"].startswith("2022 did not meet <0.9")
    shelters = indicators["earthquake_shelters_each_year"]
    assert shelters["counted_by_registers"] is True
    assert shelters["figures"] == {}  # no shelter recorded: the register is not kept yet
    assert shelters["status"] == "no_figure"
    short = reserves(before)
    assert sorted(short) == ["drinking_water", "folding_bed", "quilt"]
    assert short["quilt"] == {
        "register": "reserves_district",
        "unit": DISTRICT,
        "subject": "quilt",
        "overdue": True,
        "reason": "100 床 held, 5,000 needed for 5,000 people",
    }
    assert short["folding_bed"]["reason"] == "0 张 held, 5,000 needed for 5,000 people"
    assert short["drinking_water"]["reason"] == "0 升 held, 45,000 needed for 5,000 people"

    enough = (
        MOVEMENTS
        + "d1,quilt,receipt,4900,2024-06-30,,\n"
        + "d2,folding_bed,receipt,5000,2024-06-30,,\n"
        + "d2,drinking_water,receipt,45000,2024-07-01,,\n"  # after the day of the board
    )
    seed(DISTRICT, "movement", enough)
    on_the_day, day_after = at_once(
        registers,
        [
            (("board", DISTRICT, "--on", "2024-06-30"), "district"),
            (("board", DISTRICT, "--on", "2024-07-01", "--json"), "district"),
        ],
    )
    assert on_the_day.returncode == 0, on_the_day.stderr
    lines = on_the_day.stdout.splitlines()
    assert lines[0] == f"{DISTRICT} on Jun 30, 2024: indicators as of 2023"
    shown = [line for line in lines if " reserves_district " in line]
    assert shown == [
        f"  ! {DISTRICT} reserves_district drinking_water: "
        "0 升 held, 45,000 needed for 5,000 people"
    ]
    assert day_after.returncode == 0, day_after.stderr
    assert reserves(json.loads(day_after.stdout)) == {}


def test_a_register_is_exported_as_csv_and_xlsx(registers: Run, seed: Seed, tmp_path: Path) -> None:
    from openpyxl import load_workbook  # noqa: PLC0415

    seed(DISTRICT, "depot", DEPOTS)
    seed(STREET, "depot", STREET_DEPOT, user="street")
    moves = MOVEMENTS + "d1,quilt,receipt,100,2024-01-10,,首批\nd1,quilt,issue,30,2024-02-01,,\n"
    seed(DISTRICT, "movement", moves)
    csv_out, xlsx_out = tmp_path / "out.csv", tmp_path / "out.xlsx"
    depots_out, street_out = tmp_path / "depots.csv", tmp_path / "street.csv"
    as_csv, as_xlsx, depots, street, outside = at_once(
        registers,
        [
            (("export", DISTRICT, "movement", str(csv_out)), "district"),
            (("export", DISTRICT, "movement", str(xlsx_out)), "district"),
            (("export", DISTRICT, "depot", str(depots_out)), "viewer"),
            (("export", STREET, "depot", str(street_out)), "street"),
            (("export", DISTRICT, "depot", str(tmp_path / "no.csv")), "street"),
        ],
    )
    recorded(as_csv, f"2 records written to {csv_out}")
    recorded(as_xlsx, f"2 records written to {xlsx_out}")
    content = csv_out.read_bytes()
    assert content.startswith("\ufeff".encode())  # a spreadsheet opens it as UTF-8
    assert content.decode("utf-8-sig").splitlines()[0] == ",".join(MOVEMENT_COLUMNS)
    rows = exported(csv_out)
    assert [list(r) for r in rows] == [MOVEMENT_COLUMNS] * 2
    first = rows[0]
    assert {k: v for k, v in first.items() if k != "recorded_at"} == {
        "unit": DISTRICT,
        "depot": "d1",
        "item": "quilt",
        "movement": "receipt",
        "quantity": "100",
        "on": "2024-01-10",
        "to_depot": "",
        "note": "首批",
        "recorded_by": f"district@{DISTRICT}",
    }
    when = datetime.fromisoformat(first["recorded_at"])
    assert when.utcoffset() is not None
    assert abs((datetime.now(when.tzinfo) - when).total_seconds()) < 600
    assert rows[1]["movement"] == "issue" and rows[1]["note"] == ""

    book = load_workbook(io.BytesIO(xlsx_out.read_bytes()), read_only=True)
    table = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    assert table[0] == MOVEMENT_COLUMNS and len(table) == 3
    assert exported(xlsx_out) == rows  # the same rows, as the same text

    recorded(depots, f"3 records written to {depots_out}")  # the streets' too, to a reader
    assert [
        (r["unit"], r["depot"], r["level"], r["recorded_by"]) for r in exported(depots_out)
    ] == [
        (DISTRICT, "d1", "district", f"district@{DISTRICT}"),
        (DISTRICT, "d2", "district", f"district@{DISTRICT}"),
        (STREET, "s1", "street", f"street@{STREET}"),
    ]
    recorded(street, f"1 record written to {street_out}")  # the street's own only
    assert [r["depot"] for r in exported(street_out)] == ["s1"]
    assert (outside.returncode, outside.stderr) == (
        2,
        f"govops: no registers of unit '{DISTRICT}'\n",
    )
    assert not (tmp_path / "no.csv").exists()


def test_the_commands_act_with_the_apis_checks(
    registers: Run, database: Path, tmp_path: Path
) -> None:
    depots = sheet(tmp_path, "d.csv", DEPOTS)
    street, viewer, other, community = at_once(
        registers,
        [
            (("record", DISTRICT, "depot", depots), "street"),
            (("record", DISTRICT, "depot", depots), "viewer"),
            (("record", OTHER_STREET, "depot", depots), "street"),
            (("board", STREET), "community"),
        ],
    )
    assert (street.returncode, street.stdout) == (2, "")
    assert street.stderr == f"govops: no registers of unit '{DISTRICT}'\n"
    assert (viewer.returncode, viewer.stdout) == (4, "")
    assert viewer.stderr == (
        f"govops: you do not hold the permission register.record at {DISTRICT}\n"
    )
    assert (other.returncode, other.stderr) == (
        2,
        f"govops: no registers of unit '{OTHER_STREET}'\n",
    )
    assert (community.returncode, community.stderr) == (  # no register.read
        2,
        f"govops: no registers of unit '{STREET}'\n",
    )
    assert kept(database, DISTRICT, "depot") == []
    own = sheet(tmp_path, "s.csv", STREET_DEPOT)
    done = registers("record", STREET, "depot", own, user="street")
    recorded(done, f"1 record of depot into {STREET}")
    assert [r["recorded_by"] for r in kept(database, STREET, "depot")] == [f"street@{STREET}"]
    street_board = board(registers, "2024-06-30", STREET, "street")
    assert street_board["unit"] == STREET
    assert reserves(street_board) == {}  # the district's coverage is on the district's board
    assert {a["unit"] for a in street_board["alerts"]} == {STREET}


def test_refusals_are_one_line_without_a_traceback(registers: Run, tmp_path: Path) -> None:
    depots = sheet(tmp_path, "depots.csv", DEPOTS)
    notes = sheet(tmp_path, "notes.txt", DEPOTS)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(DEPOTS.encode("gbk"))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK not a workbook")
    missing = tmp_path / "nope.csv"
    nowhere = tmp_path / "no" / "out.csv"
    cases: list[tuple[tuple[str, ...], str]] = [
        (("record", DISTRICT, "rank", depots), f"govops: rank is not one of {KINDS}\n"),
        (("export", DISTRICT, "rank", "out.csv"), f"govops: rank is not one of {KINDS}\n"),
        (
            ("record", DISTRICT, "depot", str(missing)),
            f"govops: cannot read {missing}: No such file or directory\n",
        ),
        (("record", DISTRICT, "depot", notes), "govops: notes.txt: must be .csv or .xlsx\n"),
        (("record", DISTRICT, "depot", str(gbk)), "govops: gbk.csv is not utf-8 text at byte"),
        (("record", DISTRICT, "depot", str(broken)), "govops: broken.xlsx: not an XLSX workbook\n"),
        (
            ("export", DISTRICT, "depot", str(tmp_path / "out.txt")),
            "govops: out.txt: must be .csv or .xlsx\n",
        ),
        (
            ("export", DISTRICT, "depot", str(nowhere)),
            f"govops: cannot write {nowhere}: No such file or directory\n",
        ),
        (
            ("board", DISTRICT, "--on", "2024-02-30"),
            "govops: --on must be a date as YYYY-MM-DD, got '2024-02-30'\n",
        ),
        (("board", "nowhere"), "govops: no registers of unit 'nowhere'\n"),
        # A community keeps registers but has no board of its own.
        (("board", "demo-community"), "govops: no registers of unit 'demo-community'\n"),
    ]
    results = at_once(registers, [(args, "district") for args, _ in cases])
    for (args, message), result in zip(cases, results, strict=True):
        assert (result.returncode, result.stdout) == (2, ""), (args, result.stdout)
        assert result.stderr.startswith(message), (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    gbk_ok = registers("record", DISTRICT, "depot", str(gbk), "--encoding", "gbk")
    recorded(gbk_ok, f"2 records of depot into {DISTRICT}")


def test_an_exported_registers_columns_are_recorded_again(
    registers: Run, seed: Seed, tmp_path: Path
) -> None:
    """A list is written as its items joined by "; ", a flag as yes or no: both read back."""
    shelters = (
        "shelter,kind,name,capacity,area,streets,communities,national_standard\n"
        f"s1,earthquake_shelter,月坛公园,3000,12000.5,{STREET};{OTHER_STREET},,是\n"
    )
    seed(DISTRICT, "shelter", shelters)
    out = tmp_path / "shelters.csv"
    recorded(registers("export", DISTRICT, "shelter", str(out)), f"1 record written to {out}")
    (row,) = exported(out)
    assert row["streets"] == f"{STREET}; {OTHER_STREET}" and row["communities"] == ""
    assert (row["national_standard"], row["area"], row["capacity"]) == ("yes", "12000.5", "3000")
    again = {k: v for k, v in row.items() if k not in ("unit", "recorded_by", "recorded_at")}
    again["shelter"] = "s2"
    text = ",".join(again) + "\n" + ",".join(again.values()) + "\n"
    done = registers("record", DISTRICT, "shelter", sheet(tmp_path, "again.csv", text))
    recorded(done, f"1 record of shelter into {DISTRICT}")
