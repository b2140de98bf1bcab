"""The registry keeps its committees and resident groups in the organisation tree: after
its own commit, attributed to whoever recorded them; an id whose unit code the tree holds
as another unit refused before anything is stored; what is missing put there at start."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from govops.communities.model.registry import RegistryInputError
from govops.communities.service.registry import RegistryService
from govops.platform.identity.units import Unit
from tests.fakes import Clock
from tests.unit.communities.service.test_registry import (
    ACTOR,
    COMMITTEE,
    NOW,
    PACK,
    MemoryCommunities,
    MemoryUnitOfWork,
)

GROUP = {"id": "g1", "kind": "resident_group", "name": "1号楼居民小组", "formed": "2021-07-01"}
COUNCIL = {"id": "yw", "kind": "council", "name": "议事会", "formed": "2021-07-01"}


class FakeTree:
    """Units by code; `recorded` what was asked, with its actor, in order."""

    def __init__(self, *held: Unit) -> None:
        self.units = {u.code: u for u in held}
        self.recorded: list[tuple[list[str], str]] = []

    def taken(self, units: Sequence[Unit]) -> list[str]:
        return [
            u.code
            for u in units
            if u.code in self.units
            and (self.units[u.code].kind, self.units[u.code].parent) != (u.kind, u.parent)
        ]

    def record(self, units: Sequence[Unit], actor: str) -> int:
        held_otherwise = set(self.taken(units))  # the port's contract: never replaced
        new = [u for u in units if self.units.get(u.code) != u and u.code not in held_otherwise]
        self.units.update({u.code: u for u in new})
        self.recorded.append(([u.code for u in new], actor))
        return len(new)


def registry(store: MemoryCommunities, tree: FakeTree | None) -> RegistryService:
    return RegistryService(lambda: MemoryUnitOfWork(store), Clock(NOW), PACK, tree)


def test_a_committee_and_a_group_recorded_become_units_under_the_community() -> None:
    store, tree = MemoryCommunities(), FakeTree()
    service = registry(store, tree)
    service.record_all("s1-a", [("organisation", COMMITTEE), ("organisation", COUNCIL)], ACTOR)
    service.record("s1-a", "organisation", GROUP, "li@s1-a")
    service.record(
        "s1-a", "member", {"id": "m1", "name": "张三", "birth_date": "1975-07-01"}, ACTOR
    )
    assert tree.units["s1-a.committee"] == Unit(
        "s1-a.committee", {PACK.language: "居委会"}, "committee", "s1-a"
    )
    assert tree.units["s1-a.g1"].kind == "resident_group"
    assert "s1-a.yw" not in tree.units  # the council is no unit
    assert tree.recorded == [(["s1-a.committee"], ACTOR), (["s1-a.g1"], "li@s1-a")]
    renamed = {**COMMITTEE, "name": "甲社区居委会"}
    service.record("s1-a", "organisation", renamed, ACTOR)
    assert tree.units["s1-a.committee"].names == {PACK.language: "甲社区居委会"}


def test_an_id_whose_unit_code_the_tree_holds_otherwise_is_refused_and_nothing_stored() -> None:
    store = MemoryCommunities()
    tree = FakeTree(Unit("s1-a.committee", {"en": "An office"}, "office", "s1"))
    service = registry(store, tree)
    with pytest.raises(RegistryInputError) as caught:
        service.record_all("s1-a", [("organisation", COUNCIL), ("organisation", COMMITTEE)], ACTOR)
    assert caught.value.field == "data.id"
    assert "s1-a.committee" in str(caught.value.message)
    assert store.commits == 0 and tree.recorded == []


def test_at_start_what_the_tree_lacks_is_put_there_and_what_it_holds_otherwise_is_said() -> None:
    store = MemoryCommunities()
    registry(store, None).record_all(  # recorded before the tree kept them
        "s1-a", [("organisation", COMMITTEE), ("organisation", GROUP)], ACTOR
    )
    registry(store, None).record("s1-b", "organisation", COMMITTEE, "li@s1-b")
    tree = FakeTree(Unit("s1-b.committee", {"en": "An office"}, "office", "s1"))
    assert registry(store, tree).units_into_tree() == (2, ["s1-b.committee"])
    assert tree.recorded == [(["s1-a.committee", "s1-a.g1"], ACTOR)]
    assert registry(store, tree).units_into_tree() == (0, ["s1-b.committee"])
    assert tree.recorded[-1] == ([], ACTOR)  # nothing changed: nothing new recorded


def test_without_a_tree_the_registry_keeps_its_organisations_to_itself() -> None:
    store = MemoryCommunities()
    service = registry(store, None)
    service.record("s1-a", "organisation", COMMITTEE, ACTOR)
    assert service.units_into_tree() == (0, [])
