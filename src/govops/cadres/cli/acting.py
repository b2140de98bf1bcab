"""The local user a cadre command acts as (--as, or GOVOPS_USER), read from the accounts on
the configured database (GOVOPS_DATABASE_URL, default ./govops.db), with what the commands
need beside them: the engine and the access record where dossier readings are kept.

The user is a local account (`govops users add`); the checks are those of the API
(`govops.cadres.service.access`), so a command may do exactly what its user may do on the
pages. (The accounts' own `--as` lives in the accounts module, which this module may not
import: modules stay independent; the composition root builds the accounts for both.)"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from govops.platform.cli.inputs import database
from govops.platform.cli.output import fail
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.cadres.service.access import ReadingLog
    from govops.platform.identity.actor import Actor

AsOption = Annotated[
    str | None,
    typer.Option("--as", help="The local user this command acts as (default: GOVOPS_USER)."),
]


@dataclass(frozen=True)
class Signed:
    """The command's user on the configured database."""

    engine: Engine
    actor: Actor
    reading_log: ReadingLog


@contextmanager
def signed_in(t: Translator, as_user: str | None) -> Iterator[Signed]:
    """The user named by --as (or GOVOPS_USER) on the configured database, migrated; a
    clear stop when none is named, or no enabled user has that name."""
    from govops.bootstrap import build_accounts  # noqa: PLC0415
    from govops.cli.context import said  # noqa: PLC0415

    name = as_user or os.environ.get("GOVOPS_USER", "")
    if not name:
        fail(t._("name the local user this command acts as: --as USER (or GOVOPS_USER)"))
    with database(t) as engine:
        accounts = build_accounts(engine)
        try:
            actor = accounts.accounts.local_actor(name)
        except LookupError as error:  # no such user, or disabled (UnknownUserError)
            fail(said(t, error))
        yield Signed(engine, actor, accounts.accounts)
