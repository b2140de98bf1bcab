"""What a pack asks of a plan's registers (registers.yaml): the cadences of its recurring
duties and who owes each, the duty roster's roles, and the reserves' coverage (the share of
the population and the number of people, the quantities per person), each cited."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from govops.lawcode.dated.procedures import Text
from govops.lawcode.registers.cadences import Cadence
from govops.lawcode.registers.coverage import Need
from govops.lawcode.sources.citations import Citation

# The figures of indicators the registers hold themselves, by what they count.
COMPUTED = ("shelters_built", "officers_trained")

# Who owes a recurring duty: the district's unit, each street's, each enterprise listed.
OWED_BY = ("district", "street", "enterprise")


@dataclass(frozen=True, slots=True)
class OwedCadence:
    cadence: Cadence
    owed_by: str  # one of OWED_BY
    assessed: bool = False  # each occurrence is assessed (a drill, 三(七)3)


@dataclass(frozen=True, slots=True)
class DutyRule:
    roles: tuple[str, ...]  # each needed at every moment at each centre
    cite: Citation
    reading: Text | None = None
    titles: Mapping[str, Text] = field(default_factory=dict)  # each role in words


@dataclass(frozen=True, slots=True)
class ReserveRule:
    population_share: Decimal  # of the resident population the living supplies must cover
    share_cite: Citation
    district_people: int  # the people the district-level depots must supply
    people_cite: Citation
    needs: tuple[Need, ...]  # quantities per person, item by item
    reading: Text | None = None


@dataclass(frozen=True, slots=True)
class Project:
    """A key project of the plan (part 四), whose milestones the registers follow."""

    id: str
    title: Text
    cite: Citation


@dataclass(frozen=True, slots=True)
class RegisterRules:
    cadences: tuple[OwedCadence, ...] = ()
    duty: DutyRule | None = None
    reserves: ReserveRule | None = None
    computed: Mapping[str, str] = field(default_factory=dict)  # indicator -> what counts it
    projects: tuple[Project, ...] = ()

    def cadence(self, cadence_id: str) -> OwedCadence | None:
        return next((c for c in self.cadences if c.cadence.id == cadence_id), None)

    def project(self, project_id: str) -> Project | None:
        return next((p for p in self.projects if p.id == project_id), None)
