"""The units of the organisation: the tree as it is now, a unit's history, and new
versions (a CSV import, a pack's areas, the demonstration tree), recorded only where a
unit is new or differs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from govops.accounts.model.events import AccessEvent, AccessEventKind
from govops.accounts.model.units import UnitVersion, changed, current_tree, derived, merged
from govops.accounts.ports import AccountsUnitOfWork
from govops.accounts.service.errors import NotAllowedError
from govops.lawcode.texts.messages import msg
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import Unit, UnitTree

MANAGE = "units.manage"
SYSTEM = "system"  # the actor of units loaded from packs and the demonstration


class UnitService:
    def __init__(
        self, unit_of_work: Callable[[], AccountsUnitOfWork], clock: Callable[[], datetime]
    ) -> None:
        self._uow, self._clock = unit_of_work, clock

    def tree(self) -> UnitTree:
        with self._uow() as uow:
            return current_tree(uow.units.versions())

    def history(self, code: str) -> list[UnitVersion]:
        """Every version of the unit, oldest first."""
        with self._uow() as uow:
            return [v for v in uow.units.versions() if v.unit.code == code]

    def record(self, actor: Actor | None, units: Iterable[Unit]) -> list[Unit]:
        """Record the units that are new or changed; the changed ones. An actor needs
        units.manage at each changed unit's parent (or, for a root or a unit already
        known, at the unit); `actor` None: the system (packs, the demonstration)."""
        by = actor.username if actor is not None else SYSTEM
        wanted = list(units)
        return self._record(lambda _: wanted, by, actor)

    def record_derived(self, units: Iterable[Unit], by: str) -> list[Unit]:
        """Record units another register derives from its own records (a community's
        committees and resident groups), attributed to `by`, who recorded them there
        under that register's permission; the changed ones. A unit already in the tree
        keeps its other names and its packs (the register gives one name); one held with
        another kind or parent is never replaced; one whose parent is not in the tree
        (yet) is left for later: that register puts it in again at start."""
        found = list(units)
        return self._record(lambda tree: derived(found, tree), by, None)

    def held_otherwise(self, units: Iterable[Unit]) -> list[str]:
        """The codes among `units` the tree holds with another kind or parent."""
        tree = self.tree()
        return [
            u.code
            for u in units
            if u.code in tree
            and (tree.get(u.code).kind, tree.get(u.code).parent) != (u.kind, u.parent)
        ]

    def _record(
        self, wanted: Callable[[UnitTree], list[Unit]], by: str, actor: Actor | None
    ) -> list[Unit]:
        """The units `wanted` of the tree as it is, recorded where new or changed, in one
        unit of work (the tree read once, and not changed between the read and the write)."""
        now = self._clock()
        with self._uow() as uow:
            versions = uow.units.versions()
            tree = current_tree(versions)
            new = changed(wanted(tree), tree)
            after = merged(tree, new)  # UnitTreeError when they would not form a tree
            if actor is not None:
                self._check(actor, new, tree, after)
            seq = {v.unit.code: v.seq for v in versions}
            uow.units.append([UnitVersion(u, seq.get(u.code, 0) + 1, now, by) for u in new])
            for unit in new:
                data = {"kind": unit.kind, "parent": unit.parent or ""}
                event = AccessEvent(
                    AccessEventKind.UNIT_CHANGED, now, unit.code, by, None, None, data
                )
                uow.events.append(event)
            uow.commit()
        return new

    @staticmethod
    def _check(actor: Actor, units: list[Unit], tree: UnitTree, after: UnitTree) -> None:
        """The actor manages the nearest known unit at or above each unit; a new root (an
        organisation joining) takes an administrator of another root."""
        at_a_root = any(actor.can(MANAGE, root) for root in tree.roots())
        for unit in units:
            known = [code for code in after.ancestors(unit.code) if code in tree]
            allowed = actor.can(MANAGE, known[0]) if known else at_a_root
            if not allowed:
                raise NotAllowedError(msg("you may not manage unit {unit}", unit=unit.code))
