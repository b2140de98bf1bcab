"""Vietnamese figures as a provincial plan prints them: what is read, what is refused (in
every language), and that figures written for readers (by the platform's translator, the
one formatter of figures) read back (the Thanh Hóa sex-ratio-at-birth plan 2016-2020)."""

from __future__ import annotations

import pickle
import random
import unicodedata
from decimal import Decimal

import pytest

from govops.lawcode.figures.vi import (
    Quote,
    Style,
    ViNumberError,
    parse_vi_amount,
    parse_vi_number,
)
from govops.lawcode.texts.messages import msg
from govops.platform.i18n.translator import translator


def vi(error: ViNumberError) -> str:
    return translator("vi").say(error.message)


def en(error: ViNumberError) -> str:
    return translator("en").say(error.message)


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
    assert translator("vi").number(parse_vi_number("-0,0")) == "0"


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
    assert str(error) == en(error)
    assert repr(text) in en(error) and en_reason in en(error)
    assert repr(text) in vi(error) and vi_reason in vi(error)


def test_refusals_read_in_every_language() -> None:
    with pytest.raises(ViNumberError) as caught:
        parse_vi_number("1..2")
    assert vi(caught.value) == (
        "không đọc được '1..2' thành số: dấu '.' hoặc ',' phải đứng giữa hai chữ số"
    )
    assert en(caught.value) == (
        "cannot read '1..2' as a number: a '.' or ',' must stand between two digits"
    )
    assert translator("zh-Hans").say(caught.value.message) == (
        "无法将 '1..2' 读作数字：“.”或“,”必须位于两个数字之间"
    )
    assert translator("zh-Hant").say(caught.value.message).startswith("無法將 '1..2' 讀作數字")


def test_an_error_survives_pickling_with_its_message() -> None:
    error = ViNumberError(msg("no number given (got {text})", text=Quote("'x'")))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, str(copy)) == (error.message, "no number given (got 'x')")
    assert isinstance(copy, ValueError) and isinstance(copy.message.values["text"], Quote)
    assert vi(copy) == "không có số (nhận được 'x')"


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
    assert en_part in en(caught.value) and vi_part in vi(caught.value)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        ("5444", "5.444", "5,444"),
        ("0.4", "0,4", "0.4"),
        ("1234.5", "1.234,5", "1,234.5"),
        ("5444000000", "5.444.000.000", "5,444,000,000"),
        ("5.444E+9", "5.444.000.000", "5,444,000,000"),
        ("1E-10", "0,0000000001", "0.0000000001"),
        ("5444.000", "5.444", "5,444"),
        ("0.650", "0,65", "0.65"),
        ("-1234567.25", "-1.234.567,25", "-1,234,567.25"),
        ("0", "0", "0"),
        ("100", "100", "100"),
    ],
)
def test_the_translator_writes_figures_exactly(value: str, vi: str, en: str) -> None:
    assert translator("vi").number(Decimal(value)) == vi
    assert translator("en").number(Decimal(value)) == en


@pytest.mark.parametrize(
    ("million", "vi", "en", "zh"),
    [
        ("5444", "5.444 triệu đồng", "VND 5,444 million", "5,444百万越南盾"),
        ("0.65", "0,65 triệu đồng", "VND 0.65 million", "0.65百万越南盾"),
        ("380.0", "380 triệu đồng", "VND 380 million", "380百万越南盾"),
        ("1.266E+3", "1.266 triệu đồng", "VND 1,266 million", "1,266百万越南盾"),
    ],
)
def test_the_translator_writes_money_in_millions(million: str, vi: str, en: str, zh: str) -> None:
    assert translator("vi").money(Decimal(million), "million-dong") == vi
    assert translator("en").money(Decimal(million), "million-dong") == en
    assert translator("zh-Hans").money(Decimal(million), "million-dong") == zh


def _random_decimal(rng: random.Random) -> Decimal:
    """Up to 20 digits, within what a budget holds: the translator formats in the default
    decimal context (28 digits), so a figure must fit it with its decimals."""
    digits = tuple(rng.randrange(10) for _ in range(rng.randint(1, 20)))
    return Decimal((rng.randrange(2), digits, rng.randint(-8, 3)))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_figures_the_translator_writes_read_back_in_the_same_convention(lang: Style) -> None:
    rng = random.Random(20161024)  # the plan's date
    t = translator(lang)
    for _ in range(3000):
        value = _random_decimal(rng)
        written = t.number(value)
        assert parse_vi_number(written, lang) == value, written
        places = rng.randint(0, 4)
        rounded = parse_vi_number(t.fixed(value, places), lang)
        assert abs(rounded - value) <= Decimal(1).scaleb(-places) / 2, (value, places)


def test_money_the_translator_writes_reads_back_as_dong() -> None:
    rng = random.Random(5444)
    t = translator("vi")
    for _ in range(1000):
        million = _random_decimal(rng)
        assert parse_vi_amount(t.money(million, "million-dong"), style="vi") == million * 10**6
