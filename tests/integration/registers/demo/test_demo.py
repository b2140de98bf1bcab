"""Xicheng's demo registers (`registers.demo`) on a migrated SQLite database holding the
demonstration accounts (as `govops serve --demo` makes them), filed as the district's
emergency bureau (`district`, at 110102) and a street office (`street`, at 110102001) on
the clock's day, 7 December 2026 in Beijing: loaded once, then never again; the district's
board on that day shows what the demo was made to show, and as of the end of 2024 the plan
mid-course."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from govops.bootstrap import build_accounts, build_registers, load_accounts_demo
from govops.platform.i18n.translator import translator
from govops.platform.identity.actor import Actor
from govops.platform.storage.database import make_engine, migrate
from govops.registers.demo import load_register_demo
from govops.registers.model.board import Board
from govops.registers.model.records import RecordKind
from govops.registers.service.registers import RegisterService

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DISTRICT, STREET, LAST_STREET = "110102", "110102001", "110102020"
MID_COURSE = date(2024, 12, 31)
EN = translator("en")


@dataclass(frozen=True)
class Demo:
    service: RegisterService
    district: Actor
    street: Actor
    loaded: int  # what the first load_register_demo answered


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'govops.db'}")
    migrate(engine)
    accounts = build_accounts(engine)
    assert load_accounts_demo(accounts)
    district = accounts.accounts.local_actor("district")
    street = accounts.accounts.local_actor("street")
    service = build_registers(engine, lambda: NOW)
    yield Demo(service, district, street, load_register_demo(service, district, street))
    engine.dispose()


def alerts(board: Board) -> dict[tuple[str, str, str], tuple[bool, str]]:
    """(register, unit, subject) -> (overdue, why in English)."""
    return {(a.register, a.unit, a.subject): (a.overdue, EN.say(a.reason)) for a in board.alerts}


def standing(board: Board) -> dict[str, str]:
    return {row.indicator.id: row.assessment.status.value for row in board.indicators}


def test_the_demo_is_loaded_once_as_the_demo_users(demo: Demo) -> None:
    assert demo.service.today() == date(2026, 12, 7)
    assert demo.loaded > 0
    assert load_register_demo(demo.service, demo.district, demo.street) == 0
    kept = {
        kind: demo.service.rows(demo.district, DISTRICT, kind)
        for kind in (RecordKind.MOVEMENT, RecordKind.HAZARD, RecordKind.SHIFT)
    }
    assert {r["recorded_by"] for r in kept[RecordKind.MOVEMENT]} == {f"district@{DISTRICT}"}
    assert {(r["unit"], r["recorded_by"]) for r in kept[RecordKind.HAZARD]} == {
        (STREET, f"street@{STREET}")
    }
    assert {r["hazard"] for r in kept[RecordKind.HAZARD]} == {"h-1", "h-2"}
    # The street office's roster is its own; the other streets' are filed by the district.
    signed = {r["unit"]: r["recorded_by"] for r in kept[RecordKind.SHIFT]}
    assert signed[STREET] == f"street@{STREET}" and signed[DISTRICT] == f"district@{DISTRICT}"
    assert signed[LAST_STREET] == f"district@{DISTRICT}"


def test_the_districts_board_on_the_day_it_was_loaded(demo: Demo) -> None:
    board = demo.service.board(demo.district, DISTRICT)
    assert (board.unit, board.on, board.year) == (DISTRICT, date(2026, 12, 7), 2025)
    found = alerts(board)
    assert found[("reserves_share", DISTRICT, "folding_bed")] == (
        True,
        "9,180 张 held, 13,320 needed for 13,320 people",
    )
    # Enough quilts and water for 1.2 % of the residents, and in the district's own depots.
    assert {s for r, _, s in found if r.startswith("reserves_")} == {"folding_bed"}
    assert found[("hazard", STREET, "h-1")] == (True, "not rectified, the deadline was Oct 8, 2026")
    assert found[("hazard", STREET, "h-2")] == (
        False,
        "rectified on Oct 23, 2026, not yet verified",
    )
    gap = "nobody on duty from Dec 8, 2026 12:00 to Dec 9, 2026 00:00"
    assert found[("roster", STREET, "duty_officer")] == (True, gap)
    assert found[("roster", STREET, "commander")] == (True, gap)
    assert {u for r, u, _ in found if r == "roster"} == {STREET}  # the night left uncovered
    assert found[("cross_district_joint_conference", DISTRICT, DISTRICT)] == (
        True,
        "1 window with none, the last from Jul 1, 2022 to Sep 30, 2022",
    )
    assert found[("drill_assessment", DISTRICT, "drill_heavy_rain")] == (
        True,
        "the drill of Jan 1, 2023 has no assessment",
    )
    assert found[("special_safety_evaluation", STREET, "e-gas-1")] == (
        True,
        "overdue since Nov 8, 2026",
    )
    assert found[("shelters", LAST_STREET, LAST_STREET)] == (
        True,
        f"no open shelter serves {LAST_STREET}",
    )
    assert [u for r, u, _ in found if r == "shelters"] == [LAST_STREET]  # every street but one


def test_the_demo_has_an_overdue_milestone_of_the_reserve_depots(demo: Demo) -> None:
    board = demo.service.board(demo.district, DISTRICT)
    depots = next(row for row in board.projects if row.project.id == "reserve_depots")
    assert depots.overdue > 0
    assert any(a.register == "reserve_depots" and a.overdue for a in board.alerts)


def test_the_districts_indicators_some_met_some_missed(demo: Demo) -> None:
    board = demo.service.board(demo.district, DISTRICT)
    status = standing(board)
    assert status["earthquake_shelters_period"] == "missed"  # 9 in the period, short of 10
    assert status["earthquake_shelters_each_year"] == "missed"  # one in 2023
    assert status["district_reserve_depots"] == "missed"
    assert status["model_communities_share"] == "missed"  # 78 %, short of 90 %
    assert status["disaster_officers_trained"] == "met"  # 1,420 trained, 1,400 asked
    assert status["work_safety_death_rate"] == "met"
    assert status["small_fire_stations"] == "met"
    assert set(status.values()) == {"met", "missed", "no_figure"}  # the period has ended
    rows = {row.indicator.id: row for row in board.indicators}
    shelters = rows["earthquake_shelters_period"]
    assert shelters.counted and sum(shelters.figures.values()) == 9
    trained = rows["disaster_officers_trained"]
    assert trained.counted and sum(trained.figures.values()) == 1420
    assert not rows["fire_death_rate"].counted  # a reported figure
    assert EN.say(shelters.assessment.reason) == "9处 in 2021-2025: does not meet 10处以上"
    # Every key project of part 四 is listed.
    assert "reserve_depots" in {row.project.id for row in board.projects}


def test_as_of_the_end_of_2024_the_plan_is_mid_course(demo: Demo) -> None:
    board = demo.service.board(demo.district, DISTRICT, MID_COURSE)
    assert board.year == 2024
    status = standing(board)
    assert status["earthquake_shelters_period"] == "at_risk"  # 7 by 2024, 8 on course
    assert status["disaster_officers_trained"] == "at_risk"  # 1,080 by 2024, 1,120 on course
    assert status["small_fire_stations"] == "on_track"
    assert status["work_safety_death_rate"] == "on_track"
    assert "met" not in status.values() and "missed" not in status.values()
    found = alerts(board)
    # Before the stock was received (200 days before the load) nothing was held.
    assert found[("reserves_district", DISTRICT, "quilt")] == (
        True,
        "0 床 held, 5,000 needed for 5,000 people",
    )
    # The hazards were found later: no alert of them yet; the missed conference already.
    assert not [key for key in found if key[0] == "hazard"]
    assert ("cross_district_joint_conference", DISTRICT, DISTRICT) in found


def test_a_streets_board_counts_its_own_registers(demo: Demo) -> None:
    board = demo.service.board(demo.street, STREET)
    found = alerts(board)
    assert {u for _, u, _ in found} == {STREET}
    assert ("hazard", STREET, "h-1") in found and ("roster", STREET, "commander") in found
    assert not [key for key in found if key[0].startswith("reserves_") or key[0] == "shelters"]
