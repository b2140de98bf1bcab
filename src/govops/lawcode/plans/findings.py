"""Findings of a plan check: what disagrees, how much it matters, and both places cited.

A finding says what it found as a Message: translated, and its figures written, where it
is shown. What it quotes from the document (an article, a unit word, a figure as printed)
is a Quote, shown as written in every language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from govops.lawcode.plans.programme import Level
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import N_, Message, Quote, msg

# A level named in a finding ("cấp xã, huyện": the commune level, the district level).
LEVEL_NAMES = {
    Level.PROVINCE: N_("province level"),
    Level.DISTRICT: N_("district level"),
    Level.COMMUNE: N_("commune level"),
}


class FindingSeverity(Enum):
    ERROR = "error"  # the figures do not add up
    WARNING = "warning"  # the text and the table say different things
    NOTICE = "notice"  # worth a reader's look; may be intended (e.g. a year left unfunded)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: FindingSeverity
    message: Message
    places: tuple[Citation, ...]
    stated: Decimal | None = None
    computed: Decimal | None = None


def article(cite: Citation) -> Quote:
    """The place a citation names, as the document numbers it ("PL 2.1", "II.1 gạch 2")."""
    return Quote(cite.article)


def level_name(level: Level) -> Message:
    return msg(LEVEL_NAMES[level])


def listed(items: Sequence[Message | str]) -> Message | str:
    """Items one after another, as the reader's language lists them (a, b, c: a、b、c)."""
    if len(items) == 1:
        return items[0]
    return msg("{head}, {tail}", head=items[0], tail=listed(items[1:]))


def years_text(years: tuple[int, ...] | list[int]) -> str:
    """2016, 2018-2020: runs of consecutive years joined with a dash."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
