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
from dataclasses import asdict, dataclass
from decimal import Decimal
from statistics import NormalDist

import numpy as np

from govops.programmes.model.srb.messages import Text, count, number, rough_count, text
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
    statement: Text


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
    statement: Text
    approximate: bool = True  # the interval is the delta method's, not exact
    births_needed_reason: str | None = None  # why births_needed is null (messages.REASONS)


@dataclass(frozen=True, slots=True)
class Progress:
    years: list[YearAssessment]
    changes: list[ChangeAssessment]

    def as_dict(self) -> dict[str, object]:
        return {
            "years": [asdict(y) for y in self.years],
            "changes": [asdict(c) for c in self.changes],
        }


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


def decimal_text(value: Decimal, lang: str) -> str:
    written = format(value.normalize(), "f")
    return written.replace(".", ",") if lang == "vi" else written


def _year(year: int, boys: int, girls: int, target: Decimal | None) -> YearAssessment:
    if boys + girls == 0:
        said = text(f"Năm {year}: không có ca sinh nào.", f"{year}: no births recorded.")
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
) -> Text:
    def figures(lang: str) -> str:
        none = "không xác định" if lang == "vi" else "undefined"
        ratio = none if srb is None else number(srb, 1, lang)
        top = "∞" if high is None else number(high, 1, lang)
        label = "khoảng tin cậy 95%" if lang == "vi" else "95% interval"
        return f"{ratio} ({label}: {number(low, 1, lang)}–{top})"

    goal = {lang: "" if target is None else decimal_text(target, lang) for lang in ("vi", "en")}
    vi = {
        "met": f"không vượt mục tiêu {goal['vi']}: đạt.",
        "not_met": f"cao hơn mục tiêu {goal['vi']} ngoài dao động ngẫu nhiên: không đạt.",
        "cannot_tell": f"khoảng tin cậy chứa mục tiêu {goal['vi']}: chưa thể kết luận.",
        "no_target": "không có mục tiêu cho năm này.",
    }[status]
    en = {
        "met": f"within the target of {goal['en']}: met.",
        "not_met": f"above the target of {goal['en']} beyond chance: not met.",
        "cannot_tell": f"the interval contains the target of {goal['en']}: cannot tell.",
        "no_target": "no target for this year.",
    }[status]
    return text(
        f"Năm {year}: tỷ số giới tính khi sinh {figures('vi')}, {vi}",
        f"{year}: sex ratio at birth {figures('en')}, {en}",
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
) -> Text:
    d = {lang: decimal_text(decrease, lang) for lang in ("vi", "en")}
    change, low, high = figures
    if status == "cannot_tell" and needed is not None and min(totals) < needed:
        return text(
            f"{year}–{year + 1}: Không đủ số sinh để phân biệt mức thay đổi {d['vi']} điểm với "
            f"dao động ngẫu nhiên (cần khoảng {rough_count(needed, 'vi')} ca sinh mỗi năm; dữ "
            f"liệu có {count(totals[0], 'vi')} ca năm {year} và {count(totals[1], 'vi')} ca năm "
            f"{year + 1}).",
            f"{year}–{year + 1}: Too few births to tell a change of {d['en']} points from chance "
            f"(about {rough_count(needed, 'en')} births a year are needed; the data have "
            f"{count(totals[0], 'en')} in {year} and {count(totals[1], 'en')} in {year + 1}).",
        )
    if change is None or low is None or high is None:
        return text(
            f"{year}–{year + 1}: không tính được mức thay đổi (thiếu bé trai hoặc bé gái).",
            f"{year}–{year + 1}: the change cannot be computed (no boys or no girls in a year).",
        )

    def span(lang: str) -> str:
        label, word = (
            ("khoảng gần đúng 95%", "đến") if lang == "vi" else ("approximate 95% interval", "to")
        )
        bounds = f"{number(low, 2, lang)} {word} {number(high, 2, lang)}"
        return f"{number(change, 2, lang)} ({label}: {bounds})"

    vi = {
        "achieved": f"giảm ít nhất {d['vi']} điểm: đạt.",
        "not_achieved": f"không giảm được {d['vi']} điểm: không đạt.",
        "cannot_tell": f"khoảng chứa mức giảm {d['vi']} điểm: chưa thể kết luận.",
    }[status]
    en = {
        "achieved": f"a decrease of at least {d['en']} points: achieved.",
        "not_achieved": f"short of a decrease of {d['en']} points: not achieved.",
        "cannot_tell": f"the interval contains a decrease of {d['en']} points: cannot tell.",
    }[status]
    return text(
        f"{year}–{year + 1}: tỷ số thay đổi {span('vi')} điểm, {vi}",
        f"{year}–{year + 1}: the ratio changed by {span('en')} points, {en}",
    )
