"""Findings of a plan check: what disagrees, how much it matters, and both places cited."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from govops.lawcode.dated.procedures import Text
from govops.lawcode.figures.vi import format_vi_number
from govops.lawcode.sources.citations import Citation


class FindingSeverity(Enum):
    ERROR = "error"  # the figures do not add up
    WARNING = "warning"  # the text and the table say different things
    NOTICE = "notice"  # worth a reader's look; may be intended (e.g. a year left unfunded)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: FindingSeverity
    message: Text  # {"vi": ..., "en": ...}
    places: tuple[Citation, ...]
    stated: Decimal | None = None
    computed: Decimal | None = None

    def text(self, language: str) -> str:
        return self.message.get(language) or self.message["vi"]


def figure(value: Decimal, language: str) -> str:
    """A figure as a reader of `language` writes it: 5.444 and 0,4 in Vietnamese, 5,444 and
    0.4 in English."""
    return format_vi_number(value, "en" if language == "en" else "vi")


def years_text(years: tuple[int, ...] | list[int]) -> str:
    """2016, 2018-2020: runs of consecutive years joined with a dash."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
