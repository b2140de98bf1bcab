"""What every module's API shares in its bodies: request bodies that refuse unknown fields,
aware times, bounded texts, the actor, and RFC 9457 problem documents."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema

from govops.lawcode.texts.messages import msg

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
    return parsed


def _required(value: str) -> str:
    if not value:
        raise ValueError(msg("is required"))
    return value


AwareTime = Annotated[
    datetime,
    PlainValidator(_aware_time),
    WithJsonSchema({"type": "string", "format": "date-time", "examples": [EXAMPLE_TIME]}),
]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_required)]
LongText = Annotated[str, Field(max_length=10_000), AfterValidator(_required)]
Actor = Annotated[
    str | None,
    Field(
        default=None,
        max_length=100,
        description="Who files this; may be given in the X-Actor header instead.",
    ),
]


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
