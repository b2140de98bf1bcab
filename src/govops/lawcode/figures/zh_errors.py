"""The refusal of a figure that cannot be read (`figures.zh`), quoting what was typed."""

from __future__ import annotations

from govops.lawcode.texts.messages import Message, Quote, msg


class FigureError(ValueError):
    """A figure that cannot be read, or cannot safely be graded against a boundary; its
    `message` says why, in words translated where it is shown (str() is the English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def quote(raw: object) -> Quote:  # what was typed, quoted ('近5000'), shown as written
    return Quote(repr(raw))


def range_refused(raw: str) -> Message:
    return msg("a range must be given as one figure, e.g. 'about 250' (got {raw})", raw=quote(raw))
