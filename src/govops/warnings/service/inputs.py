"""What the warning use cases refuse: a field of a request that cannot be taken (with
why, as a message translated where it is shown), and what is not there."""

from __future__ import annotations

from datetime import datetime

from govops.lawcode.texts.messages import Message, msg


class WarningInputError(ValueError):
    """A field of a request that cannot be taken, and why (a message, translated where it
    is shown)."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


class WarningNotFoundError(LookupError):
    pass


def check_period(start: datetime | None, end: datetime | None) -> None:
    """A period's bounds carry their UTC offset, and the end comes after the start."""
    for name, moment in (("from", start), ("to", end)):
        if moment is not None and moment.utcoffset() is None:
            raise WarningInputError(
                name, msg("needs a UTC offset, e.g. {example}", example="2026-07-20T08:00+08:00")
            )
    if start is not None and end is not None and end <= start:
        raise WarningInputError("to", msg("must be after from"))


def unknown_area(area: str) -> Message:
    return msg("unknown area code {code}", code=repr(area))
