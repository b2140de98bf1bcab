"""What the selection use cases accept from a caller: names and texts (trimmed, of a
bounded length, without control characters), declared kinships (Art. 43), counts, times
and members of the committee; each refusal is a SelectionInputError naming the field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from govops.cadres.model.people import Kinship, Relation
from govops.cadres.model.selection import Audit, Case, Departure, Findings, UnitKind
from govops.cadres.model.selection_findings import AFFILIATIONS
from govops.cadres.model.steps import ProcedureRules
from govops.lawcode.texts.messages import Text, msg

MAX_NAME, MAX_TEXT = 200, 10_000
MAX_AHEAD = timedelta(minutes=5)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class SelectionInputError(ValueError):
    """A field that cannot be accepted; the API answers 422 naming it. `message` says why
    (a Message, translated where shown; plain text only from the core's own errors)."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


class SelectionNotFoundError(LookupError):
    """No such selection case; args[0] is its id, `message` says so (translated where
    shown)."""

    def __init__(self, case_id: str) -> None:
        super().__init__(case_id)
        self.message = msg("no selection {case}", case=repr(case_id))


def checked_relation(index: int, relation: Relation) -> tuple[str, str, str]:
    a = checked_text(f"relations[{index}].a", relation.a)
    b = checked_text(f"relations[{index}].b", relation.b)
    if a == b:
        raise SelectionInputError(
            f"relations[{index}]", msg("{name} cannot be their own relative", name=repr(a))
        )
    try:
        kind = Kinship(relation.kind)
    except ValueError:
        kinds = ", ".join(Kinship)
        raise SelectionInputError(
            f"relations[{index}].kind", msg("is not one of {kinds}", kinds=kinds)
        ) from None
    return min(a, b), max(a, b), kind.value


def checked_names(field: str, names: Iterable[str]) -> frozenset[str]:
    return frozenset(checked_text(f"{field}[{i}]", name) for i, name in enumerate(names))


def checked_text(field: str, value: object, limit: int = MAX_NAME, required: bool = True) -> str:
    if not isinstance(value, str):
        raise SelectionInputError(field, msg("must be text, got {raw}", raw=repr(value)))
    text = value.strip()
    if required and not text:
        raise SelectionInputError(field, msg("is required"))
    if len(text) > limit:
        raise SelectionInputError(field, msg("is longer than {limit} characters", limit=limit))
    if _CONTROL.search(text):
        raise SelectionInputError(field, msg("contains a control character; remove it"))
    return text


def checked_counts(expected: int, attended: int, interviewed: int) -> None:
    """A recommendation's counts: none negative, attendance within those expected."""
    if expected < 0 or interviewed < 0:
        field = "expected" if expected < 0 else "interviewed"
        raise SelectionInputError(field, msg("must not be negative"))
    if not 0 <= attended <= expected:
        raise SelectionInputError(
            "attended",
            msg("{attended} is not 0 to {expected} expected", attended=attended, expected=expected),
        )


def checked_departure(departure: Departure | None) -> Departure | None:
    """A departure from an "as a rule" threshold: its reason and who approved it."""
    if departure is None:
        return None
    reason = checked_text("departure.reason", departure.reason, MAX_TEXT)
    return Departure(reason, checked_text("departure.approved_by", departure.approved_by))


def checked_findings(findings: Findings) -> Findings:
    """What the investigation gathered: each text trimmed and bounded (what is missing is
    the step's to refuse, with its article)."""
    texts = {
        name: checked_text(f"findings.{name}", getattr(findings, name), MAX_TEXT, required=False)
        for name in Findings.__dataclass_fields__
        if name not in ("audit", "personal_matters_verified")
    }
    audit = findings.audit
    if audit is not None:
        report = checked_text("findings.audit.report", audit.report, MAX_TEXT, required=False)
        reason = checked_text("findings.audit.reason", audit.reason, MAX_TEXT, required=False)
        audit = Audit(audit.due, report, reason)
    if texts["affiliation"] not in ("", *AFFILIATIONS):
        said = msg("is not one of {kinds}", kinds=", ".join(AFFILIATIONS))
        raise SelectionInputError("findings.affiliation", said)
    verified = findings.personal_matters_verified
    return Findings(**texts, audit=audit, personal_matters_verified=verified)


def checked_unit_kind(unit_kind: object, rules: ProcedureRules) -> UnitKind | None:
    """The kind of the candidate's unit, if given; needed where 23(1) and 23(2) differ."""
    teaching, offices = rules.investigation_min_consulted, rules.investigation_min_consulted_offices
    if unit_kind is not None:
        try:
            return UnitKind(str(unit_kind))
        except ValueError:
            said = msg("is not one of {kinds}", kinds=", ".join(UnitKind))
            raise SelectionInputError("unit_kind", said) from None
    if teaching.value != offices.value:
        raise SelectionInputError(
            "unit_kind",
            msg(
                "is needed: {teaching} and {offices} ask different numbers",
                teaching=str(teaching.cite),
                offices=str(offices.cite),
            ),
        )
    return None


def checked_when(at: datetime | None, now: datetime, zone: ZoneInfo) -> datetime:
    """When a step was done, in `zone`: `at` (with its offset, not ahead of the clock by
    more than MAX_AHEAD), or now."""
    if now.tzinfo is None:
        raise ValueError("the clock must give timezone-aware times")  # a bug
    if at is None:
        return now.astimezone(zone)
    if at.tzinfo is None or at.utcoffset() is None:
        raise SelectionInputError(
            "at", msg("needs a UTC offset, e.g. {example}", example="2026-06-01T09:30:00+08:00")
        )
    if at - now > MAX_AHEAD:
        raise SelectionInputError("at", msg("{at} is ahead of the clock ({now})", at=at, now=now))
    return at.astimezone(zone)


def committee_members(field: str, names: Iterable[str], case: Case) -> None:
    """Refuse names not on the case's committee."""
    strangers = sorted(set(names) - case.committee)
    if strangers:
        raise SelectionInputError(field, msg("not on the committee: {names}", names=str(strangers)))


def relations_of(case: Case) -> frozenset[Relation]:
    """The kinships declared with the motion and the investigation (43)."""
    declared = [r for e in case.events for r in e.data.get("relations", [])]
    return frozenset(Relation(r["a"], r["b"], Kinship(r["kind"])) for r in declared)


def declared(relations: Iterable[Relation]) -> list[dict[str, str]]:
    """Kinships as an event keeps them (`relations`), each checked."""
    pairs = sorted({checked_relation(i, r) for i, r in enumerate(relations)})
    return [{"a": a, "b": b, "kind": kind} for a, b, kind in pairs]
