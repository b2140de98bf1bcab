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
