"""Vietnamese figures as a provincial plan prints them: what is read, what is refused, and
how figures are written back (the Thanh Hóa sex-ratio-at-birth plan 2016-2020)."""

from __future__ import annotations

import pickle
import random
import unicodedata
from decimal import Decimal

import pytest

from govops.lawcode.figures.vi import (
    Lang,
    Style,
    ViNumberError,
    format_vi_money,
    format_vi_number,
    parse_vi_amount,
    parse_vi_number,
)

# The appendix table ("ĐVT: Triệu đồng"): the printed figures and the totals they give.
APPENDIX_FIGURES = {"380": 380, "1,266": 1266, "1,256": 1256, "1,286": 1286, "5,444": 5444}
APPENDIX_FIGURES |= {"1,920": 1920, "1,270": 1270, "1,040": 1040, "650": 650, "810": 810}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.444", "5444"),  # the text: Vietnamese thousands
        ("0,4", "0.4"),  # "0,4 điểm": Vietnamese decimals
        ("1,266", "1266"),  # the appendix: English thousands
        ("650.000", "650000"),
        ("12.5", "12.5"),
        ("1,2345", "1.2345"),
        ("0.444", "0.444"),  # a first group of 0 is no thousands group
        ("1234.567", "1234.567"),  # a first group of 4 digits is no thousands group
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1,234,567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("2000", "2000"),
        ("05", "5"),
        ("0", "0"),
        ("-5.444", "-5444"),
        ("-0,4", "-0.4"),
        ("  5.444\t", "5444"),
        ("\u00a05.444\u00a0", "5444"),  # NBSP, as copied from a web page
        ("12,50", "12.50"),
    ],
)
def test_reads_figures_in_either_convention(text: str, value: str) -> None:
    assert parse_vi_number(text) == Decimal(value)


def test_reads_every_figure_of_the_appendix_and_they_add_up() -> None:
    for text, value in APPENDIX_FIGURES.items():
        assert parse_vi_number(text) == value
        assert parse_vi_amount(text, default_unit="triệu") == value * 10**6
    years = ["380", "1,266", "1,256", "1,256", "1,286"]
    assert sum(parse_vi_number(year) for year in years) == parse_vi_number("5,444")


def test_negative_zero_has_no_sign() -> None:
    assert str(parse_vi_number("-0")) == "0"
    assert format_vi_number(parse_vi_number("-0,0")) == "0"


@pytest.mark.parametrize(
    ("text", "style", "value"),
    [
        ("1,266", "vi", "1.266"),
        ("1,266", "en", "1266"),
        ("5.444", "vi", "5444"),
        ("5.444", "en", "5.444"),
        ("1.234,5", "vi", "1234.5"),
        ("1,234.5", "en", "1234.5"),
        ("1234,5", "vi", "1234.5"),
        ("12", "en", "12"),
    ],
)
def test_a_style_forces_the_convention(text: str, style: Style, value: str) -> None:
    assert parse_vi_number(text, style) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "style", "en_reason", "vi_reason"),
    [
        ("", "auto", "no number given", "không có số"),
        ("1..2", "auto", "must stand between two digits", "phải đứng giữa hai chữ số"),
        (".5", "auto", "must stand between two digits", "phải đứng giữa hai chữ số"),
        ("5.", "auto", "must stand between two digits", "phải đứng giữa hai chữ số"),
        ("-", "auto", "must stand between two digits", "phải đứng giữa hai chữ số"),
        ("1.23.456", "auto", "groups of exactly 3", "đúng 3 chữ số"),
        ("1,2,3", "auto", "groups of exactly 3", "đúng 3 chữ số"),
        ("1234.567,8", "auto", "groups of exactly 3", "đúng 3 chữ số"),
        ("0.444,5", "auto", "not starting with 0", "không bắt đầu bằng 0"),
        ("1,234.567,8", "auto", "decimal mark ',' occurs more than once", "nhiều lần"),
        ("1.5", "vi", "groups of exactly 3", "đúng 3 chữ số"),
        ("1,5.000", "vi", "stands after the decimal mark", "đứng sau dấu thập phân"),
        ("1,2,3", "vi", "occurs more than once", "nhiều lần"),
        ("abc", "auto", "unexpected character 'a'", "ký tự 'a'"),
        ("5 444", "auto", "unexpected character ' '", "ký tự ' '"),
        ("5.444 triệu", "auto", "unexpected character ' '", "ký tự ' '"),
        ("--5", "auto", "unexpected character '-'", "ký tự '-'"),
        ("+5", "auto", "unexpected character '+'", "ký tự '+'"),
        ("５", "auto", "unexpected character '５'", "ký tự '５'"),
    ],
)
def test_refuses_what_is_not_a_figure(
    text: str, style: Style, en_reason: str, vi_reason: str
) -> None:
    with pytest.raises(ViNumberError) as caught:
        parse_vi_number(text, style)
    error = caught.value
    assert str(error) == error.en
    assert repr(text) in error.en and en_reason in error.en
    assert repr(text) in error.vi and vi_reason in error.vi


def test_refusals_read_in_both_languages() -> None:
    with pytest.raises(ViNumberError) as caught:
        parse_vi_number("1..2")
    assert (
        caught.value.vi
        == "không đọc được '1..2' thành số: dấu '.' hoặc ',' phải đứng giữa hai chữ số"
    )
    assert (
        caught.value.en
        == "cannot read '1..2' as a number: a '.' or ',' must stand between two digits"
    )


def test_an_error_survives_pickling_with_both_messages() -> None:
    error = ViNumberError("tiếng Việt", "English")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.vi, copy.en, str(copy)) == ("tiếng Việt", "English", "English")
    assert isinstance(copy, ValueError)


def test_an_unknown_style_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="style"):
        parse_vi_number("1", "fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "dong"),
    [
        ("5 triệu", 5_000_000),  # 5 triệu/huyện
        ("5.444 triệu đồng", 5_444_000_000),  # the total in the text
        ("2000 đ", 2000),  # 2000 đ/tờ
        ("30000đ", 30000),  # 30000đ/cuốn
        ("650000đ", 650000),  # 650000đ/Iần
        ("650.000", 650000),  # 650.000/xã
        ("900.000", 900000),
        ("1 tỷ đồng", 10**9),
        ("1 tỉ", 10**9),
        ("2 nghìn", 2000),
        ("2 ngàn đồng", 2000),
        ("3 VNĐ", 3),
        ("5 TRIỆU ĐỒNG", 5_000_000),
        ("5triệu", 5_000_000),
        ("0,65 triệu đồng", 650_000),
        ("1,2345 nghìn", Decimal("1234.5")),
        ("2 nghìn tỷ", 2 * 10**12),
        ("-5 triệu", -5_000_000),
        ("  5.444 triệu đồng\u00a0", 5_444_000_000),
    ],
)
def test_reads_amounts_into_dong(text: str, dong: int | Decimal) -> None:
    amount = parse_vi_amount(text)
    assert amount == dong
    assert "E" not in str(amount)  # written out for readers and logs


def test_reads_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "5.444 triệu đồng")
    assert decomposed != "5.444 triệu đồng"
    assert parse_vi_amount(decomposed) == 5_444_000_000
    assert parse_vi_amount("7", default_unit=unicodedata.normalize("NFD", "triệu")) == 7 * 10**6


def test_the_default_unit_applies_only_when_none_is_written() -> None:
    assert parse_vi_amount("1,266", default_unit="triệu") == 1_266_000_000
    assert parse_vi_amount("1,266", default_unit="triệu đồng") == 1_266_000_000
    assert parse_vi_amount("2000 đ", default_unit="triệu") == 2000
    assert parse_vi_amount("1,266", style="vi", default_unit="nghìn") == Decimal("1266")


@pytest.mark.parametrize(
    ("text", "default_unit", "en_part", "vi_part"),
    [
        ("650.000/xã", "đồng", "read the part before '/'", "tách phần trước '/'"),
        ("5 USD", "đồng", "'usd' in '5 USD' is not a unit of money", "không phải đơn vị tiền"),
        ("5 đồng triệu", "đồng", "the currency word must come last", "phải đứng cuối"),
        ("5 tỷ nghìn", "đồng", "scale words must grow", "tăng dần"),
        ("5 triệu triệu", "đồng", "scale words must grow", "tăng dần"),
        ("triệu", "đồng", "an amount must begin with a figure", "bắt đầu bằng chữ số"),
        ("", "đồng", "an amount must begin with a figure", "bắt đầu bằng chữ số"),
        ("5.444.", "đồng", "must stand between two digits", "giữa hai chữ số"),
        ("5", "đô la", "(the default unit)", "(đơn vị mặc định)"),
    ],
)
def test_refuses_amounts_it_cannot_read(
    text: str, default_unit: str, en_part: str, vi_part: str
) -> None:
    with pytest.raises(ViNumberError) as caught:
        parse_vi_amount(text, default_unit)
    assert en_part in caught.value.en and vi_part in caught.value.vi


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        ("5444", "5.444", "5,444"),
        ("0.4", "0,4", "0.4"),
        ("1234.5", "1.234,5", "1,234.5"),
        ("5444000000", "5.444.000.000", "5,444,000,000"),
        ("5.444E+9", "5.444.000.000", "5,444,000,000"),
        ("1E+30", "1" + ".000" * 10, "1" + ",000" * 10),
        ("1E-10", "0,0000000001", "0.0000000001"),
        ("5444.000", "5.444", "5,444"),
        ("0.650", "0,65", "0.65"),
        ("-1234567.25", "-1.234.567,25", "-1,234,567.25"),
        ("0", "0", "0"),
        ("-0.00", "0", "0"),
        ("100", "100", "100"),
    ],
)
def test_writes_figures_exactly(value: str, vi: str, en: str) -> None:
    assert format_vi_number(Decimal(value)) == vi
    assert format_vi_number(Decimal(value), "en") == en


@pytest.mark.parametrize(
    ("value", "places", "vi"),
    [
        ("1234.5", 2, "1.234,50"),
        ("2.5", 0, "3"),  # half away from zero, as Vietnamese accounts round
        ("-2.5", 0, "-3"),
        ("0.125", 2, "0,13"),
        ("-0.001", 2, "0,00"),
        ("5444", 1, "5.444,0"),
        ("1E+3", 0, "1.000"),
    ],
)
def test_rounds_to_places_when_asked(value: str, places: int, vi: str) -> None:
    assert format_vi_number(Decimal(value), places=places) == vi


def test_refuses_to_write_what_is_not_a_figure() -> None:
    with pytest.raises(ViNumberError) as caught:
        format_vi_number(Decimal("NaN"))
    assert "NaN" in caught.value.en and "NaN" in caught.value.vi
    with pytest.raises(ValueError, match="places"):
        format_vi_number(Decimal(1), places=-1)
    with pytest.raises(ValueError, match="lang"):
        format_vi_number(Decimal(1), "fr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("million", "vi", "en"),
    [
        ("5444", "5.444 triệu đồng", "VND 5,444 million"),
        ("0.65", "0,65 triệu đồng", "VND 0.65 million"),
        ("380.0", "380 triệu đồng", "VND 380 million"),
        ("1.266E+3", "1.266 triệu đồng", "VND 1,266 million"),
    ],
)
def test_writes_money_in_millions(million: str, vi: str, en: str) -> None:
    assert format_vi_money(Decimal(million)) == vi
    assert format_vi_money(Decimal(million), "en") == en


def _random_decimal(rng: random.Random) -> Decimal:
    digits = tuple(rng.randrange(10) for _ in range(rng.randint(1, 20)))
    return Decimal((rng.randrange(2), digits, rng.randint(-8, 8)))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_written_figures_read_back_in_the_same_convention(lang: Lang) -> None:
    rng = random.Random(20161024)  # the plan's date
    for _ in range(3000):
        value = _random_decimal(rng)
        written = format_vi_number(value, lang)
        assert parse_vi_number(written, lang) == value, written
        places = rng.randint(0, 4)
        rounded = parse_vi_number(format_vi_number(value, lang, places), lang)
        assert abs(rounded - value) <= Decimal(1).scaleb(-places) / 2, (value, places)


def test_written_money_reads_back_as_dong() -> None:
    rng = random.Random(5444)
    for _ in range(1000):
        million = _random_decimal(rng)
        assert parse_vi_amount(format_vi_money(million), style="vi") == million * 10**6
