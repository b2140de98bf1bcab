"""The steps of a selection case and the guards that refuse one: the steps (their order
and the article of each are the pack's procedure `selection`, `selection_order`), their
names and the guards' (messages, translated where shown), and StepRefusedError, which
names the guard and its article and says the figures. The rules they apply
(ProcedureRules), and the choices a step records (Vote, ProbationOutcome).
`govops.cadres.model.selection` applies them to a case."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from govops.cadres.model.people import Cited
from govops.lawcode.dated.steps import Procedure
from govops.lawcode.sources.citations import Citation
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import N_, Message, msg


@dataclass(frozen=True, slots=True)
class ProcedureRules:
    document: str  # the others are the pack's parameters of those names (cited_rules)
    recommendation_attendance_share: Cited[Fraction]  # at least, of those expected (13)
    recommendation_min_interviewed: Cited[int]  # 谈话调研推荐, 处级 (13(1))
    recommendation_min_interviewed_section: Cited[int]  # 谈话调研推荐, 科级 (13(2))
    recommendation_valid_years: Cited[int]  # (11)
    investigation_group_min_members: Cited[int]  # (26)
    investigation_min_investigators: Cited[int]  # at each talk (22(3))
    investigation_min_consulted: Cited[int]  # teaching, research, support units (23(1))
    investigation_min_consulted_offices: Cited[int]  # the university's offices (23(2))
    committee_quorum_share: Cited[Fraction]  # at least, of all members present (30)
    committee_majority_share: Cited[Fraction]  # MORE than, of all members in favour (31(3))
    reconsideration_consent_share: Cited[Fraction]  # MORE than, of all members consent (30)
    public_notice_working_days: Cited[int]  # at least (34)
    probation_years: Cited[int]  # (35)

    def cite(self, article: str) -> Citation:
        return Citation(self.document, article)


class Step(StrEnum):
    MOTION = "motion"
    RECOMMENDATION = "recommendation"
    INVESTIGATION = "investigation"
    DECISION = "decision"
    PUBLIC_NOTICE = "public_notice"
    APPOINTMENT = "appointment"
    PROBATION_END = "probation_end"
    # What else a case records (off the procedure's main line): a vote that did not carry (31(3)), a
    # decision postponed (30), the consent to reconsider (30 para 2), the case closed, the
    # superior organisation department's consent to an exceptional promotion (29 para 2).
    DECISION_REFUSED = "decision_refused"
    DECISION_POSTPONED = "decision_postponed"
    RECONSIDERATION = "reconsideration"
    CLOSED = "closed"
    SUPERIOR_CONSENT = "superior_consent"


SELECTION_PROCEDURE = "selection"  # the pack's procedure of these steps (procedures.yaml)


def selection_order(pack: Pack) -> Procedure:
    """The pack's selection procedure; KeyError when it declares none, or a step this
    module has no acts for."""
    return pack.procedure(SELECTION_PROCEDURE, (step.value for step in Step))


STEP_NAMES = {
    Step.MOTION: N_("motion"),
    Step.RECOMMENDATION: N_("recommendation"),
    Step.INVESTIGATION: N_("investigation"),
    Step.DECISION: N_("decision"),
    Step.PUBLIC_NOTICE: N_("public notice"),
    Step.APPOINTMENT: N_("appointment"),
    Step.PROBATION_END: N_("end of probation"),
    Step.DECISION_REFUSED: N_("decision not carried"),
    Step.DECISION_POSTPONED: N_("decision postponed"),
    Step.RECONSIDERATION: N_("reconsideration"),
    Step.CLOSED: N_("case closed"),
    Step.SUPERIOR_CONSENT: N_("consent of the superior organisation department"),
}
# The guards a step is refused by: codes (the API's `guard`), and their names.
GUARD_NAMES = {
    "committee": N_("committee"),
    "selection team": N_("selection team"),
    "order": N_("order"),
    "chronology": N_("chronology"),
    "attendance": N_("attendance"),
    "interviewed": N_("interviewed"),
    "investigators": N_("investigators"),
    "consulted": N_("consulted"),
    "quorum": N_("quorum"),
    "majority": N_("majority"),
    "recommendation validity": N_("recommendation validity"),
    "public notice": N_("public notice"),
    "notice result": N_("notice result"),
    "probation": N_("probation"),
    "reason": N_("reason"),
    "registry": N_("cadre registry"),
    "eligibility": N_("eligibility"),
    "consent": N_("consent"),
    "closed": N_("case closed"),
    "exceptional": N_("exceptional promotion"),
    "superior consent": N_("superior consent"),
    "departure": N_('departure from an "as a rule" threshold'),
    "findings": N_("investigation findings"),
    "subjects": N_("investigation subjects"),
}


def step_name(step: Step | None) -> Message:
    """A step as the reader names it; none after the last step."""
    return Message(STEP_NAMES[step]) if step is not None else msg("none (the case is closed)")


class Vote(StrEnum):
    FOR = "for"  # 同意
    AGAINST = "against"  # 不同意
    DEFER = "defer"  # 缓议


class ProbationOutcome(StrEnum):
    CONFIRMED = "confirmed"  # 胜任现职, 正式任职
    NOT_CONFIRMED = "not_confirmed"  # 不胜任, 免去试任职务
    ENDED_EARLY = "ended_early"  # 提前结束试用 (35 para 3)


class Closing(StrEnum):
    """How a case ends before an appointment."""

    WITHDRAWN = "withdrawn"  # the motion withdrawn (by the organisation department)
    NOT_APPOINTED = "not_appointed"  # not appointed (a vote not carried, the notice's result)


class StepRefusedError(Exception):
    """A step refused by a guard (a code of GUARD_NAMES) under its article; `detail` says
    the figures, `message` the whole (Messages, translated where shown, the article kept
    as written)."""

    def __init__(self, step: Step, guard: str, cite: Citation, detail: Message) -> None:
        self.message = msg(
            "{step} refused: {guard} ({cite}): {detail}",
            step=step_name(step),
            guard=Message(GUARD_NAMES[guard]),
            cite=str(cite),
            detail=detail,
        )
        super().__init__(str(self.message))
        self.step, self.guard, self.cite, self.detail = step, guard, cite, detail


def refuse_unless(ok: bool, step: Step, guard: str, cite: Citation, detail: Message) -> None:
    if not ok:
        raise StepRefusedError(step, guard, cite, detail)


def at_least(step: Step, guard: str, got: int, rule: Cited[int], counted: Message) -> None:
    """`got` (`counted`, in words) of what `guard` counts, at least the rule's number."""
    detail = msg("{counted}; at least {least} needed", counted=counted, least=rule.value)
    refuse_unless(got >= rule.value, step, guard, rule.cite, detail)


def needed(share: Fraction, of: int, more: bool = False) -> Message:
    """The least whole number at least (`more`: more than) `share` of `of`, explained."""
    least = share.numerator * of // share.denominator + 1 if more else -(-share * of // 1)
    if more:
        return msg(
            "{least} (more than {share} of {total}) needed", least=least, share=str(share), total=of
        )
    return msg(
        "{least} (at least {share} of {total}) needed", least=least, share=str(share), total=of
    )
