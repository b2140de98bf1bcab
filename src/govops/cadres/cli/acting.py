"""The local user a cadre command acts as (--as, or GOVOPS_USER), read from the accounts on
the configured database (GOVOPS_DATABASE_URL, default ./govops.db), with what the commands
need beside them: the engine and the access record where dossier readings are kept.

The user is a local account (`govops users add`); the checks are those of the API
(`govops.cadres.service.access`), so a command may do exactly what its user may do on the
pages. (The accounts' own `--as` lives in the accounts module, which this module may not
import: modules stay independent; the composition root builds the accounts for both.)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govops.cli.context import AsOption, acting_user
from govops.platform.i18n.translator import Translator

__all__ = ["AsOption", "Signed", "signed_in"]

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from govops.cadres.service.access import ReadingLog
    from govops.platform.identity.actor import Actor


@dataclass(frozen=True)
class Signed:
    """The command's user on the configured database."""

    engine: Engine
    actor: Actor
    reading_log: ReadingLog


@contextmanager
def signed_in(t: Translator, as_user: str | None) -> Iterator[Signed]:
    """The user named by --as (or GOVOPS_USER) on the configured database, migrated
    (`govops.cli.context.acting_user`)."""
    with acting_user(t, as_user) as (engine, actor, accounts):
        yield Signed(engine, actor, accounts)
