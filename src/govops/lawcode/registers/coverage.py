"""Whether reserves cover a number of people (二(三)2: 生活保障类应急物资储备总体规模满足
全区常驻人口1.2%的应急需求; 四(五): 能够保障5000人的物资储备). The plan gives no
quantity per person: each is a pack parameter, cited to the standard it comes from or
marked as the office's own choice. Items are counted whole where the pack says so."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from govops.lawcode.dated.procedures import Text
from govops.lawcode.sources.citations import Citation


@dataclass(frozen=True, slots=True)
class Need:
    item: str
    per_person: Decimal  # in the item's unit
    unit: str
    cite: Citation | None  # the standard it comes from; None: the office's own choice
    note: Text | None = None
    title: Text | None = None  # the item in words


@dataclass(frozen=True, slots=True)
class ItemCover:
    item: str
    unit: str
    needed: Decimal
    held: Decimal

    @property
    def short(self) -> Decimal:
        return max(Decimal(0), self.needed - self.held)

    @property
    def met(self) -> bool:
        return self.held >= self.needed


def people_for(population: int, share: Decimal) -> int:
    """The people a share of a population is (1.2 % of 1,100,000: 13,200), whole people
    counted up."""
    return int((Decimal(population) * share).to_integral_value(rounding=ROUND_CEILING))


def cover(held: Mapping[str, Decimal], needs: Sequence[Need], people: int) -> list[ItemCover]:
    """Each needed item: what `people` need of it, what is held."""
    return [
        ItemCover(need.item, need.unit, need.per_person * people, held.get(need.item, Decimal(0)))
        for need in needs
    ]
