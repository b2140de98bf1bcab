"""The daily rainstorm warning report of the demo storm's day, written as DOCX and read back
with python-docx: per area the highest level and when, the peaks with their stations, every
event with its identifier and citation, the ingestion's exclusions; in Chinese (both
scripts), Vietnamese and English, dates and figures as each language writes them."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from govops.bootstrap import build_series, build_warnings
from govops.warnings.reports.daily import daily_report_docx
from govops.warnings.service.daily import DayReport, day_report
from tests.e2e.warnings.warning_demo import MORNING_AFTER, STORM_DAY, demo_database


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> DayReport:
    _, engine, clock, _ = demo_database(tmp_path_factory.mktemp("demo"))
    return day_report(STORM_DAY, build_series(engine), build_warnings(engine), clock())


def _read(document: bytes) -> tuple[list[str], list[list[list[str]]]]:
    opened = docx.Document(io.BytesIO(document))
    paragraphs = [p.text for p in opened.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in opened.tables]
    return paragraphs, tables


def test_the_chinese_report_of_the_storm(report: DayReport) -> None:
    paragraphs, (levels, peaks, events) = _read(daily_report_docx(report))
    assert paragraphs[0] == "西城区暴雨预警日报（2026年7月20日）"
    assert paragraphs[1] == "统计时段：2026年7月20日 00:00至23:59（北京时间）"
    assert "红色预警：7个区域" in paragraphs  # the district and six streets
    assert "未达预警标准：1个区域" in paragraphs
    assert "全天预警事件72次（发布15、升级11、降级31、解除15）。" in paragraphs
    assert levels[0] == ["区域", "最高等级", "首次达到", "上报站数（最少/共）"]
    rows = {row[0]: row[1:] for row in levels[1:]}
    assert len(rows) == 16 and rows["白纸坊街道"][0] == "未达预警标准"
    assert rows["西长安街街道"] == ["红色预警", "08:04", "4/4"]
    assert peaks[0] == ["区域", "1小时", "3小时", "6小时", "12小时", "24小时"]
    street_peaks = {row[0]: row[1:] for row in peaks[1:]}["西长安街街道"]
    assert street_peaks[1] == "139.7\nXC0103 09:10"
    assert events[0] == ["时间", "区域", "事件", "等级", "依据", "决定站点及雨量", "预警标识"]
    assert len(events) == 1 + 72
    red = next(
        row for row in events[1:] if row[1] == "西长安街街道" and row[3].endswith("红色预警")
    )
    assert red[:3] == ["08:04", "西长安街街道", "升级"]
    assert red[4] == "red-3h cma-warning-signals-2007 附件 暴雨红色预警信号"
    assert red[5] == "XC0103 101" and len(red[6]) == 31  # exact figures, as written
    assert any("降水量超过可信上限" in p and "1行" in p for p in paragraphs)
    assert "demo observations.csv：读取86,357行，保留86,339行，排除18行；缺测61分钟。" in paragraphs


def test_the_english_report_says_the_same(report: DayReport) -> None:
    paragraphs, (levels, _, events) = _read(daily_report_docx(report, "en"))
    assert paragraphs[0] == "Xicheng District rainstorm warning report, Jul 20, 2026"
    assert "red warning: 7 areas" in paragraphs and "no signal reached: 1 area" in paragraphs
    assert ["Xichang'anjie", "red warning", "08:04", "4/4"] in levels
    assert events[0][2] == "Event" and {row[2] for row in events[1:]} == {
        "issued",
        "upgraded",
        "downgraded",
        "cancelled",
    }
    assert any(p.startswith("demo observations.csv: 86,357 rows read") for p in paragraphs)
    assert "trace (999990) kept as 0 mm: 3 rows" in paragraphs


def test_the_vietnamese_report_with_the_areas_chinese_names(report: DayReport) -> None:
    paragraphs, (levels, peaks, events) = _read(daily_report_docx(report, "vi"))
    assert paragraphs[0] == "Báo cáo cảnh báo mưa lớn quận Tây Thành, 20 thg 7, 2026"
    assert "cảnh báo đỏ: 7 khu vực" in paragraphs
    assert (
        "Trong ngày có 72 sự kiện cảnh báo (15 ban hành, 11 nâng cấp, 31 hạ cấp, 15 hủy bỏ)."
        in (paragraphs)
    )
    assert levels[0] == [
        "Khu vực",
        "Cấp cao nhất",
        "Lần đầu đạt",
        "Số trạm báo cáo (ít nhất/tổng số)",
    ]
    assert ["西长安街街道", "cảnh báo đỏ", "08:04", "4/4"] in levels  # the pack's names
    assert {row[0]: row[1:] for row in peaks[1:]}["西长安街街道"][1] == "139,7\nXC0103 09:10"
    assert {row[2] for row in events[1:]} == {"ban hành", "nâng cấp", "hạ cấp", "hủy bỏ"}
    assert (
        "demo observations.csv: đọc 86.357 dòng, giữ 86.339, loại 18; thiếu số liệu 61 phút."
        in (paragraphs)
    )


def test_the_report_in_traditional_characters(report: DayReport) -> None:
    paragraphs, (levels, _, _) = _read(daily_report_docx(report, "zh-Hant"))
    assert paragraphs[0] == "西城區暴雨預警日報（2026年7月20日）"
    assert ["西長安街街道", "紅色預警", "08:04", "4/4"] in levels  # the names converted


def test_a_day_without_data_says_so(report: DayReport) -> None:
    empty = DayReport(date(2026, 7, 1), (), (), MORNING_AFTER)
    paragraphs, _ = _read(daily_report_docx(empty))
    assert "当日无统计数据。" in paragraphs and "当日无预警事件。" in paragraphs
    assert "无数据接收记录。" in paragraphs
    with pytest.raises(ValueError, match="language"):
        daily_report_docx(report, "fr")
