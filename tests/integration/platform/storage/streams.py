"""The chained streams as the audit tests use them: each filled through its module's real
repository and unit of work, with what a tamperer would change in one of its rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Table

from govops.cadres.model.registry import Entry, EntryKind, Person
from govops.cadres.model.selection import Event as SelectionEvent
from govops.cadres.model.steps import Step
from govops.cadres.storage.registry import cadre_unit_of_work_factory
from govops.cadres.storage.selection import selection_unit_of_work_factory
from govops.cadres.storage.tables import cadre_entries, selection_events
from govops.incidents.model.incident import Event, EventKind
from govops.incidents.storage.incident import unit_of_work_factory
from govops.incidents.storage.tables import incident_events
from govops.warnings.ports import Publication
from govops.warnings.storage.tables import warning_events, warning_publications
from govops.warnings.storage.warning import warning_unit_of_work_factory
from tests.unit.warnings.outbox_support import storm

AT = datetime(2026, 6, 1, 1, 30, 0, 250_000, tzinfo=UTC)
CAP = "<alert>暴雨橙色预警</alert>".encode()
LEVELS = ["blue", "yellow", "orange", "red", None, "blue", "yellow", "orange"]


def _incidents(engine: Engine, count: int) -> None:
    new_uow = unit_of_work_factory(engine)
    for n in range(count):
        data = {"figures": {"participants": 1200 + n, "ratio": 0.25}, "note": "第一次报告"}
        with new_uow() as uow:
            uow.incidents.append([Event(f"inc-{n}", 1, EventKind.REPORTED, AT, "值班员", data)])
            uow.commit()


def _entries(engine: Engine, count: int) -> None:
    new_uow = cadre_unit_of_work_factory(engine)
    with new_uow() as uow:
        uow.cadres.add_person(Person("p1", "张三", AT))
        uow.commit()
    for n in range(count):
        data = {"rank": "section_chief", "unit": "教务处", "start": "2021-01-01"}
        entry = Entry("p1", n + 1, EntryKind.POSITION, data, "组织部", AT, n or None)
        with new_uow() as uow:
            uow.cadres.append([entry])
            uow.commit()


def _selections(engine: Engine, count: int) -> None:
    new_uow = selection_unit_of_work_factory(engine)
    for n in range(count):
        data = {"candidate": "张三", "post": "处长", "committee": ["m1"], "team": ["t1"]}
        with new_uow() as uow:
            uow.selections.append([SelectionEvent(f"case-{n}", 1, Step.MOTION, AT, "组织部", data)])
            uow.commit()


def _warnings(engine: Engine, count: int, publish: bool = False) -> None:
    new_uow = warning_unit_of_work_factory(engine)
    for n, event in enumerate(storm(LEVELS)[:count]):
        with new_uow() as uow:
            uow.warnings.add(event, CAP, AT + timedelta(minutes=n))
            if publish:
                uow.warnings.publish([Publication(event.identifier, "feed", AT)])
            uow.commit()


@dataclass(frozen=True)
class StreamCase:
    table: Table
    fill: Callable[[Engine, int], None]
    edit: tuple[str, Any]  # a column of a row, and the value a tamperer writes there
    forge: dict[str, Any]  # how a forged row differs from the last one

    @property
    def name(self) -> str:
        return self.table.name


CASES = [
    StreamCase(incident_events, _incidents, ("actor", "someone else"), {"incident_id": "forged"}),
    StreamCase(cadre_entries, _entries, ("data", '{"rank": "director"}'), {"person_id": "p9"}),
    StreamCase(selection_events, _selections, ("actor", "x"), {"case_id": "forged"}),
    StreamCase(
        warning_events,
        _warnings,
        ("cap", b"<alert/>"),
        {"identifier": "forged", "warning_id": "forged", "seq": 1},
    ),
    StreamCase(
        warning_publications,
        lambda engine, count: _warnings(engine, count, publish=True),
        ("channel", "elsewhere"),
        {"channel": "forged"},
    ),
]
