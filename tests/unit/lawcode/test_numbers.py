"""Figures as staff type them in incident reports: what is read, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.numbers import Figure, FigureError, parse_figure

_CN_DIGITS = "零一二三四五六七八九"


def _four_digit_chinese(number: int) -> str:
    """1 <= number < 10000 in Chinese numerals, with 零 for inner gaps (1005 = 一千零五)."""
    out, gap = "", False
    for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit == 0:
            gap = bool(out)
            continue
        out += ("零" if gap else "") + _CN_DIGITS[digit] + unit
        gap = False
    return out


def _chinese(number: int) -> str:
    """A reference spelling of 0 <= number < 10**12, independent of the parser under test."""
    if number == 0:
        return "零"
    out, gap = "", False
    for value, unit in (
        (number // 10**8, "亿"),
        (number // 10**4 % 10**4, "万"),
        (number % 10**4, ""),
    ):
        if value == 0:
            gap = bool(out)
            continue
        out += ("零" if out and (gap or value < 1000) else "") + _four_digit_chinese(value) + unit
        gap = False
    return out


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("5000", 5000),
        ("0", 0),
        ("５０００", 5000),
        ("5,000", 5000),
        ("5，000", 5000),
        ("５，０００", 5000),
        ("1,234,567", 1234567),
        ("  5000\t", 5000),
        ("\u30005000\u3000", 5000),
        ("3.5", Decimal("3.5")),
        ("３．５", Decimal("3.5")),
        ("1,234.5", Decimal("1234.5")),
        ("2.50", Decimal("2.5")),
        ("5000.0", 5000),
    ],
)
def test_arabic_and_full_width_digits_are_read(raw: str, value: int | Decimal) -> None:
    assert parse_figure(raw) == Figure(value, raw, approximate=False, qualifier=None)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("零", 0),
        ("〇", 0),
        ("五", 5),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百零五", 105),
        ("两百", 200),
        ("三千五百", 3500),
        ("五千", 5000),
        ("五千零一", 5001),
        ("一万二千", 12000),
        ("十万零五百", 100500),
        ("二十五万", 250000),
        ("一亿二千万", 120000000),
        ("一亿零五", 100000005),
        ("二〇二三", 2023),
        ("五〇〇〇", 5000),
    ],
)
def test_chinese_numerals_are_read(raw: str, value: int) -> None:
    assert parse_figure(raw).value == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [("两千五", 2500), ("三千五", 3500), ("一百二", 120), ("一万二", 12000), ("一亿二", 120000000)],
)
def test_a_trailing_digit_after_a_unit_counts_in_the_next_unit_down(raw: str, value: int) -> None:
    assert parse_figure(raw).value == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.2万", 12000),
        ("3万", 30000),
        ("5千", 5000),
        ("1.5亿", 150000000),
        ("1万2000", 12000),
        ("1万2", 12000),
        ("１．２万", 12000),
    ],
)
def test_arabic_digits_mixed_with_chinese_units_are_read(raw: str, value: int) -> None:
    assert parse_figure(raw).value == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [("伍仟", 5000), ("壹万贰仟", 12000), ("叁佰零伍", 305), ("玖拾", 90), ("壹萬", 10000)],
)
def test_financial_numerals_are_read(raw: str, value: int) -> None:
    assert parse_figure(raw).value == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("5000人", 5000),
        ("300名", 300),
        ("十个", 10),
        ("8小时", 8),
        ("8个小时", 8),
        ("50万元", 500000),
    ],
)
def test_a_trailing_measure_word_is_ignored(raw: str, value: int) -> None:
    assert parse_figure(raw) == Figure(value, raw, approximate=False, qualifier=None)


@pytest.mark.parametrize(
    ("raw", "value", "qualifier"),
    [
        ("约5000人", 5000, "约"),
        ("约 5000", 5000, "约"),
        ("大约300名", 300, "大约"),
        ("约计1.2万人", 12000, "约计"),
        ("大概两百", 200, "大概"),
        ("5000人左右", 5000, "左右"),
        ("8小时上下", 8, "上下"),
        ("30人以上", 30, "以上"),
        ("五千余人", 5000, "余"),
        ("5000余", 5000, "余"),
        ("1万余人", 10000, "余"),
        ("3000余万元", 30000000, "余"),
        ("二十多人", 20, "多"),
        ("十多万", 100000, "多"),
        ("五十来人", 50, "来"),
        ("约5000人左右", 5000, "约"),
    ],
)
def test_approximate_figures_keep_the_stated_figure_and_the_first_marker(
    raw: str, value: int, qualifier: str
) -> None:
    assert parse_figure(raw) == Figure(value, raw, approximate=True, qualifier=qualifier)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (5000, 5000),
        (0, 0),
        (Decimal("12.50"), Decimal("12.5")),
        (Decimal("300.0"), 300),
        (2.5, Decimal("2.5")),
        (5000.0, 5000),
        (0.1, Decimal("0.1")),
    ],
)
def test_numbers_given_as_numbers_are_read_without_floats(
    raw: int | float | Decimal, value: int | Decimal
) -> None:
    figure = parse_figure(raw)
    assert figure == Figure(value, str(raw), approximate=False, qualifier=None)
    assert type(figure.value) is type(value)


@pytest.mark.parametrize(("raw", "kind"), [("5000", int), ("5000.00", int), ("12.5", Decimal)])
def test_whole_figures_are_ints_and_fractions_are_decimals(raw: str, kind: type) -> None:
    assert type(parse_figure(raw).value) is kind


@pytest.mark.parametrize("raw", ["", "   ", "\u3000", "约", "人", "万"])
def test_a_blank_or_figureless_text_is_refused(raw: str) -> None:
    with pytest.raises(FigureError, match="figure"):
        parse_figure(raw)


@pytest.mark.parametrize("raw", [-1, Decimal("-0.5"), -2.5, "-5", "－5", "负5", "约-5人"])
def test_negative_figures_are_refused(raw: object) -> None:
    with pytest.raises(FigureError, match="cannot be negative"):
        parse_figure(raw)


@pytest.mark.parametrize(
    "raw", [float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("Infinity")]
)
def test_non_finite_numbers_are_refused(raw: object) -> None:
    with pytest.raises(FigureError, match="finite"):
        parse_figure(raw)


@pytest.mark.parametrize("raw", [True, False, None, [5000], object()])
def test_booleans_and_other_types_are_refused(raw: object) -> None:
    with pytest.raises(FigureError, match="number or text"):
        parse_figure(raw)


@pytest.mark.parametrize(
    "raw", ["近5000", "将近5000人", "接近五千", "不到100", "不足50人", "不满10人", "5000人以下"]
)
def test_nearly_figures_are_refused_because_they_cannot_be_graded(raw: str) -> None:
    with pytest.raises(FigureError, match="'nearly N' cannot be graded") as caught:
        parse_figure(raw)
    assert repr(raw) in str(caught.value)


@pytest.mark.parametrize(
    "raw",
    [
        "200-300",
        "200－300人",
        "200~300",
        "200～300",
        "200至300",
        "三到五人",
        "二三百",
        "三四十人",
        "十五六",
        "两三万",
    ],
)
def test_ranges_are_refused_and_must_be_one_figure(raw: str) -> None:
    with pytest.raises(FigureError, match="range must be given as one figure") as caught:
        parse_figure(raw)
    assert repr(raw) in str(caught.value)


@pytest.mark.parametrize(
    "raw",
    [
        "abc",
        "几十人",
        "数百",
        "5,00",
        "1,2345",
        "1.2.3",
        ".5",
        "1e3",
        "+5",
        "五百千",
        "十十",
        "一万万",
        "5五",
        "5 000",
        "三点五",
    ],
)
def test_unparseable_text_is_refused_quoting_it(raw: str) -> None:
    with pytest.raises(FigureError, match="cannot read") as caught:
        parse_figure(raw)
    assert repr(raw) in str(caught.value)


def test_figure_error_is_a_value_error() -> None:
    assert issubclass(FigureError, ValueError)


def test_every_arabic_figure_round_trips() -> None:
    for n in [*range(0, 20001), 10**6, 10**9 + 7, 10**15]:
        assert parse_figure(str(n)).value == n
        assert parse_figure(f"{n:,}").value == n
        assert parse_figure(n).value == n


def test_every_chinese_figure_round_trips() -> None:
    numbers = [*range(0, 20001), *range(20001, 10**8, 99991), *range(10**8, 10**12, 999999937)]
    for n in numbers:
        assert parse_figure(_chinese(n)).value == n, _chinese(n)
