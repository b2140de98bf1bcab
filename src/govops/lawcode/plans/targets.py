"""A plan's target as the plan writes it, comparator included (`<0.9`, `≧30%`, `70%以上`,
`2处`), read into a bound by the pack's boundary convention, which declares each sign and
word the plan uses with its side and whether it includes the figure (`<` exclusive, `≧`
and `以上` inclusive); a bare figure is read as the pack says (a reading, stated with it).
A figure in the target's unit holds or not; nothing is rounded onto a bound."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from govops.lawcode.dated.procedures import Text
from govops.lawcode.rules.intervals import BoundaryConvention, Side
from govops.lawcode.texts.messages import Message, msg

# A written target: a sign or a word before the figure (`<`, `至少`), the figure (or a range
# `1至2`), its unit, a word after it (`以上`, `之内`).
_WRITTEN = re.compile(
    r"^\s*(?P<sign><=|>=|[<>≤≥≦≧]|至少|不少于|不低于|不超过|不高于)?\s*"
    r"(?P<number>\d+(?:\.\d+)?)(?:至(?P<to>\d+(?:\.\d+)?))?\s*(?P<unit>[^\d\s]*?)\s*"
    r"(?P<word>以上|以下|以内|之内|内)?\s*$"
)
BARE_READINGS = {"at_least": (Side.LOWER, True), "at_most": (Side.UPPER, True)}


class TargetError(ValueError):
    """A target that cannot be read as written; `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True, slots=True)
class Target:
    written: str  # as the plan writes it
    value: Decimal
    unit: str  # as written after the number: "%", "‰", "处", "公里"; "" for none
    side: Side  # LOWER: the figure must reach it; UPPER: stay under it
    inclusive: bool
    reading: Text | None = None  # why a bare figure is read so (None: the plan's sign says)

    def holds(self, figure: Decimal, value: Decimal | None = None) -> bool:
        """Whether `figure` (in the target's unit) meets the target, or the same bound set
        at `value` (a year's step on the plan's own pace)."""
        bound = self.value if value is None else value
        if self.side is Side.LOWER:
            return figure >= bound if self.inclusive else figure > bound
        return figure <= bound if self.inclusive else figure < bound

    def comparator(self) -> str:
        """The bound in signs, whatever the plan wrote: `<`, `≤`, `≥` or `>`."""
        if self.side is Side.LOWER:
            return "≥" if self.inclusive else ">"
        return "≤" if self.inclusive else "<"


def read_target(
    written: str,
    convention: BoundaryConvention,
    bare: str | None = None,
    reading: Text | None = None,
) -> Target:
    """The target `written` read into its bound: its sign (`<`) or word (`以上`) as the
    pack's boundary convention declares it; a figure with neither only with `bare`
    (`at_least` or `at_most`) and its `reading`. TargetError otherwise."""
    found = _WRITTEN.match(written)
    if found is None:
        raise TargetError(msg("{target} is not a figure with a sign or a word", target=written))
    try:
        value = Decimal(found["number"])
    except InvalidOperation:  # pragma: no cover (the pattern admits digits only)
        raise TargetError(msg("{target} is not a figure", target=written)) from None
    sign, word = found["sign"], found["word"]
    if sign is not None and word is not None:
        raise TargetError(msg("{target} has both a sign and a word", target=written))
    if found["to"] is not None and (sign or word):
        raise TargetError(msg("{target} is a range: it takes no sign nor word", target=written))
    if found["to"] is not None and bare != "at_least":
        raise TargetError(  # 1至2处: at least the first, as the pack reads it
            msg(
                "{target} is a range: the pack reads it as at least its first figure",
                target=written,
            )
        )
    if (sign or word) and bare is not None:
        raise TargetError(
            msg("{target} has a sign or a word: it takes no bare reading", target=written)
        )
    said = sign or word
    if said is not None:
        bound = convention.words.get(said)
        if bound is None:
            raise TargetError(
                msg("{word} is not a boundary word the pack declares", word=repr(said))
            )
        return Target(written, value, found["unit"], bound.side, bound.inclusive, reading)
    if bare not in BARE_READINGS or not reading:
        raise TargetError(
            msg("{target} has no sign nor word: the pack must say how it is read", target=written)
        )
    side, inclusive = BARE_READINGS[bare]
    return Target(written, value, found["unit"], side, inclusive, reading)
