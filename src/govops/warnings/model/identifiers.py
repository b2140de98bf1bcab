"""Alert identifiers in the style of GB/T 35965.1-2018 (the Chinese profile of CAP for
emergency warning messages).

The standard's identifier is 31 characters: the administrative division code of the issuing
area, the code of the issuing unit, the time of issue and a sequence number, in that order.
We follow that shape:

    110102001000  001  20240721143000  01
    area (12)     unit (3)  Beijing time yyyyMMddHHmmss (14)  sequence (2)

Our choices, where the shape leaves them open:
- the area code is the 6-digit county code (GB/T 2260, 110102) or the 9-digit street code
  (统计用区划代码) right-padded with zeros to 12 digits, as the statistics code list pads
  its own levels;
- the unit code is three digits or capital letters, given by the issuing office ("001");
- the time is the event's time in Beijing time (UTC+8) to the second, fractions dropped;
- the sequence counts alerts sharing area, unit and second from 01 to 99; a hundredth in the
  same second is refused, never wrapped round to a duplicate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

# China has kept UTC+8 all year since 1991, so a fixed offset is Beijing time exactly and
# needs no time-zone database.
BEIJING = timezone(timedelta(hours=8), "CST")
IDENTIFIER_LENGTH = 31
MAX_SEQUENCE = 99
_TIME_FORMAT = "%Y%m%d%H%M%S"
_IDENTIFIER = re.compile(r"(\d{12})([0-9A-Z]{3})(\d{14})(\d{2})")
_UNIT = re.compile(r"[0-9A-Z]{3}")


class IdentifierError(ValueError):
    """An area code, unit code, time or sequence that cannot make a 31-character identifier."""


def division_code_12(code: str) -> str:
    """The 12-digit form of a 6-digit (county) or 9-digit (street) division code."""
    if not (code.isascii() and code.isdigit() and len(code) in (6, 9, 12)):
        raise IdentifierError(
            f"area code {code!r} is not a 6-, 9- or 12-digit administrative division code"
        )
    return code.ljust(12, "0")


def unit_code(unit: str) -> str:
    """`unit` checked: the issuing unit's code, three digits or capital letters."""
    if not _UNIT.fullmatch(unit):
        raise IdentifierError(f"unit code {unit!r} is not three digits or capital letters")
    return unit


def beijing_second(moment: datetime) -> datetime:
    """`moment` in Beijing time, to the second (CAP and the identifier carry no fractions)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise IdentifierError(f"time {moment.isoformat()} has no time zone")
    return moment.astimezone(BEIJING).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class AlertIdentifier:
    area_code: str  # 12 digits
    unit: str  # 3 characters
    issued: datetime  # Beijing time, whole seconds
    sequence: int  # 1 to 99 within the second

    @classmethod
    def build(cls, area_code: str, unit: str, at: datetime, sequence: int) -> AlertIdentifier:
        if not 1 <= sequence <= MAX_SEQUENCE:
            raise IdentifierError(
                f"sequence {sequence} is outside 1..{MAX_SEQUENCE}: too many alerts in one "
                "second for one area and unit"
            )
        return cls(division_code_12(area_code), unit_code(unit), beijing_second(at), sequence)

    @classmethod
    def parse(cls, text: str) -> AlertIdentifier:
        match = _IDENTIFIER.fullmatch(text)
        if match is None:
            raise IdentifierError(
                f"identifier {text!r} is not 12 digits, a 3-character unit, 14 time digits "
                "and 2 sequence digits"
            )
        area, unit, stamp, sequence = match.groups()
        try:
            issued = datetime.strptime(stamp, _TIME_FORMAT).replace(tzinfo=BEIJING)
        except ValueError:
            raise IdentifierError(f"identifier {text!r} has no valid time {stamp}") from None
        return cls.build(area, unit, issued, int(sequence))

    @property
    def prefix(self) -> str:
        """Everything but the sequence: the alerts that must be numbered apart."""
        return f"{self.area_code}{self.unit}{self.issued.strftime(_TIME_FORMAT)}"

    def __str__(self) -> str:
        return f"{self.prefix}{self.sequence:02d}"


def alert_identifier(area_code: str, unit: str, at: datetime, sequence: int = 1) -> str:
    """The 31-character identifier; see the module's docstring for its parts."""
    return str(AlertIdentifier.build(area_code, unit, at, sequence))
