"""Normalise figures as staff type them in incident reports: 5000, ５，０００, 约5000人, 五千余人.

Pure: standard library only, no I/O. A figure that cannot be graded against a boundary
(a range, "nearly N", a negative, an absurdly large figure) is refused with a FigureError
rather than guessed at. Values are exact: nothing is ever rounded.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from govops.lawcode.texts.messages import Message, Quote, msg

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

_ZEROS = frozenset("〇零")
_DIGITS = (
    dict.fromkeys(_ZEROS, 0) | {"两": 2} | {c: i for i, c in enumerate("一二三四五六七八九", 1)}
)
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
_UNITS = _SMALL_UNITS | _BIG_UNITS
_NUMERAL_CHARS = frozenset(_DIGITS) | frozenset(_UNITS)
_TOKEN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|.", re.DOTALL)
# Sums and products of exact decimals are exact at MAX_PREC; Inexact is trapped all the same.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.InvalidOperation],
)


@dataclass(frozen=True, slots=True)
class Figure:
    value: int | Decimal  # int when the figure is exactly whole, else Decimal (never float)
    raw: str  # the text exactly as given (str() of a number given as a number)
    approximate: bool  # True for 约/大约/左右/上下/余/多/来 and similar
    qualifier: str | None  # the first marker given, e.g. "约" or "余"; None when exact
    unit: str | None = None  # the measure word given: "人", "小时", "元" or "个"; None if none


class FigureError(ValueError):
    """A figure that cannot be read, or cannot safely be graded against a boundary; its
    `message` says why, in words translated where it is shown (str() is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _quote(raw: object) -> Quote:  # what was typed, quoted ('近5000'), shown as written
    return Quote(repr(raw))


def _range(raw: str) -> Message:
    return msg("a range must be given as one figure, e.g. 'about 250' (got {raw})", raw=_quote(raw))


def parse_figure(raw: object) -> Figure:
    """Read one figure. Raises FigureError, quoting the input, when it cannot be read."""
    if isinstance(raw, str):
        return _parse_text(raw)
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise FigureError(msg("a figure must be a number or text (got {raw})", raw=_quote(raw)))
    number = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
    if not number.is_finite():
        raise FigureError(msg("a figure must be a finite number (got {raw})", raw=_quote(raw)))
    huge_int = isinstance(raw, int) and number.adjusted() >= 4000  # str() refuses > 4300 digits
    shown = f"{number:.3e}" if huge_int else str(raw)
    return Figure(_checked(number, shown), shown, approximate=False, qualifier=None)


def _checked(number: Decimal, raw: str) -> int | Decimal:
    if number < 0:
        raise FigureError(msg("a figure cannot be negative (got {raw})", raw=_quote(raw)))
    if number and number.adjusted() >= MAX_DIGITS:
        shown = _quote(raw if len(raw) < 40 else raw[:20] + "…")
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
                raw=_quote(raw),
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
        head = _quote(raw[:20] + "…")
        raise FigureError(
            msg("{raw}: a figure is at most {most} characters long", raw=head, most=MAX_TEXT)
        )
    text = raw.strip().translate(_FOLD)
    if not text:
        raise FigureError(msg("no figure given (got {raw})", raw=_quote(raw)))
    if text.startswith(_NEARLY_PREFIXES) or text.endswith(_NEARLY_SUFFIXES):
        raise FigureError(
            msg(
                "a figure given as 'nearly N' cannot be graded against a boundary;"
                " give the figure, or 'about N' (got {raw})",
                raw=_quote(raw),
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
        raise FigureError(msg("a figure cannot be negative (got {raw})", raw=_quote(raw)))
    if _RANGE_MARKS.intersection(core):
        raise FigureError(_range(raw))
    unit = _unit(words, raw)
    value = _checked(_read_numeral(core, raw), raw)
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
            msg("cannot read {raw} as a figure: more than one measure word", raw=_quote(raw))
        )
    return _UNIT_OF[words[0]] if words else None


def _read_numeral(core: str, raw: str) -> Decimal:
    tokens: list[str] = _TOKEN.findall(core)
    for token in tokens:
        if not (token[0].isascii() and token[0].isdigit()) and token not in _NUMERAL_CHARS:
            raise FigureError(
                msg(
                    "cannot read {raw} as a figure: unexpected {token}",
                    raw=_quote(raw),
                    token=_quote(token),
                )
            )
    if set(tokens) <= _DIGITS.keys() and _ZEROS & set(tokens):
        return Decimal("".join(str(_DIGITS[t]) for t in tokens))  # positional: 五〇〇〇, 零
    reader = _Reader(raw)
    with localcontext(_EXACT):
        for token in tokens:
            reader.feed(token)
        return reader.finish()


class _Reader:
    """Sums a numeral token by token: digits (Chinese or Arabic) scaled by 十百千, then 万亿."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.total = Decimal(0)
        self.section = Decimal(0)  # the part below the last 万/亿
        self.pending: str | None = None  # a digit waiting for its unit
        self.previous: str | None = None
        self.before_pending: str | None = None  # the token just before the pending digit
        self.small_limit = 10**4  # 十百千 must descend within a section
        self.big_seen: set[int] = set()  # 万/亿 given since the last 亿

    def feed(self, token: str) -> None:
        if token in _SMALL_UNITS:
            self._small(_SMALL_UNITS[token])
        elif token in _BIG_UNITS:
            self._big(_BIG_UNITS[token])
        elif token in _ZEROS:
            self._require(self.pending is None and self.previous in _UNITS)  # 一百零五
        else:
            self._digit(token)
        self.previous = token

    def finish(self) -> Decimal:
        if self.pending is None:
            self._require(self.previous is not None and self.previous not in _ZEROS)
            return self.total + self.section
        value = self._pending_value(0)
        before = self.before_pending or ""
        unit = _UNITS.get(before)
        if unit and unit > 10 and len(self.pending) == 1:
            value *= unit // 10  # 两千五 = 2500, 一万二 = 12000
        return self.total + self.section + value

    def _digit(self, token: str) -> None:
        if self.pending is not None:
            both_chinese = self.pending in _DIGITS and token in _DIGITS
            raise FigureError(_range(self.raw) if both_chinese else self._bad())
        self.pending, self.before_pending = token, self.previous

    def _small(self, unit: int) -> None:
        # A unit needs a digit in front of it, except a leading 十 (十五, 十万).
        leading_ten = unit == 10 and self.previous is None
        self._require(unit < self.small_limit and (self.pending is not None or leading_ten))
        self.section += self._pending_value(1) * unit
        self.pending, self.small_limit = None, unit

    def _big(self, unit: int) -> None:
        if unit in self.big_seen:  # 一万二千万: 1.2亿, or 1万 + 2千万? Refused, not guessed.
            raise FigureError(
                msg(
                    "cannot read {raw} as a figure: {unit} after {unit} is ambiguous;"
                    " give the digits",
                    raw=_quote(self.raw),
                    unit=Quote("万" if unit == 10**4 else "亿"),
                )
            )
        self.section += self._pending_value(0)
        if unit == 10**4:
            self._require(self.section > 0)
            self.total += self.section * unit
            self.big_seen.add(unit)
        else:  # 亿 scales everything before it: 一万二千亿 = 1.2万亿
            self._require(self.total + self.section > 0)
            self.total = (self.total + self.section) * unit
            self.big_seen = {unit}
        self.section, self.pending, self.small_limit = Decimal(0), None, 10**4

    def _pending_value(self, default: int) -> Decimal:
        if self.pending is None:
            return Decimal(default)
        if self.pending in _DIGITS:
            return Decimal(_DIGITS[self.pending])
        return Decimal(self.pending.replace(",", ""))  # the tokeniser admits only numbers here

    def _require(self, condition: bool) -> None:
        if not condition:
            raise FigureError(self._bad())

    def _bad(self) -> Message:
        return msg("cannot read {raw} as a figure", raw=_quote(self.raw))
