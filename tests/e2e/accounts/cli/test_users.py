"""`govops users grant|revoke|list` as an operator runs them, each in a child process on an
SQLite file: a grant is said granted, then held already; a revocation revoked, then not
held; the list shows the grants in force; only one who manages users may change them
(exit status 4, as every module's commands refuse what the user may not do)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.cadres.local_users import OFFICE, UNIVERSITY, checked, govops, make_local_users


def _grants(database: Path, username: str) -> list[dict[str, str]]:
    listed = json.loads(checked(govops(database, "users", "list", "--as", "admin")))
    [user] = [u for u in listed if u["username"] == username]
    grants: list[dict[str, str]] = user["grants"]
    return grants


def test_a_role_is_granted_once_and_revoked_once(tmp_path: Path) -> None:
    database = tmp_path / "govops.db"
    make_local_users(database)
    grant = ("users", "grant", "chen", "committee_member", UNIVERSITY, "--as", "admin")
    revoke = ("users", "revoke", "chen", "committee_member", UNIVERSITY, "--as", "admin")
    assert checked(govops(database, *grant, "--lang", "en")).strip() == "granted"
    assert checked(govops(database, *grant, "--lang", "en")).strip() == "held already"
    assert {"role": "committee_member", "unit": UNIVERSITY} in _grants(database, "chen")
    assert checked(govops(database, *revoke, "--lang", "en")).strip() == "revoked"
    assert checked(govops(database, *revoke, "--lang", "en")).strip() == "not held"
    assert _grants(database, "chen") == [{"role": "selection_team_member", "unit": OFFICE}]


def test_only_one_who_manages_users_grants(tmp_path: Path) -> None:
    database = tmp_path / "govops.db"
    make_local_users(database)
    refused = govops(
        database, "users", "grant", "chen", "administrator", UNIVERSITY, "--as", "orgstaff"
    )
    assert refused.returncode == 4, refused.stderr  # what the user may not do
    assert refused.stderr == f"govops: 您无权管理单位 {UNIVERSITY} 的用户\n"
    assert _grants(database, "chen") == [{"role": "selection_team_member", "unit": OFFICE}]
