"""A plan's registers (registers.yaml): the cadences of its recurring duties (who owes each,
how its words are counted), the duty roster's roles, the reserves' coverage with the
quantities per person (each cited to its standard or marked as the office's own choice)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from govops.lawcode.registers.cadences import Cadence, Counted
from govops.lawcode.registers.coverage import Need
from govops.lawcode.registers.rules import (
    DutyRule,
    OwedCadence,
    Project,
    RegisterRules,
    ReserveRule,
)
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Text, msg
from govops.packs.schema import Cite, Strict
from govops.packs.schema import Text as Words
from govops.packs.yamlsource import PathKey, YamlFile

CiteFn = Callable[[Cite, list[PathKey], YamlFile], Citation]
ReportFn = Callable[[YamlFile, Sequence[PathKey], Text], None]


class CadenceModel(Strict):
    id: str
    title: Words
    months: int = Field(ge=1, le=120)
    counted: Literal["windows", "since_last"]
    owed_by: Literal["district", "street", "enterprise"]
    assessed: bool = False  # each occurrence is assessed
    reading: Words = Field(default_factory=dict)
    cite: Cite


class RoleModel(Strict):
    id: str
    title: Words


class DutyModel(Strict):
    roles: list[RoleModel] = Field(min_length=1)
    reading: Words = Field(default_factory=dict)
    cite: Cite


class NeedModel(Strict):
    item: str
    title: Words = Field(default_factory=dict)
    per_person: Decimal = Field(gt=0)
    unit: str
    cite: Cite | None = None  # the standard the quantity comes from
    own_choice: bool = False  # the office's own choice: no standard gives it
    note: Words = Field(default_factory=dict)


class ReservesModel(Strict):
    population_share: Decimal = Field(gt=0, lt=1)
    share_cite: Cite
    district_people: int = Field(gt=0)
    people_cite: Cite
    needs: list[NeedModel] = Field(min_length=1)
    reading: Words = Field(default_factory=dict)


class ProjectModel(Strict):
    id: str
    title: Words
    cite: Cite


class RegistersFile(Strict):
    start: date  # the plan's first day: windows open and deadlines run from it
    cadences: list[CadenceModel] = Field(default_factory=list)
    duty: DutyModel | None = None
    reserves: ReservesModel | None = None
    projects: list[ProjectModel] = Field(default_factory=list)  # key projects (part 四)
    # Indicators whose yearly figures the registers count themselves (not reported).
    computed: dict[str, Literal["shelters_built", "officers_trained"]] = Field(default_factory=dict)


def build_registers(
    model: RegistersFile,
    source: YamlFile,
    indicators: Collection[str],
    cite: CiteFn,
    report: ReportFn,
) -> RegisterRules:
    """The registers' rules; reported: a cadence given twice, a role given twice, an item
    needed twice, a quantity neither cited nor marked as the office's own choice (or both),
    a computed figure of an indicator not among `indicators` (indicators.yaml's)."""
    for name in model.computed:
        if name not in indicators:
            said = msg("no indicator {indicator} in the plan", indicator=repr(name))
            report(source, ["computed", name], said)
    cadences: list[OwedCadence] = []
    for index, item in enumerate(model.cadences):
        where: list[PathKey] = ["cadences", index]
        if any(c.cadence.id == item.id for c in cadences):
            report(source, [*where, "id"], msg("cadence {id} is given twice", id=item.id))
        counted = Counted(item.counted)
        cadence = Cadence(
            item.id,
            item.title,
            item.months,
            counted,
            model.start,
            cite(item.cite, where, source),
            item.reading or None,
        )
        cadences.append(OwedCadence(cadence, item.owed_by, item.assessed))
    duty = None
    if model.duty is not None:
        roles = [r.id for r in model.duty.roles]
        if len(set(roles)) < len(roles):
            report(source, ["duty", "roles"], msg("a role is given twice"))
        duty_cite = cite(model.duty.cite, ["duty"], source)
        titles = {r.id: r.title for r in model.duty.roles}
        duty = DutyRule(tuple(roles), duty_cite, model.duty.reading or None, titles)
    reserves = None
    if model.reserves is not None:
        reserves = _reserves(model.reserves, source, cite, report)
    projects = tuple(
        Project(p.id, p.title, cite(p.cite, ["projects", i], source))
        for i, p in enumerate(model.projects)
    )
    if len({p.id for p in projects}) < len(projects):
        report(source, ["projects"], msg("a project is given twice"))
    return RegisterRules(tuple(cadences), duty, reserves, dict(model.computed), projects)


def _reserves(
    model: ReservesModel, source: YamlFile, cite: CiteFn, report: ReportFn
) -> ReserveRule:
    needs: list[Need] = []
    for index, need in enumerate(model.needs):
        where: list[PathKey] = ["reserves", "needs", index]
        if any(n.item == need.item for n in needs):
            report(source, [*where, "item"], msg("item {item} is needed twice", item=need.item))
        if (need.cite is None) == (not need.own_choice):
            said = msg("a quantity per person is cited to a standard or is the office's own choice")
            report(source, where, said)
        cited = None if need.cite is None else cite(need.cite, where, source)
        noted, titled = need.note or None, need.title or None
        needs.append(Need(need.item, need.per_person, need.unit, cited, noted, titled))
    return ReserveRule(
        model.population_share,
        cite(model.share_cite, ["reserves", "share_cite"], source),
        model.district_people,
        cite(model.people_cite, ["reserves", "people_cite"], source),
        tuple(needs),
        model.reading or None,
    )
