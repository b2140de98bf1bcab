"""The cadre registry on the real database (SQLite, and PostgreSQL when configured):
migration 0002, append-only entries with a unique (person, seq), the service end to end."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from govops.bootstrap import build_cadre_registry
from govops.cadres.model.registry import Entry, EntryKind, Person
from govops.cadres.ports import RegistryConflictError
from govops.cadres.storage.registry import SqlCadreUnitOfWork, cadre_unit_of_work_factory
from govops.platform.storage import database

AT = datetime(2026, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture
def cadre_uow(engine: Engine) -> Callable[[], SqlCadreUnitOfWork]:
    return cadre_unit_of_work_factory(engine)


def test_migration_0002_adds_the_registry_tables(engine: Engine) -> None:
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert scripts.get_revision("0002").down_revision == "0001"
    tables = set(inspect(engine).get_table_names())
    assert {"cadre_people", "cadre_entries"} <= tables
    keys = inspect(engine).get_pk_constraint("cadre_entries")["constrained_columns"]
    assert keys == ["person_id", "seq"]


def test_people_and_entries_round_trip(cadre_uow: Callable[[], SqlCadreUnitOfWork]) -> None:
    data = {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01", "grassroots": True}
    with cadre_uow() as uow:
        uow.cadres.add_person(Person("p2", "李四", AT))
        uow.cadres.add_person(Person("p1", "张三", AT))
        uow.cadres.append([Entry("p1", 1, EntryKind.POSITION, data, "组织部", AT)])
        uow.cadres.append([Entry("p1", 2, EntryKind.POSITION, data, "组织部", AT, supersedes=1)])
        uow.commit()
    with cadre_uow() as uow:
        assert [p.name for p in uow.cadres.people()] == ["张三", "李四"]
        person = uow.cadres.person("p1")
        entries = uow.cadres.entries("p1")
        assert uow.cadres.person("nobody") is None and uow.cadres.entries("nobody") == []
    assert person is not None and person.created_at == AT and person.created_at.tzinfo == UTC
    assert [(e.seq, e.kind, e.data, e.supersedes) for e in entries] == [
        (1, EntryKind.POSITION, data, None),
        (2, EntryKind.POSITION, data, 1),
    ]


def test_a_taken_seq_is_refused_and_the_unit_of_work_stays_usable(
    cadre_uow: Callable[[], SqlCadreUnitOfWork],
) -> None:
    entry = Entry("p1", 1, EntryKind.WORK_START, {"date": "2012-07-01"}, "x", AT)
    with cadre_uow() as uow:
        uow.cadres.add_person(Person("p1", "张三", AT))
        uow.cadres.append([entry])
        uow.commit()
    with cadre_uow() as uow:
        with pytest.raises(RegistryConflictError):
            uow.cadres.append([entry])
        uow.cadres.append([Entry("p1", 2, EntryKind.EDUCATION, {"level": "bachelor"}, "x", AT)])
        uow.commit()
    with cadre_uow() as uow:
        assert [e.seq for e in uow.cadres.entries("p1")] == [1, 2]


def test_nothing_is_kept_without_a_commit(cadre_uow: Callable[[], SqlCadreUnitOfWork]) -> None:
    with cadre_uow() as uow:
        uow.cadres.add_person(Person("p1", "张三", AT))
    with cadre_uow() as uow:
        assert uow.cadres.people() == []


def test_the_registry_service_decides_eligibility_from_the_database(engine: Engine) -> None:
    registry = build_cadre_registry(engine, lambda: AT)
    person = registry.add_person("张三", "组织部 王芳").person.id
    for kind, data in (
        ("work_start", {"date": "2012-07-01"}),
        ("education", {"level": "bachelor"}),
        ("party", {"joined_on": "2015-06-01"}),
        ("position", {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01"}),
        ("assessment", {"year": 2025, "result": "competent"}),
    ):
        registry.add_entry(person, kind, data, "组织部")
    registry.correct(
        person,
        4,
        None,
        {"rank": "section_chief", "unit": "教务处", "start": "2020-01-01", "grassroots": True},
        "组织部",
    )
    answer = registry.eligibility(person, "deputy_division", "2026-06-30")
    assert answer["record"]["positions"][0]["start"] == "2020-01-01"
    assert answer["sources"]["positions[0]"] == 6
    assert answer["verdict"] == "eligible_with_warnings"
    assert {w["id"] for w in answer["warnings"]} == {
        "posts_at_lower_rank",
        "training",
        "assessment_missing",  # 2023 and 2024 not recorded (17(3))
    }
    cadre = registry.get(person)
    assert cadre.superseded_by == {4: 6} and len(cadre.entries) == 6
