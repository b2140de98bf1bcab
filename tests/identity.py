"""Signed-in test clients: an actor holding every role at every root of the demonstration
tree (for tests about something else than access), actors of one role at one unit (for the
access tests), and an authenticator that knows them by their bearer token."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from govops.accounts.demo import county_units, other_units
from govops.accounts.model.roles import builtin_catalogue_text, parse_catalogue
from govops.bootstrap import INCIDENT_PACK, pack_units
from govops.packs import load_builtin_pack
from govops.platform.identity.actor import Actor, Grant
from govops.platform.identity.roles import RoleCatalogue
from govops.platform.identity.units import Unit, UnitTree

CATALOGUE: RoleCatalogue = parse_catalogue(builtin_catalogue_text())
EVERYTHING = "tester"


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
