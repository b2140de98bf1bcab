"""People and the organisation chart, as plain data: posts held (with who leads and who
supervises each), declared relatives, bars, trainings, absences and annual results; and what
the selection procedure and the alerts share: kinship and withdrawal (43, 44), anniversaries,
and rules as cited values read from a pack's parameters.

The registry is what the alerts read (rotation, probation, avoidance, bars, training,
absence, incompetence) and the kinship relations (spouses, lineal kin, collateral kin within
three generations, close in-laws) are what the selection procedure reads to recuse (Art. 43,
44). Ranks are the names in
`govops.cadres.model.record.RANKS`. Dates follow `govops.cadres.model.periods`: a post held from
`start` runs up to, not including, `end`; `probation_end` is the first day after the probation (as
in the cadre record)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Any, Generic, TypeVar

from govops.lawcode.dated.parameters import ParameterVersion
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import N_

V = TypeVar("V", int, Fraction)
R = TypeVar("R")


class Kinship(StrEnum):
    """The relations that call for avoidance (Art. 43 para 2)."""

    SPOUSE = "spouse"  # 夫妻关系
    LINEAL = "lineal"  # 直系血亲关系
    COLLATERAL = "collateral"  # 三代以内旁系血亲
    CLOSE_IN_LAW = "close_in_law"  # 近姻亲关系


KINSHIP_NAMES = {
    Kinship.SPOUSE: N_("spouses"),
    Kinship.LINEAL: N_("lineal kin"),
    Kinship.COLLATERAL: N_("collateral kin within three generations"),
    Kinship.CLOSE_IN_LAW: N_("close in-laws"),
}


@dataclass(frozen=True, slots=True)
class Relation:
    """`a` and `b` are relatives of the given kind; the relation is symmetric."""

    a: str
    b: str
    kind: Kinship


def kinship(a: str, b: str, relations: Iterable[Relation]) -> Kinship | None:
    """The kinship between two people, None when they are not (declared) relatives."""
    for relation in relations:
        if {relation.a, relation.b} == {a, b} and a != b:
            return relation.kind
    return None


class Function(StrEnum):
    """Work that a relative of the unit's leader may not do in that unit (Art. 43 para 2)."""

    PERSONNEL = "personnel"  # 组织(人事)
    DISCIPLINE = "discipline"  # 纪检
    SUPERVISION = "supervision"  # 监察
    AUDIT = "audit"  # 审计
    FINANCE = "finance"  # 财务


FUNCTION_NAMES = {
    Function.PERSONNEL: N_("personnel"),
    Function.DISCIPLINE: N_("discipline"),
    Function.SUPERVISION: N_("supervision"),
    Function.AUDIT: N_("audit"),
    Function.FINANCE: N_("finance"),
}


@dataclass(frozen=True, slots=True)
class Position:
    post: str  # the post's id
    unit: str
    rank: str | None  # a name in RANKS; None for staff without a cadre rank
    start: date
    end: date | None = None  # None: still held
    probation_end: date | None = None  # first day after the probation (35)
    reports_to: str | None = None  # the post of the direct leader
    leading: bool = False  # a leadership post of the unit (领导职务)
    function: Function | None = None
    supervised_by: str | None = None  # the post that supervises this one's work (监督, 43)

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class BarKind(StrEnum):
    DEMOTION = "demotion"  # 受到降职处理: no promotion for two years (46)
    ACCOUNTABILITY = "accountability"  # 引咎辞职、责令辞职、因问责被免职: one year (46)
    DISCIPLINE = "discipline"  # 诫勉、组织处理、党纪政纪处分: until its effect ends (17(6))


BAR_NAMES = {
    BarKind.DEMOTION: N_("demotion"),
    BarKind.ACCOUNTABILITY: N_("accountability"),
    BarKind.DISCIPLINE: N_("sanction"),
}


@dataclass(frozen=True, slots=True)
class Bar:
    kind: BarKind
    on: date  # the day of the demotion, resignation, dismissal or sanction
    effect_until: date | None = None  # discipline: the last day it has effect


class AbsenceKind(StrEnum):
    STUDY = "study"  # 离职学习 on personal application (45(6)); organisation_sent: 组织选派
    HEALTH = "health"  # 因健康原因无法正常履行工作职责 (45(7))


@dataclass(frozen=True, slots=True)
class Absence:
    kind: AbsenceKind
    start: date  # the first day away
    end: date | None = None  # the first day back (or planned back); None: not known
    organisation_sent: bool = False  # 组织选派: study leave the organisation sent (not 45(6))


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    positions: tuple[Position, ...] = ()
    relatives: tuple[tuple[str, Kinship], ...] = ()  # (person id, kinship), as declared
    bars: tuple[Bar, ...] = ()
    trainings: tuple[date, ...] = ()  # days a training meeting the requirement ended (6(5))
    absences: tuple[Absence, ...] = ()
    assessments: tuple[tuple[int, str], ...] = ()  # (year, result in RESULTS), annual (47)


@dataclass(frozen=True, slots=True)
class Registry:
    people: tuple[Person, ...]

    def relations(self) -> frozenset[Relation]:
        """Every declared relation, whichever of the two declared it."""
        pairs = {
            (min(person.id, other), max(person.id, other), kind)
            for person in self.people
            for other, kind in person.relatives
        }
        return frozenset(Relation(a, b, kind) for a, b, kind in pairs)


def withdrawing(candidate: str, people: frozenset[str], relations: Iterable[Relation]) -> set[str]:
    """Who must withdraw from a case about `candidate` (44): the candidate, and the
    candidate's relatives (43)."""
    known = tuple(relations)
    return {p for p in people if p == candidate or kinship(p, candidate, known) is not None}


def years_after(day: date, years: int) -> date:
    """The anniversary; that of 29 February falls on 1 March in a common year. For the
    last day of "N年内" counted from an event, see period_last_day (Civil Code 201, 202)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


@dataclass(frozen=True, slots=True)
class Cited(Generic[V]):
    value: V
    cite: Citation


def cited_rules(kind: type[R], parameters: Mapping[str, ParameterVersion]) -> R:
    """Rules of `kind` (a dataclass: ProcedureRules, AlertRules) from the pack's parameters
    in force (a ParameterSnapshot will do): every field but `document` is the parameter of
    that name, a fraction ("2/3", 0.8) when the name ends in `_share`, else an integer;
    `document` is the document the parameters cite."""
    values: dict[str, Any] = {}
    for name in (f.name for f in fields(kind) if f.name != "document"):  # type: ignore[arg-type]
        version = parameters[name]
        if isinstance(version.value, bool):
            raise ValueError(f"parameter {name} is a flag, not a number")  # a pack's bug
        value = Fraction(version.value)
        if not name.endswith("_share") and value.denominator != 1:
            raise ValueError(f"parameter {name} = {version.value!r} is not an integer")  # idem
        values[name] = Cited(value if name.endswith("_share") else int(value), version.cite)
    document = next(iter(values.values())).cite.document
    return kind(document=document, **values)  # type: ignore[call-arg]
