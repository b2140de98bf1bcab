"""What an alert over the registry is: its kind, the rules it reads (the pack's cited
parameters) and the alert itself (`govops.cadres.model.alerts` finds them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from govops.cadres.model.people import Cited, Person, Position
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message

HORIZON = timedelta(days=30)


class AlertKind(StrEnum):
    ROTATION = "rotation"
    PROBATION = "probation"
    AVOIDANCE = "avoidance"
    BAR = "bar"
    TRAINING = "training"  # not trained within a year of a division-level promotion (6(5))
    ABSENCE = "absence"  # away studying more than a year, or ill a year or more (45(6), (7))
    INCOMPETENT = "incompetent"  # the latest annual result is 不称职 (47)


@dataclass(frozen=True, slots=True)
class AlertRules:
    document: str  # the others are the pack's parameters of those names (cited_rules)
    rotation_years: Cited[int]  # 处级干部在同一职位任满十年 (42(2))
    demotion_no_promotion_years: Cited[int]  # 受到降职处理的, 两年内不得提升职务 (46)
    accountability_no_equivalent_post_years: Cited[int]  # 一年内不得重新担任相当职务 (46)
    training_after_promotion_years: Cited[int]  # 应当在提任后一年内完成培训 (6(5))
    study_leave_years: Cited[int]  # 离职学习期限超过一年 (45(6))
    health_absence_years: Cited[int]  # 因健康原因无法正常履行工作职责一年以上 (45(7))

    def cite(self, article: str) -> Citation:
        return Citation(self.document, article)


@dataclass(frozen=True, slots=True)
class Alert:
    kind: AlertKind
    people: tuple[str, ...]  # person ids: one, or the two relatives
    cite: Citation
    start: date  # the post's or promotion's start, the later post's start, the bar's day,
    # the first day away, the first day of the year assessed
    end: date | None  # first day it no longer holds; None for a situation still standing
    detail: Message  # what it is, translated where shown


def current(person: Person, today: date) -> Iterator[Position]:
    """The posts the person holds on `today`."""
    return (p for p in person.positions if p.held_on(today))
