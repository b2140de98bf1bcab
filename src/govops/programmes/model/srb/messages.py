"""Bilingual text for indicator results and errors: Vietnamese first, English beside it.

Numbers in Vietnamese text follow Vietnamese usage (thousands '.', decimal ','), so that a
statement can be pasted into a report for the provincial office unchanged.
"""

from __future__ import annotations

import math

LANGUAGES = ("vi", "en")
Text = dict[str, str]


def text(vi: str, en: str) -> Text:
    return {"vi": vi, "en": en}


class IndicatorError(ValueError):
    """Input the indicators refuse, with the reason in both languages (str() is English)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.text = text(vi, en)

    def say(self, lang: str) -> str:
        return self.text.get(lang, self.text["en"])


# Why a figure is null (never Infinity or NaN in the output), by the code in `reason`.
REASONS: dict[str, Text] = {
    "no_girls": text(
        "không có bé gái: tỷ số và cận trên là vô hạn",
        "no girls: the ratio and its upper bound are infinite",
    ),
    "no_births": text("không có ca sinh nào", "no births"),
    "missing_years": text(
        "thiếu số liệu của năm trong khoảng gộp", "a year of the pooled window has no data"
    ),
    "district_no_girls": text(
        "huyện không có bé gái: tỷ số của huyện là vô hạn",
        "the district has no girls: its ratio is infinite",
    ),
    "district_no_births": text("huyện không có ca sinh nào", "the district has no births"),
    "prior_no_girls": text(
        "các xã được kéo về không có bé gái: tỷ số của chúng là vô hạn",
        "the communes pulled towards have no girls: their ratio is infinite",
    ),
    "no_other_births": text(
        "không có xã nào khác có ca sinh để so sánh: không tính được tỷ số đã co rút",
        "no other commune has births to compare with: no shrunk ratio",
    ),
    "posterior_undefined": text(
        "xã này và các xã được kéo về đều không có bé trai (hoặc đều không có bé gái): "
        "không tính được tỷ số đã co rút",
        "neither this commune nor those it is pulled towards have boys (or girls): no shrunk ratio",
    ),
    "no_required_change": text(
        "mục tiêu không đòi hỏi thay đổi: không số ca sinh nào phân biệt được mức 0 với dao "
        "động ngẫu nhiên",
        "the target asks for no change: no number of births tells a change of 0 from chance",
    ),
    "no_boys_or_girls": text(
        "hai năm không có bé trai hoặc không có bé gái: không ước tính được",
        "no boys or no girls in the two years: no estimate",
    ),
}


def at_line(line: int, vi: str, en: str) -> IndicatorError:
    return IndicatorError(f"dòng {line}: {vi}", f"line {line}: {en}")


def number(value: float, decimals: int, lang: str) -> str:
    """`value` with `decimals` digits after the point, grouped by thousands."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞" if value < 0 else "NaN"
    written = f"{value:,.{decimals}f}"
    if lang == "vi":
        return written.replace(",", " ").replace(".", ",").replace(" ", ".")
    return written


def count(value: int, lang: str) -> str:
    return number(value, 0, lang)


def rough_count(value: float, lang: str) -> str:
    """A large count to two significant figures, in millions when it runs into them
    ('2,5 triệu' / '2.5 million'); smaller ones rounded to two significant figures."""
    if not math.isfinite(value):
        return "vô hạn" if lang == "vi" else "infinitely many"
    if value >= 1_000_000:
        millions = float(f"{value / 1_000_000:.2g}")
        decimals = 0 if millions >= 10 or millions == int(millions) else 1
        unit = "triệu" if lang == "vi" else "million"
        return f"{number(millions, decimals, lang)} {unit}"
    return count(int(float(f"{value:.2g}")), lang)
