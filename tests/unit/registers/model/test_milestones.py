"""The key projects' milestones (part 四): recorded against a project of the plan, the newer
record of a milestone standing, an alert once past its due day and not done, and each
project's count on the board."""

from __future__ import annotations

from datetime import date

from govops.lawcode.sources.pack import Pack
from govops.registers.model.board import View, board
from tests.unit.registers.builders import STREETS, ZONE, held, milestone
from tests.unit.registers.model.test_checks import detail


def test_a_milestone_names_a_key_project_of_the_plan(pack: Pack) -> None:
    assert detail(pack, milestone("d1", "command_centre", "m1", "2024-06-30")) == []
    assert detail(pack, milestone("d1", "moon_base", "m1", "2024-06-30")) == [
        ("project", "no key project {id} in the plan", {"id": "moon_base"})
    ]


def test_a_milestone_is_overdue_the_day_after_its_due_day(pack: Pack) -> None:
    late = milestone("d1", "reserve_depots", "m1", "2025-12-31")
    on_the_day = board(pack, held(late), View("d1", STREETS, True, date(2025, 12, 31), ZONE))
    assert [a for a in on_the_day.alerts if a.register == "reserve_depots"] == []
    after = board(pack, held(late), View("d1", STREETS, True, date(2026, 1, 1), ZONE))
    (alert,) = [a for a in after.alerts if a.register == "reserve_depots"]
    assert (alert.unit, alert.subject, alert.overdue) == ("d1", "m1", True)
    assert alert.reason.id == "{title}: due on {due}, not done"


def test_the_newer_record_of_a_milestone_stands(pack: Pack) -> None:
    planned = milestone("d1", "reserve_depots", "m1", "2025-12-31")
    done = milestone("d1", "reserve_depots", "m1", "2025-12-31", done="2026-01-05")
    state = held(planned, done)
    early = board(pack, state, View("d1", STREETS, True, date(2026, 1, 4), ZONE))
    assert [a.subject for a in early.alerts if a.register == "reserve_depots"] == ["m1"]
    later = board(pack, state, View("d1", STREETS, True, date(2026, 1, 5), ZONE))
    assert [a for a in later.alerts if a.register == "reserve_depots"] == []
    (row,) = [p for p in later.projects if p.project.id == "reserve_depots"]
    assert (row.milestones, row.done, row.overdue) == (1, 1, 0)


def test_each_key_project_of_the_plan_is_on_the_board(pack: Pack) -> None:
    found = board(pack, held(), View("d1", STREETS, True, date(2024, 6, 1), ZONE))
    assert [p.project.id for p in found.projects] == [
        "command_centre",
        "risk_survey",
        "warning_platform",
        "equipment_upgrade",
        "reserve_depots",
        "shelters",
        "model_communities",
    ]
    assert [str(p.project.cite.article) for p in found.projects][:2] == ["四(一)", "四(二)"]
