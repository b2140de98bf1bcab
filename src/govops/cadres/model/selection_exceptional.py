"""Exceptional promotion (破格提拔, 7) in a selection case: the flag and its reasons, set
with the motion and kept in its event (`exceptional`, `exceptional_reasons`); the consent
of the superior organisation department (29 para 2), a recorded act (SUPERIOR_CONSENT:
who recorded it, when, the department and the reference of its consent); the reasons
carried into the decision's event, as stated to the committee (31(1)), and into the public
notice's (34).

- The flag also screens the candidate as an exceptional promotion (`selection_gate`: the
  registry's eligibility with `exceptional`), so what it relaxes is a warning recorded with
  its articles, and what 7 never relaxes is refused.
- Reading: 29 para 2 asks the consent for a 处级 candidate (拟破格提拔的处级干部人选) only:
  it is required when the post's rank, as screened at the motion, is deputy_division or
  division_chief; for a 科级 post it may be recorded but is not required.
- Reading: "在讨论决定前" — no vote at all (carried, not carried or postponed) is taken
  without it, so the DECISION step is refused (guard `superior consent`, 29).
- Reading: the reasons (破格的具体情形和理由, 31(1), 34) are required with the flag at the
  motion (guard `reason`, 31(1)), since the committee and the notice must be told them.
- Reading: the consent may be recorded any time after the motion and before the decision,
  once; it is recorded aside (the pack's procedure) and does not move the case on."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from govops.cadres.model.selection_case import Case, Event, begin, division_post, new_event
from govops.cadres.model.steps import ProcedureRules, Step, refuse_unless
from govops.lawcode.texts.messages import msg


def is_exceptional(case: Case) -> bool:
    return bool(case.event(Step.MOTION).data.get("exceptional", False))


def consent_required(case: Case) -> bool:
    """An exceptional promotion to a 处级 post (29 para 2)."""
    return is_exceptional(case) and division_post(case)


def consent_of(case: Case) -> Event | None:
    return next((e for e in case.events if e.step is Step.SUPERIOR_CONSENT), None)


def record_consent(
    rules: ProcedureRules,
    case: Case,
    at: datetime,
    actor: str,
    *,
    department: str,
    reference: str,
) -> Event:
    """SUPERIOR_CONSENT: the department that consented and the reference of its consent,
    on an exceptional case, once, before the decision (29 para 2)."""
    step, where = Step.SUPERIOR_CONSENT, rules.cite("29")
    not_flagged = msg("case {case} is not an exceptional promotion", case=case.id)
    refuse_unless(is_exceptional(case), step, "exceptional", where, not_flagged)
    decided = any(e.step is Step.DECISION for e in case.events)
    late = msg("the committee has decided; the consent is needed before its decision")
    refuse_unless(not decided, step, "order", where, late)
    again = consent_of(case)
    twice = msg("recorded already (#{seq})", seq=again.seq if again else 0)
    refuse_unless(again is None, step, "superior consent", where, twice)
    begin(case, step, at, actor)
    data = {"department": department, "reference": reference}
    return new_event(case, step, at, actor, data)


def stated(case: Case) -> dict[str, Any] | None:
    """What the case says of its exceptional promotion: the reasons, whether the superior
    consent is required, and the consent recorded (when, department, reference; who
    recorded it is the dossier's, 48(4))."""
    if not is_exceptional(case):
        return None
    reasons = case.event(Step.MOTION).data.get("exceptional_reasons", "")
    found = consent_of(case)
    consent = None
    if found is not None:
        consent = {"seq": found.seq, "at": found.at.isoformat()}  # who: in the dossier
        consent |= {k: found.data[k] for k in ("department", "reference")}
    return {"reasons": reasons, "consent_required": consent_required(case), "consent": consent}


def before_decision(rules: ProcedureRules, case: Case) -> dict[str, Any]:
    """What the decision's event records of the exceptional promotion (the reasons stated
    to the committee, 31(1), and the consent); StepRefusedError without the consent when
    it is required (29 para 2)."""
    said = stated(case)
    if said is None:
        return {}
    missing = msg(
        "an exceptional promotion to a division-level post needs the consent of the superior "
        "organisation department before the committee decides (29 para 2); none is recorded"
    )
    ok = not said["consent_required"] or said["consent"] is not None
    refuse_unless(ok, Step.DECISION, "superior consent", rules.cite("29"), missing)
    return {"exceptional": said}


def in_notice(case: Case) -> dict[str, Any]:
    """What the public notice states of an exceptional promotion: its reasons (34)."""
    said = stated(case)
    return {} if said is None else {"exceptional": {"reasons": said["reasons"]}}
