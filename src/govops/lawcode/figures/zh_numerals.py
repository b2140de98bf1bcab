"""Chinese numerals written out, as documents number their parts (一、二、… 十一、), the
inverse of what `figures.zh` reads. Pure: standard library only."""

from __future__ import annotations

_DIGITS = "一二三四五六七八九"
_TEN = "十"


def numeral(n: int) -> str:
    """1 to 99 in Chinese numerals: 一, 九, 十, 十二, 二十, 九十九."""
    if not 0 < n < 100:
        raise ValueError(f"numeral() writes 1 to 99, not {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else (_TEN if tens == 1 else _DIGITS[tens - 1] + _TEN)
    return head + (_DIGITS[ones - 1] if ones else "")
