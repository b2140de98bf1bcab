"""The `govops` command: one Typer app. The platform's own commands are here; each
module's command groups come from its `cli` room (`GROUPS`)."""

from __future__ import annotations

import typer

from govops.accounts import cli as accounts_cli
from govops.cadres import cli as cadres_cli
from govops.cli import audit, calendar, packs, sources
from govops.cli.batch import batch_command, what_if_command
from govops.cli.decide import decide_command
from govops.cli.demo import demo_command
from govops.cli.serve import serve_command
from govops.communities import cli as communities_cli
from govops.programmes import cli as programmes_cli
from govops.registers import cli as registers_cli
from govops.warnings import cli as warnings_cli

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
app.add_typer(audit.app, name="audit")
app.add_typer(sources.app, name="source")
MODULES = (accounts_cli, cadres_cli, communities_cli, programmes_cli, registers_cli, warnings_cli)
for module in MODULES:
    for name, group in module.GROUPS.items():
        app.add_typer(group, name=name)


def main() -> None:
    app()
