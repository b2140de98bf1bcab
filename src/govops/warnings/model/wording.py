"""The words of a warning alert, in Chinese and English: headline, description (built from
the event's trace: stations, accumulations, the deciding clause and its citation) and a short
instruction per level. Languages are keyed as the packs key them: "zh-Hans" and "en"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from govops.warnings.model.identifiers import beijing_second
from govops.warnings.model.warning import AreaStep, EventKind, WarningEvent

LANGUAGES = ("zh-Hans", "en")

COLOURS = {
    "blue": {"zh-Hans": "蓝色", "en": "blue"},
    "yellow": {"zh-Hans": "黄色", "en": "yellow"},
    "orange": {"zh-Hans": "橙色", "en": "orange"},
    "red": {"zh-Hans": "红色", "en": "red"},
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
    "blue": {
        "zh-Hans": "注意道路积水和交通阻塞，关注最新预警信息。",
        "en": "Watch for standing water and traffic jams; follow the latest warnings.",
    },
    "yellow": {
        "zh-Hans": "避开积水路段和低洼地带，暂停空旷地方的户外作业。",
        "en": "Avoid flooded roads and low-lying places; stop outdoor work in open areas.",
    },
    "orange": {
        "zh-Hans": "减少外出，远离危险地带，暂停户外作业。",
        "en": "Stay indoors where you can, keep away from dangerous places, stop outdoor work.",
    },
    "red": {
        "zh-Hans": "留在安全场所，不要外出，听从应急部门指挥。",
        "en": "Stay in a safe place, do not go out, follow the emergency services' instructions.",
    },
    "cancel": {
        "zh-Hans": "暴雨预警信号已解除，仍请注意积水和道路湿滑。",
        "en": "The rainstorm warning is lifted; take care with remaining standing water.",
    },
}

_HEADLINES = {
    EventKind.ISSUE: {
        "zh-Hans": "{area}发布暴雨{after}预警信号",
        "en": "{After} rainstorm warning for {area}",
    },
    EventKind.UPGRADE: {
        "zh-Hans": "{area}暴雨预警信号由{before}升级为{after}",
        "en": "Rainstorm warning for {area} upgraded from {before} to {after}",
    },
    EventKind.DOWNGRADE: {
        "zh-Hans": "{area}暴雨预警信号由{before}降级为{after}",
        "en": "Rainstorm warning for {area} downgraded from {before} to {after}",
    },
    EventKind.CANCEL: {
        "zh-Hans": "{area}解除暴雨{before}预警信号",
        "en": "{Before} rainstorm warning for {area} cancelled",
    },
}
_CHANGES = {
    EventKind.ISSUE: {
        "zh-Hans": "发布{area}暴雨{after}预警信号。",
        "en": "A {after} rainstorm warning is issued for {area}.",
    },
    EventKind.UPGRADE: {
        "zh-Hans": "{area}暴雨预警信号由{before}升级为{after}。",
        "en": "The rainstorm warning for {area} is upgraded from {before} to {after}.",
    },
    EventKind.DOWNGRADE: {
        "zh-Hans": "{area}暴雨预警信号由{before}降级为{after}。",
        "en": "The rainstorm warning for {area} is downgraded from {before} to {after}.",
    },
    EventKind.CANCEL: {
        "zh-Hans": "解除{area}暴雨{before}预警信号。",
        "en": "The {before} rainstorm warning for {area} is cancelled.",
    },
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The sentences of a description; "reached" must keep the citation beside the signal name.
_WORDS = {
    "zh-Hans": {
        "reached": "{when}，{evidence}，达到{signal}标准（{source}）。",
        "clear": "{when}，{area}降雨量已不再达到任何暴雨预警信号标准：{evidence}。",
        "coverage": "{area}{stations}个站中{reporting}个有观测，{method}。",
        "station": "{} ",
        "mean": "区域平均",
        "maximum": "最大",
        "amount": "{hours}小时降雨量 {mm}毫米",
        "other_amount": "{hours} {mm}毫米",
        "clause": "条款 {}",
        "sources": "；",
        "readings": "、",
        "held_via": "下属区域{area}的预警等级（该区域暂无站点有观测，等级保持）",
        "amounts": "、",
        "join": "",
    },
    "en": {
        "reached": "At {when}, {evidence}, reaching the criterion of the {signal} ({source}).",
        "clear": "At {when}, rain in {area} no longer reaches any rainstorm warning "
        "criterion: {evidence}.",
        "coverage": "{reporting} of {stations} stations in {area} reported; {method}.",
        "station": "{}: ",
        "mean": "areal mean ",
        "maximum": "highest station ",
        "amount": "{mm} mm in {hours} h",
        "other_amount": "{hours} {mm} mm",
        "clause": "clause {}",
        "sources": "; ",
        "readings": "; ",
        "held_via": "the level held by sub-area {area} (none of its stations reporting)",
        "amounts": ", ",
        "join": " ",
    },
}
_WINDOW = re.compile(r"rain_(\d+)h")
_METHOD = {
    "max": {"zh-Hans": "按最高站点判定", "en": "the level is that of the highest station"},
    "mean": {"zh-Hans": "按区域平均判定", "en": "the level is that of the areal mean"},
}


def signal_name(level: str, language: str) -> str:
    colour = COLOURS[level][language]
    return f"暴雨{colour}预警信号" if language == "zh-Hans" else f"{colour} rainstorm warning"


def instruction(event: WarningEvent, language: str) -> str:
    return INSTRUCTIONS["cancel" if event.level is None else event.level][language]


def headline(event: WarningEvent, area: str, language: str) -> str:
    return _HEADLINES[event.kind][language].format_map(_colours(event, area, language))


def description(
    event: WarningEvent,
    area: str,
    language: str,
    clause_windows: Mapping[str, str] = DEFAULT_CLAUSE_WINDOWS,
) -> str:
    """What was observed, which rule it met and under which citation, and what changed."""
    step = event.step
    words = _WORDS[language]
    when = _when(event, language)
    if event.level is None:
        evidence = _accumulations(step, _rule_windows(clause_windows), language)
        finding = words["clear"].format(when=when, area=area, evidence=evidence)
    else:
        finding = _finding(step, event.level, when, clause_windows, language)
    change = _CHANGES[event.kind][language].format_map(_colours(event, area, language))
    method = _METHOD.get(step.method, {language: step.method})[language]
    coverage = words["coverage"].format(
        area=area, stations=step.stations, reporting=step.reporting, method=method
    )
    return words["join"].join((finding, change, coverage))


def _finding(
    step: AreaStep, level: str, when: str, clause_windows: Mapping[str, str], language: str
) -> str:
    words = _WORDS[language]
    window = clause_windows.get(step.clause_id or "")
    windows = [window] if window is not None else _rule_windows(clause_windows)
    if step.held_via is not None:  # a street silent through a gap keeps its district up
        evidence = words["held_via"].format(area=step.held_via)
    elif step.method == "max" and step.deciding:
        evidence = words["readings"].join(
            _amounts(reading.rain, windows, words["station"].format(reading.station), language)
            for reading in step.deciding
        )
    else:
        evidence = _accumulations(step, windows, language)
    parts = [] if step.cite is None else [str(step.cite)]
    if step.clause_id is not None:
        parts.append(words["clause"].format(step.clause_id))
    source = words["sources"].join(parts)
    return words["reached"].format(
        when=when, evidence=evidence, signal=signal_name(level, language), source=source
    )


def _colours(event: WarningEvent, area: str, language: str) -> dict[str, str]:
    before = "" if event.previous is None else COLOURS[event.previous][language]
    after = "" if event.level is None else COLOURS[event.level][language]
    return {
        "area": area,
        "before": before,
        "after": after,
        "Before": before.capitalize(),
        "After": after.capitalize(),
    }


def _accumulations(step: AreaStep, windows: list[str], language: str) -> str:
    """The area's statistic over `windows`: the areal mean or the highest station's."""
    if step.method == "mean":
        return _amounts(step.mean, windows, _WORDS[language]["mean"], language)
    return _amounts(step.maximum, windows, _WORDS[language]["maximum"], language)


def _amounts(values: Mapping[str, Decimal], windows: list[str], lead: str, language: str) -> str:
    shown = [w for w in windows if w in values] or list(values)
    words = _WORDS[language]
    parts = []
    for window in shown:
        match = _WINDOW.fullmatch(window)
        template = words["amount"] if match else words["other_amount"]
        hours = match.group(1) if match else window
        parts.append(lead + template.format(hours=hours, mm=millimetres(values[window])))
    return words["amounts"].join(parts)


def _rule_windows(clause_windows: Mapping[str, str]) -> list[str]:
    """The accumulations the signal table tests, in its order, each once."""
    return list(dict.fromkeys(clause_windows.values()))


def _when(event: WarningEvent, language: str) -> str:
    t = beijing_second(event.at)
    if language == "zh-Hans":
        return f"截至{t.year}年{t.month}月{t.day}日{t.hour}时{t.minute:02d}分（北京时间）"
    return f"{t:%H:%M} Beijing time on {t.day} {_MONTHS[t.month - 1]} {t.year}"


def millimetres(value: Decimal) -> str:
    """An accumulation as written in a bulletin: one decimal, two when the hundredth counts."""
    exact = value.quantize(Decimal("0.01"))
    tenths = exact.quantize(Decimal("0.1"))
    return str(tenths if tenths == exact else exact)
