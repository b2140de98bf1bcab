"""Where the procedure's counts come from, paragraph by paragraph:

- those interviewed in the recommendation (谈话调研推荐, 一般不少于20人): 13(1) for a 处级 post,
  13(2) for a 科级 one, by the post's rank as screened at the motion;
- those consulted in the investigation (一般不少于20人): 23(1) where the candidate's unit is
  a teaching, research or teaching-support unit (教学、科研、教辅机构), 23(2) where it is a
  department of the university's offices (校直机关各部(处)). Reading: without the unit's
  kind, while both paragraphs give the same number, it is cited to 23 as a whole; were
  they to differ, the kind would be needed (the stricter is not guessed);
- the investigators: the group has at least two members (26: 考察组由两名以上成员组成), and
  at least two of them take part in each talk (22(3)), so at least two are left once those
  who withdraw (44) are set aside."""

from __future__ import annotations

from enum import StrEnum

from govops.cadres.model.people import Cited
from govops.cadres.model.selection_case import Case, division_post
from govops.cadres.model.steps import ProcedureRules, Step, at_least
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import msg, msg_n


class UnitKind(StrEnum):
    """The kind of the candidate's unit, which says the paragraph of 23 that applies."""

    TEACHING = "teaching"  # 教学、科研、教辅机构 (23(1))
    OFFICES = "offices"  # 校直机关各部(处) (23(2))


def interviewed(rules: ProcedureRules, case: Case) -> Cited[int]:
    """Those to interview (13(1) for a 处级 post, 13(2) for a 科级 one)."""
    if division_post(case):
        return rules.recommendation_min_interviewed
    return rules.recommendation_min_interviewed_section


def consulted(rules: ProcedureRules, unit_kind: UnitKind | None) -> Cited[int]:
    """Those to consult (23(1), 23(2), or 23 whole while both give the same number)."""
    teaching, offices = rules.investigation_min_consulted, rules.investigation_min_consulted_offices
    if unit_kind is UnitKind.TEACHING:
        return teaching
    if unit_kind is UnitKind.OFFICES:
        return offices
    if teaching.value != offices.value:  # the service asks for the kind first
        raise ValueError("23(1) and 23(2) differ: the unit's kind is needed")
    return Cited(teaching.value, Citation(rules.document, "23"))


def check_investigators(
    rules: ProcedureRules, team: frozenset[str], recused: frozenset[str]
) -> None:
    """At least two in the group (26), at least two left to take part in talks (22(3))."""
    step, group = Step.INVESTIGATION, rules.investigation_group_min_members
    named = msg_n("{count} member in the group", "{count} members in the group", len(team))
    at_least(step, "investigators", len(team), group, named)
    left = len(team - recused)
    counted = msg_n("{count} investigator", "{count} investigators", left)
    if recused:
        counted = msg(
            "{counted} ({withdrawn} withdrawn under {article})",
            counted=counted,
            withdrawn=len(recused),
            article="44",
        )
    at_least(step, "investigators", left, rules.investigation_min_investigators, counted)
