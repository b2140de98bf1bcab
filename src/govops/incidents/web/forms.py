"""Reading the submitted forms: every field checked on the server, every problem reported
next to its field (a message, said in the page's language). Nothing here stores anything."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from govops.incidents.model.incident import Stage
from govops.incidents.model.intake import REQUIRED as MISSING
from govops.incidents.model.intake import (
    REQUIRED_TO_CLOSE,
    AfterAction,
    IncidentInputError,
    Intake,
)
from govops.lawcode.dated.bounds import out_of_range
from govops.lawcode.figures.zh import MAX_TEXT as FIGURE_LIMIT
from govops.lawcode.rules.inputs import InputError, InputKind, coerce_one
from govops.lawcode.rules.tables import RuleTable
from govops.lawcode.texts.messages import Message, Text, msg, msg_n
from govops.platform.sizes import LONG_TEXT, SHORT_TEXT

Fields = Mapping[str, list[str]]  # a submitted form: each name with its values
Errors = dict[str, Message]  # field name -> message shown next to it
REQUIRED = msg("required")
CHOICE = msg("not one of the choices")

# A form accepts what the API accepts (platform.sizes), and the templates' maxlength says so.
LIMITS = {
    "township": SHORT_TEXT,
    "place": SHORT_TEXT,
    "summary": LONG_TEXT,
    "note": LONG_TEXT,
}
CLOSE_FIELDS = ("loss_assessment", "causes", "lessons", "rectification")
CLOSE_LIMIT = LONG_TEXT
PAGE_LIMITS = LIMITS | {"close": CLOSE_LIMIT, "figure": FIGURE_LIMIT}  # for the templates
FIGURE_KINDS = (InputKind.COUNT, InputKind.QUANTITY)
CLOCK_SKEW = timedelta(minutes=5)  # an occurrence this far ahead of the clock is accepted


def first(fields: Fields, name: str) -> str:
    values = fields.get(name) or [""]
    return values[0].strip()


def text_field(fields: Fields, name: str, errors: Errors, *, required: bool = True) -> str:
    value = first(fields, name)
    limit = LIMITS.get(name, CLOSE_LIMIT)
    if required and not value:
        errors[name] = REQUIRED
    elif len(value) > limit:
        errors[name] = msg_n("at most {count} character", "at most {count} characters", limit)
    return value


@dataclass(frozen=True, slots=True)
class IntakeResult:
    intake: Intake | None
    errors: Errors


def read_intake(
    fields: Fields, timezone: str, table: RuleTable, causes: set[str], now: datetime
) -> IntakeResult:
    errors: Errors = {}
    occurred_at = read_time(first(fields, "occurred_at"), timezone, now, errors)
    raw_obtained = first(fields, "obtained_at")  # blank: when it occurred (5.2)
    obtained_at = (
        read_time(raw_obtained, timezone, now, errors, "obtained_at") if raw_obtained else None
    )
    township = text_field(fields, "township", errors)
    place = text_field(fields, "place", errors)
    summary = text_field(fields, "summary", errors)
    stage = first(fields, "stage") or Stage.INCIDENT.value
    if stage not in {s.value for s in Stage}:
        errors["stage"] = CHOICE
    chosen = [c for c in fields.get("causes", []) if c]
    if any(c not in causes for c in chosen):
        errors["causes"] = CHOICE
    inputs = read_figures(fields, table, errors)
    if errors or occurred_at is None:
        return IntakeResult(None, errors)
    try:
        intake = Intake(
            occurred_at, place, township, summary, Stage(stage), tuple(chosen), inputs, obtained_at
        )
    except IncidentInputError as error:
        errors.update(service_error(error, table))
        return IntakeResult(None, errors)
    return IntakeResult(intake, errors)


def read_time(
    raw: str, timezone: str, now: datetime, errors: Errors, name: str = "occurred_at"
) -> datetime | None:
    """A time as a datetime-local field sends it (2026-06-01T09:30), read in the pack's
    time zone; a time with an offset is taken as given. A refusal goes to field `name`."""
    if not raw:
        errors[name] = REQUIRED
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        errors[name] = msg("not a time; use {example}", example="2026-06-01 09:30")
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone))
    refused = out_of_range(moment)
    if refused is not None:
        errors[name] = refused
        return None
    if moment > now + CLOCK_SKEW:
        errors[name] = msg("cannot be later than now")
        return None
    return moment


def read_figures(
    fields: Fields,
    table: RuleTable,
    errors: Errors,
    current: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Grading inputs as typed. Figures left blank are not given (the first report takes
    the table's default, a follow-up keeps the earlier figure). Flags are ticked boxes; in
    a follow-up (with `current`) only flags whose box changed are given."""
    inputs: dict[str, Any] = {}
    for name, spec in table.inputs.items():
        if spec.kind in FIGURE_KINDS:
            raw = first(fields, name)
            if not raw:
                continue
            try:
                coerce_one(spec, raw)
            except InputError as error:
                errors[name] = _not_accepted(error.message)
                continue
            inputs[name] = raw
        elif spec.kind is InputKind.FLAG:
            ticked = bool(first(fields, name))
            if current is None:
                if ticked:
                    inputs[name] = True
            elif "flags_shown" in fields and ticked != is_set(current.get(name)):
                inputs[name] = ticked
    return inputs


def is_set(value: object) -> bool:
    """A flag as stored with the report's inputs: True, or the text 'true'."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


@dataclass(frozen=True, slots=True)
class FollowUpResult:
    inputs: dict[str, Any]
    note: str
    errors: Errors
    becomes_incident: bool = False  # warning-stage information that has now happened


def read_follow_up(fields: Fields, table: RuleTable, current: Mapping[str, Any]) -> FollowUpResult:
    errors: Errors = {}
    inputs = read_figures(fields, table, errors, current)
    note = text_field(fields, "note", errors, required=False)
    becomes_incident = bool(fields.get("becomes_incident"))
    if not errors and not inputs and not note and not becomes_incident:
        errors["note"] = msg("give new figures or a note")
    return FollowUpResult(inputs, note, errors, becomes_incident)


def read_after_action(fields: Fields, errors: Errors) -> AfterAction | None:
    values = {name: text_field(fields, name, errors) for name in CLOSE_FIELDS}
    if any(name in errors for name in CLOSE_FIELDS):
        return None
    try:
        return AfterAction(**values)
    except IncidentInputError as error:
        errors.update(service_error(error))
        return None


def _not_accepted(detail: Text) -> Message:
    return msg("figure not accepted: {detail}", detail=detail)


def service_error(error: IncidentInputError, table: RuleTable | None = None) -> Errors:
    """The service's own refusal of a field, as the form says it next to the field."""
    if error.message.id in (MISSING.id, REQUIRED_TO_CLOSE.id):
        return {error.field: REQUIRED}
    if table is not None and error.field in table.inputs:
        return {error.field: _not_accepted(error.message)}
    return {error.field: error.message}
