"""Local users for the cadre commands, made as an operator makes them: `govops units
import` (a university whose organisation department runs cn-cadre-selection, and its
library, which does not), the first administrator added on the empty database without
--as, then each user added by that administrator with one role at one unit. Each
command runs in a child process on the SQLite file given (GOVOPS_DATABASE_URL)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

UNIVERSITY, OFFICE, LIBRARY = "demo-university", "demo-organisation-department", "demo-library"
PASSWORD = "a test password, long enough"
UNITS = f"""\
code,parent,kind,name_zh-Hans,name_en,packs
{UNIVERSITY},,university,示范大学,Demonstration University,
{OFFICE},{UNIVERSITY},department,党委组织部,Organisation department,cn-cadre-selection
{LIBRARY},{UNIVERSITY},department,图书馆,Library,
"""
# (user name, name shown, role, unit): the names shown are those the cases name.
USERS = (
    ("orgstaff", "组织部 周洁", "organisation_staff", OFFICE),
    ("chen", "陈干事", "selection_team_member", OFFICE),
    ("wang", "王书记", "committee_member", UNIVERSITY),
    ("feng", "冯委员", "committee_member", UNIVERSITY),
    ("lu", "路委员", "committee_member", UNIVERSITY),
    ("librarian", "王书记", "committee_member", LIBRARY),  # same name, outside the office
    ("viewer", "只读 冯涛", "viewer", UNIVERSITY),
)


def govops(
    database: Path, *args: str, stdin: str | None = None, lang: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`govops ARGS` on the SQLite file `database`, in a shell whose locale is `lang` (by
    default the test's own: C.UTF-8, which names no language)."""
    env = os.environ | {"GOVOPS_DATABASE_URL": f"sqlite:///{database}"}
    env.pop("GOVOPS_USER", None)  # the user is named by --as, or by no one
    if lang:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "govops", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=database.parent,
    )


def checked(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def make_local_users(database: Path) -> None:
    """The units, the administrator `admin` (at the university) and USERS on `database`."""
    units = database.parent / "units.csv"
    units.write_text(UNITS, encoding="utf-8")
    checked(govops(database, "units", "import", str(units)))
    first = ("users", "add", "admin", "--name", "管理员", "--role", "administrator")
    checked(govops(database, *first, "--unit", UNIVERSITY, "--password-stdin", stdin=PASSWORD))
    for username, name, role, unit in USERS:
        add = ("users", "add", username, "--name", name, "--role", role, "--unit", unit)
        checked(govops(database, *add, "--password-stdin", "--as", "admin", stdin=PASSWORD))
