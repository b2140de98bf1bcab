"""What the investigation (考察, 16-27) must have gathered before it is recorded as done, each
item kept on the investigation's event (`findings`) with the article that requires it:

- 24: the discipline commission's (校纪委) opinion on the candidate's conduct and integrity
  (党风廉政情况), always;
- 24: the candidate's own report of personal matters (个人有关事项), always; its
  verification (核实) for a 处级 post (要按规定进行核实); for a 科级 post it may be verified
  (在必要时可以), so it is recorded when it was, never required;
- 24: the economic-responsibility audit (经济责任审计) of a candidate who needs one;
- 24: the opinions of the propaganda, family-planning and comprehensive-governance
  departments (还应征求宣传部门、计划生育和综治部门的意见);
- 23(3): for a candidate who is a member of a democratic party or a non-party personage
  (民主党派成员或无党派人士), the opinions of the united front department (校党委统战部) and of
  the head of the candidate's party's organisation at the university, or of the non-party
  association (联谊会);
- 25, 27: the written investigation material (书面考察材料, 25), by the reference under which
  it is filed with the organisation department (归档, 27).

Readings (the text does not force them):
- Whether an audit is due is left by 24 to "有关规定", rules outside the regulation; so the
  team states it: due, with the audit's report, or not due, with the reason, never silence.
- The registry records membership of the Party only. For a candidate it does not have in
  the Party on the day of the investigation (not even as a probationary member), the team
  states the `affiliation`: a democratic party (`democratic_party`), a non-party
  personage (`non_party_personage`), or neither (`masses`, 群众: 23(3) does not apply);
  it is required then, so that 23(3) is never skipped in silence.
- 24's items are asked of the case's candidate: the committee decides on them alone (the
  other subjects of 18 are screened, 17, and kept on the event); a case opened for another
  subject asks them of that one.
- 24's opinions are asked (征求, 听取); what they say does not bar the step, the committee
  weighs them (28-31). What is refused is an investigation recorded without them (guard
  `findings`, cited to the article of the first one missing)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from govops.cadres.model.selection_case import Case, division_post
from govops.cadres.model.steps import ProcedureRules, Step, StepRefusedError
from govops.lawcode.texts.messages import N_, Message, msg


@dataclass(frozen=True, slots=True)
class Audit:
    """The economic-responsibility audit (24): due or not, and its report or the reason."""

    due: bool
    report: str = ""  # the audit's report (reference and conclusion), when due
    reason: str = ""  # why none is due


@dataclass(frozen=True, slots=True)
class Findings:
    """What the investigation gathered (24, 23(3), 25, 27); "" where not given."""

    discipline_opinion: str = ""  # 校纪委's opinion (24)
    personal_matters: str = ""  # what the candidate's report of personal matters showed (24)
    personal_matters_verified: bool = False  # verified (核实), required for 处级 (24)
    audit: Audit | None = None  # (24)
    propaganda_opinion: str = ""  # 宣传部门 (24)
    family_planning_opinion: str = ""  # 计划生育部门 (24)
    comprehensive_governance_opinion: str = ""  # 综治部门 (24)
    affiliation: str = ""  # outside the Party: AFFILIATIONS (23(3))
    united_front_opinion: str = ""  # 校党委统战部, for a non-Party candidate (23(3))
    party_organisation_opinion: str = ""  # the candidate's party's head, or 联谊会's (23(3))
    written_report: str = ""  # the written material's filing reference (25, 27)


# A candidate outside the Party: to whom 23(3) applies, and to whom not (群众).
AFFILIATIONS = ("democratic_party", "non_party_personage", "masses")
HEARD_BY_UNITED_FRONT = frozenset({"democratic_party", "non_party_personage"})

# What may be missing, by code: its name and the article that requires it.
ITEMS: dict[str, tuple[str, str]] = {
    "discipline_opinion": (N_("the discipline commission's opinion"), "24"),
    "personal_matters": (N_("the candidate's report of personal matters"), "24"),
    "personal_matters_verified": (
        N_("its verification, required for a division-level post"),
        "24",
    ),
    "audit": (N_("whether an economic-responsibility audit is due"), "24"),
    "audit.report": (N_("the audit's report, since one is due"), "24"),
    "audit.reason": (N_("the reason no audit is due"), "24"),
    "propaganda_opinion": (N_("the propaganda department's opinion"), "24"),
    "family_planning_opinion": (N_("the family-planning department's opinion"), "24"),
    "comprehensive_governance_opinion": (
        N_("the comprehensive-governance department's opinion"),
        "24",
    ),
    "affiliation": (
        N_(
            "the candidate's affiliation outside the Party: democratic party, non-party, or neither"
        ),
        "23(3)",
    ),
    "united_front_opinion": (
        N_("the united front department's opinion, for a candidate not in the Party"),
        "23(3)",
    ),
    "party_organisation_opinion": (
        N_("the opinion of the head of the candidate's party organisation or association"),
        "23(3)",
    ),
    "written_report": (N_("the written investigation material, by its filing reference"), "25"),
}


ALWAYS = (  # asked of every investigation (24, 25)
    "discipline_opinion",
    "personal_matters",
    "propaganda_opinion",
    "family_planning_opinion",
    "comprehensive_governance_opinion",
    "written_report",
)


def missing(findings: Findings, *, division: bool, party_member: bool) -> list[str]:
    """The codes of ITEMS the findings lack, in the order of ITEMS, for a 处级 post
    (`division`) and a candidate who is (or is not) a Party member."""
    absent = [code for code in ALWAYS if not str(getattr(findings, code)).strip()]
    if division and not findings.personal_matters_verified:
        absent.append("personal_matters_verified")
    audit = findings.audit
    if audit is None:
        absent.append("audit")
    elif audit.due and not audit.report.strip():
        absent.append("audit.report")
    elif not audit.due and not audit.reason.strip():
        absent.append("audit.reason")
    if not party_member and not findings.affiliation:
        absent.append("affiliation")
    if not party_member and findings.affiliation in HEARD_BY_UNITED_FRONT:
        for code in ("united_front_opinion", "party_organisation_opinion"):
            if not str(getattr(findings, code)).strip():
                absent.append(code)
    return sorted(absent, key=list(ITEMS).index)


def judged(
    rules: ProcedureRules, case: Case, findings: Findings, *, party_member: bool
) -> dict[str, Any]:
    """What the investigation's event records of its findings; StepRefusedError (guard
    `findings`, cited to the first missing item's article) naming every item missing."""
    lacking = missing(findings, division=division_post(case), party_member=party_member)
    if lacking:
        named = [
            msg("{item} ({article})", item=Message(ITEMS[code][0]), article=ITEMS[code][1])
            for code in lacking
        ]
        where = rules.cite(ITEMS[lacking[0]][1])
        raise StepRefusedError(Step.INVESTIGATION, "findings", where, _listed(named))
    recorded = {k: v for k, v in asdict(findings).items() if v not in ("", None)}
    return {"findings": recorded | {"party_member": party_member}}


def _listed(items: list[Message]) -> Message:
    """`missing: a; b; c`, each item translated where shown."""
    joined = items[0]
    for item in items[1:]:
        joined = msg("{first}; {then}", first=joined, then=item)
    return msg("missing: {items}", items=joined)
