"""Project-wide rules, checked on the source itself."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from tests.paths import REPOSITORY

SOURCE = REPOSITORY / "src" / "govops"
TESTS = REPOSITORY / "tests"
MODULES = (
    "accounts",
    "incidents",
    "cadres",
    "communities",
    "programmes",
    "registers",
    "warnings",
)
ROOMS = {"model", "ports", "service", "demo", "storage", "api", "web", "reports", "cli"}
CORE_MAY_IMPORT = set(sys.stdlib_module_names) | {"polars", "govops"}
MAX_MODULE_LINES = 300


def _imported_top_level_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_imports_only_the_standard_library_polars_and_itself() -> None:
    offending = {
        str(path.relative_to(SOURCE)): sorted(_imported_top_level_names(path) - CORE_MAY_IMPORT)
        for path in (SOURCE / "lawcode").rglob("*.py")
    }
    assert {k: v for k, v in offending.items() if v} == {}


def test_the_core_imports_no_other_govops_layer() -> None:
    for path in (SOURCE / "lawcode").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("govops")
            ):
                assert node.module.startswith("govops.lawcode"), f"{path.name}: {node.module}"


def test_modules_stay_small() -> None:
    too_long = {
        str(path.relative_to(SOURCE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in SOURCE.rglob("*.py")
    }
    assert {k: n for k, n in too_long.items() if n > MAX_MODULE_LINES} == {}


def test_packs_are_data_not_code() -> None:
    builtin = SOURCE / "packs" / "builtin"
    assert [p.name for p in builtin.rglob("*") if p.is_file() and p.suffix != ".yaml"] == []


def test_every_module_has_only_the_rooms_every_module_has() -> None:
    """One module is one folder; what it holds is one of the same rooms (a module or a
    package), as import-linter's exhaustive layers contract also checks."""
    strays = {}
    for module in MODULES:
        folder = SOURCE / module
        names = {p.stem for p in folder.iterdir() if p.name != "__init__.py"}
        names -= {"__pycache__"}
        strays[module] = sorted(names - ROOMS)
    assert {m: s for m, s in strays.items() if s} == {}


def test_the_tests_mirror_the_source_tree() -> None:
    """Each folder of unit, integration and end-to-end tests is a package of the source."""
    unmatched = []
    for tier in ("unit", "integration", "e2e"):
        for folder in (TESTS / tier).rglob("*"):
            if not folder.is_dir() or folder.name == "__pycache__":
                continue
            if not (SOURCE / folder.relative_to(TESTS / tier)).is_dir():
                unmatched.append(str(folder.relative_to(TESTS)))
    assert unmatched == []
