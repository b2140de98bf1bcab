"""Signed-in test clients: an actor holding every role at every root of the demonstration
tree (for tests about something else than access), actors of one role at one unit (for the
access tests), and an authenticator that knows them by their bearer token."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from govops.accounts.demo import county_units, other_units
from govops.accounts.model.roles import builtin_catalogue_text, parse_catalogue
from govops.bootstrap import INCIDENT_PACK, pack_units
from govops.packs import load_builtin_pack
from govops.platform.api.auth import SESSION_COOKIE
from govops.platform.identity.actor import Actor, Grant
from govops.platform.identity.roles import RoleCatalogue
from govops.platform.identity.units import Unit, UnitTree

CATALOGUE: RoleCatalogue = parse_catalogue(builtin_catalogue_text())
EVERYTHING = "tester"
PASSWORD = "a test password, long enough"
ADMINISTRATOR = "test-administrator"  # who adds the signed-in test users


def demo_units() -> list[Unit]:
    """The demonstration organisations (as `serve --demo` loads them)."""
    pack = load_builtin_pack(INCIDENT_PACK)
    departments = [(o.value, dict(o.labels)) for o in pack.table("route").outcomes]
    return [*county_units(departments), *pack_units(), *other_units()]


TREE = UnitTree.of(demo_units())


def actor(username: str, *grants: tuple[str, str], display_name: str = "") -> Actor:
    """`username` holding each (role, unit) of `grants`."""
    held = tuple(Grant(role, unit) for role, unit in grants)
    return Actor(username, username, display_name or username, held, CATALOGUE, TREE)


def everything() -> Actor:
    """Every role at every root: allowed to do anything anywhere."""
    grants = [(role, root) for role in CATALOGUE.roles for root in TREE.roots()]
    return actor(EVERYTHING, *grants, display_name="测试员")


def bearer(username: str = EVERYTHING) -> dict[str, str]:
    return {"Authorization": f"Bearer {username}"}


@dataclass
class TokenAuthenticator:
    """Knows the actors by a bearer token equal to their user name (and by a session
    cookie of the same value)."""

    actors: Mapping[str, Actor] = field(default_factory=lambda: {EVERYTHING: everything()})

    def session_actor(self, secret: str) -> Actor | None:
        return self.actors.get(secret)

    def token_actor(self, secret: str) -> Actor | None:
        return self.actors.get(secret)


def sign_in(app: object, username: str = EVERYTHING, *grants: tuple[str, str]) -> dict[str, str]:
    """A real user of the application `build_app` made (its accounts on its database):
    the demonstration units recorded if there are none, `username` added with `grants`
    (none: every role at every root) and signed in; the header carrying their session."""
    return session_for(app.state.accounts, username, *grants)  # type: ignore[attr-defined]


def session_for(accounts: Any, username: str, *grants: tuple[str, str]) -> dict[str, str]:
    """As `sign_in`, on the accounts `bootstrap.build_accounts` built (for a database a
    separate server process serves). The user is added by a first administrator, made
    as the command line makes them on an empty system."""
    if not list(accounts.units.tree()):
        accounts.units.record(None, demo_units())
    if not accounts.accounts.has_users():
        accounts.accounts.add_user(None, ADMINISTRATOR, ADMINISTRATOR, PASSWORD)
        for root in TREE.roots():
            accounts.accounts.grant(None, ADMINISTRATOR, "administrator", root)
    admin = accounts.accounts.local_actor(ADMINISTRATOR)
    held = grants or tuple((role, root) for role in CATALOGUE.roles for root in TREE.roots())
    accounts.accounts.add_user(admin, username, username, PASSWORD)
    for role, unit in held:
        accounts.accounts.grant(admin, username, role, unit)
    secret, _ = accounts.sessions.log_in(username, PASSWORD, "testclient")
    return {"Cookie": f"{SESSION_COOKIE}={secret}"}
