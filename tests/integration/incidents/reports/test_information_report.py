"""The information report (6.1.3(4)) of an incident run through the real service and pack,
written as DOCX and read back with python-docx."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from govops.calendars import calendar_for
from govops.incidents.model.incident import Event, EventKind, Incident, fold
from govops.incidents.model.intake import AfterAction, Intake
from govops.incidents.model.rules import IncidentRules
from govops.incidents.reports.information_report import information_report_docx
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.packs.registry import load_builtin_pack
from tests.fakes import Clock, MemoryStore, MemoryUnitOfWork

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 6, 1, 9, 30, tzinfo=TZ)
PLACEHOLDER = "（待补充）"


Scenario = tuple[IncidentService, Clock, Incident]


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_builtin_pack("cn-county-mass-incident")


def _service(pack: Pack, clock: Clock) -> IncidentService:
    store = MemoryStore()
    rules = IncidentRules(pack, calendar_for("CN"))
    return IncidentService(lambda: MemoryUnitOfWork(store), rules, clock)


def _first_report(service: IncidentService) -> Incident:
    intake = Intake(
        occurred_at=START - timedelta(minutes=30),
        place="县政府广场",
        township="城关镇",
        summary="房屋拆迁群众集体上访",
        causes=("land",),
        inputs={"participants": "约1200", "major_impact_protest": True},
    )
    return service.report(intake, "值班员张三")


@pytest.fixture()
def escalated(pack: Pack) -> Scenario:
    """First report at II (about 1,200 people), follow-up 1 at I (about 5,000), an action
    done and a deadline met, then follow-up 2 with no change of grade."""
    clock = Clock(START)
    service = _service(pack, clock)
    incident = _first_report(service)
    clock.now = START + timedelta(hours=1)
    figures = {"participants": "约5000", "seriously_affects_stability": True}
    incident = service.follow_up(incident.id, figures, "人数持续增加", "李四")
    clock.now += timedelta(minutes=10)
    incident = service.action_done(incident.id, incident.actions[0].id, "王五")
    incident = service.deadline_met(incident.id, "level-I-report-county", "王五")
    clock.now += timedelta(minutes=20)
    incident = service.follow_up(incident.id, {"injured": "3"}, "", "李四")
    return service, clock, incident


def _read(data: bytes) -> list[Paragraph | Table]:
    return list(docx.Document(io.BytesIO(data)).iter_inner_content())


def _texts(data: bytes) -> list[str]:
    lines: list[str] = []
    for block in _read(data):
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines += [" | ".join(cell.text for cell in row.cells) for row in block.rows]
    return lines


def _headings(data: bytes) -> list[str]:
    paragraphs = [b for b in _read(data) if isinstance(b, Paragraph)]
    return [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 1"]


def _section(data: bytes, number: str) -> list[str]:
    """The lines under one numbered heading ('四、'), up to the next heading."""
    lines = _texts(data)
    start = next(i for i, line in enumerate(lines) if line.startswith(number))
    heading_set = set(_headings(data))
    end = next((i for i in range(start + 1, len(lines)) if lines[i] in heading_set), len(lines))
    return lines[start + 1 : end]


def test_the_six_contents_appear_in_the_plans_order_each_cited(
    pack: Pack, escalated: Scenario
) -> None:
    _, _, incident = escalated
    headings = _headings(information_report_docx(incident, pack))
    expected = [
        f"{n}、{item.text['zh-Hans']}（依据预案6.1.3(4){mark}）"
        for n, item, mark in zip(
            "一二三四五六", pack.catalogues["report_contents"].items, "①②③④⑤⑥", strict=True
        )
    ]
    assert headings[:6] == expected
    assert headings[0] == "一、事件发生的时间、地点和现场情况（依据预案6.1.3(4)①）"


def test_the_title_names_the_latest_report_and_the_time_of_issue(
    pack: Pack, escalated: Scenario
) -> None:
    _, _, incident = escalated
    lines = _texts(information_report_docx(incident, pack))
    assert lines[0] == "关于县政府广场房屋拆迁群众集体上访的信息报告（续报2）"
    assert "报告时间：2026年6月1日 11:00" in lines


def test_figures_are_shown_as_given_with_the_value_read(pack: Pack, escalated: Scenario) -> None:
    _, _, incident = escalated
    section = _section(information_report_docx(incident, pack), "二、")
    assert "参与人数：约5000人（约数，按5000人计）" in section
    assert "受伤人数：3人" in section
    assert f"死亡人数：{PLACEHOLDER}" in section  # never given: asked for, not shown as 0
    assert f"财产损失：{PLACEHOLDER}" in section


def test_the_grade_names_the_clause_that_fired_and_its_article(
    pack: Pack, escalated: Scenario
) -> None:
    _, _, incident = escalated
    section = _section(information_report_docx(incident, pack), "二、")
    assert "事件级别：特别重大群体性事件 (I级)" in section
    fired = [line for line in section if line.startswith("符合I-1：")]
    assert fired == ["符合I-1：一次参与人数5000人以上,严重影响社会稳定的事件（依据预案4.1(1)）"]


def test_missing_contents_are_asked_for_not_left_out(pack: Pack, escalated: Scenario) -> None:
    _, _, incident = escalated
    data = information_report_docx(incident, pack)
    assert _section(data, "三、")[-1] == f"原因和责任分析：{PLACEHOLDER}"
    trend = _section(data, "四、")
    assert "参与人数：约1200人（初报） → 约5000人（续报1）" in trend
    assert trend[-1] == f"趋势分析、预测：{PLACEHOLDER}"
    assert _section(data, "五、")[-1] == f"处置效果：{PLACEHOLDER}"


def test_measures_list_departments_actions_done_and_to_do(pack: Pack, escalated: Scenario) -> None:
    _, _, incident = escalated
    section = _section(information_report_docx(incident, pack), "五、")
    assert section[0].startswith("已通知部门：县委宣传部、县公安局")
    assert "县国土资源局" in section[0]  # routed for a land dispute (3.1.3)
    done = section.index("已采取的措施：")
    assert section[done + 1].startswith(incident.actions[0].text["zh-Hans"])
    assert "（王五于2026年6月1日 10:40完成）" in section[done + 1]
    assert section[done + 2] == "下一步工作："


def test_deadlines_show_met_pending_and_overdue(pack: Pack, escalated: Scenario) -> None:
    _, _, incident = escalated
    later = START + timedelta(days=1)
    section = _section(information_report_docx(incident, pack, issued_at=later), "六、")
    county = next(line for line in section if line.startswith("特别重大事件信息立即上报县政府"))
    # "immediately" to the county: met by the follow-up that raised the grade, filed at 10:30
    assert "已于2026年6月1日 10:30完成" in county and "逾期" not in county
    province = next(line for line in section if line.startswith("县政府上报省政府"))
    assert province.split("：", 1)[1] == "时限2026年6月1日 11:30，已逾期（依据预案6.1.3(1)）"
    on_time = _section(information_report_docx(incident, pack), "六、")
    assert any(line.endswith("未到期（依据预案6.1.3(1)）") for line in on_time)


def test_a_deadline_met_after_it_was_due_says_how_late(pack: Pack, escalated: Scenario) -> None:
    _, _, incident = escalated
    deadlines = tuple(
        replace(d, met_at=d.due + timedelta(minutes=18)) if d.id.endswith("province") else d
        for d in incident.deadlines
    )
    late = replace(incident, deadlines=deadlines)
    section = _section(information_report_docx(late, pack), "六、")
    province = next(line for line in section if line.startswith("县政府上报省政府"))
    assert "已于2026年6月1日 11:48完成，迟了18分" in province, province


def test_follow_ups_are_numbered_with_time_figures_grade_and_note(
    pack: Pack, escalated: Scenario
) -> None:
    _, _, incident = escalated
    table = next(b for b in _read(information_report_docx(incident, pack)) if isinstance(b, Table))
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "报告时间", "报告人", "主要数字（如报）", "级别", "说明"]
    assert rows[1][:3] == ["初报", "2026年6月1日 09:30", "值班员张三"]
    major_impact = "影响较大的非法集会游行示威、上访请愿、聚众闹事、罢工(市、课)等：是"
    assert rows[1][3] == f"参与人数：约1200人（约数，按1200人计）、{major_impact}"
    assert rows[1][4] == "重大群体性事件 (II级)"
    assert rows[2] == [
        "续报1",
        "2026年6月1日 10:30",
        "李四",
        f"参与人数：约5000人（约数，按5000人计）、{major_impact}、严重影响社会稳定：是",
        "特别重大群体性事件 (I级)",
        "人数持续增加",
    ]
    assert rows[3][0] == "续报2" and rows[3][3].endswith("受伤人数：3人") and rows[3][5] == "—"


def test_a_change_of_grade_is_reported_with_its_reason(pack: Pack, escalated: Scenario) -> None:
    _, _, incident = escalated
    lines = _texts(information_report_docx(incident, pack))
    change = lines[lines.index("级别变更") + 1]
    assert change.startswith("2026年6月1日 10:30，李四：由重大群体性事件 (II级)调整为")
    assert change.endswith("理由：续报1；符合条款：I-1；说明：人数持续增加")  # in Chinese


def test_the_after_action_record_appears_once_closed(pack: Pack, escalated: Scenario) -> None:
    service, _, incident = escalated
    assert not any(h.startswith("附二") for h in _headings(information_report_docx(incident, pack)))
    record = AfterAction("直接损失约20万元", "拆迁补偿标准不一", "提前公开政策", "统一补偿标准")
    closed = service.close(incident.id, record, "王五")
    data = information_report_docx(closed, pack)
    assert _headings(data)[-1] == "附二：善后处置和总结（依据预案6.1.5）"
    lines = _texts(data)
    for line in ("损失评估：直接损失约20万元", "经验教训：提前公开政策", "整改措施：统一补偿标准"):
        assert line in lines
    assert "财产损失：直接损失约20万元" in _section(data, "二、")
    assert "原因和责任分析：拆迁补偿标准不一" in _section(data, "三、")


def test_the_english_variant_takes_its_headings_from_the_catalogue(
    pack: Pack, escalated: Scenario
) -> None:
    _, _, incident = escalated
    data = information_report_docx(incident, pack, language="en")
    items = pack.catalogues["report_contents"].items
    headings = _headings(data)
    assert [h.split(" (plan ")[0] for h in headings[:6]] == [
        f"{n}. {item.text['en'][0].upper()}{item.text['en'][1:]}"
        for n, item in enumerate(items, start=1)
    ]
    assert headings[3] == "4. Analysis and forecast of the trend (plan 6.1.3(4)④)"
    lines = _texts(data)
    assert lines[0] == "Information report on 房屋拆迁群众集体上访 at 县政府广场 (follow-up 2)"
    # the figures under the labels the pack gives them in English, as given on record
    assert "participants: 约5000 (approximate, read as 5000)" in lines
    assert "Issued: Jun 1, 2026 11:00" in lines
    assert "Analysis and forecast: (to be supplied)" in lines


def test_the_styles_name_a_chinese_font() -> None:
    pack = load_builtin_pack("cn-county-mass-incident")
    incident = _first_report(_service(pack, Clock(START)))
    document = docx.Document(io.BytesIO(information_report_docx(incident, pack)))
    for name, font in (("Normal", "宋体"), ("Title", "黑体"), ("Heading 1", "黑体")):
        rfonts = document.styles[name].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == font
        assert rfonts.get(qn("w:eastAsiaTheme")) is None


def _hand_made(pack: Pack) -> Incident:
    """An incident folded from events written by hand: no causes, duties or deadlines."""
    data: dict[str, Any] = {
        "stage": "warning",
        "occurred_at": "2026-06-01T08:00:00+08:00",
        "place": "某村",
        "township": "某镇",
        "summary": "村民聚集",
        "causes": [],
        "inputs": {"participants": "三百多人"},
        "grade": None,
        "decision": {"outcome": None, "fired": [], "inputs": {}, "trace": []},
        "pack": f"{pack.id} {pack.version}",
        "departments": [],
        "deadlines": [],
        "actions": [],
    }
    return fold([Event("x1", 1, EventKind.REPORTED, START, "值班员", data)])


def test_an_incident_with_little_on_record_still_has_all_six_contents(pack: Pack) -> None:
    data = information_report_docx(_hand_made(pack), pack)
    assert len(_headings(data)) == 7  # the six contents and the follow-up annex
    assert _texts(data)[0] == "关于某村村民聚集的信息报告（初报）"
    assert _section(data, "六、") == [PLACEHOLDER]
    assert "起因类别" not in " ".join(_section(data, "三、"))
    assert "参与人数：三百多人" in _section(data, "二、")
    assert "事件级别：未达分级标准" in _section(data, "二、")
    assert "暂无续报。" in _texts(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda kw: kw | {"language": "fr"}, "language 'fr'"),
        (lambda kw: kw | {"issued_at": datetime(2026, 6, 1, 12)}, "time zone"),
    ],
)
def test_bad_arguments_are_refused(
    pack: Pack, change: Callable[[dict[str, object]], dict[str, object]], message: str
) -> None:
    kwargs = change({"incident": _hand_made(pack), "pack": pack})
    with pytest.raises(ValueError, match=message):
        information_report_docx(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("zh-Hans", "影响较大的非法集会游行示威、上访请愿、聚众闹事、罢工(市、课)等：是"),
        ("en", "illegal assembly, march or demonstration, petition, disturbance, strike (or "
         "market or class boycott) or the like, with a major impact: yes"),
    ],
)  # fmt: skip
def test_an_asserted_criterion_is_said_in_the_reports_language(
    pack: Pack, escalated: Scenario, language: str, line: str
) -> None:
    _, _, incident = escalated
    lines = _texts(information_report_docx(incident, pack, language=language))
    assert line in lines
    assert not any("True" in text for text in lines)
