"""Reading the numeral of a figure (`figures.zh` has peeled its markers and measure words):
Chinese digits and Arabic numbers scaled by 十百千 within a section, sections scaled by
万亿; or digits read positionally (五〇〇〇). Exact: nothing is rounded. Pure."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from govops.lawcode.figures.exact import EXACT as _EXACT
from govops.lawcode.figures.zh_errors import FigureError, quote, range_refused
from govops.lawcode.texts.messages import Message, Quote, msg

_ZEROS = frozenset("〇零")
_DIGITS = (
    dict.fromkeys(_ZEROS, 0) | {"两": 2} | {c: i for i, c in enumerate("一二三四五六七八九", 1)}
)
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
_UNITS = _SMALL_UNITS | _BIG_UNITS
_NUMERAL_CHARS = frozenset(_DIGITS) | frozenset(_UNITS)
_TOKEN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|.", re.DOTALL)


def read_numeral(core: str, raw: str) -> Decimal:
    """The value of `core`, the numeral of the figure `raw`; FigureError when it is none."""
    tokens: list[str] = _TOKEN.findall(core)
    for token in tokens:
        if not (token[0].isascii() and token[0].isdigit()) and token not in _NUMERAL_CHARS:
            raise FigureError(
                msg(
                    "cannot read {raw} as a figure: unexpected {token}",
                    raw=quote(raw),
                    token=quote(token),
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
        return self.total + self.section + self._trailing_value()

    def _trailing_value(self) -> Decimal:
        """The digit pending at the end of a section: one unit down from the unit just
        before it when it is a lone digit (两千五 = 2500, 一万二 = 12000, and so 两千五万 =
        2500万), as it is (units) after 零 or 十 (两千零五 = 2005, 二十五 = 25)."""
        value = self._pending_value(0)
        unit = _UNITS.get(self.before_pending or "")
        if unit and unit > 10 and self.pending is not None and len(self.pending) == 1:
            value *= unit // 10
        return value

    def _digit(self, token: str) -> None:
        if self.pending is not None:
            both_chinese = self.pending in _DIGITS and token in _DIGITS
            raise FigureError(range_refused(self.raw) if both_chinese else self._bad())
        self.pending, self.before_pending = token, self.previous

    def _small(self, unit: int) -> None:
        # A unit needs a digit in front of it, except a leading 十 (十五, 十万).
        leading_ten = unit == 10 and self.previous is None
        self._require(unit < self.small_limit and (self.pending is not None or leading_ten))
        digit = self._pending_value(1)
        # What stands before 十百千 is one digit, one to nine (三千, 1.5千): 19千 or 0十 is
        # no part of a numeral (三万19千七 is not 49,700), and is refused.
        self._require(0 < digit < 10)
        self.section += digit * unit
        self.pending, self.small_limit = None, unit

    def _big(self, unit: int) -> None:
        if unit in self.big_seen:  # 一万二千万: 1.2亿, or 1万 + 2千万? Refused, not guessed.
            raise FigureError(
                msg(
                    "cannot read {raw} as a figure: {unit} after {unit} is ambiguous;"
                    " give the digits",
                    raw=quote(self.raw),
                    unit=Quote("万" if unit == 10**4 else "亿"),
                )
            )
        self.section += self._trailing_value()
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
        return msg("cannot read {raw} as a figure", raw=quote(self.raw))
