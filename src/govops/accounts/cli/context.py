"""What the accounts' commands share: the services on the configured database, the local
user a command acts as (--as, or GOVOPS_USER), and refusals turned into `govops: ...`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from govops.platform.cli.inputs import database
from govops.platform.cli.language import command_translator
from govops.platform.cli.output import fail
from govops.platform.i18n.languages import ZH_HANS
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from govops.bootstrap import Accounts
    from govops.platform.identity.actor import Actor

T = TypeVar("T")
AsOption = Annotated[
    str | None,
    typer.Option("--as", help="The local user this command acts as (default: GOVOPS_USER)."),
]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from standard input (scripts)."),
]


def translator_for(lang: str | None) -> Translator:
    return command_translator(lang, ZH_HANS)


@contextmanager
def accounts(t: Translator) -> Iterator[Accounts]:
    from govops.bootstrap import build_accounts  # noqa: PLC0415

    with database(t) as engine:
        yield build_accounts(engine)


def acting(found: Accounts, as_user: str | None, t: Translator) -> Actor:
    """The local user the command acts as; a clear stop when none is named or known."""
    from govops.accounts.service.errors import AccountsError  # noqa: PLC0415

    name = as_user or os.environ.get("GOVOPS_USER", "")
    if not name:
        fail(t._("name the local user this command acts as: --as USER (or GOVOPS_USER)"))
    try:
        return found.accounts.local_actor(name)
    except AccountsError as error:
        fail(t.say(error.message))


def refusals(action: Callable[[], T], t: Translator) -> T:
    """Run a use case; its refusals become `govops: ...` and exit status 2 (4 for what the
    user may not do, as in every module's commands)."""
    from govops.accounts.model.roles import RoleCatalogueError  # noqa: PLC0415
    from govops.accounts.model.units import UnitInputError  # noqa: PLC0415
    from govops.accounts.model.users import AccountInputError  # noqa: PLC0415
    from govops.accounts.service.errors import AccountsError, NotAllowedError  # noqa: PLC0415
    from govops.platform.identity.units import UnitTreeError  # noqa: PLC0415

    try:
        return action()
    except AccountInputError as error:
        fail(t._("{field}: {problem}", field=error.field, problem=t.say(error.message)))
    except NotAllowedError as error:
        fail(t.say(error.message), 4)
    except (AccountsError, UnitInputError, RoleCatalogueError) as error:
        fail(t.say(error.message))
    except UnitTreeError as error:
        fail(t._("the units do not form a tree: {problem}", problem=str(error)))


def read_password(from_stdin: bool, t: Translator, confirm: bool = True) -> str:
    """A password from standard input (one line) or typed twice at a prompt."""
    import getpass  # noqa: PLC0415

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t._("Password: "))
    if confirm and getpass.getpass(t._("Again: ")) != first:
        fail(t._("the two passwords differ"))
    return first
