"""Normalise figures as staff type them in incident reports: 5000, ５，０００, 约5000人, 五千余人.

Pure: standard library only, no I/O. A figure that cannot be graded against a boundary
(a range, "nearly N", a negative) is refused with a FigureError rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NEARLY = "a figure given as 'nearly N' cannot be graded against a boundary; give the figure or 约N"
_RANGE = "a range must be given as one figure (e.g. 约250)"

_FOLD = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {"．": ".", "，": ",", "－": "-", "～": "~", "○": "〇"}
    | dict(
        zip(
            "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩",
            "一二二三三四五六六七八九十百千万亿两",
            strict=True,
        )
    )
)
_APPROX_PREFIXES = ("大约", "约计", "大概", "约")
_NEARLY_PREFIXES = ("将近", "接近", "近", "不到", "不足", "不满", "少于", "未满")
_NEARLY_SUFFIXES = ("以下", "以内", "不到")
# 余/多/以上 make the stated figure a lower bound (五千余人 is more than 5000). The value is
# still the stated figure: the true count is at least that, so grading it against an 以上
# boundary ("N人以上") can never put the incident in a higher grade than the facts support.
_APPROX_SUFFIXES = ("左右", "上下", "以上", "余", "多", "来")
_MEASURE_WORDS = ("小时", "人次", "人", "名", "个", "位", "元")
_INNER_APPROX = re.compile(r"(.+)([余多])([万亿])")  # 3000余万元, 十多万
_RANGE_MARKS = frozenset("-~—–至到或、")

_DIGITS = {"〇": 0, "零": 0, "两": 2} | {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
_NUMERAL_CHARS = frozenset(_DIGITS) | frozenset(_SMALL_UNITS) | frozenset(_BIG_UNITS)
_TOKEN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Figure:
    value: int | Decimal  # int when the figure is whole, else Decimal (never float)
    raw: str  # the text exactly as given (str() of a number given as a number)
    approximate: bool  # True for 约/大约/左右/上下/余/多/来 and similar
    qualifier: str | None  # the first marker given, e.g. "约" or "余"; None when exact


class FigureError(ValueError):
    """A figure that cannot be read, or cannot safely be graded against a boundary."""


def parse_figure(raw: object) -> Figure:
    """Read one figure. Raises FigureError, quoting the input, when it cannot be read."""
    if isinstance(raw, str):
        return _parse_text(raw)
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise FigureError(f"a figure must be a number or text (got {raw!r})")
    number = Decimal(str(raw)) if isinstance(raw, float) else Decimal(raw)
    if not number.is_finite():
        raise FigureError(f"a figure must be a finite number (got {raw!r})")
    return Figure(_checked(number, str(raw)), str(raw), approximate=False, qualifier=None)


def _checked(number: Decimal, raw: str) -> int | Decimal:
    if number < 0:
        raise FigureError(f"a figure cannot be negative (got {raw!r})")
    if number == number.to_integral_value():
        return int(number)
    return number.normalize()


def _parse_text(raw: str) -> Figure:
    text = raw.strip().translate(_FOLD)
    if not text:
        raise FigureError(f"no figure given (got {raw!r})")
    if text.startswith(_NEARLY_PREFIXES) or text.endswith(_NEARLY_SUFFIXES):
        raise FigureError(f"{_NEARLY} (got {raw!r})")
    markers: list[str] = []
    for prefix in _APPROX_PREFIXES:
        if text.startswith(prefix):
            markers.append(prefix)
            text = text.removeprefix(prefix).strip()
            break
    core = _strip_suffixes(text, markers)
    if core.startswith(("-", "负")):
        raise FigureError(f"a figure cannot be negative (got {raw!r})")
    if _RANGE_MARKS.intersection(core):
        raise FigureError(f"{_RANGE} (got {raw!r})")
    value = _checked(_read_numeral(core, raw), raw)
    return Figure(value, raw, approximate=bool(markers), qualifier=markers[0] if markers else None)


def _strip_suffixes(text: str, markers: list[str]) -> str:
    """Peel measure words and approximate markers off the end, recording the markers."""
    peeled = True
    while peeled:
        peeled = False
        for suffix in _APPROX_SUFFIXES + _MEASURE_WORDS:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text.removesuffix(suffix).strip()
                peeled = True
                if suffix in _APPROX_SUFFIXES:
                    markers.append(suffix)
    inner = _INNER_APPROX.fullmatch(text)
    if inner:
        markers.append(inner[2])
        text = inner[1] + inner[3]
    return text


def _read_numeral(core: str, raw: str) -> Decimal:
    tokens: list[str] = _TOKEN.findall(core)
    for token in tokens:
        if not (token[0].isascii() and token[0].isdigit()) and token not in _NUMERAL_CHARS:
            raise FigureError(f"cannot read {raw!r} as a figure: unexpected {token!r}")
    if len(tokens) > 1 and set(tokens) <= _DIGITS.keys() and {"〇", "零"} & set(tokens):
        return Decimal("".join(str(_DIGITS[t]) for t in tokens))  # positional: 五〇〇〇, 一〇五
    reader = _Reader(raw)
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

    def feed(self, token: str) -> None:
        if token in _SMALL_UNITS:
            self._small(_SMALL_UNITS[token])
        elif token in _BIG_UNITS:
            self._big(_BIG_UNITS[token])
        elif token in ("〇", "零"):
            self._require(self.pending is None)
        else:
            self._digit(token)
        self.previous = token

    def finish(self) -> Decimal:
        if self.pending is None:
            self._require(self.previous is not None)
            return self.total + self.section
        value = self._pending_value(0)
        before = self.before_pending or ""
        unit = _SMALL_UNITS.get(before) or _BIG_UNITS.get(before)
        if unit and unit > 10 and len(self.pending) == 1:
            value *= unit // 10  # 两千五 = 2500, 一万二 = 12000
        return self.total + self.section + value

    def _digit(self, token: str) -> None:
        if self.pending is not None:
            both_chinese = self.pending in _DIGITS and token in _DIGITS
            raise FigureError(f"{_RANGE} (got {self.raw!r})" if both_chinese else self._bad())
        self.pending, self.before_pending = token, self.previous

    def _small(self, unit: int) -> None:
        self._require(unit < self.small_limit)
        self.section += self._pending_value(1) * unit
        self.pending, self.small_limit = None, unit

    def _big(self, unit: int) -> None:
        self.section += self._pending_value(0)
        self._require(self.section > 0)
        if unit == 10**4:
            self._require(self.previous != "万")
            self.total += self.section * unit
        else:
            self.total = (self.total + self.section) * unit
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

    def _bad(self) -> str:
        return f"cannot read {self.raw!r} as a figure"
