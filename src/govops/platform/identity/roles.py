"""Roles as data: each a named set of permissions (`incident.report`, `dossier.read`...),
with its name in the languages it is written in. The catalogue ships as data
(src/govops/accounts/model/roles.yaml) and is granted per unit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    names: Mapping[str, str]
    permissions: frozenset[str]


@dataclass(frozen=True, slots=True)
class Permission:
    code: str  # module.action: incident.report, dossier.read, ...
    names: Mapping[str, str]


@dataclass(frozen=True)
class RoleCatalogue:
    """The permissions there are and the roles that bundle them."""

    permissions: Mapping[str, Permission]
    roles: Mapping[str, Role]

    def role(self, code: str) -> Role:
        return self.roles[code]
