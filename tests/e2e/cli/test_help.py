"""Asking `govops` for help imports none of the heavy libraries (each command is imported
only when run): the listing is printed by a process that never loads polars, SQLAlchemy,
numpy, FastAPI or the modules' bootstrap."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("polars", "sqlalchemy", "numpy", "fastapi", "govops.bootstrap")


def test_asking_for_help_imports_no_heavy_library() -> None:
    script = (
        "import sys\n"
        "from govops.cli.app import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert "registers" in done.stdout  # the listing was printed
    assert done.stdout.splitlines()[-1] == "[]"


PLAN_PARTS = (
    "govops.lawcode.plans.programme",
    "govops.lawcode.plans.indicators",
    "govops.lawcode.registers.rules",
    "govops.packs.plans.build",
    "govops.cadres.service.registry",
    "govops.incidents.service.incident",
)


def test_deciding_with_a_pack_without_a_plan_loads_no_plan_module() -> None:
    # the modules of a programme, indicators and registers load with a pack that has them;
    # the composition root imports a module's services only when it builds them
    script = (
        "import sys\n"
        "from govops.cli.app import app\n"
        "try:\n    app(['decide', 'cn-county-mass-incident', 'grade'])\nexcept SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {PLAN_PARTS!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input='{"participants": 5000, "seriously_affects_stability": true}',
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"outcome": "I"' in done.stdout, done.stdout  # decided
    assert done.stdout.splitlines()[-1] == "[]"
