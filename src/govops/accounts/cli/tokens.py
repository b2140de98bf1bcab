"""`govops tokens create|list|revoke`: API tokens for machine clients, each acting with its
owner's grants at most. The secret is printed once, when the token is made."""

from __future__ import annotations

from typing import Annotated

import typer

from govops.accounts.cli.context import AsOption, accounts, acting, refusals, translator_for
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import to_json

app = typer.Typer(help="API tokens: create, list, revoke (each acts as its owner at most).")


@app.command("create")
def create_command(
    name: Annotated[str, typer.Option("--name", help="What the token is for.")],
    days: Annotated[int, typer.Option("--days", help="Days until it expires (1 to 366).")] = 90,
    permissions: Annotated[
        list[str] | None,
        typer.Option("--permission", help="Limit the token to this permission (repeatable)."),
    ] = None,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Create a token for the --as user; its secret is printed once."""
    t = translator_for(lang)
    limit = frozenset(permissions) if permissions else None
    with accounts(t) as found:
        actor = acting(found, as_user, t)
        secret, token = refusals(lambda: found.sessions.create_token(actor, name, days, limit), t)
    print(
        to_json(
            {"id": token.id, "token": secret, "expires_at": token.expires_at.isoformat()}, indent=2
        )
    )


@app.command("list")
def list_command(as_user: AsOption = None, lang: LanguageOption = None) -> None:
    """The --as user's tokens (without their secrets)."""
    t = translator_for(lang)
    with accounts(t) as found:
        actor = acting(found, as_user, t)
        listed = [
            {
                "id": token.id,
                "name": token.name,
                "created_at": token.created_at.isoformat(),
                "expires_at": token.expires_at.isoformat(),
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
                "permissions": sorted(token.permissions) if token.permissions is not None else None,
            }
            for token in found.sessions.tokens(actor)
        ]
    print(to_json(listed, indent=2))


@app.command("revoke")
def revoke_command(
    token_id: Annotated[str, typer.Argument(help="The token's id.")],
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Revoke one of the --as user's tokens."""
    t = translator_for(lang)
    with accounts(t) as found:
        actor = acting(found, as_user, t)
        refusals(lambda: found.sessions.revoke_token(actor, token_id), t)
    print(t._("token {id} revoked", id=token_id))
