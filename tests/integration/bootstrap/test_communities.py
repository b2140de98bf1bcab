"""The community registry wired to the unit register on the real database: a committee
and a resident group recorded are units of the tree under their community, attributed to
who recorded them; an id whose unit code another unit holds is refused; what a database
recorded before lacks is put in the tree at start."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from govops.accounts.service.units import UnitService
from govops.accounts.storage.accounts import accounts_unit_of_work_factory
from govops.bootstrap.communities import build_communities, communities_into_tree
from govops.communities.model.registry import RegistryInputError
from govops.communities.service.registry import RegistryService
from govops.communities.storage.registry import community_unit_of_work_factory
from govops.packs import load_builtin_pack
from govops.platform.identity.units import Unit
from tests.fakes import Clock

NOW = datetime(2026, 6, 30, 1, 0, tzinfo=UTC)
COMMITTEE = {"id": "jw", "kind": "committee", "name": "幸福社区居委会", "formed": "2024-01-10"}
GROUP = {"id": "g1", "kind": "resident_group", "name": "1号楼居民小组", "formed": "2024-01-10"}
TREE = [
    Unit("s1", {"zh-Hans": "街道"}, "street"),
    Unit("c1", {"zh-Hans": "幸福社区"}, "community", "s1"),
    Unit("c2", {"zh-Hans": "和平社区"}, "community", "s1"),
    Unit("c2.jw", {"zh-Hans": "一个办公室"}, "office", "s1"),
]


def units(engine: Engine) -> UnitService:
    service = UnitService(accounts_unit_of_work_factory(engine), Clock(NOW))
    if not service.tree().units:
        service.record(None, TREE)
    return service


def test_a_committee_and_a_group_recorded_are_units_of_the_tree(engine: Engine) -> None:
    tree = units(engine)
    registry = build_communities(engine, Clock(NOW))
    registry.record_all("c1", [("organisation", COMMITTEE), ("organisation", GROUP)], "wang@s1")
    found = tree.tree()
    assert found.get("c1.jw") == Unit("c1.jw", {"zh-Hant": "幸福社区居委会"}, "committee", "c1")
    assert found.get("c1.g1").kind == "resident_group" and found.within("c1.g1", "s1")
    assert [v.actor for v in tree.history("c1.jw")] == ["wang@s1"]
    with pytest.raises(RegistryInputError) as caught:
        registry.record("c2", "organisation", COMMITTEE, "wang@s1")
    assert "c2.jw" in str(caught.value.message)
    assert registry.get("c2").version == 0  # nothing stored


def test_at_start_the_tree_gets_what_a_database_recorded_before_lacks(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    tree = units(engine)
    pack = load_builtin_pack("cn-community-organizations")
    before = RegistryService(community_unit_of_work_factory(engine), Clock(NOW), pack)
    before.record("c1", "organisation", GROUP, "li@c1")
    before.record("c2", "organisation", COMMITTEE, "li@c2")  # c2.jw: another unit's
    communities_into_tree(build_communities(engine, Clock(NOW)), "en")
    assert tree.tree().get("c1.g1").parent == "c1"
    assert [v.actor for v in tree.history("c1.g1")] == ["li@c1"]
    assert tree.tree().get("c2.jw").kind == "office"  # left as it was, and said
    assert "unit c2.jw is held in the organisation tree by another unit" in caplog.text


def test_a_unit_held_otherwise_is_never_replaced_nor_an_old_organisation_refused(
    engine: Engine,
) -> None:
    tree = units(engine)
    pack = load_builtin_pack("cn-community-organizations")
    before = RegistryService(community_unit_of_work_factory(engine), Clock(NOW), pack)
    before.record("c2", "organisation", COMMITTEE, "li@c2")  # c2.jw: the office's code
    registry = build_communities(engine, Clock(NOW))
    registry.record("c2", "organisation", {**GROUP, "id": "g2"}, "li@c2")
    registry.record("c2", "organisation", {**COMMITTEE, "name": "和平社区居委会"}, "li@c2")
    assert tree.tree().get("c2.jw") == TREE[3]  # still the office, named as it was
    assert tree.tree().get("c2.g2").parent == "c2"
    assert registry.get("c2").organisations["jw"].name == "和平社区居委会"


def test_a_unit_keeps_its_other_names_and_packs_when_its_organisation_is_renamed(
    engine: Engine,
) -> None:
    tree = units(engine)
    named = Unit(
        "c1.jw", {"zh-Hans": "幸福社区居委会", "en": "Xingfu RC"}, "committee", "c1", ("p",)
    )
    tree.record(None, [named])
    registry = build_communities(engine, Clock(NOW))
    registry.record("c1", "organisation", {**COMMITTEE, "name": "幸福社區居委會"}, "wang@s1")
    assert tree.tree().get("c1.jw") == Unit(
        "c1.jw",
        {"zh-Hans": "幸福社区居委会", "en": "Xingfu RC", "zh-Hant": "幸福社區居委會"},
        "committee",
        "c1",
        ("p",),
    )


def test_a_failure_of_the_tree_leaves_the_registrys_record_standing(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    units(engine)
    registry = build_communities(engine, Clock(NOW))

    def busy(*_: object) -> list[Unit]:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(UnitService, "record_derived", busy)
    event = registry.record("c1", "organisation", COMMITTEE, "wang@s1")
    assert event.seq == 1 and registry.get("c1").organisations["jw"].kind.value == "committee"
    assert "units c1.jw not placed in the organisation tree" in caplog.text
