"""The warning module's commands: `govops warnings ingest | compute | watch | demo-files`."""

from __future__ import annotations

import typer

from govops.warnings.cli import compute, demo, ingest, watch

ingest.app.command("compute")(compute.compute_command)
ingest.app.command("watch")(watch.watch_command)
ingest.app.command("demo-files")(demo.demo_files_command)

GROUPS: dict[str, typer.Typer] = {"warnings": ingest.app}
