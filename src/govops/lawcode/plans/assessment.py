"""Where a plan's indicator stands as of a year (`assess`): met, on track, at risk, missed,
or no figure, with the reason in words and the figures behind it, by the indicator's
measure (`indicators.Measure`).

Readings (where the plan gives no pace): before the period ends, a total or an end figure
is on track while it keeps a steady course to the target (a straight line from the
period's start, or from the first figure, to the target at the period's end), at risk
below it; where the plan writes its own pace (`indicators.Course`), each year's figure is
held against that year's step. A total reached early is met (it cannot fall back); an end
figure or a fall is met only by the last year's figure (before it, reaching the target is
on track). A year of the period with no figure is never counted as nothing: as of the
period's end it leaves the indicator with no figure, naming the years."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from govops.lawcode.plans.indicators import Assessment, Indicator, Measure, Status, expected
from govops.lawcode.rules.intervals import Side
from govops.lawcode.texts.messages import Message, msg, msg_n

SHOWN = Decimal("0.01")  # figures worked out (an average, a course, a fall) as shown


def assess(indicator: Indicator, figures: Mapping[int, Decimal], year: int) -> Assessment:
    """Where `indicator` stands as of the end of `year`, from its yearly `figures` (a year
    after `year` is not counted)."""
    last = min(year, indicator.last_year)
    known = {y: f for y, f in sorted(figures.items()) if indicator.first_year <= y <= last}
    final = year >= indicator.last_year
    measure = indicator.measure
    if measure is Measure.FALL:
        return _fall(indicator, figures, known, year, final)
    if not known:
        return Assessment(indicator.id, year, Status.NO_FIGURE, None, msg("no figure yet"))
    if measure is Measure.EACH_YEAR:
        return _each_year(indicator, known, year, final)
    return _gap(indicator, known, year, final) or _measured(indicator, known, year, final)


def _measured(
    indicator: Indicator, known: dict[int, Decimal], year: int, final: bool
) -> Assessment:
    """An average, a total or an end figure against the target."""
    if indicator.measure is Measure.AVERAGE:
        average = sum(known.values(), Decimal(0)) / len(known)
        return _against(indicator, year, final, average, _average_said(indicator, known, average))
    if indicator.measure is Measure.TOTAL:
        return _total(indicator, known, year, final)
    latest_year = max(known)
    start = (min(known), known[min(known)]) if len(known) > 1 else None
    return _at_end(indicator, year, final, latest_year, known[latest_year], start)


def _gap(
    indicator: Indicator, known: Mapping[int, Decimal], year: int, final: bool
) -> Assessment | None:
    """No figure, naming the years, when the period is over and a year it needs has none
    (a total already reached needs no more)."""
    missing = _missing(indicator, known, year)
    reached = indicator.measure is Measure.TOTAL and indicator.target.holds(
        sum(known.values(), Decimal(0))
    )
    if not final or not missing or reached:
        return None
    said = msg("no figure for {years}", years=", ".join(str(y) for y in missing))
    return Assessment(indicator.id, year, Status.NO_FIGURE, None, said)


def _missing(indicator: Indicator, known: Mapping[int, Decimal], year: int) -> list[int]:
    """The years of the period up to `year` with no figure: for an end figure (or a fall)
    only the last year counts once the period is over."""
    last = min(year, indicator.last_year)
    if indicator.measure in (Measure.AT_END, Measure.FALL):
        return [last] if year >= indicator.last_year and last not in known else []
    return [y for y in range(indicator.first_year, last + 1) if y not in known]


def _each_year(
    indicator: Indicator, known: dict[int, Decimal], year: int, final: bool
) -> Assessment:
    target = indicator.target
    failing = [y for y, figure in known.items() if not _holds_in(indicator, y, figure)]
    missing = [
        y for y in range(indicator.first_year, min(year, indicator.last_year) + 1) if y not in known
    ]
    if failing:
        years = ", ".join(str(y) for y in failing)
        figures = ", ".join(_shown(known[y], indicator.unit) for y in failing)
        said = (
            msg(
                "{years} did not keep the plan's pace to {target} ({figures})",
                years=years,
                target=target.written,
                figures=figures,
            )
            if indicator.course is not None
            else msg(
                "{years} did not meet {target} ({figures})",
                years=years,
                target=target.written,
                figures=figures,
            )
        )
        status = Status.MISSED if final else Status.AT_RISK
        return Assessment(indicator.id, year, status, known[failing[-1]], said)
    latest = known[max(known)]
    if missing:
        said = msg("no figure for {years}", years=", ".join(str(y) for y in missing))
        status = Status.NO_FIGURE if final else Status.ON_TRACK
        return Assessment(indicator.id, year, status, latest, said)
    said = msg("every year so far meets {target}", target=target.written)
    return Assessment(indicator.id, year, Status.MET if final else Status.ON_TRACK, latest, said)


def _holds_in(indicator: Indicator, year: int, figure: Decimal) -> bool:
    """Whether a year's figure meets the target, or the plan's own pace for that year."""
    paced = expected(indicator, year)
    return (
        indicator.target.holds(figure, paced)
        if paced is not None
        else (indicator.target.holds(figure))
    )


def _average_said(indicator: Indicator, known: dict[int, Decimal], average: Decimal) -> Message:
    return msg_n(
        "the average of {count} year is {average}",
        "the average of {count} years is {average}",
        len(known),
        average=_shown(average, indicator.unit),
    )


def _against(
    indicator: Indicator, year: int, settled: bool, figure: Decimal, said: Message
) -> Assessment:
    """A figure that either holds or not: met or missed once `settled`, else on track or
    at risk."""
    holds = indicator.target.holds(figure)
    if settled:
        status = Status.MET if holds else Status.MISSED
    else:
        status = Status.ON_TRACK if holds else Status.AT_RISK
    verdict = msg("{figure}: meets {target}", figure=said, target=indicator.target.written)
    if not holds:
        verdict = msg(
            "{figure}: does not meet {target}", figure=said, target=indicator.target.written
        )
    return Assessment(indicator.id, year, status, figure, verdict)


def _total(indicator: Indicator, known: dict[int, Decimal], year: int, final: bool) -> Assessment:
    target = indicator.target
    total = sum(known.values(), Decimal(0))
    said = msg(
        "{total} in {first}-{last}",
        total=_shown(total, indicator.unit),
        first=str(indicator.first_year),
        last=str(min(year, indicator.last_year)),
    )
    holds = target.holds(total)
    if target.side is Side.UPPER:  # a total past its ceiling cannot come back under it
        return _against(indicator, year, final or not holds, total, said)
    if holds or final:  # reached early, or the period is over
        return _against(indicator, year, True, total, said)
    years = indicator.last_year - indicator.first_year + 1
    elapsed = min(year, indicator.last_year) - indicator.first_year + 1
    course = Fraction(target.value) * elapsed / years
    return _on_course(indicator, year, total, course, said)


def _at_end(
    indicator: Indicator,
    year: int,
    final: bool,
    latest_year: int,
    latest: Decimal,
    start: tuple[int, Decimal] | None,
) -> Assessment:
    """The latest figure against the target; before the end, against a steady course from
    `start` (a year and its figure) to the target at the period's end."""
    said = msg("{figure} in {year}", figure=_shown(latest, indicator.unit), year=str(latest_year))
    target = indicator.target
    if final or target.holds(latest) or start is None:  # the last year's figure settles it
        return _against(indicator, year, final, latest, said)
    start_year, start_figure = start
    share = Fraction(latest_year - start_year, indicator.last_year - start_year)
    course = Fraction(start_figure) + Fraction(target.value - start_figure) * share
    return _on_course(indicator, year, latest, course, said)


def _on_course(
    indicator: Indicator,
    year: int,
    figure: Decimal,
    course: Fraction,
    said: Message,
    unit: str | None = None,
) -> Assessment:
    # The course is kept exact (a third of the way is not 0.333...): a figure exactly on
    # it is on track, whichever side the target bounds.
    ahead = figure >= course if indicator.target.side is Side.LOWER else figure <= course
    reason = msg(
        "{figure}; a steady course to {target} by {last} asks {course} by now",
        figure=said,
        target=indicator.target.written,
        last=str(indicator.last_year),
        course=_shown(
            Decimal(course.numerator) / course.denominator,
            indicator.unit if unit is None else unit,
        ),
    )
    status = Status.ON_TRACK if ahead else Status.AT_RISK
    return Assessment(indicator.id, year, status, figure, reason)


def _fall(
    indicator: Indicator,
    figures: Mapping[int, Decimal],
    known: dict[int, Decimal],
    year: int,
    final: bool,
) -> Assessment:
    base_year = indicator.baseline_year
    base = figures.get(base_year) if base_year is not None else None
    if base is None or base == 0 or not known:
        said = msg("no figure for the baseline year {year} or after it", year=str(base_year))
        return Assessment(indicator.id, year, Status.NO_FIGURE, None, said)
    missing = _missing(indicator, known, year)
    if missing:
        said = msg("no figure for {years}", years=", ".join(str(y) for y in missing))
        return Assessment(indicator.id, year, Status.NO_FIGURE, None, said)
    latest_year = max(known)
    fall = (base - known[latest_year]) * 100 / base
    said = msg(
        "a fall of {fall} from {base} in {base_year} to {figure} in {year}",
        fall=_shown(fall, "%"),
        base=_shown(base, indicator.unit),
        base_year=str(base_year),
        figure=_shown(known[latest_year], indicator.unit),
        year=str(latest_year),
    )
    target = indicator.target
    if final or target.holds(fall):  # the last year's figure settles it
        return _against(indicator, year, final, fall, said)
    share = Fraction(latest_year - base_year, indicator.last_year - base_year)  # type: ignore[operator]
    return _on_course(indicator, year, fall, Fraction(target.value) * share, said, "%")


def _shown(figure: Decimal, unit: str) -> str:
    """A figure as shown: exact when it has two decimals or fewer, else to two."""
    exact = figure.normalize()
    shown = exact if -exact.as_tuple().exponent <= 2 else figure.quantize(SHOWN)  # type: ignore[operator]
    text = format(shown, "f")
    return f"{text}{unit}" if unit else text
