"""Intervals written the way a document writes them, bounded by its declared convention.

Chinese rules write ranges with words (5000人以上, 10人以下, 不少于, 超过); whether the number
itself belongs to the range is a convention the document states, for instance "上述分级标准有关
数量的表述中,'以上'含本数,'以下'不含本数". A pack declares each word it uses, with the
sentence that fixes its meaning, and clauses are written with those words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from govops.lawcode.dated.parameters import ParameterSnapshot, ParameterVersion
from govops.lawcode.sources.citations import Citation

Number = int | Decimal


class Side(Enum):
    LOWER = "lower"  # the range starts at the number: 以上, 不少于, 超过, trở lên
    UPPER = "upper"  # the range ends at the number: 以下, 不超过, 低于, dưới


@dataclass(frozen=True, slots=True)
class BoundaryWord:
    word: str
    side: Side
    inclusive: bool
    cite: Citation


@dataclass(frozen=True, slots=True)
class BoundaryConvention:
    words: dict[str, BoundaryWord]

    def word(self, word: str) -> BoundaryWord:
        try:
            return self.words[word]
        except KeyError:
            declared = ", ".join(self.words) or "none"
            raise ValueError(
                f"boundary word {word!r} is not declared by the pack (declared: {declared})"
            ) from None


@dataclass(frozen=True, slots=True)
class ValueRef:
    """A bound's number: a literal from the clause, or a named dated parameter."""

    literal: Number | None = None
    parameter: str | None = None

    def resolve(self, parameters: ParameterSnapshot) -> tuple[Number, ParameterVersion | None]:
        if self.parameter is None:
            assert self.literal is not None
            return self.literal, None
        version = parameters[self.parameter]
        if isinstance(version.value, bool) or not isinstance(version.value, int | Decimal):
            raise ValueError(f"parameter {self.parameter!r} is not a number: {version.value!r}")
        return version.value, version

    def __str__(self) -> str:
        return self.parameter if self.parameter is not None else str(self.literal)


@dataclass(frozen=True, slots=True)
class Bound:
    ref: ValueRef
    word: BoundaryWord


@dataclass(frozen=True, slots=True)
class ResolvedBound:
    value: Number
    inclusive: bool
    word: str
    parameter: ParameterVersion | None

    def admits_from_below(self, value: Number) -> bool:
        return value >= self.value if self.inclusive else value > self.value

    def admits_from_above(self, value: Number) -> bool:
        return value <= self.value if self.inclusive else value < self.value


@dataclass(frozen=True, slots=True)
class ResolvedInterval:
    lower: ResolvedBound | None
    upper: ResolvedBound | None

    def contains(self, value: Number) -> bool:
        above_lower = self.lower is None or self.lower.admits_from_below(value)
        below_upper = self.upper is None or self.upper.admits_from_above(value)
        return above_lower and below_upper

    def notation(self) -> str:
        """Mathematical notation, e.g. [1000, 5000)."""
        left = "(-∞" if self.lower is None else ("[" if self.lower.inclusive else "(")
        left += "" if self.lower is None else str(self.lower.value)
        right = "+∞)" if self.upper is None else str(self.upper.value)
        right += "" if self.upper is None else ("]" if self.upper.inclusive else ")")
        return f"{left}, {right}"
