"""Request and response bodies of the incident API: Pydantic models, apart from the domain's
dataclasses. The grading inputs of a report come from the pack (see `api.inputs`)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, PlainValidator
from pydantic.json_schema import SkipJsonSchema

from govops.incidents.model.incident import Stage, Status
from govops.lawcode.texts.messages import msg
from govops.platform.api.schemas import AwareTime, LongText, Note, RequestBody, ShortText

Text = dict[str, str]  # language tag -> text


def _signed_in_user(value: object) -> None:
    raise ValueError(msg("is the signed-in user (the session or the API token); leave it out"))


# Clients no longer name the actor: the events name the signed-in user. An `actor` an
# older client still sends is refused (422) rather than ignored, so that a client that
# meant to file in someone else's name learns it no longer can. Not in the OpenAPI document.
ClientActor = Annotated[
    SkipJsonSchema[None], PlainValidator(_signed_in_user), Field(default=None, exclude=True)
]


class ReportBody(RequestBody):
    """A first report. The grading inputs of the pack's grade table are fields too."""

    occurred_at: AwareTime = Field(
        description="When it happened: ISO 8601 with a UTC offset; a time without one is "
        "refused (422), as the offset cannot be guessed."
    )
    obtained_at: AwareTime | None = Field(
        None,
        description="When the township obtained the information (5.2: its report to the "
        "county is due within the hour of it); by default, when it happened.",
    )
    place: ShortText
    township: ShortText
    summary: LongText
    stage: Stage = Field(
        Stage.INCIDENT,
        description="'incident' (6) or 'warning' for warning-stage information (5.2)",
    )
    causes: list[str] = Field(default_factory=list, description="Codes of the cause vocabulary.")
    actor: ClientActor = None


class FollowUpBody(RequestBody):
    """A follow-up report (续报): figures given replace the earlier ones; others are kept."""

    note: Note = ""
    actor: ClientActor = None
    stage: Literal[Stage.INCIDENT] | None = Field(
        None,
        description="'incident' when warning-stage information has become an incident: "
        "the incident-stage deadlines start then",
    )


class CloseBody(RequestBody):
    """The after-action record of 6.1.5."""

    loss_assessment: LongText
    causes: LongText
    lessons: LongText
    rectification: LongText
    actor: ClientActor = None


class EmptyBody(RequestBody):
    """Ticking off an action or a deadline needs no body; an older client's `actor` is
    refused as in the other bodies."""

    actor: ClientActor = None


class Department(BaseModel):
    code: str
    name: str
    name_en: str
    cite: str


class DeadlineOut(BaseModel):
    id: str
    title: Text
    cite: str
    due: datetime
    provisional: bool = Field(description="Counted through a year whose holidays are unpublished.")
    met_at: datetime | None
    late_minutes: int | None = Field(
        description="How many minutes after it was due the report was made (null: not made, "
        "or in time); a part of a minute counts as a minute."
    )
    overdue: bool


class ActionOut(BaseModel):
    id: str
    text: Text
    actor: Text
    cite: str
    done_at: datetime | None
    done_by: str | None


class ReportOut(BaseModel):
    number: int = Field(description="0 for the first report, then 1, 2, ... for follow-ups")
    at: datetime
    actor: str
    grade: str | None
    note: str
    inputs: dict[str, Any] = Field(description="The figures as given (约5000 stays 约5000)")
    decision: dict[str, Any] = Field(
        description="The explained grading: outcome, fired, citations, inputs, trace, why_not"
    )


class RegradeOut(BaseModel):
    at: datetime
    actor: str
    before: str | None
    after: str | None
    reason: str


class ClosureOut(BaseModel):
    loss_assessment: str
    causes: str
    lessons: str
    rectification: str
    closed_at: datetime
    closed_by: str


class IncidentSummary(BaseModel):
    id: str
    status: Status
    stage: Stage
    grade: str | None
    place: str
    township: str
    summary: str
    occurred_at: datetime
    obtained_at: datetime = Field(description="When the information was obtained (5.2)")
    reported_at: datetime
    overdue: bool = Field(description="A deadline has passed and is not met")
    next_due: datetime | None = Field(description="The earliest deadline not met yet")
    open_actions: int


class IncidentOut(IncidentSummary):
    causes: list[str]
    pack: str
    version: int = Field(description="The number of events recorded")
    departments: list[Department]
    deadlines: list[DeadlineOut]
    actions: list[ActionOut]
    reports: list[ReportOut]
    regrades: list[RegradeOut]
    closure: ClosureOut | None


class IncidentList(BaseModel):
    count: int
    incidents: list[IncidentSummary]
