"""What every module's API shares in its bodies: request bodies that refuse unknown fields,
aware times and days within the dates the system keeps (`lawcode.dated.bounds`), bounded
texts, the actor, and RFC 9457 problem documents."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema

from govops.lawcode.dated.bounds import out_of_range
from govops.lawcode.texts.messages import msg
from govops.platform.sizes import LONG_TEXT, SHORT_TEXT

EXAMPLE_TIME = "2026-06-01T09:30:00+08:00"

# The validators raise ValueError carrying a Message; problems.py translates it per request.


def _aware_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError(
            msg("must be a date and time as text in ISO 8601, e.g. {example}", example=EXAMPLE_TIME)
        )
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            msg(
                "is not an ISO 8601 date and time: {value}; e.g. {example}",
                value=repr(value),
                example=EXAMPLE_TIME,
            )
        ) from None
    if parsed.tzinfo is None:
        raise ValueError(
            msg(
                "needs a UTC offset (a time without one is ambiguous), e.g. {example}",
                example=EXAMPLE_TIME,
            )
        )
    return _kept(parsed)


Moment = TypeVar("Moment", date, datetime)


def _kept(value: Moment) -> Moment:
    refused = out_of_range(value)
    if refused is not None:
        raise ValueError(refused)
    return value


def _required(value: str) -> str:
    if not value:
        raise ValueError(msg("is required"))
    return value


AwareTime = Annotated[
    datetime,
    PlainValidator(_aware_time),
    WithJsonSchema({"type": "string", "format": "date-time", "examples": [EXAMPLE_TIME]}),
]
Day = Annotated[date, AfterValidator(_kept)]  # YYYY-MM-DD, a date the system keeps
ShortText = Annotated[str, Field(max_length=SHORT_TEXT), AfterValidator(_required)]
LongText = Annotated[str, Field(max_length=LONG_TEXT), AfterValidator(_required)]
Item = Annotated[str, Field(max_length=SHORT_TEXT)]  # one of a list: a name, a code
Note = Annotated[str, Field(max_length=LONG_TEXT)]  # a long text that may be left empty


class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FieldProblem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document (application/problem+json)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    code: str | None = None
    errors: list[FieldProblem] | None = None
