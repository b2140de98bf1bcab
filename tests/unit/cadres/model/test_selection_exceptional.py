"""The superior consent is asked for a 处级 exceptional promotion only (29 para 2)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from govops.cadres.model.selection_case import Event, fold
from govops.cadres.model.selection_exceptional import before_decision, in_notice
from govops.cadres.model.steps import Step, StepRefusedError
from tests.unit.cadres.model.test_selection import ORDER, RULES

AT = datetime(2025, 9, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def motion(rank: str, flag: bool = True) -> Event:
    data = {"candidate": "张三", "post": "某职", "committee": ["甲"], "team": ["乙"]}
    data |= {"exceptional": flag, "exceptional_reasons": "急需 (7 para 3)" if flag else ""}
    return Event("c", 1, Step.MOTION, AT, "组织部", data | {"eligibility": {"rank": rank}})


def test_a_section_level_exceptional_promotion_needs_no_superior_consent() -> None:
    case = fold([motion("section_chief")], ORDER)
    said = before_decision(RULES, case)["exceptional"]
    assert said == {"reasons": "急需 (7 para 3)", "consent_required": False, "consent": None}
    assert in_notice(case) == {"exceptional": {"reasons": "急需 (7 para 3)"}}
    with pytest.raises(StepRefusedError) as error:
        before_decision(RULES, fold([motion("division_chief")], ORDER))
    assert error.value.guard == "superior consent" and error.value.cite.article == "29"


def test_a_case_not_exceptional_records_nothing_of_it() -> None:
    case = fold([motion("division_chief", flag=False)], ORDER)
    assert before_decision(RULES, case) == {} and in_notice(case) == {}
