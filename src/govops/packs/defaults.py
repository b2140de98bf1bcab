"""What a pack's values must be: an input's default fitting its kind, a parameter used as a
bound a finite number."""

from __future__ import annotations

from decimal import Decimal

from govops.lawcode.rules.inputs import InputKind, InputScalar
from govops.lawcode.texts.messages import N_

FITTING_DEFAULT = {
    InputKind.COUNT: N_("a whole number >= 0"),
    InputKind.QUANTITY: N_("a number >= 0"),
    InputKind.FLAG: N_("true or false"),
    InputKind.SET: N_("a list of codes"),
}


def finite_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return False
    return isinstance(value, int) or value.is_finite()


def default_fits(kind: InputKind, default: InputScalar | None) -> bool:
    if default is None:
        return True
    if kind is InputKind.FLAG:
        return isinstance(default, bool)
    if kind is InputKind.SET:
        return isinstance(default, frozenset)
    return isinstance(default, int | Decimal) and not isinstance(default, bool) and default >= 0
