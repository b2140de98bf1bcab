"""Every label of the warning pages, in Chinese (the default) and English. The language is
the incident pages' (zh-Hans/en), remembered in the same cookie; the areas' names and the
signals' names come from the pack."""

from __future__ import annotations

ZH, EN = "zh-Hans", "en"

# key -> (Chinese, English); {name} placeholders are filled by label().
LABELS: dict[str, tuple[str, str]] = {
    "app.title": ("西城区暴雨预警", "Xicheng District rainstorm warnings"),
    "nav.skip": ("跳到正文", "Skip to the content"),
    "nav.areas": ("各街道预警", "Warnings by street"),
    "nav.incidents": ("事件列表", "Incidents"),
    "nav.switch": ("English", "中文"),
    "list.title": (
        "西城区及15个街道暴雨预警",
        "Rainstorm warnings: the district and its 15 streets",
    ),
    "list.latest": ("数据截至 {at}（北京时间）", "Data up to {at} (Beijing time)"),
    "list.no_data": ("尚无观测统计。", "No statistics yet."),
    "list.day": ("当日：{day}", "Day: {day}"),
    "col.area": ("区域", "Area"),
    "col.level": ("当前预警", "Warning in force"),
    "col.since": ("起始时间", "Since"),
    "col.change": ("最近变化", "Latest change"),
    "col.highest": ("当日最高", "Highest of the day"),
    "col.reporting": ("上报站数", "Stations reporting"),
    "col.time": ("时间", "Time"),
    "col.event": ("事件", "Event"),
    "col.basis": ("依据条款", "Clause and citation"),
    "col.deciding": ("决定站点及累计雨量", "Deciding stations and accumulations"),
    "col.alert": ("CAP 预警", "CAP alert"),
    "col.window": ("时段", "Window"),
    "col.max": ("最大累计雨量", "Highest accumulation"),
    "col.station": ("站点", "Station"),
    "level.none": ("无预警", "no warning"),
    "level.badge": ("{colour}预警", "{colour}"),
    "kind.issue": ("发布", "issued"),
    "kind.upgrade": ("升级", "upgraded"),
    "kind.downgrade": ("降级", "downgraded"),
    "kind.cancel": ("解除", "cancelled"),
    "event.change": ("{before} → {after}", "{before} → {after}"),
    "legend.title": ("预警信号标准", "The signals"),
    "legend.rule": ("{hours}小时降雨量达{mm}毫米以上", "{mm} mm or more in {hours} hours"),
    "report.title": ("暴雨预警日报", "Daily report"),
    "report.download": ("下载日报（DOCX）", "Download the daily report (DOCX)"),
    "report.day": ("日期", "Date"),
    "report.get": ("下载", "Download"),
    "day.show": ("查看", "Show"),
    "day.previous": ("前一天", "Previous day"),
    "day.next": ("后一天", "Next day"),
    "area.stations": (
        "本区域共{stations}个站；最近10分钟内{reporting}个站有观测；当日最少{fewest}个站（{at}）",
        "{stations} stations placed; {reporting} with observations in the last 10 minutes; "
        "fewest in the day {fewest} ({at})",
    ),
    "area.no_data": ("当日无统计数据。", "No statistics for this day."),
    "area.charts": ("最大累计雨量与预警阈值", "Highest accumulations against the thresholds"),
    "area.peaks": ("当日最大累计雨量", "Highest accumulations of the day"),
    "area.history": ("当日预警记录", "Warning events of the day"),
    "area.no_events": ("当日无预警事件。", "No warning event on this day."),
    "chart.title": (
        "{area} {hours}小时最大累计雨量（{day}）",
        "{area}: highest {hours}-hour accumulation, {day}",
    ),
    "chart.desc": (
        "各上报站中{hours}小时累计雨量的最大值，逐分钟；当日最高{mm}毫米（{at}）。阈值：{thresholds}。",
        "The highest {hours}-hour accumulation of the reporting stations, minute by minute; "
        "the day's highest {mm} mm at {at}. Thresholds: {thresholds}.",
    ),
    "chart.desc_empty": (
        "当日无上报站，无数据。阈值：{thresholds}。",
        "No station reported on this day. Thresholds: {thresholds}.",
    ),
    "chart.threshold": ("{colour} {mm} 毫米", "{colour} {mm} mm"),
    "unit.mm": ("毫米", "mm"),
    "window": ("{hours}小时", "{hours} h"),
    "error.title": ("找不到", "Not found"),
    "error.no_area": ("没有编码为“{code}”的区域。", "There is no area with the code “{code}”."),
    "error.bad_date": (
        "日期“{value}”无法识别，应为 2026-07-20。",
        "“{value}” is not a date; use 2026-07-20.",
    ),
    "error.back": ("返回预警总览", "Back to the warnings"),
}

COLOURS = {
    "red": ("红色", "red"),
    "orange": ("橙色", "orange"),
    "yellow": ("黄色", "yellow"),
    "blue": ("蓝色", "blue"),
}


def label(language: str, key: str, **values: object) -> str:
    zh, en = LABELS[key]
    template = en if language == EN else zh
    return template.format(**values) if values else template


def colour(language: str, level: str) -> str:
    zh, en = COLOURS[level]
    return en if language == EN else zh
