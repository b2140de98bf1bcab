"""An indicator's trend as a small inline SVG (no script, no outside file): a bar for each
year of the plan's period with a figure, the target as a dashed line where the figures and
the target are in the same unit (not for a fall, whose target is a percentage of the
baseline's figure). The chart's words are its `aria-label` and `title`, given by the page
in the reader's language."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from govops.lawcode.plans.indicators import Indicator, Measure

WIDTH, HEIGHT, GAP = 150, 40, 4


def trend_chart(indicator: Indicator, figures: dict[int, Decimal], label: str) -> Markup:
    years = list(range(indicator.first_year, indicator.last_year + 1))
    target = None if indicator.measure is Measure.FALL else indicator.target.value
    if indicator.measure is Measure.TOTAL:
        running, total = {}, Decimal(0)
        for year in years:
            total += figures.get(year, Decimal(0))
            running[year] = total
        shown = {y: running[y] for y in years if y in figures}
    else:
        shown = {y: figures[y] for y in years if y in figures}
    top = max([*shown.values(), target or Decimal(0), Decimal(1)])
    bar = (WIDTH - GAP * (len(years) + 1)) / len(years)
    parts = []
    for index, year in enumerate(years):
        if year not in shown:
            continue
        height = float(shown[year] / top) * (HEIGHT - 2)
        x = GAP + index * (bar + GAP)
        parts.append(
            Markup('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>').format(
                x, HEIGHT - height, bar, height
            )
        )
    if target is not None:
        y = HEIGHT - float(target / top) * (HEIGHT - 2)
        parts.append(
            Markup('<line class="target" x1="0" x2="{}" y1="{:.1f}" y2="{:.1f}"/>').format(
                WIDTH, y, y
            )
        )
    return Markup(
        '<svg class="trend" role="img" aria-label="{label}" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}"><title>{label}</title>{parts}</svg>'
    ).format(label=label, w=WIDTH, h=HEIGHT, parts=Markup("").join(parts))
