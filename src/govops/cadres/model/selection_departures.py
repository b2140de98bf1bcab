"""Departures from the procedure's "as a rule" (一般) thresholds: a step below one of them is
recorded only with a departure, its reason and who approved it, kept on the step's event
(`departure`: reason, approved_by, and each threshold departed from with its article).

The thresholds the regulation qualifies with 一般 (AS_A_RULE): the attendance of the
recommendation meeting (13: 到会人数一般不少于应到会人数的80%), those interviewed in the
recommendation (13(1), 13(2): 人数一般不少于20人) and those consulted in the investigation
(23(1), 23(2): 人数一般不少于20人). Not departed from: the investigators (22(3), 26: 至少),
the committee's quorum and majorities (30, 31(3): 必须), the notice (34: 不少于) and the
probation (35).

Readings (the text does not force them):
- 一般 admits exceptions without saying how they are made; 13's last paragraph (可根据实际
  情况, 对参加民主推荐的人员范围作适当调整) allows adjusting who takes part "according to
  the circumstances". Read together: a step below such a threshold is recorded only with
  the reason (the circumstances) and who approved it, so the exception stays answerable;
  the regulation names no approver, so `approved_by` is whoever the caller names.
- 23 has no such paragraph; its 一般 is read the same way.
- A departure given where every threshold is met is refused (guard `departure`), so that
  no departure is recorded that did not happen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govops.cadres.model.people import Cited
from govops.cadres.model.steps import Step, StepRefusedError
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg

AS_A_RULE = frozenset({"attendance", "interviewed", "consulted"})  # guards (13, 13(1), 23)


@dataclass(frozen=True, slots=True)
class Departure:
    reason: str  # the circumstances (13 last para: 根据实际情况)
    approved_by: str  # who approved it


@dataclass(frozen=True, slots=True)
class Check:
    """A threshold of a step: its guard, whether it is met, its article, the figures."""

    guard: str
    ok: bool
    cite: Citation
    detail: Message


def at_least(guard: str, got: int, rule: Cited[int], counted: Message) -> Check:
    """`got` (`counted`, in words) at least the rule's number."""
    detail = msg("{counted}; at least {least} needed", counted=counted, least=rule.value)
    return Check(guard, got >= rule.value, rule.cite, detail)


def judged(step: Step, checks: list[Check], departure: Departure | None) -> dict[str, Any]:
    """The event data of a departure from the "as a rule" thresholds not met (none if all
    are met); StepRefusedError for the first threshold not met that is not "as a rule", or
    is without a departure, or for a departure from nothing (cited to the first "as a rule"
    threshold of the step)."""
    below = [c for c in checks if not c.ok]
    for check in below:
        if check.guard not in AS_A_RULE or departure is None:
            raise StepRefusedError(step, check.guard, check.cite, check.detail)
    if departure is None:
        return {}
    if not below:
        where = next(c.cite for c in checks if c.guard in AS_A_RULE)
        none = msg("every threshold is met; there is nothing to depart from")
        raise StepRefusedError(step, "departure", where, none)
    gone = [{"guard": c.guard, "article": c.cite.article} for c in below]
    said = {"reason": departure.reason, "approved_by": departure.approved_by}
    return {"departure": said | {"from": gone}}
