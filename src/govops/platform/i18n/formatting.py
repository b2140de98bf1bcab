"""Figures, money, dates, times and durations as a language writes them, in one place:
numbers with the language's marks (1,266.5 in Chinese and English, 1.266,5 in Vietnamese),
exact unless rounded on purpose (half up, as accounts round), dates and times in the
organisation's time zone."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, localcontext
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_skeleton, format_time
from babel.numbers import format_decimal


class Formats:
    """The formats of one locale, with the organisation's time zone."""

    def __init__(self, locale: Locale, zone: ZoneInfo) -> None:
        self.locale = locale
        self.zone = zone

    def number(self, value: int | Decimal) -> str:
        """Every digit kept (`1266.125` stays exact), grouped as the language groups."""
        if isinstance(value, Decimal) and not value.is_finite():
            return str(value)
        with _precision_for(Decimal(value)):
            return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def fixed(self, value: int | Decimal, places: int) -> str:
        """Rounded half up to `places` decimals, all of them shown (accounts' rounding)."""
        exact = Decimal(value)
        with _precision_for(exact, places):
            rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            pattern = "#,##0" + ("." + "0" * places if places else "")
            return format_decimal(
                rounded, format=pattern, locale=self.locale, decimal_quantization=False
            )

    def date(self, value: date) -> str:
        """2026年6月1日, 1 thg 6, 2026, Jun 1, 2026."""
        return format_skeleton("yMMMd", value, locale=self.locale)

    def time(self, value: datetime | time) -> str:
        """24-hour hours and minutes, in the organisation's time zone."""
        if isinstance(value, datetime):
            value = self.local(value).timetz()
        return format_time(value, "HH:mm", locale=self.locale)

    def when(self, value: datetime) -> str:
        """A moment to the minute in the organisation's time zone: the date, then the time."""
        local = self.local(value)
        return f"{self.date(local.date())} {self.time(local)}"

    def local(self, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError(f"a time shown must be timezone-aware, got {value!r}")
        return value.astimezone(self.zone)


def _precision_for(value: Decimal, places: int = 0) -> AbstractContextManager[object]:
    """A decimal context wide enough for every digit of `value` and `places` decimals (the
    default 28 digits would refuse a figure of 4.34E+25 with its decimals)."""
    digits = len(value.as_tuple().digits) + max(value.as_tuple().exponent, 0)  # type: ignore[operator]
    return localcontext(prec=max(28, digits + places + 10))
