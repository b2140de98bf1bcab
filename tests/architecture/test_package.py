"""The package as a fresh machine installs it: the licence shipped and stated in SPDX form,
the lock files pinning every dependency (with hashes) inside pyproject.toml's ranges, the
PostgreSQL driver an extra rather than a requirement of the SQLite default."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from tests.paths import REPOSITORY

PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)(?:\s*;\s*([^\\]+))?\s*\\?$")


@cache
def project() -> dict[str, Any]:
    config = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, Any] = config["project"]
    return found


@cache
def pins(lock: str) -> dict[str, Version]:
    """Package -> the version pinned (the first pin wins when markers split it)."""
    text = (REPOSITORY / "requirements" / lock).read_text(encoding="utf-8")
    found: dict[str, Version] = {}
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match.group(1).split("[")[0])
            found.setdefault(name, Version(match.group(2)))
    return found


def test_the_licence_is_shipped_and_stated_in_spdx_form() -> None:
    assert project()["license"] == "Apache-2.0"
    assert project()["license-files"] == ["LICENSE"]
    assert "Apache License" in (REPOSITORY / "LICENSE").read_text(encoding="utf-8")


def test_postgresql_is_an_extra_and_the_holiday_data_reaches_2026() -> None:
    base = {
        canonicalize_name(Requirement(r).name): Requirement(r) for r in project()["dependencies"]
    }
    assert "psycopg" not in base
    assert "psycopg" in {
        Requirement(r).name for r in project()["optional-dependencies"]["postgres"]
    }
    assert Version("1.10") not in base["chinesecalendar"].specifier
    assert Version("1.11.0") in base["chinesecalendar"].specifier


@pytest.mark.parametrize(("lock", "extras"), [("runtime.lock", ()), ("dev.lock", ("dev",))])
def test_each_lock_pins_every_dependency_inside_its_range(
    lock: str, extras: tuple[str, ...]
) -> None:
    wanted = list(project()["dependencies"])
    for extra in extras:
        wanted += project()["optional-dependencies"][extra]
    outside = []
    for text in wanted:
        requirement = Requirement(text)
        pinned = pins(lock).get(canonicalize_name(requirement.name))
        if pinned is None or pinned not in requirement.specifier:
            outside.append((text, pinned))
    assert outside == [], "run bash scripts/lock.sh"


@pytest.mark.parametrize("lock", ["runtime.lock", "dev.lock"])
def test_every_pin_carries_its_hashes(lock: str) -> None:
    text = (REPOSITORY / "requirements" / lock).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.strip())
    unhashed = [e.split()[0] for e in entries if "==" in e and "--hash=sha256:" not in e]
    assert pins(lock) and unhashed == []


def test_both_commands_install_from_the_locks() -> None:
    scripts = {
        name: (REPOSITORY / "scripts" / name).read_text(encoding="utf-8")
        for name in ("start.sh", "test.sh")
    }
    assert (
        "--require-hashes" in scripts["start.sh"]
        and "requirements/runtime.lock" in scripts["start.sh"]
    )
    assert (
        "--require-hashes" in scripts["test.sh"] and "requirements/dev.lock" in scripts["test.sh"]
    )
