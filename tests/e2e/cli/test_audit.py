"""`govops audit`: verify and checkpoint end to end on a SQLite file named by
GOVOPS_DATABASE_URL, the records written by the cadre commands, each command in a child
process as a user would run it."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.cadres.local_users import make_local_users

KEY = "a signing key the operator keeps on another machine"
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "GOVOPS_LANGUAGE", "GOVOPS_AUDIT_KEY")
HEAD = re.compile(r"head ([0-9a-f]{64})")

Run = Any


@pytest.fixture
def govops(tmp_path: Path) -> Run:
    url = f"sqlite:///{tmp_path / 'govops.db'}"

    def run(*args: str, key: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in LOCALE}
        env |= {"GOVOPS_DATABASE_URL": url} | ({"GOVOPS_AUDIT_KEY": key} if key else {})
        return subprocess.run(
            [sys.executable, "-m", "govops", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
            cwd=tmp_path,
        )

    make_local_users(tmp_path / "govops.db")  # the cadre commands are run as orgstaff
    return run


def _cadre_with_entries(govops: Run, count: int) -> str:
    added = govops("cadres", "add", "张三", "--as", "orgstaff")
    assert added.returncode == 0, added.stderr
    person: str = json.loads(added.stdout)["id"]
    for year in range(2020, 2020 + count):
        data = json.dumps({"year": year, "result": "competent"})
        entry = govops("cadres", "entry", person, "assessment", "--json", data, "--as", "orgstaff")
        assert entry.returncode == 0, entry.stderr
    return person


def _sql(tmp_path: Path, statement: str) -> None:
    connection = sqlite3.connect(tmp_path / "govops.db")
    try:
        connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def test_verify_says_whole_then_names_the_first_broken_link(govops: Run, tmp_path: Path) -> None:
    person = _cadre_with_entries(govops, 3)
    whole = govops("audit", "verify", "--lang", "en")
    assert whole.returncode == 0, whole.stderr
    lines = whole.stdout.splitlines()
    assert lines[-1] == "the record is whole"
    entries = next(line for line in lines if line.startswith("cadre_entries:"))
    assert re.fullmatch(r"cadre_entries: 3 rows, head [0-9a-f]{64}: whole", entries)
    assert "incident_events: 0 rows, head " + "0" * 64 + ": whole" in lines
    # one checkpoint row per write: the units, the users and their roles, the cadre entries
    assert re.fullmatch(r"audit_checkpoints: \d+ rows, head [0-9a-f]{64}: whole", lines[-2])

    _sql(tmp_path, "UPDATE cadre_entries SET actor = '别人' WHERE chain_seq = 2")
    broken = govops("audit", "verify", "--lang", "en")
    assert broken.returncode == 1
    assert broken.stdout.splitlines()[-1] == "1 stream is broken"
    assert (
        entries.replace(
            ": whole",
            f": first broken link at chain_seq 2 (person_id={person}, seq=2): content altered: "
            "the row's hash does not match its content",
        )
        in broken.stdout.splitlines()
    )
    chinese = govops("audit", "verify")
    assert chinese.returncode == 1
    assert f"第一处断链在 chain_seq 2（person_id={person}, seq=2）" in chinese.stdout
    assert chinese.stdout.splitlines()[-1] == "1个流已断"


def test_a_stream_deleted_with_its_head_is_named(govops: Run, tmp_path: Path) -> None:
    _cadre_with_entries(govops, 2)
    _sql(tmp_path, "DELETE FROM cadre_entries")
    _sql(tmp_path, "DELETE FROM audit_heads WHERE stream = 'cadre_entries'")
    broken = govops("audit", "verify", "--lang", "en")
    assert broken.returncode == 1
    assert (
        "cadre_entries: 0 rows, head " + "0" * 64 + ": first broken link at chain_seq 1: "
        "stream shorter than its head says: the checkpoint log records 1 row"
    ) in broken.stdout.splitlines()


def test_a_signed_checkpoint_holds_while_the_chains_grow(govops: Run, tmp_path: Path) -> None:
    _cadre_with_entries(govops, 2)
    unkeyed = govops("audit", "checkpoint", "--lang", "en")
    assert unkeyed.returncode == 2
    assert unkeyed.stderr.startswith("govops: GOVOPS_AUDIT_KEY must hold the signing key")
    signed = govops("audit", "checkpoint", "--lang", "en", key=KEY)
    assert signed.returncode == 0, signed.stderr
    document = json.loads(signed.stdout)
    assert document["heads"]["cadre_entries"]["length"] == 2
    checkpoint = tmp_path / "checkpoint.json"
    checkpoint.write_text(signed.stdout, encoding="utf-8")
    _cadre_with_entries(govops, 1)  # the chains grow past the signed heads

    held = govops("audit", "verify", "--checkpoint", str(checkpoint), "--lang", "en", key=KEY)
    assert held.returncode == 0, held.stdout
    assert "every head of the signed checkpoint is in the chains" in held.stdout
    other_key = govops(
        "audit", "verify", "--checkpoint", str(checkpoint), "--lang", "en", key=KEY[::-1]
    )
    assert other_key.returncode == 1
    assert "the signature does not match" in other_key.stderr

    _sql(tmp_path, "DELETE FROM cadre_entries WHERE chain_seq = 2")
    cut = govops("audit", "verify", "--checkpoint", str(checkpoint), "--lang", "en", key=KEY)
    assert cut.returncode == 1
    assert "first broken link at chain_seq 2: row missing" in cut.stdout
    refused = govops("audit", "checkpoint", "--lang", "en", key=KEY)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "the record is not whole" in refused.stderr
