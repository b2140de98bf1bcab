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
