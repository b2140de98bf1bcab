"""What the indicators say: results and refusals as Messages (govops.lawcode.texts),
translated, and their figures written in the reader's style, where they are shown.

Figures computed as floats are put into messages as Decimals rounded to the decimals
shown (0.5 to even, as Python formats floats); a figure that does not exist is said in
words ("undefined", "infinitely many") or as ∞.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

from govops.lawcode.texts.messages import N_, Message, msg


class IndicatorError(ValueError):
    """Input the indicators refuse; `.message` says why (str() is its English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


# Why a figure is null (never Infinity or NaN in the output), by the code in `reason`.
REASONS: dict[str, str] = {
    "no_girls": N_("no girls: the ratio and its upper bound are infinite"),
    "no_births": N_("no births"),
    "missing_years": N_("a year of the pooled window has no data"),
    "district_no_girls": N_("the district has no girls: its ratio is infinite"),
    "district_no_births": N_("the district has no births"),
    "no_other_births": N_("no other commune has births to compare with: no shrunk ratio"),
    "nowhere_girls": N_("no commune has girls: no expected ratio"),
    "nowhere_boys": N_("no commune has boys: no expected ratio"),
    "no_required_change": N_(
        "the target asks for no change: no number of births tells a change of 0 from chance"
    ),
    "no_boys_or_girls": N_("no boys or no girls in the two years: no estimate"),
}


def at_line(line: int, problem: Message) -> IndicatorError:
    return IndicatorError(msg("line {line}: {problem}", line=str(line), problem=problem))


def rounded(value: float, decimals: int) -> Decimal | str:
    """`value` to `decimals` places, for a message; ∞ (or -∞) when it is infinite."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞" if value < 0 else "NaN"
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def rough_count(value: float) -> Message | Decimal:
    """A large count to two significant figures, in millions when it runs into them
    (2,5 triệu, 2.5 million); smaller ones rounded to two significant figures."""
    if not math.isfinite(value):
        return msg("infinitely many")
    if value >= 1_000_000:
        millions = Decimal(f"{value / 1_000_000:.2g}")
        return msg("{count} million", count=millions)
    return Decimal(int(float(f"{value:.2g}")))
