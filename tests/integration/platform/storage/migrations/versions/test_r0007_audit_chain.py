"""Revision 0007 on a database that already holds records: every stream's rows are chained
in the order they were recorded, with their heads and checkpoints, so `verify` passes on an
upgraded database and new appends continue the chains (SQLite, and PostgreSQL when
configured). Downgrading takes the chains off again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, insert, inspect, select

from govops.cadres.storage.tables import (
    cadre_entries,
    cadre_people,
    selection_cases,
    selection_events,
)
from govops.incidents.model.incident import Event, EventKind
from govops.incidents.storage.incident import unit_of_work_factory
from govops.incidents.storage.tables import incident_events, incidents
from govops.platform.storage.audit import snapshot, verify_record
from govops.platform.storage.chain import CHECKPOINTS, audit_checkpoints, streams
from govops.platform.storage.database import alembic_config, make_engine, migrate
from govops.platform.storage.verify import StreamReport
from govops.warnings.storage.tables import warning_events, warning_publications

T0 = datetime(2026, 6, 1, 1, 0, 0, 1, tzinfo=UTC)


def _before_0007() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_revision("0007")
    assert isinstance(revision.down_revision, str)
    return revision.down_revision


def _move(engine: Engine, revision: str, down: bool = False) -> None:
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def _at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def _old_records(engine: Engine) -> None:
    """Rows as the version before 0007 wrote them (no chain columns)."""
    event = {"kind": "reported", "actor": "值班员", "data": {"n": 1, "ratio": 0.5, "note": None}}
    trace = {"area": "110102001", "rain": {"rain_3h": "61.07"}}
    with engine.begin() as connection:
        connection.execute(
            insert(incidents),
            [{"id": "b", "reported_at": _at(0)}, {"id": "a", "reported_at": _at(1)}],
        )
        connection.execute(
            insert(incident_events),
            [
                event | {"incident_id": "a", "seq": 1, "at": _at(1)},
                event | {"incident_id": "b", "seq": 1, "at": _at(0)},
                event | {"incident_id": "b", "seq": 2, "at": _at(2), "kind": "follow_up"},
            ],
        )
        connection.execute(
            insert(cadre_people), [{"id": "p1", "name": "张三", "created_at": _at(0)}]
        )
        entry = {"person_id": "p1", "kind": "position", "data": {"rank": "处长"}, "actor": "组织部"}
        connection.execute(
            insert(cadre_entries),
            [
                entry | {"seq": 1, "recorded_at": _at(0)},
                entry | {"seq": 2, "recorded_at": _at(3), "supersedes": 1},
            ],
        )
        connection.execute(insert(selection_cases), [{"id": "c1", "opened_at": _at(0)}])
        step = {"case_id": "c1", "actor": "组织部", "data": {"votes": {"王": "for"}}}
        connection.execute(
            insert(selection_events),
            [
                step | {"seq": 1, "step": "motion", "at": _at(0)},
                step | {"seq": 2, "step": "recommendation", "at": _at(4)},
            ],
        )
        warning = {
            "warning_id": "w1",
            "area": "110102001",
            "kind": "issue",
            "previous": None,
            "trace": trace,
        }
        connection.execute(
            insert(warning_events),
            [
                warning
                | {
                    "identifier": "x1",
                    "seq": 1,
                    "level": "orange",
                    "at": _at(5),
                    "referenced": [],
                    "cap": b"<a/>",
                    "recorded_at": _at(5),
                },
                warning
                | {
                    "identifier": "x2",
                    "seq": 2,
                    "level": "red",
                    "at": _at(6),
                    "referenced": ["x1"],
                    "cap": "<b>暴雨</b>".encode(),
                    "recorded_at": _at(6),
                },
            ],
        )
        connection.execute(
            insert(warning_publications),
            [
                {"identifier": "x1", "channel": "feed", "published_at": _at(5)},
                {"identifier": "x2", "channel": "feed", "published_at": _at(6)},
            ],
        )


def _verify(engine: Engine) -> dict[str, StreamReport]:
    with snapshot(engine) as connection:
        return {r.stream: r for r in verify_record(connection, streams())}


def test_records_kept_before_0007_are_chained_in_the_order_they_were_recorded(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        _move(engine, _before_0007())
        _old_records(engine)
        migrate(engine)
        reports = _verify(engine)
        assert all(report.whole for report in reports.values()), reports
        # the streams 0007 found records in (streams added by later revisions are empty)
        lengths = {name: report.length for name, report in reports.items() if report.length}
        assert lengths == {
            "cadre_entries": 2,
            "incident_events": 3,
            "selection_events": 2,
            "warning_events": 2,
            "warning_publications": 2,
            CHECKPOINTS.name: 5,
        }
        order = select(incident_events.c.incident_id, incident_events.c.seq).order_by(
            incident_events.c.chain_seq
        )
        with engine.connect() as connection:
            assert connection.execute(order).all() == [("b", 1), ("a", 1), ("b", 2)]
            logged = connection.execute(
                select(audit_checkpoints.c.stream).order_by(audit_checkpoints.c.chain_seq)
            )
            assert list(logged.scalars()) == sorted(set(lengths) - {CHECKPOINTS.name})
        new_uow = unit_of_work_factory(engine)
        with new_uow() as uow:
            uow.incidents.append([Event("a", 2, EventKind.FOLLOW_UP, _at(9), "x", {})])
            uow.commit()
        after = _verify(engine)
        assert all(report.whole for report in after.values())
        assert (after["incident_events"].length, after[CHECKPOINTS.name].length) == (4, 6)
    finally:
        engine.dispose()


def test_0007_leaves_no_placeholder_default_where_it_can_drop_it(engine: Engine) -> None:
    columns = {c["name"]: c for c in inspect(engine).get_columns("incident_events")}
    if engine.dialect.name == "postgresql":
        assert [columns[n]["default"] for n in ("chain_seq", "prev_hash", "hash")] == [None] * 3
    assert all(not columns[n]["nullable"] for n in ("chain_seq", "prev_hash", "hash"))


def test_downgrading_0007_takes_the_chains_off_and_upgrading_chains_again(engine: Engine) -> None:
    new_uow = unit_of_work_factory(engine)
    with new_uow() as uow:
        uow.incidents.append([Event(i, 1, EventKind.REPORTED, _at(0), "x", {}) for i in "abc"])
        uow.commit()
    _move(engine, _before_0007(), down=True)
    names = set(inspect(engine).get_table_names())
    assert not {"audit_heads", "audit_checkpoints"} & names
    assert "chain_seq" not in {c["name"] for c in inspect(engine).get_columns("incident_events")}
    migrate(engine)
    reports = _verify(engine)
    assert all(report.whole for report in reports.values())
    assert reports["incident_events"].length == 3
