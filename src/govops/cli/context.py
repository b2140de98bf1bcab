"""What every command needs: the services from the composition root, the pack, the date,
and the words of the core's errors in the reader's language where the core gives them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from govops.bootstrap import Services, build_services
from govops.lawcode.dated.parameters import ParameterError, ParameterSnapshot
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message
from govops.packs import PackError
from govops.packs.errors import UnknownPackError
from govops.platform.cli.inputs import database
from govops.platform.cli.output import fail, parse_date
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.accounts.service.accounts import AccountsService
    from govops.platform.identity.actor import Actor

as_of_option = Annotated[
    str | None,
    typer.Option("--as-of", help="Apply the rules in force on this date (default: today)."),
]
# The language of the built-in packs these commands run when nothing else is asked.
DEFAULT_LANGUAGE = ZH_HANS


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


AsOption = Annotated[
    str | None,
    typer.Option("--as", help="The local user this command acts as (default: GOVOPS_USER)."),
]


@contextmanager
def acting_user(
    t: Translator, as_user: str | None
) -> Iterator[tuple[Engine, Actor, AccountsService]]:
    """The local user a module's command acts as (--as, or GOVOPS_USER) on the configured
    database (GOVOPS_DATABASE_URL, default ./govops.db), migrated: the engine, the actor
    and the accounts (whose access record keeps readings). A clear stop when none is
    named, or no enabled user has that name. The checks are then the API's, so a command
    may do exactly what its user may do on the pages."""
    from govops.bootstrap import build_accounts  # noqa: PLC0415

    name = as_user or os.environ.get("GOVOPS_USER", "")
    if not name:
        fail(t._("name the local user this command acts as: --as USER (or GOVOPS_USER)"))
    with database(t) as engine:
        accounts = build_accounts(engine)
        try:
            actor = accounts.accounts.local_actor(name)
        except LookupError as error:  # no such user, or disabled (UnknownUserError)
            fail(said(t, error))
        yield engine, actor, accounts.accounts


def said(t: Translator, error: BaseException) -> str:
    """An error's words: its message in the reader's language when it carries one, else
    what it says (the core's English)."""
    message = getattr(error, "message", None)
    if isinstance(message, Message | str) and message:
        return t.say(message)
    return str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)


def stop(t: Translator, error: BaseException, exit_code: int = 2) -> NoReturn:
    fail(error.shown(t) if isinstance(error, PackError) else said(t, error), exit_code)


def load(name: str, t: Translator, exit_code: int = 2) -> Pack:
    try:
        return services().open_pack(name)
    except (UnknownPackError, PackError) as error:
        stop(t, error, exit_code)


def table_of(pack: Pack, rule: str, t: Translator) -> RuleTable:
    table = pack.tables.get(rule)
    if table is None:
        fail(
            t._(
                "pack {pack} has no rule table {table} (has: {tables})",
                pack=pack.id,
                table=repr(rule),
                tables=", ".join(pack.tables),
            )
        )
    return table


def resolve_as_of(pack: Pack, as_of: str | None, t: Translator) -> date:
    if as_of is None:
        return services().today(pack.timezone)
    return parse_date(as_of, "--as-of", t)


def rules_on(pack: Pack, day: date, t: Translator) -> ParameterSnapshot:
    """The parameters in force on `day`, or a clear stop."""
    try:
        return pack.rules_as_of(day)
    except ParameterError as error:
        fail(t.say(error.message))


def rules_for(pack: Pack, as_of: str | None, t: Translator) -> ParameterSnapshot:
    """The parameters in force on --as-of (default today), or a clear stop."""
    return rules_on(pack, resolve_as_of(pack, as_of, t), t)
