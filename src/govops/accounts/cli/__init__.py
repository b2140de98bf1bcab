"""The accounts' commands: `govops users`, `govops tokens` and `govops units`."""

from __future__ import annotations

import typer

from govops.accounts.cli import tokens, units, users

GROUPS: dict[str, typer.Typer] = {"users": users.app, "tokens": tokens.app, "units": units.app}
