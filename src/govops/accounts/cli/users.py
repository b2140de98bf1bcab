"""`govops users add|list|disable|reset-password|grant|revoke`. On a new system the first
user is added without --as and may be granted the administrator role (the first
administrator); after that an administrator acts (--as). `reset-password` without --as
is the operator's recovery on the server itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from govops.accounts.cli.context import (
    AsOption,
    PasswordStdin,
    accounts,
    acting,
    read_password,
    refusals,
    translator_for,
)
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import to_json
from govops.platform.i18n.translator import Translator

if TYPE_CHECKING:
    from govops.accounts.service.accounts import AccountsService
    from govops.platform.identity.actor import Actor

app = typer.Typer(help="Users: add, list, disable, reset a password, grant and revoke roles.")
Name = Annotated[str, typer.Argument(help="The user name (lower-case letters, digits, . _ -).")]


@app.command("add")
def add_command(
    username: Name,
    display_name: Annotated[str, typer.Option("--name", help="The name shown on pages.")],
    role: Annotated[str | None, typer.Option("--role", help="A role to grant at --unit.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="The unit of --role.")] = None,
    password_stdin: PasswordStdin = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Add a user (the first one, the administrator, without --as)."""
    t = translator_for(lang)
    password = read_password(password_stdin, t)
    with accounts(t) as found:
        actor = (
            None
            if as_user is None and not found.accounts.has_users()
            else acting(found, as_user, t)
        )
        refusals(lambda: found.accounts.add_user(actor, username, display_name, password), t)
        if role is not None and unit is not None:
            refusals(lambda: found.accounts.grant(actor, username, role, unit), t)
    print(t._("user {name} added", name=username))


@app.command("list")
def list_command(as_user: AsOption = None, lang: LanguageOption = None) -> None:
    """The users, with their roles (JSON)."""
    t = translator_for(lang)
    with accounts(t) as found:
        actor = acting(found, as_user, t)
        listed = []
        for user in refusals(lambda: found.accounts.users(actor), t):
            grants = found.accounts.grants(actor, user.username)
            listed.append(
                {
                    "username": user.username,
                    "name": user.display_name,
                    "disabled": user.disabled,
                    "grants": [{"role": g.role, "unit": g.unit} for g in grants],
                }
            )
    print(to_json(listed, indent=2))


@app.command("disable")
def disable_command(username: Name, as_user: AsOption = None, lang: LanguageOption = None) -> None:
    """Disable a user: they can no longer sign in, their sessions end."""
    t = translator_for(lang)
    with accounts(t) as found:
        actor = acting(found, as_user, t)
        refusals(lambda: found.accounts.disable(actor, username), t)
    print(t._("user {name} disabled", name=username))


@app.command("reset-password")
def reset_password_command(
    username: Name,
    password_stdin: PasswordStdin = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Give a user a new password; their sessions end."""
    t = translator_for(lang)
    password = read_password(password_stdin, t)
    with accounts(t) as found:
        actor = acting(found, as_user, t) if as_user else None
        refusals(lambda: found.accounts.reset_password(actor, username, password), t)
    print(t._("password of {name} reset", name=username))


@app.command("grant")
def grant_command(
    username: Name,
    role: Annotated[str, typer.Argument(help="The role (see roles.yaml).")],
    unit: Annotated[str, typer.Argument(help="The unit code: the grant applies below it too.")],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Grant a role at a unit."""
    t = translator_for(lang)
    done = _change_grant(lambda found: found.grant, username, role, unit, as_user, t)
    print(t._("granted") if done else t._("held already"))


@app.command("revoke")
def revoke_command(
    username: Name,
    role: Annotated[str, typer.Argument(help="The role.")],
    unit: Annotated[str, typer.Argument(help="The unit code.")],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Revoke a role at a unit."""
    t = translator_for(lang)
    done = _change_grant(lambda found: found.revoke, username, role, unit, as_user, t)
    print(t._("revoked") if done else t._("not held"))


def _change_grant(
    change: Callable[[AccountsService], Callable[[Actor, str, str, str], bool]],
    username: str,
    role: str,
    unit: str,
    as_user: str | None,
    t: Translator,
) -> bool:
    """Grant or revoke (`change` picks the use case) the role at the unit, as `as_user`;
    whether anything changed (a refusal exits, saying why)."""
    with accounts(t) as found:
        actor = acting(found, as_user, t)
        done = refusals(lambda: change(found.accounts)(actor, username, role, unit), t)
    return done
