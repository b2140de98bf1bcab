"""`govops communities`: the registry from the command line, on a temporary SQLite database
named by GOVOPS_DATABASE_URL holding the demonstration accounts (as `govops serve --demo`
makes them) and a street office's staff of another street, each command in a child
process as a user would run it, acting as the community's staff (--as community)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from govops.bootstrap import build_accounts, load_accounts_demo
from govops.platform.storage.database import make_engine, migrate

COMMUNITY, STREET, OTHER_STREET = "demo-community", "110102001", "110102003"
HEADER = "id,name,birth_date,retired,organisation,role,start\n"
# A residents' committee of 7: m4 its director, m1-m3 retired (3 of 7, 42.9% > 30%).
COMMITTEE = HEADER + "".join(
    f"m{i},成员{i},1975-0{i}-01,{'是' if i <= 3 else '否'},rc,"
    f"{'director' if i == 4 else 'member'},2021-01-01\n"
    for i in range(1, 8)
)
ORGANISATION = {"id": "rc", "kind": "committee", "name": "居委会", "formed": "2020-01-01"}


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated, with the demo units and users, and `outsider`, street staff of another
    street: made once, copied for each test."""
    database = tmp_path_factory.mktemp("demo") / "govops.db"
    engine = make_engine(f"sqlite:///{database}")
    try:
        migrate(engine)
        accounts = build_accounts(engine)
        load_accounts_demo(accounts)
        admin = accounts.accounts.local_actor("admin")
        accounts.accounts.add_user(admin, "outsider", "街道 周", "a test password, long enough")
        accounts.accounts.grant(admin, "outsider", "street_staff", OTHER_STREET)
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
def communities(database: Path) -> Any:
    """`govops communities ARGS --as USER`, in a shell naming no language."""

    def run(*args: str, user: str | None = "community") -> subprocess.CompletedProcess[str]:
        env = os.environ | {"GOVOPS_DATABASE_URL": f"sqlite:///{database}"}
        for variable in ("GOVOPS_USER", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            env.pop(variable, None)
        command = [sys.executable, "-m", "govops", "communities", *args]
        command += ["--as", user] if user else []
        return subprocess.run(
            command, capture_output=True, text=True, timeout=120, check=False, env=env
        )

    return run


def ok(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def committee(communities: Any, folder: Path) -> None:
    """The committee `rc` recorded, its 7 members imported from a CSV."""
    ok(communities("record", COMMUNITY, "organisation", "--data", json.dumps(ORGANISATION)))
    sheet = folder / "committee.csv"
    sheet.write_text(COMMITTEE, encoding="utf-8")
    done = communities("import", COMMUNITY, str(sheet), "--lang", "en")
    assert (done.returncode, done.stdout) == (0, f"{COMMUNITY}: imported 7 members and 7 posts\n")


def test_a_committee_recorded_and_imported_is_shown(communities: Any, tmp_path: Path) -> None:
    committee(communities, tmp_path)
    shown = ok(communities("show", COMMUNITY, "--json", user="street"))
    assert (shown["code"], shown["version"], shown["facts"]) == (COMMUNITY, 15, None)
    assert shown["names"]["zh-Hans"] == "示范社区"  # the body of GET /api/v1/communities/CODE
    assert [m["id"] for m in shown["members"]] == [f"m{i}" for i in range(1, 8)]
    assert [m["retired"] for m in shown["members"]] == [True] * 3 + [False] * 4
    assert shown["posts"][3] == {
        "member": "m4",
        "organisation": "rc",
        "role": "director",
        "start": "2021-01-01",
        "end": None,
        "full_time": None,
    }
    text = communities("show", COMMUNITY, "--lang", "en").stdout
    assert text.startswith("Demonstration community (demo-community): 15 events recorded\n")
    assert "  rc  committee  居委会  Jan 1, 2020 – …\n" in text
    assert "  m1  成员1  Jan 1, 1975  retired\n" in text and "kinships:\n  none\n" in text
    listed = communities("list", "--under", STREET, "--lang", "en")
    assert f"{COMMUNITY}\tDemonstration community\t15\n" in listed.stdout


def test_an_event_is_recorded_from_json_or_a_file(communities: Any, tmp_path: Path) -> None:
    recorded = ok(
        communities("record", COMMUNITY, "organisation", "--data", json.dumps(ORGANISATION))
    )
    assert (recorded["seq"], recorded["actor"]) == (1, f"community@{COMMUNITY}")
    assert datetime.fromisoformat(recorded["recorded_at"]).utcoffset() is not None
    facts = tmp_path / "facts.json"
    facts.write_text('{"households": 1200, "occupancy": 85.5, "as_of": "2026-01-01"}', "utf-8")
    done = ok(communities("record", COMMUNITY, "facts", "--data", f"@{facts}", user="street"))
    assert done["data"] == {"households": 1200, "occupancy": "85.5", "as_of": "2026-01-01"}
    assert done["actor"] == f"street@{STREET}"
    text = communities("show", COMMUNITY, "--lang", "en").stdout
    assert "facts:\n  1,200 households, occupancy 85.5%, as of Jan 1, 2026\n" in text


def test_refusals_are_one_line_without_a_traceback(communities: Any, tmp_path: Path) -> None:
    member = '{"id": "m1", "name": "张三", "birth_date": "1975-02-30"}'
    for args, message in (
        (("record", COMMUNITY, "rank", "--data", "{}"), "govops: kind: unknown kind 'rank'"),
        (("record", COMMUNITY, "member", "--data", member), "govops: data.birth_date: must be"),
        (("record", COMMUNITY, "member", "--data", "[1]"), "govops: --data must be a JSON object"),
        (("record", COMMUNITY, "member", "--data", "{"), "govops: --data: not valid JSON"),
        (("record", COMMUNITY, "member", "--data", "@none.json"), "govops: none.json: no such"),
        (("show", "nowhere"), "govops: no community 'nowhere'"),
        (("show", STREET), f"govops: no community '{STREET}'"),  # a street, no community
        (("import", COMMUNITY, "members.txt"), "govops: members.txt: no such file"),
        (("check", COMMUNITY, "--as-of", "2026-02-30"), "govops: --as-of must be a date"),
    ):
        result = communities(*args, "--lang", "en")
        assert result.returncode == 2, (args, result.stdout)
        assert result.stderr.startswith(message), result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_sheet_with_bad_rows_lists_each_and_stores_nothing(
    communities: Any, tmp_path: Path
) -> None:
    sheet = tmp_path / "members.csv"
    sheet.write_text(
        HEADER
        + "m1,张三,1975-13-01,否,,,\n"  # line 2: no such month
        + "m2,李四,1975-01-01,也许,,,\n"  # line 3: neither yes nor no
        + "m3,王五,1975-01-01,否,,,\n"  # line 4: fine
        + "m4,赵六,1975-01-01,否,rc,member,2021-01-01\n",  # line 5: no organisation rc
        encoding="utf-8",
    )
    refused = communities("import", COMMUNITY, str(sheet), "--lang", "en")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == (
        "govops: line 2, birth_date: must be a date YYYY-MM-DD, got '1975-13-01'\n"
        "govops: line 3, retired: must be yes or no, got '也许'\n"
        "govops: line 5, organisation: no organisation 'rc' in this community\n"
        "govops: nothing imported: 3 rows refused\n"
    )
    shown = ok(communities("show", COMMUNITY, "--json"))
    assert (shown["version"], shown["members"], shown["posts"]) == (0, [], [])


def test_an_xlsx_workbook_imports(communities: Any, tmp_path: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415

    ok(communities("record", COMMUNITY, "organisation", "--data", json.dumps(ORGANISATION)))
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "name", "birth_date", "retired", "party_member", "organisation", "role"])
    sheet.append(["m1", "张三", datetime(1970, 5, 1), True, "是", "rc", "director"])
    sheet.append([2, "李四", datetime(1980, 6, 2), False, None, "rc", None])
    book.save(tmp_path / "members.xlsx")
    sheet.append(["m3", "王五", datetime(1990, 7, 3)])  # not saved: two rows are imported
    done = communities("import", COMMUNITY, str(tmp_path / "members.xlsx"), "--lang", "en")
    assert done.returncode == 2, done.stdout
    assert done.stderr == "govops: line 2, start: is required\n" + (
        "govops: line 3, start: is required\ngovops: nothing imported: 2 rows refused\n"
    )
    sheet.cell(1, 8, "start")
    for row in (2, 3):
        sheet.cell(row, 8, datetime(2021, 1, 1))
    sheet.delete_rows(4)
    book.save(tmp_path / "members.xlsx")
    ok_import = communities("import", COMMUNITY, str(tmp_path / "members.xlsx"), "--lang", "en")
    assert ok_import.stdout == f"{COMMUNITY}: imported 2 members and 2 posts\n", ok_import.stderr
    members = ok(communities("show", COMMUNITY, "--json"))["members"]
    assert [(m["id"], m["birth_date"], m["retired"], m["party_member"]) for m in members] == [
        ("m1", "1970-05-01", True, True),
        ("2", "1980-06-02", False, False),
    ]


def test_the_commands_act_with_the_apis_checks(communities: Any, tmp_path: Path) -> None:
    committee(communities, tmp_path)
    outsider = communities("show", COMMUNITY, "--lang", "en", user="outsider")
    assert (outsider.returncode, outsider.stderr) == (2, f"govops: no community '{COMMUNITY}'\n")
    assert ok(communities("list", "--json", user="outsider")) == {"count": 0, "communities": []}
    street = communities("check-street", STREET, "--lang", "en", user="outsider")
    assert street.stderr == f"govops: no unit '{STREET}'\n"
    viewer = communities(
        "record", COMMUNITY, "kinship", "--data", "{}", "--lang", "en", user="viewer"
    )
    assert viewer.returncode == 4 and "community.record" in viewer.stderr
    assert ok(communities("show", COMMUNITY, "--json", user="viewer"))["version"] == 15
    duty = communities("list", "--lang", "en", user="duty")
    assert duty.returncode == 4 and "community.read" in duty.stderr
    anonymous = communities("list", "--lang", "en", user=None)
    assert anonymous.returncode == 2 and "--as USER" in anonymous.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (None, "govops: 没有社区'nowhere'\n"),  # Chinese by default
        ("zh-Hans", "govops: 没有社区'nowhere'\n"),
        ("zh-Hant", "govops: 沒有社區'nowhere'\n"),
        ("en", "govops: no community 'nowhere'\n"),
    ],
)
def test_refusals_are_in_the_readers_language(
    communities: Any, lang: str | None, said: str
) -> None:
    result = communities("show", "nowhere", *(("--lang", lang) if lang else ()))
    assert (result.returncode, result.stderr) == (2, said)


def test_the_output_is_in_chinese_with_lang_zh_hans(communities: Any, tmp_path: Path) -> None:
    ok(communities("record", COMMUNITY, "organisation", "--data", json.dumps(ORGANISATION)))
    sheet = tmp_path / "committee.csv"
    sheet.write_text(COMMITTEE, encoding="utf-8")
    done = communities("import", COMMUNITY, str(sheet), "--lang", "zh-Hans")
    assert done.stdout == f"{COMMUNITY}：已导入成员7人和7个职务\n", done.stderr
    text = communities("show", COMMUNITY, "--lang", "zh-Hans").stdout
    assert text.startswith("示范社区（demo-community）：已登记 15 条记录\n")
    assert "成员：\n  m1  成员1  1975年1月1日  已退休\n" in text
