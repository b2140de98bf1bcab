"""Figures as staff type them in incident reports: what is read, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govops.lawcode.figures.zh import Figure, FigureError, parse_figure

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
        ("两千五万", 25_000_000),  # 两千五 (2500) 万, as 两千五 alone is 2500
        ("一千五万", 15_000_000),
        ("三千二万", 32_000_000),
        ("一百五万", 1_500_000),
        ("两千五亿", 250_000_000_000),
        ("3千2万", 32_000_000),
        ("两千零五万", 20_050_000),  # with 零, the digit is units: 2005万
        ("两千五百万", 25_000_000),
    ],
)
def test_the_trailing_digit_counts_one_unit_down_before_wan_and_yi_too(
    raw: str, value: int
) -> None:
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
    ("raw", "value", "unit"),
    [
        ("5000人", 5000, "人"),
        ("300名", 300, "人"),
        ("20位", 20, "人"),
        ("5000人次", 5000, "人次"),
        ("5个人", 5, "人"),
        ("十个", 10, "个"),
        ("8小时", 8, "小时"),
        ("8个小时", 8, "小时"),
        ("5000元", 5000, "元"),
        ("50万元", 500000, "元"),
    ],
)
def test_a_trailing_measure_word_is_read_as_the_unit(raw: str, value: int, unit: str) -> None:
    assert parse_figure(raw) == Figure(value, raw, approximate=False, qualifier=None, unit=unit)


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("约5000人左右", "人"),
        ("五千余人", "人"),
        ("3000余万元", "元"),
        ("8个小时上下", "小时"),
        ("5000", None),
        ("五千", None),
        ("约5000", None),
        (5000, None),
        (Decimal("2.5"), None),
    ],
)
def test_the_unit_is_kept_with_approximate_markers_and_none_without_a_measure_word(
    raw: object, unit: str | None
) -> None:
    assert parse_figure(raw).unit == unit


def test_a_sum_of_money_can_be_told_from_a_head_count() -> None:
    assert parse_figure("5000元").unit != parse_figure("5000人").unit


@pytest.mark.parametrize("raw", ["5人元", "5000元人", "5人人", "8小时个", "5个元"])
def test_more_than_one_measure_word_is_refused(raw: str) -> None:
    with pytest.raises(FigureError, match=r"cannot read .* more than one measure word"):
        parse_figure(raw)


@pytest.mark.parametrize(
    ("raw", "value", "qualifier", "unit"),
    [
        ("约5000人", 5000, "约", "人"),
        ("约 5000", 5000, "约", None),
        ("大约300名", 300, "大约", "人"),
        ("约计1.2万人", 12000, "约计", "人"),
        ("大概两百", 200, "大概", None),
        ("5000人左右", 5000, "左右", "人"),
        ("8小时上下", 8, "上下", "小时"),
        ("30人以上", 30, "以上", "人"),
        ("五千余人", 5000, "余", "人"),
        ("5000余", 5000, "余", None),
        ("1万余人", 10000, "余", "人"),
        ("3000余万元", 30000000, "余", "元"),
        ("二十多人", 20, "多", "人"),
        ("十多万", 100000, "多", None),
        ("五十来人", 50, "来", "人"),
        ("约5000人左右", 5000, "约", "人"),
    ],
)
def test_approximate_figures_keep_the_stated_figure_and_the_first_marker(
    raw: str, value: int, qualifier: str, unit: str | None
) -> None:
    expected = Figure(value, raw, approximate=True, qualifier=qualifier, unit=unit)
    assert parse_figure(raw) == expected


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


@pytest.mark.parametrize(
    "raw",
    [
        "千百",
        "百千",
        "万万",
        "二十十",
        "一万十五",
        "一百零十",
        "一百零",
        "零一百",
        "一千零零五",
        "一亿亿",
        "十万万",
        "三万19千七",  # 19千 is no section of a numeral: a digit before 千 is one to nine
        "19千",
        "12百",
        "0十六万",  # no zero before a unit
        "0千",
        "三万0百",
    ],
)
def test_malformed_chinese_numerals_are_refused(raw: str) -> None:
    with pytest.raises(FigureError, match="cannot read") as caught:
        parse_figure(raw)
    assert repr(raw) in str(caught.value)


@pytest.mark.parametrize("raw", ["一万二千万", "三万五千万人", "1万2千万"])
def test_a_second_wan_is_refused_as_ambiguous_rather_than_misread(raw: str) -> None:
    # 一万二千万 is 1.2亿 to some readers and 1万 + 2千万 to others: never guess which.
    with pytest.raises(FigureError, match=r"cannot read .* 万 after 万 is ambiguous"):
        parse_figure(raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [("一万亿", 10**12), ("一万二千亿", 12 * 10**11), ("一亿二千万", 12 * 10**7), ("十万", 10**5)],
)
def test_yi_scales_the_whole_figure_before_it(raw: str, value: int) -> None:
    assert parse_figure(raw).value == value


_NINES_20 = "7." + "9" * 20
_NINES_28 = "7." + "9" * 28
_NINES_30 = "4999." + "9" * 30


@pytest.mark.parametrize("raw", [_NINES_28, _NINES_30, Decimal(_NINES_28), "0." + "1" * 40])
def test_more_than_twenty_decimal_places_are_refused_not_rounded(raw: object) -> None:
    with pytest.raises(FigureError, match="more than 20 decimal places; round it"):
        parse_figure(raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (_NINES_20, Decimal(_NINES_20)),
        ("4999." + "9" * 20, Decimal("4999." + "9" * 20)),
        ("0." + "1" * 20 + "000", Decimal("0." + "1" * 20)),
        ("1." + "0" * 19 + "1万", Decimal("10000." + "0" * 15 + "1")),
        ("999999999999999.5", Decimal("999999999999999.5")),
        (Decimal(_NINES_20), Decimal(_NINES_20)),
        (Decimal("2." + "5" * 20 + "00"), Decimal("2." + "5" * 20)),
    ],
)
def test_long_fractions_are_kept_exactly_and_never_rounded(raw: object, value: Decimal) -> None:
    figure = parse_figure(raw)
    assert type(figure.value) is Decimal
    assert figure.value == value
    assert figure.value.as_tuple() == value.as_tuple()  # trailing zeros gone, nothing else


@pytest.mark.parametrize(
    "raw",
    [
        "1000000000000000",
        "1,000,000,000,000,000",
        "1000000000000000.5",
        "9" * 64,  # the longest text read (longer is refused unread: test_zh_limits.py)
        "一千万亿",
        "约2000万亿人",
        10**15,
        pytest.param(10**5000, id="10**5000"),
        Decimal("1E+15"),
        1e300,
    ],
)
def test_absurdly_large_figures_are_refused(raw: object) -> None:
    with pytest.raises(FigureError, match="is too large to be a figure"):
        parse_figure(raw)


@pytest.mark.parametrize("raw", ["999999999999999", "999,999,999,999,999", 10**15 - 1])
def test_fifteen_integer_digits_are_read_exactly(raw: object) -> None:
    figure = parse_figure(raw)
    assert figure.value == 10**15 - 1
    assert type(figure.value) is int


def test_figure_error_is_a_value_error() -> None:
    assert issubclass(FigureError, ValueError)


def test_every_arabic_figure_round_trips() -> None:
    for n in [*range(0, 20001), 10**6, 10**9 + 7, 10**15 - 1]:
        assert parse_figure(str(n)).value == n
        assert parse_figure(f"{n:,}").value == n
        assert parse_figure(n).value == n


def test_every_chinese_figure_round_trips() -> None:
    numbers = [*range(0, 20001), *range(20001, 10**8, 99991), *range(10**8, 10**12, 999999937)]
    for n in numbers:
        assert parse_figure(_chinese(n)).value == n, _chinese(n)


def test_a_refusal_carries_its_message_to_translate_where_it_is_shown() -> None:
    with pytest.raises(FigureError) as caught:
        parse_figure("近5000")
    message = caught.value.message
    assert message.values == {"raw": "'近5000'"}  # the input quoted, as typed
    assert str(message) == str(caught.value)  # the English, for logs
    assert "'nearly N' cannot be graded" in message.id and "{raw}" in message.id
