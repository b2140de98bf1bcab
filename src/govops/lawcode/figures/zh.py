"""Normalise figures as staff type them in incident reports: 5000, ５，０００, 约5000人, 五千余人.

Pure: standard library only, no I/O. A figure that cannot be graded against a boundary
(a range, "nearly N", a negative, an absurdly large figure) is refused with a FigureError
rather than guessed at. Values are exact: nothing is ever rounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from govops.lawcode.figures.zh_errors import FigureError, quote, range_refused
from govops.lawcode.figures.zh_reader import read_numeral
from govops.lawcode.texts.messages import msg

__all__ = ["MAX_DECIMALS", "MAX_DIGITS", "MAX_TEXT", "Figure", "FigureError", "parse_figure"]

MAX_DIGITS = 15  # integer digits: no incident has 10**15 of anything
MAX_DECIMALS = 20  # digits after the point: more is noise, and batch columns keep 20
MAX_TEXT = 64  # characters, refused unread beyond: reading is linear in the length below

_FORMAL, _PLAIN = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩", "一二二三三四五六六七八九十百千万亿两"
_FOLD = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {"．": ".", "，": ",", "－": "-", "～": "~", "○": "〇"}
    | dict(zip(_FORMAL, _PLAIN, strict=True))
)
_APPROX_PREFIXES = ("大约", "约计", "大概", "约")
_NEARLY_PREFIXES = ("将近", "接近", "近", "不到", "不足", "不满", "少于", "未满")
_NEARLY_SUFFIXES = ("以下", "以内", "不到")
# 余/多/以上 make the stated figure a lower bound (五千余人 is more than 5000). The value is
# still the stated figure: the true count is at least that, so grading it against an 以上
# boundary ("N人以上") can never put the incident in a higher grade than the facts support.
_APPROX_SUFFIXES = ("左右", "上下", "以上", "余", "多", "来")
# 人次 (person-times) counts visits, not people: kept apart, it cannot pass as participants.
_UNIT_OF = {"小时": "小时", "个": "个", "元": "元", "人次": "人次", "毫米": "毫米", "mm": "毫米"}
_UNIT_OF |= dict.fromkeys(("人", "名", "位"), "人")
_MEASURE_WORDS = tuple(_UNIT_OF)  # 人次 before 人: the longer word is peeled first
_INNER_APPROX = re.compile(r"(.+)([余多])([万亿])")  # 3000余万元, 十多万
_RANGE_MARKS = frozenset("-~—–至到或、")


@dataclass(frozen=True, slots=True)
class Figure:
    value: int | Decimal  # int when the figure is exactly whole, else Decimal (never float)
    raw: str  # the text exactly as given (str() of a number given as a number)
    approximate: bool  # True for 约/大约/左右/上下/余/多/来 and similar
    qualifier: str | None  # the first marker given, e.g. "约" or "余"; None when exact
    unit: str | None = None  # the measure word given: "人", "小时", "元" or "个"; None if none


def parse_figure(raw: object) -> Figure:
    """Read one figure. Raises FigureError, quoting the input, when it cannot be read."""
    if isinstance(raw, str):
        return _parse_text(raw)
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise FigureError(msg("a figure must be a number or text (got {raw})", raw=quote(raw)))
    number = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
    if not number.is_finite():
        raise FigureError(msg("a figure must be a finite number (got {raw})", raw=quote(raw)))
    huge_int = isinstance(raw, int) and number.adjusted() >= 4000  # str() refuses > 4300 digits
    shown = f"{number:.3e}" if huge_int else str(raw)
    return Figure(_checked(number, shown), shown, approximate=False, qualifier=None)


def _checked(number: Decimal, raw: str) -> int | Decimal:
    if number < 0:
        raise FigureError(msg("a figure cannot be negative (got {raw})", raw=quote(raw)))
    if number and number.adjusted() >= MAX_DIGITS:
        shown = quote(raw if len(raw) < 40 else raw[:20] + "…")
        raise FigureError(
            msg(
                "{raw} is too large to be a figure (more than {digits} digits before the point)",
                raw=shown,
                digits=MAX_DIGITS,
            )
        )
    whole = int(number)  # exact: the value has at most MAX_DIGITS integer digits
    if whole == number:
        return whole
    trimmed = _trimmed(number)
    if -int(trimmed.as_tuple().exponent) > MAX_DECIMALS:
        raise FigureError(
            msg(
                "{raw} has more than {places} decimal places; round it",
                raw=quote(raw),
                places=MAX_DECIMALS,
            )
        )
    return trimmed


def _trimmed(number: Decimal) -> Decimal:
    """Drop trailing zeros exactly; normalize() would round to the context's 28 digits."""
    sign, digits, exponent = number.as_tuple()
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return Decimal((sign, digits[: len(digits) - zeros], int(exponent) + zeros))


def _parse_text(raw: str) -> Figure:
    if len(raw) > MAX_TEXT:  # refused unread
        head = quote(raw[:20] + "…")
        raise FigureError(
            msg("{raw}: a figure is at most {most} characters long", raw=head, most=MAX_TEXT)
        )
    text = raw.strip().translate(_FOLD)
    if not text:
        raise FigureError(msg("no figure given (got {raw})", raw=quote(raw)))
    if text.startswith(_NEARLY_PREFIXES) or text.endswith(_NEARLY_SUFFIXES):
        raise FigureError(
            msg(
                "a figure given as 'nearly N' cannot be graded against a boundary;"
                " give the figure, or 'about N' (got {raw})",
                raw=quote(raw),
            )
        )
    markers: list[str] = []
    for prefix in _APPROX_PREFIXES:
        if text.startswith(prefix):
            markers.append(prefix)
            text = text.removeprefix(prefix).strip()
            break
    words: list[str] = []
    core = _strip_suffixes(text, markers, words)
    if core.startswith(("-", "负")):
        raise FigureError(msg("a figure cannot be negative (got {raw})", raw=quote(raw)))
    if _RANGE_MARKS.intersection(core):
        raise FigureError(range_refused(raw))
    unit = _unit(words, raw)
    value = _checked(read_numeral(core, raw), raw)
    qualifier = markers[0] if markers else None
    return Figure(value, raw, approximate=bool(markers), qualifier=qualifier, unit=unit)


def _strip_suffixes(text: str, markers: list[str], words: list[str]) -> str:
    """Peel approximate markers and measure words off the end (outermost first), in place."""
    end, peeled = len(text), True
    while peeled:
        peeled = False
        for suffix in _APPROX_SUFFIXES + _MEASURE_WORDS:
            if end > len(suffix) and text.endswith(suffix, 0, end):
                end -= len(suffix)
                while text[end - 1].isspace():  # text[0] is not a space: the loop stops
                    end -= 1
                peeled = True
                (markers if suffix in _APPROX_SUFFIXES else words).append(suffix)
    text = text[:end]
    inner = _INNER_APPROX.fullmatch(text)
    if inner:
        markers.append(inner[2])
        text = inner[1] + inner[3]
    return text


def _unit(words: list[str], raw: str) -> str | None:
    """The one measure word given, normalised; 个 may stand before 小时 or 人 (8个小时, 5个人)."""
    if words[1:] == ["个"] and words[0] in ("小时", "人"):
        words = words[:1]
    if len(words) > 1:
        raise FigureError(
            msg("cannot read {raw} as a figure: more than one measure word", raw=quote(raw))
        )
    return _UNIT_OF[words[0]] if words else None
