"""The eligibility gate of a selection case: when the candidate enters the case (the
motion) and again before the committee votes (the decision), Arts. 6, 7, 17 and 46 are
checked from the cadre registry as of that day, by the registry's own screening (the pack's
table of breaches, `RegistryService.eligibility`). The service asks the registry and hands
its answer here as a Screening; `gate` refuses the step or gives what the event records.

- A refusal (a breach of severity `refuse`) blocks the step: StepRefusedError, guard
  `eligibility`, cited to the article of the first breach; the detail names every breach
  with its article(s).
- Warnings (an "as a rule", 一般应当, requirement not met: points to justify) do not block;
  they are recorded on the event with their articles (`eligibility.warnings`), and shown to
  the committee with the case.
- Reading: a candidate who is not in the registry, or whose record the registry cannot
  decide (no start of work, no education, ...), cannot be checked, and the regulation
  requires the checks (6: 应当具备; 17: 不得列为考察对象); so the step is refused (guard
  `registry`, cited to 6), the safe reading rather than a silent pass.
- Reading: facts are taken as of the day of the act (the motion's, the decision's) by the
  dates they carry, as the registry's eligibility takes them; what is recorded later about
  an earlier date counts, as it was true then."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from govops.cadres.model.steps import Step, StepRefusedError
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Text, msg

ARTICLE = "6"  # where the registry cannot decide: 提拔担任处科级干部，应当具备下列基本资格


@dataclass(frozen=True, slots=True)
class Screening:
    """What the registry says of the candidate on `day`, for the rank of the post."""

    day: date
    cadre: str | None  # the candidate's id in the registry; None: not in it
    rank: str | None  # the rank of the post (model.record.RANKS)
    party_post: bool = False  # a post of the university's Party organisation (6(7))
    exceptional: bool = False  # exceptional promotion (7)
    answer: Mapping[str, Any] | None = None  # RegistryService.eligibility's answer
    problem: Text | None = None  # why the registry could not decide, if it could not


def gate(step: Step, document: str, candidate: str, screening: Screening) -> dict[str, Any]:
    """The eligibility data the step's event records; StepRefusedError if the candidate is
    not in the registry, cannot be decided, or is not eligible."""
    where, day, rank = Citation(document, ARTICLE), screening.day, screening.rank or "-"
    if screening.cadre is None:
        detail = msg(
            "{candidate} is not in the cadre registry, so Arts. 6, 7, 17 and 46 cannot be checked",
            candidate=candidate,
        )
        raise StepRefusedError(step, "registry", where, detail)
    answer = screening.answer
    if screening.problem is not None or answer is None:
        problem = screening.problem or "-"
        detail = msg(
            "the registry cannot decide eligibility for {rank} on {day}: {problem}",
            rank=rank,
            day=day,
            problem=problem,
        )
        raise StepRefusedError(step, "registry", where, detail)
    refusals = list(answer["refusals"])
    if refusals:
        breaches = "; ".join(f"{r['id']} ({', '.join(_articles(r))})" for r in refusals)
        detail = msg(
            "{candidate} is not eligible for {rank} on {day}: {breaches}",
            candidate=candidate,
            rank=rank,
            day=day,
            breaches=breaches,
        )
        first = _cited(refusals[0], document)
        raise StepRefusedError(step, "eligibility", first, detail)
    warnings = [
        {"id": w["id"], "label": dict(w["label"]), "cite": list(w["cite"])}
        for w in answer["warnings"]
    ]
    return {
        "cadre": screening.cadre,
        "rank": screening.rank,
        "party_post": screening.party_post,
        "exceptional": screening.exceptional,
        "as_of": day.isoformat(),
        "verdict": answer["verdict"],
        "warnings": warnings,
    }


def _articles(breach: Mapping[str, Any]) -> list[str]:
    """The articles a breach cites ("wuyi-cadre-regulation-2020 17(6)" -> "17(6)")."""
    return [str(c).rsplit(" ", 1)[-1] for c in breach["cite"]] or [ARTICLE]


def _cited(breach: Mapping[str, Any], document: str) -> Citation:
    return Citation(document, _articles(breach)[0])


def latest(events_data: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The latest eligibility recorded among events' data (oldest first), if any."""
    found = [d["eligibility"] for d in events_data if "eligibility" in d]
    return found[-1] if found else None
