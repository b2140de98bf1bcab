"""Departures from the "as a rule" (一般) thresholds (13, 13(1), 23): below one, a step is
recorded only with its reason and who approved it, kept on the event; the thresholds the
regulation does not qualify (22(3), 26: 至少) are never departed from."""

from __future__ import annotations

import pytest

from govops.cadres.model.selection import Departure, UnitKind
from govops.cadres.model.steps import Step, StepRefusedError
from govops.cadres.service.selection import SelectionInputError, SelectionService
from govops.lawcode.sources.citations import Citation
from tests.selection_findings import CONCENTRATED, FINDINGS
from tests.unit.cadres.service.test_registry import file_cadre
from tests.unit.cadres.service.test_selection import DOC, TEAM, at, opened
from tests.unit.cadres.service.test_selection_gate import build

APPROVED = Departure("寒假期间部分教职工离校 (13 末段)", "校党委组织部 部长 刘强")


@pytest.fixture
def service() -> SelectionService:
    """Selections over a registry holding the candidate, 张三."""
    selections, registry = build()
    file_cadre(registry)
    return selections


def test_attendance_below_four_fifths_needs_a_departure(service: SelectionService) -> None:
    case = opened(service)
    with pytest.raises(StepRefusedError) as error:
        service.recommend(case, "陈干事", expected=120, attended=95, interviewed=25)
    assert (error.value.guard, error.value.cite) == ("attendance", Citation(DOC, "13"))
    event = service.recommend(
        case,
        "陈干事",
        expected=120,
        attended=95,
        interviewed=15,
        departure=APPROVED,
        at=at("2025-09-05T15:00+08:00"),
    )
    assert event.step is Step.RECOMMENDATION and event.actor == "陈干事"
    assert event.data["departure"] == {
        "reason": APPROVED.reason,
        "approved_by": APPROVED.approved_by,
        "from": [
            {"guard": "attendance", "article": "13"},
            {"guard": "interviewed", "article": "13(1)"},
        ],
    }
    assert "recorded_at" in event.data


def test_the_investigators_are_never_departed_from(service: SelectionService) -> None:
    case = opened(service)
    service.recommend(
        case, "陈干事", expected=120, attended=100, interviewed=25, at=at("2025-09-05T15:00+08:00")
    )
    with pytest.raises(StepRefusedError) as error:
        service.investigate(
            case,
            "林干事",
            investigators=TEAM[:1],
            consulted=22,
            departure=APPROVED,
            findings=FINDINGS,
            concentrated=CONCENTRATED,
        )
    assert error.value.guard == "investigators"
    with pytest.raises(StepRefusedError) as error:
        service.investigate(
            case,
            "林干事",
            investigators=TEAM,
            consulted=12,
            findings=FINDINGS,
            concentrated=CONCENTRATED,
        )
    assert (error.value.guard, error.value.cite.article) == ("consulted", "23")  # the kind unsaid
    with pytest.raises(StepRefusedError) as error:
        service.investigate(
            case,
            "林干事",
            investigators=TEAM,
            consulted=12,
            findings=FINDINGS,
            concentrated=CONCENTRATED,
            unit_kind=UnitKind.OFFICES,
        )
    assert (error.value.guard, error.value.cite.article) == ("consulted", "23(2)")
    event = service.investigate(
        case,
        "林干事",
        investigators=TEAM,
        consulted=12,
        departure=APPROVED,
        findings=FINDINGS,
        concentrated=CONCENTRATED,
    )
    assert event.data["departure"]["from"] == [{"guard": "consulted", "article": "23"}]


def test_a_departure_needs_its_reason_and_approver_and_something_to_depart_from(
    service: SelectionService,
) -> None:
    case = opened(service)
    with pytest.raises(SelectionInputError) as bad:
        service.recommend(
            case, "陈干事", expected=120, attended=95, interviewed=25,
            departure=Departure("原因", " "),
        )  # fmt: skip
    assert bad.value.field == "departure.approved_by"
    with pytest.raises(StepRefusedError) as error:
        service.recommend(
            case, "陈干事", expected=120, attended=100, interviewed=25, departure=APPROVED
        )
    assert (error.value.guard, error.value.cite.article) == ("departure", "13")
    assert service.get(case).step is Step.MOTION
