"""The authenticated actor of a request or a command: the user, the roles granted to them
at units (each grant applying to the unit and every unit below it), and how they came in
(a session, an API token, the command line). Use cases receive it; events record its
user and the unit in which they acted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from govops.platform.identity.roles import RoleCatalogue
from govops.platform.identity.units import UnitTree


@dataclass(frozen=True, slots=True)
class Grant:
    """A role at a unit (and every unit below it)."""

    role: str
    unit: str


@dataclass(frozen=True)
class Actor:
    """`permissions_limit`: an API token's own limit (None: the owner's grants)."""

    user_id: str
    username: str
    display_name: str
    grants: tuple[Grant, ...]
    catalogue: RoleCatalogue
    tree: UnitTree
    via: str = "session"  # session, token or cli
    permissions_limit: frozenset[str] | None = None

    def signature(self, unit: str | None) -> str:
        """How events name the actor: the user's name and the unit they acted in
        (`duty@demo-county`), or the name alone where no unit applies."""
        return f"{self.username}@{unit}" if unit else self.username

    def _granted(self, grant: Grant) -> frozenset[str]:
        role = self.catalogue.roles.get(grant.role)
        held = role.permissions if role is not None else frozenset()
        return held if self.permissions_limit is None else held & self.permissions_limit

    def permissions_at(self, unit: str) -> frozenset[str]:
        """What the actor may do at `unit`: the roles granted there or above it."""
        if unit not in self.tree:
            return frozenset()
        above = set(self.tree.ancestors(unit))
        found: set[str] = set()
        for grant in self.grants:
            if grant.unit in above:
                found |= self._granted(grant)
        return frozenset(found)

    def can(self, permission: str, unit: str | None = None) -> bool:
        """At `unit`, or (None) at some unit."""
        if unit is not None:
            return permission in self.permissions_at(unit)
        return any(permission in self._granted(grant) for grant in self.grants)

    def scope(self, permission: str) -> Scope:
        """The units where the actor holds `permission`: its grants' units and below."""
        tops = {
            g.unit for g in self.grants if permission in self._granted(g) and g.unit in self.tree
        }
        return Scope(frozenset(tops), self.tree)

    def acting_unit(self, permission: str, unit: str | None = None) -> str | None:
        """The unit the actor acts in for `permission` (at `unit`): the grant's own unit
        nearest to it; None when they may not."""
        if unit is not None:
            for code in self.tree.ancestors(unit) if unit in self.tree else ():
                if any(g.unit == code and permission in self._granted(g) for g in self.grants):
                    return code
            return None
        for grant in self.grants:
            if permission in self._granted(grant):
                return grant.unit
        return None


@dataclass(frozen=True)
class Scope:
    """Units under the given tops: what an actor may see or touch for one permission."""

    tops: frozenset[str]
    tree: UnitTree

    def __contains__(self, unit: object) -> bool:
        return (
            isinstance(unit, str)
            and unit in self.tree
            and bool(self.tops.intersection(self.tree.ancestors(unit)))
        )

    def units(self) -> set[str]:
        found: set[str] = set()
        for top in self.tops:
            found.update(self.tree.below(top))
        return found

    def filter(self, units: Iterable[str]) -> list[str]:
        return [unit for unit in units if unit in self]
