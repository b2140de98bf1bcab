"""A plan's worked register cases (cases/registers/*.yaml), run by `govops pack test`:

- a cadence case: the days a duty was done, the day asked, the standing expected (kept,
  due, overdue);
- a coverage case: the resident population (or none, for the district's 5,000 people), the
  quantities held, and whether they cover it (`covered: true`) or which items fall short."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import Field

from govops.lawcode.registers.cadences import stand
from govops.lawcode.registers.coverage import cover, people_for
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Text, msg
from govops.packs.cases import CaseResult, load_case_files
from govops.packs.schema import Strict

FOLDER = "registers"


class CadenceCaseModel(Strict):
    name: str
    cadence: str
    done: list[date] = Field(default_factory=list)
    as_of: date  # the day asked
    expect: Literal["kept", "due", "overdue"]


class CoverageCaseModel(Strict):
    name: str
    population: int | None = None  # None: the district-level depots' 5,000 people
    held: dict[str, Decimal] = Field(default_factory=dict)
    expect_short: list[str] = Field(default_factory=list)  # the items short; none: covered


class RegisterCasesFile(Strict):
    cadences: list[CadenceCaseModel] = Field(default_factory=list)
    coverage: list[CoverageCaseModel] = Field(default_factory=list)


def run_register_cases(pack: Pack, folder: Path) -> Iterator[CaseResult]:
    """Each case's result: failed when the pack has no such register or it stands otherwise."""
    for path, cases in load_case_files(folder, FOLDER, RegisterCasesFile):
        for case in cases.cadences:
            yield CaseResult(path, None, case.cadence, case.name, tuple(_cadence(pack, case)))
        for item in cases.coverage:
            yield CaseResult(path, None, "reserves", item.name, tuple(_coverage(pack, item)))


def _cadence(pack: Pack, case: CadenceCaseModel) -> Iterator[Text]:
    if pack.registers is None:
        yield msg("the pack has no registers.yaml")
        return
    owed = pack.registers.cadence(case.cadence)
    if owed is None:
        yield msg("no recurring duty {id} in the plan", id=case.cadence)
        return
    got = stand(owed.cadence, "case", case.done, case.as_of)
    if got.standing.value != case.expect:
        yield msg(
            "stands {got}, expected {expected} ({reason})",
            got=got.standing.value,
            expected=case.expect,
            reason=got.reason,
        )


def _coverage(pack: Pack, case: CoverageCaseModel) -> Iterator[Text]:
    rule = pack.registers.reserves if pack.registers is not None else None
    if rule is None:
        yield msg("the pack gives no reserves' coverage")
        return
    if case.population is None:
        people = rule.district_people
    else:
        people = people_for(case.population, rule.population_share)
    short = sorted(c.item for c in cover(case.held, rule.needs, people) if not c.met)
    if short != sorted(case.expect_short):
        yield msg(
            "short of {got}, expected {expected}",
            got=", ".join(short) or "nothing",
            expected=", ".join(sorted(case.expect_short)) or "nothing",
        )
