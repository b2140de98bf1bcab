"""Progress against a target trajectory: per-year statuses on exact intervals, per-pair
changes on the delta method, and the births needed to tell a change from noise."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from govops.lawcode.texts.messages import Message
from govops.platform.i18n.translator import translator
from govops.programmes.model.srb.progress import Z, assess_progress, births_needed

D = Decimal("0.4")


def said(message: Message, language: str) -> str:
    return translator(language).say(message)


def test_years_met_not_met_and_cannot_tell() -> None:
    births = {2016: (600_000, 550_000), 2017: (620_000, 500_000), 2018: (30, 25), 2019: (0, 0)}
    ceilings = {2016: Decimal(113), 2017: Decimal(113), 2018: Decimal(113), 2019: Decimal(113)}
    years = assess_progress(births, ceilings, D).years
    assert [y.status for y in years] == ["met", "not_met", "cannot_tell", "no_births"]
    assert said(years[0].statement, "vi").endswith("không vượt mục tiêu 113: đạt.")
    assert said(years[1].statement, "en").endswith("not met.")
    assert "chưa thể kết luận" in said(years[2].statement, "vi")
    assert said(years[0].statement, "en").startswith(
        "2016: sex ratio at birth 109.1 (confidence interval at 95%: 108.7–109.5), within"
    )
    assert said(years[0].statement, "vi").startswith(
        "Năm 2016: tỷ số giới tính khi sinh 109,1 (khoảng tin cậy 95%: 108,7–109,5), không"
    )
    assert said(years[0].statement, "zh-Hans").endswith("未超过目标值 113：达标。")
    assert said(years[3].statement, "zh-Hans") == "2019年：没有出生记录。"


def test_a_year_without_a_target_is_said_so() -> None:
    year = assess_progress({2016: (10, 10)}, {}, D).years[0]
    assert year.status == "no_target"


def test_births_needed_follows_the_formula() -> None:
    share = 113 / 213
    expected = math.ceil(2 * (Z * 113 / 0.4) ** 2 / (share * (1 - share)))
    assert births_needed(113.0, D) == expected
    assert 2_400_000 < expected < 2_500_000


def test_a_province_of_50_000_births_cannot_tell_a_04_point_change() -> None:
    births = {2019: (26_590, 23_533), 2020: (26_560, 23_440)}
    change = assess_progress(births, {}, D).changes[0]
    assert change.status == "cannot_tell"
    assert change.approximate
    assert change.births_needed is not None and change.births_needed > 2_000_000
    assert "cần khoảng 2,5 triệu ca sinh mỗi năm; dữ liệu có 50.123 ca năm 2019" in (
        said(change.statement, "vi")
    )
    assert "about 2.5 million births a year are needed; the data have 50,123" in (
        said(change.statement, "en")
    )
    assert "每年约需 2.5百万 例出生；数据中2019年有 50,123 例" in said(change.statement, "zh-Hans")


def test_changes_achieved_and_not_achieved_with_the_delta_interval() -> None:
    births = {
        2016: (1_200_000, 1_000_000),
        2017: (1_150_000, 1_000_000),
        2018: (1_200_000, 1_000_000),
    }
    down, up = assess_progress(births, {}, D).changes
    assert (down.status, up.status) == ("achieved", "not_achieved")
    se = math.hypot(
        120 * math.sqrt(1 / 1_200_000 + 1 / 1_000_000),
        115 * math.sqrt(1 / 1_150_000 + 1 / 1_000_000),
    )
    assert down.change == pytest.approx(-5.0)
    assert down.change_low == pytest.approx(-5.0 - Z * se)
    assert down.change_high == pytest.approx(-5.0 + Z * se)
    assert down.required_change == Decimal("-0.4")
    assert "đạt" in said(down.statement, "vi")


def test_a_year_without_girls_leaves_the_change_untold() -> None:
    change = assess_progress({2016: (5, 0), 2017: (4, 4)}, {}, D).changes[0]
    assert (change.status, change.change) == ("cannot_tell", None)


def test_as_dict_is_plain_data() -> None:
    result = assess_progress({2016: (10, 9), 2017: (10, 10)}, {2016: Decimal(115)}, D).as_dict()
    assert set(result) == {"years", "changes"}
    assert result["changes"][0]["approximate"] is True  # type: ignore[index]


def test_a_required_change_of_zero_needs_no_births_figure_and_says_why() -> None:
    assert births_needed(113.0, Decimal(0)) is None
    change = assess_progress({2016: (10, 9), 2017: (10, 10)}, {}, Decimal(0)).changes[0]
    assert (change.births_needed, change.births_needed_reason) == (None, "no_required_change")
    assert change.status == "cannot_tell"  # the interval contains 0


def test_no_births_figure_without_boys_says_why() -> None:
    change = assess_progress({2016: (0, 9), 2017: (0, 10)}, {}, D).changes[0]
    assert (change.births_needed, change.births_needed_reason) == (None, "no_boys_or_girls")
