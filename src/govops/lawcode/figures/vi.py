"""Vietnamese figures as plans print them: 5.444 triệu đồng, 0,4 điểm, 1,266, 650.000/xã.

Pure: standard library only, no I/O. Values are exact Decimals, never floats; nothing is
rounded unless a number of decimal places is asked for when formatting.

Vietnamese writes '.' between groups of thousands and ',' before the decimals (5.444 is
five thousand four hundred and forty-four, 0,4 is four tenths), but tables typed in
spreadsheets often carry the English convention (1,266 is one thousand two hundred and
sixty-six), sometimes in the same document. parse_vi_number(text, style="auto") reads:

- surrounding whitespace, NBSP included, is dropped; an optional leading '-' is kept;
  only the digits 0-9, '.' and ',' may follow, and every separator stands between two
  digits (".5", "5.", "1..2" and "5 444" are refused);
- '.' and ',' both occur: the last separator is the decimal mark, the other groups;
- one kind occurs several times: it groups thousands ("1.234.567");
- one kind occurs once, after 1-3 digits not starting with 0 and before exactly 3 digits:
  it groups thousands ("5.444" = 5444, "1,266" = 1266, "650.000" = 650000); otherwise it
  is the decimal mark ("0,4", "12.5", "1,2345", "0.444", "1234.567");
- grouped digits are a first group of 1-3 digits not starting with 0, then groups of
  exactly 3; the decimal mark occurs once at most, after every grouping mark.

style="vi" forces '.' grouping and ',' decimal ("1,266" = 1.266); style="en" the reverse.
"auto" cannot tell 1,266 (thousands) from 1,266 (decimals): it reads thousands, so pass
the style wherever a figure with exactly three decimals may occur. Digits are kept as
written: "12,50" is Decimal("12.50"), equal to 12.5.

parse_vi_amount reads a figure and its unit into đồng. format_vi_number and
format_vi_money write figures back in either convention, exactly, never in scientific
notation; with places=N they round half away from zero, as Vietnamese accounts do.
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from decimal import Decimal, localcontext
from typing import Literal

Style = Literal["auto", "vi", "en"]
Lang = Literal["vi", "en"]

_MARKS: dict[str, tuple[str, str]] = {"vi": (".", ","), "en": (",", ".")}  # grouping, decimal
_FIGURE_CHARS = frozenset("0123456789.,")
_MISPLACED_SEPARATOR = re.compile(r"^[.,]|[.,]$|[.,][.,]")
_ONE_THOUSANDS_MARK = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")
# Powers of ten of the unit words; the currency words only name the đồng.
_UNIT_EXPONENTS = {"đ": 0, "đồng": 0, "vnđ": 0, "vnd": 0, "nghìn": 3, "ngàn": 3}
_UNIT_EXPONENTS |= {"triệu": 6, "tỷ": 9, "tỉ": 9}
_CURRENCY_WORDS = frozenset({"đ", "đồng", "vnđ", "vnd"})
_CURRENCY_LAST = ("từ chỉ tiền phải đứng cuối", "the currency word must come last")
_SCALES_GROW = ("từ chỉ bậc phải tăng dần", "scale words must grow left to right")
_UNIT_LIST = "đ, đồng, VNĐ, VND, nghìn, ngàn, triệu, tỷ, tỉ"
_AMOUNT = re.compile(r"(?P<figure>-?[0-9][0-9.,]*)(?P<unit>.*)", re.DOTALL)
# Scaling by 10**k and rounding stay exact at MAX_PREC; an Inexact result is a bug.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.InvalidOperation],
)
_HALF_UP = decimal.Context(
    prec=decimal.MAX_PREC,
    rounding=decimal.ROUND_HALF_UP,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation],
)


class ViNumberError(ValueError):
    """A figure that cannot be read or written; .vi and .en give the reason, str() is .en."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en

    def __reduce__(self) -> tuple[type[ViNumberError], tuple[str, str]]:
        return type(self), (self.vi, self.en)  # pickles (e.g. across processes) keep both


def _unreadable(text: str, vi_reason: str, en_reason: str) -> ViNumberError:
    return ViNumberError(
        f"không đọc được {text!r} thành số: {vi_reason}",
        f"cannot read {text!r} as a number: {en_reason}",
    )


def parse_vi_number(text: str, style: Style = "auto") -> Decimal:
    """Read digits with grouping and decimal marks; the rules are in the module docstring."""
    if style not in ("auto", "vi", "en"):
        raise ValueError(f"style must be 'auto', 'vi' or 'en' (got {style!r})")
    body = text.strip()
    if not body:
        raise ViNumberError(f"không có số (nhận được {text!r})", f"no number given (got {text!r})")
    negative = body.startswith("-")
    figure = body.removeprefix("-")
    _check_characters(text, figure)
    grouping, decimal_mark = _marks(figure, style)
    _check_layout(text, figure, grouping, decimal_mark)
    whole, _, fraction = figure.partition(decimal_mark)
    value = Decimal(whole.replace(grouping, "") + ("." + fraction if fraction else ""))
    return -value if negative and value else value  # no "-0": zero has no sign in a plan


def _check_characters(text: str, figure: str) -> None:
    for char in figure:
        if char not in _FIGURE_CHARS:
            raise _unreadable(
                text, f"ký tự {char!r} không phải chữ số", f"unexpected character {char!r}"
            )
    if _MISPLACED_SEPARATOR.search(figure) or not figure:
        raise _unreadable(
            text,
            "dấu '.' hoặc ',' phải đứng giữa hai chữ số",
            "a '.' or ',' must stand between two digits",
        )


def _marks(figure: str, style: Style) -> tuple[str, str]:
    """The grouping mark and the decimal mark of a figure (either may be absent from it)."""
    if style != "auto":
        return _MARKS[style]
    separators = [char for char in figure if char in ".,"]
    if not separators:
        return _MARKS["vi"]
    last = separators[-1]
    other = "," if last == "." else "."
    if other in separators:  # both kinds: the last one is the decimal mark
        return other, last
    if len(separators) > 1 or _ONE_THOUSANDS_MARK.fullmatch(figure):
        return last, other
    return other, last


def _check_layout(text: str, figure: str, grouping: str, decimal_mark: str) -> None:
    whole, _, fraction = figure.partition(decimal_mark)
    if figure.count(decimal_mark) > 1:
        raise _unreadable(
            text,
            f"dấu thập phân {decimal_mark!r} xuất hiện nhiều lần",
            f"the decimal mark {decimal_mark!r} occurs more than once",
        )
    if grouping in fraction:
        raise _unreadable(
            text,
            f"dấu phân nhóm {grouping!r} đứng sau dấu thập phân {decimal_mark!r}",
            f"the grouping mark {grouping!r} stands after the decimal mark {decimal_mark!r}",
        )
    grouped = rf"[1-9][0-9]{{0,2}}(?:{re.escape(grouping)}[0-9]{{3}})+"
    if grouping in whole and not re.fullmatch(grouped, whole):
        raise _unreadable(
            text,
            f"sau dấu phân nhóm {grouping!r} phải có đúng 3 chữ số, nhóm đầu 1-3 chữ số"
            " không bắt đầu bằng 0",
            f"digits after the grouping mark {grouping!r} come in groups of exactly 3,"
            " after a first group of 1-3 digits not starting with 0",
        )


def parse_vi_amount(text: str, default_unit: str = "đồng", *, style: Style = "auto") -> Decimal:
    """An amount of money in đồng: a figure and an optional unit ("5.444 triệu đồng", "30000đ").

    Units: đ, đồng, VNĐ, VND (×1); nghìn, ngàn (×1.000); triệu (×1.000.000); tỷ, tỉ
    (×1.000.000.000). Scale words may be compounded largest last ("nghìn tỷ" = 10**12) and
    followed by a currency word. default_unit, in the same words, applies when none is
    written (default_unit="triệu" for a table in "ĐVT: Triệu đồng"). Case-insensitive; the
    text is NFC-normalised first, since Vietnamese text may arrive decomposed (NFD).
    """
    default_exponent = _unit_exponent(unicodedata.normalize("NFC", default_unit).lower())
    normal = unicodedata.normalize("NFC", text).strip().lower()
    match = _AMOUNT.fullmatch(normal)
    if match is None:
        raise _unreadable(
            text, "số tiền phải bắt đầu bằng chữ số", "an amount must begin with a figure"
        )
    figure = parse_vi_number(match["figure"], style)
    unit = match["unit"].strip()
    exponent = _unit_exponent(unit, text) if unit else default_exponent
    with localcontext(_EXACT):
        amount = figure.scaleb(exponent)
        # 5.444 triệu is Decimal("5.444E+9"): written out as 5444000000 for readers and logs
        return amount.quantize(Decimal(1)) if int(amount.as_tuple().exponent) > 0 else amount


def _unit_exponent(unit: str, text: str | None = None) -> int:
    """The power of ten of a unit such as "triệu đồng"; text is the amount it came with."""
    words = unit.split()
    exponent = largest = 0
    for position, word in enumerate(words):
        if word not in _UNIT_EXPONENTS:
            raise _not_a_unit(word, text)
        if word in _CURRENCY_WORDS:
            if position != len(words) - 1:
                raise _out_of_order(word, unit, text, _CURRENCY_LAST)
            continue
        step = _UNIT_EXPONENTS[word]
        if step <= largest:  # "tỷ nghìn" or "triệu triệu": not a Vietnamese amount
            raise _out_of_order(word, unit, text, _SCALES_GROW)
        exponent, largest = exponent + step, step
    return exponent


def _where(text: str | None) -> tuple[str, str]:
    if text is None:
        return " (đơn vị mặc định)", " (the default unit)"
    return f" trong {text!r}", f" in {text!r}"


def _not_a_unit(word: str, text: str | None) -> ViNumberError:
    where_vi, where_en = _where(text)
    rate = "/" in word  # "650.000/xã": a unit cost per commune, not a unit of money
    rate_vi = "; với đơn giá như '650.000/xã' hãy tách phần trước '/'" if rate else ""
    rate_en = "; for a rate such as '650.000/xã' read the part before '/'" if rate else ""
    return ViNumberError(
        f"{word!r}{where_vi} không phải đơn vị tiền ({_UNIT_LIST}){rate_vi}",
        f"{word!r}{where_en} is not a unit of money ({_UNIT_LIST}){rate_en}",
    )


def _out_of_order(word: str, unit: str, text: str | None, rule: tuple[str, str]) -> ViNumberError:
    where_vi, where_en = _where(text)
    return ViNumberError(
        f"đơn vị {unit!r}{where_vi} sai thứ tự ở {word!r}: {rule[0]} (nghìn tỷ đồng)",
        f"the unit {unit!r}{where_en} is out of order at {word!r}: {rule[1]} (nghìn tỷ đồng)",
    )


def format_vi_number(value: Decimal, lang: Lang = "vi", places: int | None = None) -> str:
    """A figure for readers: "5.444", "0,4", "1.234,5" (vi) or "5,444", "0.4" (en).

    Without places the value is written exactly, trailing zeros dropped; with places it is
    rounded half away from zero to that many decimals, trailing zeros kept.
    """
    if lang not in _MARKS:
        raise ValueError(f"lang must be 'vi' or 'en' (got {lang!r})")
    grouping, decimal_mark = _MARKS[lang]
    if not value.is_finite():
        raise ViNumberError(
            f"không viết được {value!r} thành số", f"cannot write {value!r} as a figure"
        )
    plain = _fixed_point(value, places)
    whole, _, fraction = plain.removeprefix("-").partition(".")
    sign = "-" if plain.startswith("-") and (whole + fraction).strip("0") else ""
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[at : at + 3] for at in range(head, len(whole), 3)]
    return sign + grouping.join(groups) + (decimal_mark + fraction if fraction else "")


def _fixed_point(value: Decimal, places: int | None) -> str:
    """The value in plain digits with '.' as decimal mark: format 'f' is exact for Decimal."""
    if places is None:
        digits = format(value, "f")
        return digits.rstrip("0").rstrip(".") if "." in digits else digits
    if places < 0:
        raise ValueError(f"places must be 0 or more (got {places})")
    with localcontext(_HALF_UP):
        return format(value.quantize(Decimal(1).scaleb(-places)), "f")


def format_vi_money(amount_million: Decimal, lang: Lang = "vi", places: int | None = None) -> str:
    """An amount given in millions of đồng: "5.444 triệu đồng" (vi), "VND 5,444 million" (en)."""
    figure = format_vi_number(amount_million, lang, places)
    return f"{figure} triệu đồng" if lang == "vi" else f"VND {figure} million"
