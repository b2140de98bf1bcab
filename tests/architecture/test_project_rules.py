"""Project-wide rules, checked on the source itself."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "govops"
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
