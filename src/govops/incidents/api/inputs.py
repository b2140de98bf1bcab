"""The grading inputs of a pack as fields of the report and follow-up bodies.

Each input of the grade table is an optional top-level field, checked by the core's own
coercion (so 近5000, -3, 5000元 and 8人 are refused here as `govops decide` refuses them),
and every bad field is named at once. The value as given is kept: the domain grades it
and records 约5000 as 约5000.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, PlainValidator, WithJsonSchema, create_model

from govops.incidents.api.schemas import FollowUpBody, ReportBody
from govops.incidents.model.rules import GRADE_TABLE, ROUTE_TABLE
from govops.lawcode.figures.zh import MAX_TEXT
from govops.lawcode.rules.inputs import InputError, InputKind, InputSpec, coerce_one
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg

Body = TypeVar("Body", bound=BaseModel)

_FIGURE_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "maxLength": MAX_TEXT}]
}
_SCHEMAS: dict[InputKind, dict[str, Any]] = {
    InputKind.COUNT: _FIGURE_SCHEMA,
    InputKind.QUANTITY: _FIGURE_SCHEMA,
    InputKind.FLAG: {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["true", "false"]}]},
    InputKind.SET: {"type": "array", "items": {"type": "string"}},
}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _checker(spec: InputSpec) -> Callable[[object], object]:
    def check(value: object) -> object:
        if _blank(value):
            return None  # not given: the table's default applies
        if spec.kind in (InputKind.COUNT, InputKind.QUANTITY) and (
            isinstance(value, bool) or not isinstance(value, int | Decimal | str)
        ):
            raise ValueError(
                msg(
                    "must be a number, or a figure as text such as {example}",
                    example="约5000, 五千",
                )
            )
        try:
            coerce_one(spec, value)
        except InputError as error:
            raise ValueError(error.message) from None
        return value

    return check


def _description(spec: InputSpec) -> str:
    unit = f", in {spec.unit}" if spec.unit else ""
    default = "" if spec.default is None else f"; default {spec.default!r}"
    return f"{spec.label} ({spec.kind.value}{unit}{default})"


def _input_field(spec: InputSpec) -> Any:
    kind = Annotated[
        object | None, PlainValidator(_checker(spec)), WithJsonSchema(_SCHEMAS[spec.kind])
    ]
    return (kind, Field(default=None, description=_description(spec)))


def grading_inputs(pack: Pack) -> dict[str, InputSpec]:
    return dict(pack.table(GRADE_TABLE).inputs)


def _model(pack: Pack, base: type[Body], name: str, extra: dict[str, Any]) -> type[Body]:
    specs = grading_inputs(pack)
    clash = sorted(set(specs) & set(base.model_fields))
    if clash:
        problem = (
            f"pack {pack.id}: inputs {clash} clash with the fields of {name}"  # i18n: not shown
        )
        raise ValueError(problem)
    fields = {n: _input_field(s) for n, s in specs.items()} | extra
    return create_model(name, __base__=base, __doc__=base.__doc__, **fields)


def _causes_checker(spec: InputSpec) -> Callable[[object], list[str]]:
    def check(value: object) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError(msg("must be a list of cause codes"))
        try:
            coerce_one(spec, value)
        except InputError as error:
            raise ValueError(error.message) from None
        return list(dict.fromkeys(value))

    return check


def report_model(pack: Pack) -> type[ReportBody]:
    """The first-report body: ReportBody plus the pack's grading inputs; causes are checked
    against the cause vocabulary of the routing table."""
    extra: dict[str, Any] = {}
    route = pack.tables.get(ROUTE_TABLE)
    if route is not None and "causes" in route.inputs:
        spec = route.inputs["causes"]
        codes = sorted(spec.vocabulary)
        causes = Annotated[
            list[str],
            PlainValidator(_causes_checker(spec)),
            WithJsonSchema({"type": "array", "items": {"type": "string", "enum": codes}}),
        ]
        extra["causes"] = (
            causes,
            Field(default_factory=list, description=f"Cause codes: {', '.join(codes)}"),
        )
    return _model(pack, ReportBody, "IncidentReport", extra)


def follow_up_model(pack: Pack) -> type[FollowUpBody]:
    return _model(pack, FollowUpBody, "FollowUpReport", {})


def given_inputs(body: BaseModel, pack: Pack) -> dict[str, Any]:
    """The grading inputs the body gives (a blank or null one is not given)."""
    values = body.model_dump(include=set(grading_inputs(pack)))
    return {name: value for name, value in values.items() if value is not None}
