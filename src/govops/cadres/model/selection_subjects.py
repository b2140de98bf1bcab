"""Several candidates for one post (Art. 18): the investigation subjects (考察对象) the
committee determined, besides the case's candidate, each screened in the registry on the
day of the investigation (17: 不得列为考察对象; `selection_gate`), and the reason when the
case's candidate is the only one.

18: 考察对象一般应当多于拟任职务人数，个别提拔任职或者进一步使用时意见比较集中的，也可以
等额确定考察对象. A case is for one post, so "more than the posts" is two subjects or more;
one alone is recorded only with the reason that opinion is concentrated (`concentrated`),
18's own exception; a reason given where there are several is refused, so that no exception
is recorded that did not happen (guard `subjects`, 18).

Readings (the text does not force them):
- the case's candidate is the one the investigation group proposes (21(5): 提出人选任用建议)
  and the committee decides on; the other subjects are investigated alongside and kept on
  the investigation's event with their screening. Should the committee prefer another, the
  case is closed (not appointed) and a case is opened for that one;
- each other subject is screened for the post's rank as the motion screened the candidate
  (a post of the Party organisation alike; not as an exceptional promotion, which the motion
  asks for its candidate only); one not eligible, or not in the registry, refuses the step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govops.cadres.model.selection_case import Case
from govops.cadres.model.selection_gate import Screening, gate
from govops.cadres.model.steps import ProcedureRules, Step, refuse_unless
from govops.lawcode.texts.messages import msg, msg_n

ARTICLE = "18"
POSTS = 1  # a case is for one post (拟任职务人数)


@dataclass(frozen=True, slots=True)
class Subject:
    """Another investigation subject for the post, as the registry screened them."""

    name: str
    screening: Screening


@dataclass(frozen=True, slots=True)
class Subjects:
    """The other subjects determined for the post, or why the candidate is the only one."""

    others: tuple[Subject, ...] = ()
    concentrated: str = ""  # opinion is concentrated on the candidate (18)


def judged(rules: ProcedureRules, case: Case, subjects: Subjects) -> dict[str, Any]:
    """What the investigation's event records of its subjects (18); StepRefusedError when
    one alone is investigated without the reason, when a reason is given for several, or
    when another subject is not eligible (17, guard `eligibility`) or not in the registry."""
    step, where = Step.INVESTIGATION, rules.cite(ARTICLE)
    count = 1 + len(subjects.others)
    said = msg_n("{count} investigation subject", "{count} investigation subjects", count)
    reason = subjects.concentrated.strip()
    alone = msg(
        "{subjects} for {posts} post; more as a rule, or the reason opinion is concentrated",
        subjects=said,
        posts=POSTS,
    )
    refuse_unless(count > POSTS or bool(reason), step, "subjects", where, alone)
    needless = msg("{subjects} for {posts} post: no reason is needed", subjects=said, posts=POSTS)
    refuse_unless(count == POSTS or not reason, step, "subjects", where, needless)
    if reason:
        return {"subjects": [], "concentrated": reason}
    screened = [
        {"candidate": s.name, "eligibility": gate(step, rules.document, s.name, s.screening)}
        for s in subjects.others
    ]
    return {"subjects": screened}
