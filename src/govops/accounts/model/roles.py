"""The role catalogue as data (roles.yaml beside this module, or an organisation's own
file): every role's permissions must be known, every name given."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files

import yaml

from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.roles import Permission, Role, RoleCatalogue

ADMINISTRATOR = "administrator"


class RoleCatalogueError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def builtin_catalogue_text() -> str:
    return files("govops.accounts.model").joinpath("roles.yaml").read_text(encoding="utf-8")


def parse_catalogue(text: str) -> RoleCatalogue:
    """The catalogue of a roles.yaml text; RoleCatalogueError saying what is wrong."""
    try:
        found = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RoleCatalogueError(msg("not YAML: {error}", error=str(error))) from None
    if not isinstance(found, dict):
        raise RoleCatalogueError(msg("a mapping with permissions and roles is expected"))
    permissions = {
        code: Permission(code, _names(names, code))
        for code, names in _mapping(found.get("permissions"), "permissions").items()
    }
    roles = {}
    for code, written in _mapping(found.get("roles"), "roles").items():
        role = _mapping(written, code)
        held = role.get("permissions") or []
        if not isinstance(held, list):
            raise RoleCatalogueError(msg("role {role}: a list of permissions", role=code))
        unknown = [p for p in held if p not in permissions]
        if unknown:
            raise RoleCatalogueError(
                msg("role {role}: unknown permissions {unknown}", role=code, unknown=str(unknown))
            )
        roles[code] = Role(code, _names(role.get("names"), code), frozenset(held))
    if ADMINISTRATOR not in roles:
        raise RoleCatalogueError(msg("the catalogue must have an administrator role"))
    return RoleCatalogue(permissions, roles)


def _mapping(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise RoleCatalogueError(msg("{where}: a mapping is expected", where=where))
    return value


def _names(value: object, where: str) -> Mapping[str, str]:
    names = _mapping(value, where)
    if not names or not all(isinstance(v, str) and v.strip() for v in names.values()):
        raise RoleCatalogueError(msg("{where}: names in at least one language", where=where))
    return {language: str(name) for language, name in names.items()}
