"""Who may read and record cadre records and selection cases, in one place for the API, the
pages and the commands.

Cadre records and selection cases belong to the unit running the pack cn-cadre-selection
(the topmost one: in the demonstration, the university's organisation department); a
grant at that unit or above it reaches them. Where no unit runs the pack they belong to
the root of a single-rooted tree (as `platform.api.auth.at_unit` treats a record without a
unit), and to no one in a tree with several roots.

- Reading outside one's units is answered as the record being unknown (the caller raises
  its own not-found error), so that nothing outside them is even confirmed; a list is
  empty.
- Recording outside them, while holding the permission elsewhere, is NotAllowedError (403).
- The committee decides (Art. 29): only a member of the case's committee records the
  decision. The dossier (考察材料) is kept to the selection team and the committee (Art. 26,
  48(4)): `dossier_events`. A member is named in the case as they are known: by user name
  or by the name shown on pages.
- Each reading of a dossier is put on record through a ReadingLog (the accounts' access
  record, hash-chained)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from govops.cadres.model.registry import Cadre
from govops.cadres.model.selection import AccessDeniedError, Case, Event, dossier
from govops.cadres.model.steps import Step
from govops.cadres.service.registry import CadreNotFoundError, RegistryService
from govops.cadres.service.selection import SelectionNotFoundError, SelectionService
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree

CADRE_PACK = "cn-cadre-selection"
CADRE_READ = "cadre.read"
CADRE_RECORD = "cadre.record"
CADRE_SCREEN = "cadre.screen"
SELECTION_READ = "selection.read"
SELECTION_RUN = "selection.run"
SELECTION_DECIDE = "selection.decide"
DOSSIER_READ = "dossier.read"
DECISION_ARTICLE = "29"  # 校党委会集体讨论做出任免决定
DOSSIER_ARTICLE = "48(4)"  # 不准私自泄露...考察...等有关情况
DOSSIER_READING = "dossier"  # what a reading of the dossier is recorded as
T = TypeVar("T")


class NotAllowedError(PermissionError):
    """A signed-in actor who may not do this here (answered 403); `message` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class ReadingLog(Protocol):
    """Where readings are put on record (the accounts' access record)."""

    def record_reading(self, actor: Actor, unit: str | None, subject: str, what: str) -> None: ...


def holding(actor: Actor, *codes: str) -> None:
    """The commands' counterpart of a route's rule (`permission(*codes)`): NotAllowedError
    unless the actor holds one of `codes` at some unit."""
    if not any(actor.can(code) for code in codes):
        raise NotAllowedError(
            msg("you do not hold the permission {permission}", permission=" | ".join(codes))
        )


def office(tree: UnitTree) -> str | None:
    """The unit cadre records and selection cases belong to (see the module's docstring)."""
    running = tree.running(CADRE_PACK)
    if running:
        return running[0]
    roots = tree.roots()
    return roots[0] if len(roots) == 1 else None


def acting_unit(actor: Actor, code: str) -> str | None:
    """The unit the actor acts in to do `code` on cadre records and cases; None when no
    grant of theirs reaches them."""
    place = office(actor.tree)
    return actor.acting_unit(code, place) if place is not None else None


def scoped(actor: Actor, code: str, records: Iterable[T]) -> list[T]:
    """The records the actor may see with `code`: all of them, or none."""
    return list(records) if acting_unit(actor, code) is not None else []


def not_held(actor: Actor, code: str) -> NotAllowedError:
    """The refusal of one who holds `code`, but not where the records are."""
    return NotAllowedError(
        msg(
            "you do not hold the permission {permission} at {unit}",
            permission=code,
            unit=office(actor.tree) or "-",
        )
    )


def writing_unit(actor: Actor, code: str) -> str:
    """The unit the actor records in with `code`; NotAllowedError where they may not."""
    unit = acting_unit(actor, code)
    if unit is None:
        raise not_held(actor, code)
    return unit


def signature(actor: Actor, code: str) -> str:
    """How an event recorded with `code` names the actor: `username@unit`."""
    return actor.signature(writing_unit(actor, code))


def member_name(actor: Actor, names: Iterable[str]) -> str | None:
    """The name under which `names` hold the actor (user name first), if any."""
    held = set(names)
    return next((n for n in (actor.username, actor.display_name) if n and n in held), None)


COMMITTEE_STEPS = (Step.DECISION, Step.RECONSIDERATION)  # the committee's own (29, 30)
REGISTRY_STEPS = (Step.APPOINTMENT, Step.PROBATION_END)  # also need cadre.record


def on_case(actor: Actor, case: Case) -> bool:
    """Whether the actor is on the case's selection team or committee."""
    return member_name(actor, case.team | case.committee) is not None


def step_code(step: Step) -> str:
    """The permission a step needs: the committee's decision and its consent to reconsider
    their own, the others running."""
    return SELECTION_DECIDE if step in COMMITTEE_STEPS else SELECTION_RUN


def check_decider(actor: Actor, case: Case) -> None:
    """Only a member of the case's committee records its decision (Art. 29)."""
    if member_name(actor, case.committee) is None:
        cite = Citation(case.event(Step.MOTION).data["document"], DECISION_ARTICLE)
        raise NotAllowedError(
            msg(
                "only the committee of case {case} decides ({cite}); {name} is not a member",
                case=case.id,
                cite=str(cite),
                name=repr(actor.display_name or actor.username),
            )
        )


def dossier_events(actor: Actor, case: Case) -> tuple[Event, ...]:
    """The dossier, for a member of the selection team or the committee; AccessDeniedError
    otherwise, citing the discipline that keeps the investigation undisclosed (48(4))."""
    name = member_name(actor, case.team | case.committee)
    if name is None:
        cite = Citation(case.event(Step.MOTION).data["document"], DOSSIER_ARTICLE)
        raise AccessDeniedError(
            msg(
                "the dossier of case {case} is for its selection team and committee only "
                "({cite}); {name} is on neither",
                case=case.id,
                cite=str(cite),
                name=repr(actor.display_name or actor.username),
            )
        )
    return dossier(case, name)


# The use cases as an actor reaches them (the API, the pages and the commands call these).


def visible_cadre(registry: RegistryService, person_id: str, actor: Actor) -> Cadre:
    """A cadre the actor may read (cadre.read); CadreNotFoundError, as for an unknown one,
    outside their units."""
    if acting_unit(actor, CADRE_READ) is None:
        raise CadreNotFoundError(msg("no cadre {cadre}", cadre=repr(person_id)))
    return registry.get(person_id)


def visible_cases(selections: SelectionService, actor: Actor) -> list[Case]:
    """The cases the actor may see (selection.read), the latest motion first."""
    if acting_unit(actor, SELECTION_READ) is None:
        return []
    return selections.cases()


def visible_case(selections: SelectionService, case_id: str, actor: Actor) -> Case:
    """A case the actor may see, without its dossier; SelectionNotFoundError, as for an
    unknown case, outside their units."""
    if acting_unit(actor, SELECTION_READ) is None:
        raise SelectionNotFoundError(case_id)
    return selections.get(case_id)


def step_signature(
    selections: SelectionService, actor: Actor, step: Step, case_id: str | None = None
) -> str:
    """Who records `step` of the case (`case_id`; none for the motion): `username@unit`.
    NotAllowedError without the step's permission at the cases' unit (and cadre.record
    for the steps that write the registry), or for a decision recorded by someone not on
    the case's committee."""
    unit = writing_unit(actor, step_code(step))
    if step in REGISTRY_STEPS:  # they write the post into the registry too (selection_posts)
        writing_unit(actor, CADRE_RECORD)
    if step in COMMITTEE_STEPS and case_id is not None:
        check_decider(actor, selections.get(case_id))
    return actor.signature(unit)


@dataclass(frozen=True)
class Dossier:
    """A dossier as one reader was given it: `reader` is how the reading is recorded."""

    case: Case
    events: tuple[Event, ...]
    reader: str  # username@unit


def read_dossier(
    selections: SelectionService, case_id: str, actor: Actor, log: ReadingLog
) -> Dossier:
    """The case and its dossier, for a member of its selection team or committee holding
    dossier.read at the cases' unit; the reading is put on record before it is given.
    SelectionNotFoundError where the actor may not even see the case, NotAllowedError
    without dossier.read there, AccessDeniedError for one on neither team nor committee."""
    unit = acting_unit(actor, DOSSIER_READ)
    if unit is None and acting_unit(actor, SELECTION_READ) is None:
        raise SelectionNotFoundError(case_id)
    case = selections.get(case_id)
    if unit is None:  # the case is visible to them, its dossier is not
        raise not_held(actor, DOSSIER_READ)
    events = dossier_events(actor, case)
    log.record_reading(actor, unit, case_id, DOSSIER_READING)
    return Dossier(case, events, actor.signature(unit))
