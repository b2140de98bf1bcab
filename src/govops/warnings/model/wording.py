"""The words of a warning, as messages (govops.lawcode.texts): the level and signal names,
an alert's headline, description (built from the event's trace: stations, accumulations,
the deciding clause and its citation) and a short instruction per level. They are
translated where they are shown: a page, the daily report, or an alert's info block in its
language (govops.warnings.model.cap). Area names are given already in the reader's language
(the pack's, or its own language when the pack has none in the reader's)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from govops.lawcode.texts.messages import N_, Message, msg
from govops.warnings.model.warning import AreaStep, EventKind, WarningEvent

# Each level's colour, inside a sentence ("upgraded from blue to red").
COLOURS = {"blue": N_("blue"), "yellow": N_("yellow"), "orange": N_("orange"), "red": N_("red")}
# Each level as a reader names it: 红色预警, red warning.
LEVEL_NAMES = {
    "blue": N_("blue warning"),
    "yellow": N_("yellow warning"),
    "orange": N_("orange warning"),
    "red": N_("red warning"),
}
NO_WARNING = N_("no warning")
# The signals as the CMA names them (暴雨红色预警信号).
SIGNAL_NAMES = {
    "blue": N_("blue rainstorm warning"),
    "yellow": N_("yellow rainstorm warning"),
    "orange": N_("orange rainstorm warning"),
    "red": N_("red rainstorm warning"),
}
EVENT_NAME = N_("Rainstorm warning")
EVENT_KINDS = {
    EventKind.ISSUE: N_("issued"),
    EventKind.UPGRADE: N_("upgraded"),
    EventKind.DOWNGRADE: N_("downgraded"),
    EventKind.CANCEL: N_("cancelled"),
}

# The accumulation each clause of the built-in CMA signal table tests (tables/rainstorm-
# signal.yaml); for another table pass {clause.clause_id: clause.input} of its SignalRules.
DEFAULT_CLAUSE_WINDOWS: Mapping[str, str] = {
    "red-3h": "rain_3h",
    "orange-3h": "rain_3h",
    "yellow-6h": "rain_6h",
    "blue-12h": "rain_12h",
}

# Short, generic advice in the spirit of the CMA signals' defence guidelines (防御指南); the
# guidelines themselves are for the authorities and are cited, not copied, in the alert.
INSTRUCTIONS = {
    "blue": N_("Watch for standing water and traffic jams; follow the latest warnings."),
    "yellow": N_("Avoid flooded roads and low-lying places; stop outdoor work in open areas."),
    "orange": N_("Stay indoors where you can, keep away from dangerous places, stop outdoor work."),
    "red": N_("Stay in a safe place, do not go out, follow the emergency services' instructions."),
    "cancel": N_("The rainstorm warning is lifted; take care with remaining standing water."),
}

# A headline starts with the level when the warning is issued or cancelled.
_ISSUED = {
    "blue": N_("Blue rainstorm warning for {area}"),
    "yellow": N_("Yellow rainstorm warning for {area}"),
    "orange": N_("Orange rainstorm warning for {area}"),
    "red": N_("Red rainstorm warning for {area}"),
}
_CANCELLED = {
    "blue": N_("Blue rainstorm warning for {area} cancelled"),
    "yellow": N_("Yellow rainstorm warning for {area} cancelled"),
    "orange": N_("Orange rainstorm warning for {area} cancelled"),
    "red": N_("Red rainstorm warning for {area} cancelled"),
}
_CHANGED = {
    EventKind.UPGRADE: N_("Rainstorm warning for {area} upgraded from {before} to {after}"),
    EventKind.DOWNGRADE: N_("Rainstorm warning for {area} downgraded from {before} to {after}"),
}
_CHANGES = {
    EventKind.ISSUE: N_("A {after} rainstorm warning is issued for {area}."),
    EventKind.UPGRADE: N_("The rainstorm warning for {area} is upgraded from {before} to {after}."),
    EventKind.DOWNGRADE: N_(
        "The rainstorm warning for {area} is downgraded from {before} to {after}."
    ),
    EventKind.CANCEL: N_("The {before} rainstorm warning for {area} is cancelled."),
}
_METHODS = {
    "max": N_("the level is that of the highest station"),
    "mean": N_("the level is that of the areal mean"),
}
_WINDOW = re.compile(r"rain_(\d+)h")
# Lists in a sentence, as the reader's language writes them ("、" in Chinese).
_READINGS = N_("{reading}; {readings}")
_SOURCES = N_("{source}; {sources}")
_AMOUNTS = N_("{amount}, {amounts}")


def colour(level: str) -> Message:
    return msg(COLOURS[level])


def level_name(level: str | None) -> Message:
    """A level in words: 红色预警 / red warning; 无预警 / no warning."""
    return msg(NO_WARNING if level is None else LEVEL_NAMES[level])


def signal_name(level: str) -> Message:
    return msg(SIGNAL_NAMES[level])


def event_kind(kind: EventKind) -> Message:
    return msg(EVENT_KINDS[kind])


def instruction(event: WarningEvent) -> Message:
    return msg(INSTRUCTIONS["cancel" if event.level is None else event.level])


def headline(event: WarningEvent, area: str) -> Message:
    if event.kind is EventKind.ISSUE and event.level is not None:
        return msg(_ISSUED[event.level], area=area)
    if event.kind is EventKind.CANCEL and event.previous is not None:
        return msg(_CANCELLED[event.previous], area=area)
    return msg(_CHANGED[event.kind], **_colours(event, area))


def description(
    event: WarningEvent, area: str, clause_windows: Mapping[str, str] = DEFAULT_CLAUSE_WINDOWS
) -> Message:
    """What was observed, which rule it met and under which citation, and what changed."""
    step = event.step
    if event.level is None:
        evidence = _accumulations(step, _rule_windows(clause_windows))
        finding = msg(
            "At {when} (Beijing time), rain in {area} no longer reaches any rainstorm warning "
            "criterion: {evidence}.",
            when=event.at,
            area=area,
            evidence=evidence,
        )
    else:
        finding = _finding(event, event.level, clause_windows)
    change = msg(_CHANGES[event.kind], **_colours(event, area))
    method: Message | str = msg(_METHODS[step.method]) if step.method in _METHODS else step.method
    coverage = msg(
        "{reporting} of {stations} stations in {area} reported; {method}.",
        area=area,
        stations=step.stations,
        reporting=step.reporting,
        method=method,
    )
    return msg("{finding} {change} {coverage}", finding=finding, change=change, coverage=coverage)


def _finding(event: WarningEvent, level: str, clause_windows: Mapping[str, str]) -> Message:
    step = event.step
    window = clause_windows.get(step.clause_id or "")
    windows = [window] if window is not None else _rule_windows(clause_windows)
    evidence: Message | str
    if step.held_via is not None:  # a street silent through a gap keeps its district up
        evidence = msg(
            "the level held by sub-area {area} (none of its stations reporting)",
            area=step.held_via,
        )
    elif step.method == "max" and step.deciding:
        evidence = joined(
            [
                msg("{station}: {amount}", station=reading.station, amount=amount)
                for reading in step.deciding
                for amount in _amounts(reading.rain, windows)
            ],
            _READINGS,
        )
    else:
        evidence = _accumulations(step, windows)
    parts: list[Message | str] = [] if step.cite is None else [str(step.cite)]
    if step.clause_id is not None:
        parts.append(msg("clause {clause}", clause=step.clause_id))
    return msg(
        "At {when} (Beijing time), {evidence}, reaching the criterion of the {signal} ({source}).",
        when=event.at,
        evidence=evidence,
        signal=signal_name(level),
        source=joined(parts, _SOURCES),
    )


def _colours(event: WarningEvent, area: str) -> dict[str, object]:
    found: dict[str, object] = {"area": area}
    if event.previous is not None:
        found["before"] = colour(event.previous)
    if event.level is not None:
        found["after"] = colour(event.level)
    return found


def _accumulations(step: AreaStep, windows: list[str]) -> Message | str:
    """The area's statistic over `windows`: the areal mean or the highest station's."""
    if step.method == "mean":
        leads = [msg("areal mean {amount}", amount=a) for a in _amounts(step.mean, windows)]
    else:
        leads = [msg("highest station {amount}", amount=a) for a in _amounts(step.maximum, windows)]
    return joined(leads, _AMOUNTS)


def _amounts(values: Mapping[str, Decimal], windows: list[str]) -> list[Message]:
    shown = [w for w in windows if w in values] or list(values)
    parts = []
    for window in shown:
        match = _WINDOW.fullmatch(window)
        if match:
            parts.append(msg("{mm} mm in {hours} h", hours=int(match.group(1)), mm=values[window]))
        else:
            parts.append(msg("{window}: {mm} mm", window=window, mm=values[window]))
    return parts


def joined(parts: Sequence[Message | str], pair: str) -> Message | str:
    """The parts as one text, each pair joined by `pair` (two placeholders): the list
    separator of the reader's language ("、" in Chinese)."""
    if not parts:
        return ""
    first, *rest = parts
    if not rest:
        return first
    head, tail = re.findall(r"\{(\w+)\}", pair)
    return msg(pair, **{head: first, tail: joined(rest, pair)})


def _rule_windows(clause_windows: Mapping[str, str]) -> list[str]:
    """The accumulations the signal table tests, in its order, each once."""
    return list(dict.fromkeys(clause_windows.values()))


def millimetres(value: Decimal) -> str:
    """An accumulation as data (a CAP parameter): one decimal, two when the hundredth
    counts; words and figures for readers are the translator's."""
    exact = value.quantize(Decimal("0.01"))
    tenths = exact.quantize(Decimal("0.1"))
    return str(tenths if tenths == exact else exact)
