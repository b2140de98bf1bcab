"""The `govops` command: one Typer app, each command group in its own module."""

from __future__ import annotations

import typer

from govops.cli import (
    cadre_reports,
    cadres,
    calendar,
    packs,
    programme,
    selections,
    srb,
    srb_progress,
    warnings_compute,
    warnings_demo,
    warnings_watch,
)
from govops.cli import warnings as warnings_cli
from govops.cli.batch import batch_command, what_if_command
from govops.cli.decide import decide_command
from govops.cli.demo import demo_command
from govops.cli.serve import serve_command

app = typer.Typer(
    help="govops: local-government plans and regulations run as code.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command("demo")(demo_command)
app.command("decide")(decide_command)
app.command("batch")(batch_command)
app.command("what-if")(what_if_command)
app.command("serve")(serve_command)
app.add_typer(packs.app, name="pack")
app.add_typer(calendar.app, name="calendar")
cadres.app.command("alerts")(cadre_reports.alerts_command)
cadres.app.command("screen")(cadre_reports.screen_command)
app.add_typer(cadres.app, name="cadres")
app.add_typer(selections.app, name="selections")
app.add_typer(programme.app, name="programme")
srb.app.command("progress")(srb_progress.progress_command)
app.add_typer(srb.app, name="srb")
warnings_cli.app.command("compute")(warnings_compute.compute_command)
warnings_cli.app.command("watch")(warnings_watch.watch_command)
warnings_cli.app.command("demo-files")(warnings_demo.demo_files_command)
app.add_typer(warnings_cli.app, name="warnings")


def main() -> None:
    app()
