"""What every command needs: the services from the composition root, the pack, the date."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Annotated

import typer

from govops.bootstrap import Services, build_services
from govops.lawcode.dated.parameters import ParameterError, ParameterSnapshot
from govops.lawcode.sources.pack import Pack
from govops.packs import PackError
from govops.packs.registry import UnknownPackError
from govops.platform.cli.output import fail, parse_date

as_of_option = Annotated[
    str | None,
    typer.Option("--as-of", help="Apply the rules in force on this date (default: today)."),
]


@cache
def services() -> Services:
    return build_services()


encoding_option = Annotated[
    str,
    typer.Option(
        "--encoding",
        help="Text encoding of the input, e.g. gb18030 for a CSV saved by Excel on a Chinese PC.",
    ),
]


def load(name: str, exit_code: int = 2) -> Pack:
    try:
        return services().open_pack(name)
    except (UnknownPackError, PackError) as error:
        fail(str(error), exit_code)


def resolve_as_of(pack: Pack, as_of: str | None) -> date:
    if as_of is None:
        return services().today(pack.timezone)
    return parse_date(as_of, "--as-of")


def rules_for(pack: Pack, as_of: str | None) -> ParameterSnapshot:
    """The parameters in force on --as-of (default today), or a clear stop."""
    try:
        return pack.rules_as_of(resolve_as_of(pack, as_of))
    except ParameterError as error:
        fail(str(error))
