"""The post an appointment writes into the cadre registry, in the same unit of work as the
appointment's event, so that the probation alerts (35), the screenings and the alerts read
it without retyping: a `position` entry of the post's rank (as screened at the motion), the
unit given with the appointment, the post's title, from the term's start (the decision's
day, 37), with its probation end (35) and the motion's flags (exceptional promotion, 7; a
post of the Party organisation, 6(7)).

A probation not confirmed (不胜任的, 免去试任职务, 35 para 2) or ended early (免除试任职务,
35 para 3) ends that post on the day of the act: a correction of the entry giving its `end`
(the registry's `end` is the first day no longer held), and, when it is ended before the
year is out, its probation with it (so the post no longer counts as in probation).

Readings (the text does not force them):
- a cadre holds one rank at a time (the registry's rule, `model.record`): the posts held at
  another rank on the term's start are ended on that day, each by a correction; posts at
  the post's own rank are left (a cadre may hold posts at once). What 35 para 2 says of the
  cadre not confirmed (按试任前职级安排工作) is a new arrangement the registry's staff
  record; the post ended by the appointment is not reopened;
- the post is in the registry from the term's start (37), though written on the
  appointment's day: the registry's facts count by the dates they carry;
- a post already recorded by hand (same rank, unit and start) is not written twice: the
  event points at it;
- where the registry's entry was corrected since the appointment, the probation's end
  corrects the entry in force; where it was retracted, nothing is written."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from govops.cadres.model.registry import Entry
from govops.cadres.model.selection_case import Case, screened
from govops.cadres.model.steps import ProbationOutcome, Step

REGISTRY = "registry"  # in the appointment's event: {"person", "seq", "ended": [seq, ...]}


def position(case: Case, unit: str, term: date, probation_end: date) -> dict[str, Any]:
    """The registry's `position` entry of the post the case appoints to."""
    motion, found = case.event(Step.MOTION).data, screened(case)
    data: dict[str, Any] = {"rank": found.get("rank"), "unit": unit, "post": case.post}
    data |= {"start": term.isoformat(), "probation_end": probation_end.isoformat()}
    if motion.get("exceptional"):
        data["exceptional"] = True
    if found.get("party_post"):
        data["party_post"] = True
    return data


def appointee(case: Case) -> str | None:
    """The candidate's id in the registry, as screened at the motion."""
    found = screened(case).get("cadre")
    return str(found) if found else None


def removed(outcome: ProbationOutcome) -> bool:
    """Whether the probation's `outcome` removes the cadre from the post (35 para 2, 3)."""
    return outcome is not ProbationOutcome.CONFIRMED


def already(posts: Iterable[Entry], post: Mapping[str, Any]) -> Entry | None:
    """A post in force of the same rank, unit and start, recorded by hand."""
    same = ("rank", "unit", "start")
    return next((e for e in posts if all(e.data.get(k) == post[k] for k in same)), None)


def at_other_ranks(posts: Iterable[Entry], post: Mapping[str, Any]) -> list[Entry]:
    """The posts in force held on the new post's start at another rank than its own."""
    start = date.fromisoformat(post["start"])
    return [
        e
        for e in posts
        if e.data["rank"] != post["rank"]
        and date.fromisoformat(e.data["start"]) <= start
        and (e.data.get("end") is None or start < date.fromisoformat(e.data["end"]))
    ]


def ended(post: Mapping[str, Any], day: date) -> dict[str, Any] | None:
    """The post's entry data ended on `day` (its probation too, if it ran on past that
    day); None when it has ended by then already."""
    end = post.get("end")
    if end is not None and date.fromisoformat(str(end)) <= day:
        return None
    data = dict(post) | {"end": day.isoformat()}
    probation = post.get("probation_end")
    if probation is not None and day < date.fromisoformat(str(probation)):
        data["probation_end"] = day.isoformat()
    return data
