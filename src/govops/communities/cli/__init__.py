"""The community module's commands: `govops communities` (the registry of a street office's
community organisations, its imports, its composition checks and its alerts)."""

from __future__ import annotations

import typer

from govops.communities.cli import alerts, composition, elections, registry

registry.app.command("import")(composition.import_command)
registry.app.command("check")(composition.check_command)
registry.app.command("check-street")(composition.check_street_command)
registry.app.command("alerts")(alerts.alerts_command)
registry.app.command("election")(elections.election_command)
registry.app.command("voters")(elections.voters_command)
registry.app.command("elections")(elections.elections_command)

GROUPS: dict[str, typer.Typer] = {"communities": registry.app}
