"""Where the counts come from: 13(1) for a 处级 post and 13(2) for a 科级 one, 23(1) or
23(2) by the kind of the candidate's unit (23 whole while both give the same number, and
no guess where they differ), 26 for the group and 22(3) for those left to take part."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from govops.cadres.model.people import Cited
from govops.cadres.model.selection import Motion, UnitKind, fold, open_case
from govops.cadres.model.selection_counts import check_investigators, consulted, interviewed
from govops.cadres.model.selection_gate import Screening
from govops.cadres.model.steps import StepRefusedError
from govops.lawcode.sources.citations import Citation
from tests.unit.cadres.model.test_selection import (
    DOC,
    MEMBERS,
    ORDER,
    RULES,
    TEAM,
    at,
    opened,
    refused,
)


def test_those_interviewed_are_cited_by_the_posts_rank() -> None:
    assert interviewed(RULES, opened()).cite == Citation(DOC, "13(1)")  # deputy_division
    when = at(date(2024, 3, 1))
    answer = {"verdict": "eligible", "refusals": [], "warnings": []}
    section = Screening(when.date(), "p1", "section_chief", answer=answer)
    motion = Motion("cand", "科长", MEMBERS, TEAM)
    case = fold([open_case("c2", when, "party-committee", motion, RULES, section)], ORDER)
    assert interviewed(RULES, case).cite == Citation(DOC, "13(2)")


def test_those_consulted_are_cited_by_the_kind_of_the_unit() -> None:
    assert consulted(RULES, UnitKind.TEACHING).cite == Citation(DOC, "23(1)")
    assert consulted(RULES, UnitKind.OFFICES).cite == Citation(DOC, "23(2)")
    assert consulted(RULES, None) == Cited(20, Citation(DOC, "23"))
    offices = Cited(30, Citation(DOC, "23(2)"))
    differing = replace(RULES, investigation_min_consulted_offices=offices)
    assert consulted(differing, UnitKind.OFFICES).value == 30
    with pytest.raises(ValueError, match="differ"):
        consulted(differing, None)


def test_the_group_and_those_left_to_take_part_are_counted_apart() -> None:
    with pytest.raises(StepRefusedError) as error:
        check_investigators(RULES, frozenset({"a"}), frozenset())
    refused("investigators", "26", error)
    with pytest.raises(StepRefusedError) as error:
        check_investigators(RULES, frozenset({"a", "b"}), frozenset({"b"}))
    refused("investigators", "22(3)", error)
    check_investigators(RULES, frozenset({"a", "b", "c"}), frozenset({"b"}))
