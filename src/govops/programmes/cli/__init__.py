"""The programme module's commands: `govops programme` (a plan's budget checked, its
progress), `govops srb` (the sex ratio at birth: compute, rank, progress) and `govops
indicators` (a plan's indicators against its targets, its evaluation report)."""

from __future__ import annotations

import typer

from govops.programmes.cli import indicators, plan, srb, srb_progress

srb.app.command("progress")(srb_progress.progress_command)

GROUPS: dict[str, typer.Typer] = {
    "programme": plan.app,
    "srb": srb.app,
    "indicators": indicators.app,
}
