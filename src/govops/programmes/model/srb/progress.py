"""Progress of one area against a target trajectory for the SRB (Kế hoạch 161/KH-UBND:
"giảm tốc độ tăng tỷ số giới tính khi sinh ít nhất là 0,4 điểm phần trăm/năm, đến năm 2020
duy trì ... ở mức 113 nam/100 nữ"), saying plainly what the births counted cannot tell.

Each year is judged on its exact 95 % interval against that year's ceiling: `met` when the
whole interval is at or below it, `not_met` when the whole interval is above it,
`cannot_tell` when the interval straddles it.

Each pair of consecutive years is judged on the change in SRB against the required yearly
decrease d, with an approximate 95 % interval by the delta method:
SE(SRB) ~ SRB sqrt(1/boys + 1/girls), SE(change) = sqrt(SE_1^2 + SE_2^2):
`achieved` when the upper bound is at most -d, `not_achieved` when the lower bound is above
-d, `cannot_tell` otherwise.

Births needed each year to tell a change of d from noise: with n births a year and share of
boys p = SRB / (100 + SRB), 1/boys + 1/girls = 1 / (n p (1 - p)), so
SE(change) ~ SRB sqrt(2 / (n p (1 - p))); the change is told from noise when
1.96 SE(change) <= d, i.e.  n >= 2 (1.96 SRB / d)^2 / (p (1 - p)).
(About 2.5 million a year at SRB 113 and d = 0.4: far beyond one province's 50,000.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from statistics import NormalDist

import numpy as np

from govops.lawcode.texts.messages import N_, Message, msg
from govops.programmes.model.srb.messages import rough_count, rounded
from govops.programmes.model.srb.ratio import srb_interval

Z = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True, slots=True)
class YearAssessment:
    year: int
    boys: int
    girls: int
    srb: float | None
    ci_low: float | None
    ci_high: float | None
    target: Decimal | None
    status: str  # met, not_met, cannot_tell, no_target, no_births
    statement: Message


@dataclass(frozen=True, slots=True)
class ChangeAssessment:
    from_year: int
    to_year: int
    change: float | None
    change_low: float | None
    change_high: float | None
    required_change: Decimal  # at most this (a decrease of d is -d)
    status: str  # achieved, not_achieved, cannot_tell
    births_needed: int | None
    statement: Message
    approximate: bool = True  # the interval is the delta method's, not exact
    births_needed_reason: str | None = None  # why births_needed is null (messages.REASONS)


@dataclass(frozen=True, slots=True)
class Progress:
    years: list[YearAssessment]
    changes: list[ChangeAssessment]

    def as_dict(self) -> dict[str, object]:
        """Every figure as a plain value; each `statement` stays a Message."""
        return {
            "years": [_fields(y) for y in self.years],
            "changes": [_fields(c) for c in self.changes],
        }


def _fields(item: YearAssessment | ChangeAssessment) -> dict[str, object]:
    return {f.name: getattr(item, f.name) for f in fields(item)}


def assess_progress(
    births: Mapping[int, tuple[int, int]],
    ceilings: Mapping[int, Decimal],
    yearly_decrease: Decimal,
) -> Progress:
    """`births` maps each year to (boys, girls) for one area; `ceilings` the highest SRB
    allowed each year; `yearly_decrease` the decrease required from one year to the next."""
    years = sorted(births)
    assessed = [_year(year, *births[year], ceilings.get(year)) for year in years]
    changes = [_change(births, year, yearly_decrease) for year in years if year + 1 in births]
    return Progress(assessed, changes)


def births_needed(srb: float, decrease: Decimal) -> int | None:
    """Births a year for 1.96 SE(change) <= |decrease| (the formula in the module docstring);
    None when no number of births would do: a required change of 0 cannot be told from
    chance, nor any change at an SRB of 0 (no boys)."""
    share = srb / (100 + srb)
    if not decrease or not share:
        return None
    return math.ceil(2 * (Z * srb / float(decrease)) ** 2 / (share * (1 - share)))


# What a year's interval says against its ceiling, and a change against the decrease.
YEAR_VERDICTS = {
    "met": N_("within the target of {target}: met."),
    "not_met": N_("above the target of {target} beyond chance: not met."),
    "cannot_tell": N_("the interval contains the target of {target}: cannot tell."),
    "no_target": N_("no target for this year."),
}
CHANGE_VERDICTS = {
    "achieved": N_("a decrease of at least {decrease} points: achieved."),
    "not_achieved": N_("short of a decrease of {decrease} points: not achieved."),
    "cannot_tell": N_("the interval contains a decrease of {decrease} points: cannot tell."),
}


def _year(year: int, boys: int, girls: int, target: Decimal | None) -> YearAssessment:
    if boys + girls == 0:
        said = msg("{year}: no births recorded.", year=str(year))
        return YearAssessment(year, 0, 0, None, None, None, target, "no_births", said)
    lows, highs = srb_interval(np.array([boys]), np.array([girls]))
    low, high = float(lows[0]), float(highs[0])
    srb = 100 * boys / girls if girls else None
    finite_high = high if math.isfinite(high) else None
    if target is None:
        status = "no_target"
    elif finite_high is not None and Decimal(finite_high) <= target:
        status = "met"
    elif Decimal(low) > target:
        status = "not_met"
    else:
        status = "cannot_tell"
    said = _year_statement(year, srb, low, finite_high, target, status)
    return YearAssessment(year, boys, girls, srb, low, finite_high, target, status, said)


def _year_statement(
    year: int,
    srb: float | None,
    low: float,
    high: float | None,
    target: Decimal | None,
    status: str,
) -> Message:
    verdict = msg(YEAR_VERDICTS[status], **({} if target is None else {"target": target}))
    return msg(
        "{year}: sex ratio at birth {ratio} (confidence interval at 95%: {low}–{high}), {verdict}",
        year=str(year),
        ratio=msg("undefined") if srb is None else rounded(srb, 1),
        low=rounded(low, 1),
        high="∞" if high is None else rounded(high, 1),
        verdict=verdict,
    )


def _change(
    births: Mapping[int, tuple[int, int]], year: int, decrease: Decimal
) -> ChangeAssessment:
    (b1, g1), (b2, g2) = births[year], births[year + 1]
    required = -decrease
    pooled = 100 * (b1 + b2) / (g1 + g2) if g1 + g2 else None
    needed = births_needed(pooled, decrease) if pooled else None
    why = None if needed else "no_boys_or_girls" if decrease else "no_required_change"
    if min(b1, g1, b2, g2) == 0:
        change = low = high = None
        status = "cannot_tell"
    else:
        srb1, srb2 = 100 * b1 / g1, 100 * b2 / g2
        se = math.hypot(srb1 * math.sqrt(1 / b1 + 1 / g1), srb2 * math.sqrt(1 / b2 + 1 / g2))
        change = srb2 - srb1
        low, high = change - Z * se, change + Z * se
        status = (
            "achieved"
            if Decimal(high) <= required
            else "not_achieved"
            if Decimal(low) > required
            else "cannot_tell"
        )
    said = _change_statement(
        year, (b1 + g1, b2 + g2), (change, low, high), decrease, status, needed
    )
    return ChangeAssessment(
        year, year + 1, change, low, high, required, status, needed, said, True, why
    )


def _change_statement(
    year: int,
    totals: tuple[int, int],
    figures: tuple[float | None, float | None, float | None],
    decrease: Decimal,
    status: str,
    needed: int | None,
) -> Message:
    change, low, high = figures
    first, second = str(year), str(year + 1)
    if status == "cannot_tell" and needed is not None and min(totals) < needed:
        return msg(
            "{first}–{second}: Too few births to tell a change of {decrease} points from "
            "chance (about {needed} births a year are needed; the data have {first_births} in "
            "{first} and {second_births} in {second}).",
            first=first,
            second=second,
            decrease=decrease,
            needed=rough_count(needed),
            first_births=totals[0],
            second_births=totals[1],
        )
    if change is None or low is None or high is None:
        return msg(
            "{first}–{second}: the change cannot be computed (no boys or no girls in a year).",
            first=first,
            second=second,
        )
    return msg(
        "{first}–{second}: the ratio changed by {change} (approximate interval at 95%: {low} to "
        "{high}) points, {verdict}",
        first=first,
        second=second,
        change=rounded(change, 2),
        low=rounded(low, 2),
        high=rounded(high, 2),
        verdict=msg(CHANGE_VERDICTS[status], decrease=decrease),
    )
