"""Named inputs of a rule table and how raw values become typed ones.

Figures arrive as staff type them (五千, ５０００, 约5000); the raw text is kept beside the
normalised value, and an approximate figure stays marked as such all the way into the trace.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from govops.lawcode.figures.zh import Figure, FigureError, parse_figure
from govops.lawcode.texts.messages import N_, Message, Quote, Text, msg

InputScalar = int | Decimal | bool | frozenset[str]
# The measure words a figure may carry (figures.zh), named in the reader's language.
UNIT_NAMES = {
    "人": N_("people"),
    "人次": N_("person-times"),
    "小时": N_("hours"),
    "元": N_("yuan"),
    "毫米": N_("mm"),
    "个": N_("items"),
}


class InputKind(Enum):
    COUNT = "count"  # a whole number of people, deaths, ... (>= 0)
    QUANTITY = "quantity"  # a non-negative measure such as hours, kept as Decimal
    FLAG = "flag"  # a yes/no criterion, often asserted by a person
    SET = "set"  # a set of codes from a declared vocabulary, e.g. cause categories


class InputError(ValueError):
    """A field that cannot be accepted: `field` names it, `message` says why (a Message,
    translated where it is shown; a caller outside the core may still give plain text)."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class InputSpec:
    name: str
    kind: InputKind
    label: str = ""
    default: InputScalar | None = None
    vocabulary: frozenset[str] = frozenset()
    unit: str | None = None  # the measure word a figure may carry: 人, 小时 ...
    # (language, label) for each language the pack writes it in; `label` is in the pack's.
    labels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class InputValue:
    value: InputScalar
    raw: object
    approximate: bool = False
    defaulted: bool = False

    def as_dict(self) -> dict[str, object]:
        shown: object = sorted(self.value) if isinstance(self.value, frozenset) else self.value
        result: dict[str, object] = {"value": shown}
        if self.raw is not None and self.raw != shown:
            result["raw"] = self.raw
        if self.approximate:
            result["approximate"] = True
        if self.defaulted:
            result["defaulted"] = True
        return result


def coerce_inputs(
    specs: Mapping[str, InputSpec], record: Mapping[str, object]
) -> dict[str, InputValue]:
    """Type every declared input; unknown fields and missing required ones are errors."""
    unknown = sorted(set(record) - set(specs))
    if unknown:
        raise InputError(
            unknown[0],
            msg("is not an input of this table (inputs: {inputs})", inputs=", ".join(specs)),
        )
    values: dict[str, InputValue] = {}
    for name, spec in specs.items():
        if not _blank(record.get(name)):
            values[name] = coerce_one(spec, record[name])
        elif spec.default is not None:
            values[name] = InputValue(spec.default, None, defaulted=True)
        else:
            raise InputError(name, msg("is required"))
    return values


def _blank(raw: object) -> bool:
    """Not given: absent, null, or only white space (an empty form field, an empty cell)."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def coerce_one(spec: InputSpec, raw: object) -> InputValue:
    if spec.kind is InputKind.FLAG:
        return InputValue(_flag(spec.name, raw), raw)
    if spec.kind is InputKind.SET:
        return InputValue(_codes(spec, raw), raw)
    try:
        figure = parse_figure(raw)
    except FigureError as error:
        raise InputError(spec.name, error.message) from None
    mismatch = unit_mismatch(spec, figure)
    if mismatch:
        raise InputError(spec.name, mismatch)
    value = figure.value
    if spec.kind is InputKind.QUANTITY:
        return InputValue(Decimal(value), raw, approximate=figure.approximate)
    if not isinstance(value, int):
        if value != value.to_integral_value():
            raise InputError(spec.name, msg("must be a whole number, got {raw}", raw=_shown(raw)))
        value = int(value)
    return InputValue(value, raw, approximate=figure.approximate)


def unit_mismatch(spec: InputSpec, figure: Figure) -> Message | None:
    """Why a figure's measure word does not fit the input (5000元 given as participants)."""
    if figure.unit is None or spec.unit is None or figure.unit in (spec.unit, "个"):
        return None
    return msg(
        "{raw} is counted in {unit}, not {expected}",
        raw=Quote(repr(figure.raw)),
        unit=unit_name(figure.unit),
        expected=unit_name(spec.unit),
    )


def unit_name(word: str) -> Message | str:
    """A measure word as a message (人: people), or the word itself if it is not known."""
    name = UNIT_NAMES.get(word)
    return msg(name) if name else word


def _flag(name: str, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in {"true", "false"}:
        return raw.strip().lower() == "true"
    raise InputError(name, msg("must be true or false, got {raw}", raw=Quote(repr(raw))))


def _codes(spec: InputSpec, raw: object) -> frozenset[str]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise InputError(spec.name, msg("must be a list of codes, got {raw}", raw=Quote(repr(raw))))
    unknown = sorted(set(items) - spec.vocabulary)
    if unknown:
        raise InputError(
            spec.name,
            msg(
                "unknown code {code} (known: {known})",
                code=repr(unknown[0]),
                known=", ".join(sorted(spec.vocabulary)),
            ),
        )
    return frozenset(items)


def _shown(raw: object) -> str:
    return Quote(repr(raw) if isinstance(raw, str) else str(raw))
