"""The registers' commands: `govops registers` (record rows from a sheet, a unit's board,
an export of a register)."""

from __future__ import annotations

import typer

from govops.registers.cli import registers

GROUPS: dict[str, typer.Typer] = {"registers": registers.app}
