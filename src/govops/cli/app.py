"""The `govops` command: one Typer app whose commands are imported only when run
(`cli.lazy`), so that asking for help or deciding one record does not pay for polars,
SQLAlchemy and every module. The platform's own commands live in `govops.cli`; each
module's command groups in its `cli` room."""

from __future__ import annotations

import typer

from govops.cli.lazy import Lazy, LazyGroup

COMMANDS = (
    Lazy("demo", "govops.cli.demo:demo_command",
         help="Grade the pack's sample incidents, with reasons, departments and deadlines."),
    Lazy("decide", "govops.cli.decide:decide_command",
         help="Decide records read from stdin; a bad record gets an error line, exit status 2."),
    Lazy("batch", "govops.cli.batch:batch_command",
         help="Decide every record of INPUT; OUTPUT gets its columns plus `outcome`, `clause` (the "
         "deciding clause) and `approximate` (inputs given as approximate figures)."),
    Lazy("what-if", "govops.cli.batch:what_if_command",
         help="List the records of INPUT whose outcome changes when one parameter changes (JSON "
         "Lines)."),
    Lazy("serve", "govops.cli.serve:serve_command",
         help="Serve the incident pages at / and the API at /api/v1 until stopped (Ctrl+C)."),
    Lazy("pack", "govops.cli.packs:app", help="Inspect, check and test packs."),
    Lazy("calendar", "govops.cli.calendar:app",
         help="Working-day calendars (CN with make-up working days, VN)."),
    Lazy("audit", "govops.cli.audit:app",
         help="Prove the record unaltered: hash chains and signed checkpoints."),
    Lazy("source", "govops.cli.sources:app", help="Read source documents as data."),
    Lazy("users", "govops.accounts.cli:GROUPS",
         help="Users: add, list, disable, reset a password, grant and revoke roles."),
    Lazy("tokens", "govops.accounts.cli:GROUPS",
         help="API tokens: create, list, revoke (each acts as its owner at most)."),
    Lazy("units", "govops.accounts.cli:GROUPS",
         help="The organisation's units: import from CSV, list, a unit's history."),
    Lazy("cadres", "govops.cadres.cli:GROUPS",
         help="The cadre registry: people, dated entries, corrections, eligibility."),
    Lazy("selections", "govops.cadres.cli:GROUPS",
         help="Selection cases: motion, each step under its guards, the dossier."),
    Lazy("communities", "govops.communities.cli:GROUPS",
         help="Community organisations: the registry, imports, composition checks."),
    Lazy("programme", "govops.programmes.cli:GROUPS",
         help="Programme plans: budget check, progress (in Vietnamese unless --lang or the locale "
         "says otherwise)."),
    Lazy("srb", "govops.programmes.cli:GROUPS",
         help="Sex ratio at birth (SRB): compute, rank, progress against a plan's target."),
    Lazy("indicators", "govops.programmes.cli:GROUPS",
         help="A plan's indicators against its targets, from yearly figures (in Chinese unless "
         "--lang or the locale says otherwise)."),
    Lazy("registers", "govops.registers.cli:GROUPS",
         help="The district's registers: figures, reserves, shelters, duties, roster, hazards."),
    Lazy("warnings", "govops.warnings.cli:GROUPS",
         help="Rainstorm early warning from automatic weather stations."),
)  # fmt: skip


class Root(LazyGroup):
    COMMANDS = COMMANDS


app = typer.Typer(
    cls=Root,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def root() -> None:
    """govops: local-government plans and regulations run as code."""


def main() -> None:
    app()
