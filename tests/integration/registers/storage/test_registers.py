"""The registers' storage on the real database (SQLite, and PostgreSQL when configured):
migration 0013, append-only events with a unique (unit, seq), read back in the order they
were recorded whatever their unit, chained and verified."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from govops.platform.storage import database
from govops.platform.storage.audit import snapshot, verify_record
from govops.platform.storage.chain import CHECKPOINTS, registered_heads, streams
from govops.platform.storage.verify import Head, StreamReport
from govops.registers.model.records import Event, RecordKind
from govops.registers.ports import RegisterConflictError
from govops.registers.storage.registers import (
    SqlRegisterUnitOfWork,
    register_unit_of_work_factory,
)
from govops.registers.storage.tables import register_events

AT = datetime(2024, 6, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
DISTRICT, STREET, OTHER_STREET = "110102", "110102001", "110102003"
ACTOR = f"district@{DISTRICT}"
DEPOT = {"depot": "d1", "level": "district", "name": "区级应急物资储备库"}
MOVEMENT = {
    "depot": "d1",
    "item": "quilt",
    "movement": "receipt",
    "quantity": "120.5",
    "on": "2024-05-31",
}
SHELTER = {
    "shelter": "s1",
    "kind": "earthquake",
    "name": "月坛公园应急避难场所",
    "capacity": 3000,
    "area": "12000.5",
    "streets": [STREET, OTHER_STREET],
    "national_standard": True,
    "note": None,
}


@pytest.fixture
def register_uow(engine: Engine) -> Callable[[], SqlRegisterUnitOfWork]:
    return register_unit_of_work_factory(engine)


def event(unit: str, seq: int, kind: RecordKind, data: dict[str, Any], minutes: int = 0) -> Event:
    return Event(unit, seq, kind, data, ACTOR, AT + timedelta(minutes=minutes))


def verify(engine: Engine) -> dict[str, StreamReport]:
    with snapshot(engine) as connection:
        return {r.stream: r for r in verify_record(connection, streams())}


def test_migration_0013_adds_the_chained_events_table(engine: Engine) -> None:
    scripts = ScriptDirectory.from_config(database.alembic_config())
    assert scripts.get_revision("0013").down_revision == "0012"
    found = inspect(engine)
    assert "register_events" in found.get_table_names()
    keys = found.get_pk_constraint("register_events")["constrained_columns"]
    assert keys == ["unit", "seq"]
    indexes = {i["name"]: i for i in found.get_indexes("register_events")}
    chain = indexes["ix_register_events_chain_seq"]
    assert chain["column_names"] == ["chain_seq"] and chain["unique"]
    columns = {c["name"] for c in found.get_columns("register_events")}
    assert columns == {
        "unit",
        "seq",
        "kind",
        "data",
        "actor",
        "recorded_at",
        "chain_seq",
        "prev_hash",
        "hash",
    }
    assert "register_events" in {s.name for s in streams()}


def test_migration_0013_goes_down_and_up_again(engine: Engine) -> None:
    def move(revision: str, down: bool = False) -> None:
        with engine.begin() as connection:
            config = database.alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)

    move("0012", down=True)
    assert "register_events" not in inspect(engine).get_table_names()
    assert "community_events" in inspect(engine).get_table_names()  # 0012's table stays
    move("head")
    assert "register_events" in inspect(engine).get_table_names()


def test_events_of_several_units_round_trip_in_recording_order(
    register_uow: Callable[[], SqlRegisterUnitOfWork],
) -> None:
    recorded = [
        event(DISTRICT, 1, RecordKind.DEPOT, DEPOT, 0),
        event(STREET, 1, RecordKind.SHELTER, SHELTER, 1),
        event(DISTRICT, 2, RecordKind.MOVEMENT, MOVEMENT, 2),
        event(OTHER_STREET, 1, RecordKind.TRAINING, {"on": "2024-05-01", "people": 12}, 3),
        event(STREET, 2, RecordKind.SHELTER_STATUS, {"shelter": "s1", "status": "open"}, 4),
    ]
    with register_uow() as uow:
        uow.registers.append(recorded[:2])
        uow.registers.append(recorded[2:4])
        uow.commit()
    with register_uow() as uow:
        uow.registers.append(recorded[4:])
        uow.commit()
    with register_uow() as uow:
        everything = uow.registers.events([OTHER_STREET, STREET, DISTRICT, STREET])
        district = uow.registers.events({DISTRICT})
        assert uow.registers.events([]) == []
        assert uow.registers.events(["nowhere"]) == []
    assert everything == recorded  # in the order recorded, not by unit nor by seq
    assert district == [recorded[0], recorded[2]]
    assert all(type(e.kind) is RecordKind for e in everything)
    shelter = everything[1].data
    assert (
        shelter == SHELTER
        and shelter["note"] is None
        and shelter["streets"]
        == [
            STREET,
            OTHER_STREET,
        ]
    )
    assert everything[2].data["quantity"] == "120.5"  # exact text, never a float
    assert everything[0].data["name"] == "区级应急物资储备库"
    assert everything[0].recorded_at.tzinfo == UTC
    assert everything[0].recorded_at == datetime(2024, 6, 1, 1, 30, tzinfo=UTC)


def test_events_of_many_units_are_read_in_chunks(
    register_uow: Callable[[], SqlRegisterUnitOfWork],
) -> None:
    """More units than one IN list takes (500): every event still comes back, in order."""
    units = [f"u{n:04d}" for n in range(1200)]
    picked = [units[1100], units[3], units[600], units[499], units[500]]
    recorded = [
        event(unit, 1, RecordKind.TRAINING, {"on": "2024-05-01", "people": n + 1}, n)
        for n, unit in enumerate(picked)
    ]
    with register_uow() as uow:
        uow.registers.append(recorded)
        uow.commit()
    with register_uow() as uow:
        assert uow.registers.events(units) == recorded
        assert uow.registers.events(units[:500]) == [recorded[1], recorded[3]]


def test_last_seq_is_each_units_own(register_uow: Callable[[], SqlRegisterUnitOfWork]) -> None:
    with register_uow() as uow:
        assert uow.registers.last_seq(DISTRICT) == 0
        uow.registers.append([event(DISTRICT, n, RecordKind.DEPOT, DEPOT, n) for n in (1, 2, 3)])
        uow.registers.append([event(STREET, 1, RecordKind.SHELTER, SHELTER)])
        assert uow.registers.last_seq(DISTRICT) == 3  # the unit of work sees its own appends
        uow.commit()
    with register_uow() as uow:
        assert uow.registers.last_seq(DISTRICT) == 3
        assert uow.registers.last_seq(STREET) == 1
        assert uow.registers.last_seq(OTHER_STREET) == 0
        uow.registers.append([])  # nothing to append: nothing done
        uow.commit()
    with register_uow() as uow:
        assert len(uow.registers.events([DISTRICT, STREET])) == 4


def test_a_taken_seq_is_refused_and_the_unit_of_work_stays_usable(
    register_uow: Callable[[], SqlRegisterUnitOfWork], engine: Engine
) -> None:
    with register_uow() as uow:
        uow.registers.append([event(DISTRICT, 1, RecordKind.DEPOT, DEPOT)])
        uow.commit()
    with register_uow() as uow:
        taken = [event(DISTRICT, 1, RecordKind.MOVEMENT, MOVEMENT, 1)]
        with pytest.raises(RegisterConflictError, match=f"already taken: {DISTRICT} seq 1"):
            uow.registers.append(taken)
        with pytest.raises(RegisterConflictError):  # a batch with one taken pair: none kept
            uow.registers.append(
                [
                    event(STREET, 1, RecordKind.SHELTER, SHELTER, 2),
                    event(DISTRICT, 1, RecordKind.MOVEMENT, MOVEMENT, 2),
                ]
            )
        uow.registers.append([event(DISTRICT, 2, RecordKind.MOVEMENT, MOVEMENT, 3)])
        uow.commit()
    with register_uow() as uow:
        found = uow.registers.events([DISTRICT, STREET])
    assert [(e.unit, e.seq, e.kind) for e in found] == [
        (DISTRICT, 1, RecordKind.DEPOT),
        (DISTRICT, 2, RecordKind.MOVEMENT),
    ]
    reports = verify(engine)  # the refused appends left neither row nor head behind
    assert all(report.whole for report in reports.values())
    assert reports["register_events"].length == 2


def test_the_same_seq_of_another_unit_is_no_conflict(
    register_uow: Callable[[], SqlRegisterUnitOfWork],
) -> None:
    with register_uow() as uow:
        uow.registers.append([event(DISTRICT, 1, RecordKind.DEPOT, DEPOT)])
        uow.registers.append([event(STREET, 1, RecordKind.SHELTER, SHELTER)])
        uow.commit()
    with register_uow() as uow:
        assert [(e.unit, e.seq) for e in uow.registers.events([DISTRICT, STREET])] == [
            (DISTRICT, 1),
            (STREET, 1),
        ]


def test_nothing_is_kept_without_a_commit(
    register_uow: Callable[[], SqlRegisterUnitOfWork], engine: Engine
) -> None:
    with register_uow() as uow:
        uow.registers.append([event(DISTRICT, 1, RecordKind.DEPOT, DEPOT)])
    with register_uow() as uow:
        assert uow.registers.events([DISTRICT]) == []
        assert uow.registers.last_seq(DISTRICT) == 0
    with engine.connect() as connection:
        assert "register_events" not in registered_heads(connection)


def test_the_events_are_a_chained_stream_that_verifies(
    register_uow: Callable[[], SqlRegisterUnitOfWork], engine: Engine
) -> None:
    with engine.connect() as connection:
        assert "register_events" not in registered_heads(connection)  # opened by its first
    with register_uow() as uow:
        uow.registers.append([event(DISTRICT, 1, RecordKind.DEPOT, DEPOT)])
        uow.registers.append([event(STREET, 1, RecordKind.SHELTER, SHELTER, 1)])
        uow.commit()
    with register_uow() as uow:
        uow.registers.append(
            [
                event(DISTRICT, 2, RecordKind.MOVEMENT, MOVEMENT, 2),
                event(DISTRICT, 3, RecordKind.MOVEMENT, MOVEMENT | {"quantity": "3"}, 2),
            ]
        )
        uow.commit()
    reports = verify(engine)
    assert all(report.whole for report in reports.values())
    ours = reports[register_events.name]
    assert ours.length == 4 and ours.broken is None
    with engine.connect() as connection:
        heads = registered_heads(connection)
    assert heads[register_events.name] == Head(4, ours.head)
    assert reports[CHECKPOINTS.name].length == 3  # one checkpoint per append
