"""Who may read and record a community's registry, in one place for the API, the pages
and the commands.

A community is a unit of the organisation tree of kind `community`, under its street; its
registry belongs to that unit. A grant at the community, its street or above reaches it:
a street office's staff see their street's communities and no other.

- Reading a community outside one's units is answered as an unknown community (404), so
  that nothing outside them is even confirmed; a list leaves it out.
- Recording where one may read but not record is NotAllowedError (403).
- An event names its actor as `username@unit`, the unit the grant used is at."""

from __future__ import annotations

from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.actor import Actor

COMMUNITY_READ = "community.read"
COMMUNITY_RECORD = "community.record"
COMMUNITY_KIND = "community"  # the unit kind of a community in the organisation tree


class CommunityNotFoundError(LookupError):
    """No such community, or none the actor may see; `message` says which."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class NotAllowedError(PermissionError):
    """A signed-in actor who may not do this here (answered 403); `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def holding(actor: Actor, *codes: str) -> None:
    """The commands' counterpart of a route's rule: NotAllowedError unless the actor holds
    one of `codes` at some unit."""
    if not any(actor.can(code) for code in codes):
        raise NotAllowedError(
            msg("you do not hold the permission {permission}", permission=" | ".join(codes))
        )


def unknown(code: str) -> CommunityNotFoundError:
    return CommunityNotFoundError(msg("no community {community}", community=repr(code)))


def is_community(actor: Actor, code: str) -> bool:
    return code in actor.tree and actor.tree.get(code).kind == COMMUNITY_KIND


def readable(actor: Actor, code: str) -> str:
    """The community's code, when the actor may read it; CommunityNotFoundError, as for
    an unknown one, otherwise."""
    if not is_community(actor, code) or actor.acting_unit(COMMUNITY_READ, code) is None:
        raise unknown(code)
    return code


def signature(actor: Actor, code: str) -> str:
    """How an event recorded in the community names the actor (`username@unit`);
    CommunityNotFoundError where they may not even read it, NotAllowedError where they
    may read but not record."""
    readable(actor, code)
    unit = actor.acting_unit(COMMUNITY_RECORD, code)
    if unit is None:
        raise NotAllowedError(
            msg(
                "you do not hold the permission {permission} at {unit}",
                permission=COMMUNITY_RECORD,
                unit=code,
            )
        )
    return actor.signature(unit)


def visible(actor: Actor, under: str | None = None) -> list[str]:
    """The communities the actor may read (below `under`, a street, when given), by code;
    CommunityNotFoundError for an `under` they may not see at all."""
    if under is not None and (under not in actor.tree or not _sees_into(actor, under)):
        raise CommunityNotFoundError(msg("no unit {unit}", unit=repr(under)))
    codes = actor.tree.below(under) if under is not None else [u.code for u in actor.tree]
    scope = actor.scope(COMMUNITY_READ)
    return sorted(c for c in codes if is_community(actor, c) and c in scope)


def _sees_into(actor: Actor, unit: str) -> bool:
    """Whether any unit at or below `unit` is in the actor's reading scope."""
    scope = actor.scope(COMMUNITY_READ)
    return any(code in scope for code in actor.tree.below(unit))
