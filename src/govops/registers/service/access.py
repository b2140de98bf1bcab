"""Who may read and record a unit's registers, in one place for the API, the pages and the
commands.

Registers are kept by the district, its streets and their communities (units of those
kinds); a grant at the unit or above reaches it: street staff keep their street's, the
district's office sees all. A unit outside one's scope is answered as an unknown one
(404); recording where one may only read is NotAllowedError (403). An event names its
actor as `username@unit`, the unit the grant used is at."""

from __future__ import annotations

from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree

REGISTER_READ = "register.read"
REGISTER_RECORD = "register.record"
KEEPING = ("district", "street", "community")  # the kinds of unit that keep registers
BOARDS = ("district", "street")  # the kinds of unit with a dashboard


class RegisterNotFoundError(LookupError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class NotAllowedError(PermissionError):
    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def unknown(unit: str) -> RegisterNotFoundError:
    return RegisterNotFoundError(msg("no registers of unit {unit}", unit=repr(unit)))


def keeping(tree: UnitTree, unit: str, pack_id: str, kinds: tuple[str, ...] = KEEPING) -> bool:
    """Whether `unit` keeps registers under the pack: a unit of `kinds` at or below a unit
    running it (Xicheng's streets, not another province's districts)."""
    if unit not in tree or tree.get(unit).kind not in kinds:
        return False
    return any(tree.within(unit, root) for root in tree.running(pack_id))


def readable(actor: Actor, unit: str, pack_id: str, kinds: tuple[str, ...] = KEEPING) -> str:
    """The unit, when it keeps registers under the pack (of `kinds`) and the actor may read
    them; RegisterNotFoundError otherwise, as for an unknown unit."""
    if not keeping(actor.tree, unit, pack_id, kinds):
        raise unknown(unit)
    if actor.acting_unit(REGISTER_READ, unit) is None:
        raise unknown(unit)
    return unit


def signature(actor: Actor, unit: str, pack_id: str) -> str:
    """How an event recorded in the unit's registers names the actor."""
    readable(actor, unit, pack_id)
    acting = actor.acting_unit(REGISTER_RECORD, unit)
    if acting is None:
        raise NotAllowedError(
            msg(
                "you do not hold the permission {permission} at {unit}",
                permission=REGISTER_RECORD,
                unit=unit,
            )
        )
    return actor.signature(acting)


def family(tree: UnitTree, unit: str) -> list[str]:
    """Every unit under the top of `unit`'s tree: what a record is checked against (a depot
    of another street, a shelter's streets)."""
    return tree.below(tree.ancestors(unit)[-1])


def streets(tree: UnitTree, unit: str) -> dict[str, list[str]]:
    """The streets a board counts (each with its own units): those below a district, or
    the street itself."""
    if tree.get(unit).kind == "street":
        return {unit: tree.below(unit)}
    below = [c for c in tree.children(unit) if tree.get(c).kind == "street"]
    return {street: tree.below(street) for street in below}


def boards(actor: Actor, pack_id: str) -> list[str]:
    """The units whose boards the actor may read under the pack, topmost first."""
    scope = actor.scope(REGISTER_READ)
    tree = actor.tree
    found = [u.code for u in tree if u.code in scope and keeping(tree, u.code, pack_id, BOARDS)]
    return sorted(found, key=lambda code: (len(actor.tree.ancestors(code)), code))
