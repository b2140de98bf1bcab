"""The cadre module's commands: `govops cadres` (the registry, with its alerts and its
screening) and `govops selections` (selection cases under the procedure)."""

from __future__ import annotations

import typer

from govops.cadres.cli import registry, reports, selection

registry.app.command("alerts")(reports.alerts_command)
registry.app.command("screen")(reports.screen_command)

GROUPS: dict[str, typer.Typer] = {"cadres": registry.app, "selections": selection.app}
