"""Charts of an area's day as inline SVG, drawn on the server: no script, no third-party
asset. One chart per accumulation the signal table tests, the day's maximum over the
reporting stations minute by minute, with each threshold of that window drawn as a dashed
line in its signal's colour and named in words (never told by colour alone); the chart's
title and description say what it shows for readers who cannot see it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 230
LEFT, RIGHT, TOP, BOTTOM = 52, 120, 26, 30
MINUTES = 1440
LEVEL_COLOURS = {"red": "#c0161b", "orange": "#d96a00", "yellow": "#b89600", "blue": "#1f5fa8"}
NICE_STEPS = (5, 10, 20, 25, 50, 100, 200, 250, 500)


@dataclass(frozen=True, slots=True)
class Threshold:
    level: str
    mm: Decimal
    label: str  # in words, in the reader's language: "红色 100 毫米", "red 100 mm"


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    description: str
    values: Sequence[Decimal | None]  # one per minute of the day; None: no station reporting
    thresholds: Sequence[Threshold]
    unit: str  # in the reader's language: "毫米", "mm"
    number: Callable[[Decimal], str]  # a figure as the reader writes it (1,5 in Vietnamese)


def svg_chart(chart: Chart, chart_id: str) -> Markup:
    top_value = max([float(v) for v in chart.values if v is not None] + [0.0])
    top = _nice_top(max([top_value] + [float(t.mm) for t in chart.thresholds]) * 1.1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(minute: int) -> float:
        return LEFT + plot_w * minute / MINUTES

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-t">{escape(chart.title)}</title>',
        f'<desc id="{escape(chart_id)}-d">{escape(chart.description)}</desc>',
    ]
    parts += _axes(top, x, y, chart)
    for threshold in chart.thresholds:
        level_y = y(float(threshold.mm))
        colour = LEVEL_COLOURS.get(threshold.level, "#555")
        parts.append(
            f'<line class="threshold {escape(threshold.level)}" x1="{LEFT}" x2="{x(MINUTES):.1f}" '
            f'y1="{level_y:.1f}" y2="{level_y:.1f}" stroke="{colour}" stroke-width="1.5" '
            f'stroke-dasharray="6 4"/>'
            f'<text x="{x(MINUTES) + 6:.1f}" y="{level_y + 4:.1f}" fill="{colour}" '
            f'font-size="12">{escape(threshold.label)}</text>'
        )
    for segment in _segments(chart.values):
        points = " ".join(f"{x(m):.1f},{y(float(v)):.1f}" for m, v in segment)
        parts.append(
            f'<polyline class="series" points="{points}" fill="none" stroke="#1d2430" '
            f'stroke-width="1.6" stroke-linejoin="round"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _axes(
    top: float, x: Callable[[int], float], y: Callable[[float], float], chart: Chart
) -> list[str]:
    step = top / 4
    parts = []
    for k in range(5):
        value = step * k
        level_y = y(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{x(MINUTES):.1f}" y1="{level_y:.1f}" y2="{level_y:.1f}" '
            f'stroke="#d6dbe2" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{level_y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#5b6573">{escape(chart.number(Decimal(f"{value:g}")))}</text>'
        )
    for hour in range(0, 25, 3):
        hour_x = x(hour * 60)
        parts.append(
            f'<line x1="{hour_x:.1f}" x2="{hour_x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
            f'stroke="#eef1f5" stroke-width="1"/>'
            f'<text x="{hour_x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11" fill="#5b6573">{hour:02d}:00</text>'
        )
    parts.append(
        f'<text x="{LEFT - 6}" y="{TOP - 12}" text-anchor="end" font-size="11" '
        f'fill="#5b6573">{escape(chart.unit)}</text>'
    )
    return parts


def _segments(values: Sequence[Decimal | None]) -> list[list[tuple[int, Decimal]]]:
    """Runs of minutes with a value; a minute with none breaks the line."""
    segments: list[list[tuple[int, Decimal]]] = []
    current: list[tuple[int, Decimal]] = []
    for minute, value in enumerate(values):
        if value is None:
            if current:
                segments.append(current)
            current = []
        else:
            current.append((minute, value))
    if current:
        segments.append(current)
    return segments


def _nice_top(value: float) -> float:
    """A round top for the axis, divisible into four ticks."""
    for step in NICE_STEPS:
        if value <= step * 4:
            return float(step * 4)
    return float(NICE_STEPS[-1] * 4 * (int(value // (NICE_STEPS[-1] * 4)) + 1))
