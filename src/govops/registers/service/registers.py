"""The registers' use cases: the only code that commits. Rows of one kind are recorded into
a unit's registers all at once or not at all: each is read by its kind's fields, checked
against the registers as the rows before it leave them (`model.checks`), and appended as an
event numbered after the unit's last (a concurrent writer's event makes the append fail,
and the rows are checked again on the registers as they then are).

Who may do it is checked here, with the actor (`access`); the event carries the actor's
signature (`username@unit`) and the server's time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from govops.lawcode.dated.bounds import out_of_range
from govops.lawcode.plans.evaluation import ReportedFigure
from govops.lawcode.registers.rows import RowRefusal, read_row
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message, msg
from govops.platform.identity.actor import Actor
from govops.registers.model.board import Board, View, board, evaluation_figures, last_year
from govops.registers.model.checks import Context, as_data, problems
from govops.registers.model.records import FIELDS, Event, RecordKind
from govops.registers.model.state import RegisterState, fold
from govops.registers.ports import RegisterConflictError, RegisterUnitOfWork
from govops.registers.service.access import (
    BOARDS,
    KEEPING,
    boards,
    family,
    readable,
    signature,
    streets,
)

RETRIES = 5
MAX_ROWS = 20_000  # rows in one record: a district's year is far fewer
Rows = Iterable[tuple[int, Mapping[str, str]]]  # (line, cells by column)


class RowsRefusedError(ValueError):
    """Rows that may not be recorded, each with its line and column; nothing was kept."""

    def __init__(self, refused: list[RowRefusal]) -> None:
        super().__init__(f"{len(refused)} rows refused")
        self.refused = refused


class RecordInputError(ValueError):
    """An input refused before any row is read; `field` names it (the kind, the file, the
    day asked)."""

    def __init__(self, message: Message, field: str = "kind") -> None:
        super().__init__(str(message))
        self.message, self.field = message, field


def read_day(text: str, field: str = "on") -> date:
    """A day asked (YYYY-MM-DD), one the system keeps; RecordInputError naming `field`."""
    try:
        day = date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise RecordInputError(msg("{value} is no day (YYYY-MM-DD)", value=text), field)
    problem = out_of_range(day)
    if problem is not None:
        raise RecordInputError(problem, field)
    return day


@dataclass(frozen=True, slots=True)
class Recorded:
    unit: str
    kind: RecordKind
    events: tuple[Event, ...]


class RegisterService:
    def __init__(
        self,
        unit_of_work: Callable[[], RegisterUnitOfWork],
        clock: Callable[[], datetime],
        pack: Pack,
    ) -> None:
        """`pack` (cn-xicheng-em-14fyp) gives the indicators, the cadences, the duty roles,
        the reserves' coverage and the local time zone."""
        self._uow, self._clock, self.pack = unit_of_work, clock, pack
        self.zone = ZoneInfo(pack.timezone)

    def boards(self, actor: Actor) -> list[str]:
        """The units whose boards the actor may read, topmost first."""
        return boards(actor, self.pack.id)

    def may_record(self, actor: Actor, unit: str) -> str:
        """The signature the actor records with in the unit's registers (checked before an
        upload is read); RegisterNotFoundError or NotAllowedError."""
        return signature(actor, unit, self.pack.id)

    def today(self) -> date:
        return self._clock().astimezone(self.zone).date()

    def record(self, actor: Actor, unit: str, kind: str, rows: Rows) -> Recorded:
        """The rows as events of `unit`'s registers; RowsRefusedError with every refusal."""
        signed = signature(actor, unit, self.pack.id)
        try:
            record_kind = RecordKind(kind)
        except ValueError:
            choices = ", ".join(k.value for k in RecordKind)
            raise RecordInputError(
                msg("{value} is not one of {choices}", value=kind, choices=choices)
            ) from None
        wanted = list(rows)
        if len(wanted) > MAX_ROWS:
            raise RecordInputError(msg("more than {limit} rows", limit=MAX_ROWS), "file")
        units = family(actor.tree, unit)
        kinds = {code: actor.tree.get(code).kind for code in units}
        for _ in range(RETRIES):
            now = self._clock()
            with self._uow() as uow:
                state = fold(uow.registers.events(units))
                seq = uow.registers.last_seq(unit)
                context = Context(self.pack, unit, kinds, state)
                events = self._decide(record_kind, wanted, context, seq, signed, now)
                try:
                    uow.registers.append(events)
                    uow.commit()
                except RegisterConflictError:
                    continue
            return Recorded(unit, record_kind, tuple(events))
        raise RegisterConflictError("the registers are being changed by others")

    def _decide(
        self,
        kind: RecordKind,
        rows: list[tuple[int, Mapping[str, str]]],
        context: Context,
        seq: int,
        actor: str,
        now: datetime,
    ) -> list[Event]:
        fields = FIELDS[kind]
        known = {f.name for f in fields}
        events: list[Event] = []
        refused: list[RowRefusal] = []
        for line, cells in rows:
            stray = sorted(c for c, v in cells.items() if v.strip() and c not in known)
            found = [
                RowRefusal(line, c, msg("no such column for {kind}", kind=kind.value))
                for c in stray
            ]
            values, unread = read_row(line, cells, fields, self.zone)
            found += unread
            if not found:
                found += [RowRefusal(line, c, m) for c, m in problems(kind, values, context)]
            refused += found
            if found:
                continue
            event = Event(context.unit, seq + len(events) + 1, kind, as_data(values), actor, now)
            fold([event], context.state)
            events.append(event)
        if refused:
            raise RowsRefusedError(refused)
        return events

    def state(self, actor: Actor, unit: str) -> tuple[RegisterState, list[Event]]:
        """The registers of `unit` and every unit below it, with their events."""
        events = self._events(actor, unit)
        return fold(events), events

    def board(self, actor: Actor, unit: str, on: date | None = None) -> Board:
        """The unit's dashboard on `on` (today, in the pack's zone, when not given)."""
        return self.overview(actor, unit, on)[0]

    def overview(
        self, actor: Actor, unit: str, on: date | None = None
    ) -> tuple[Board, dict[RecordKind, int]]:
        """The board of `unit` (a district or a street) on `on`, and how many records of
        each kind its registers and those below hold: the events read once."""
        events = self._events(actor, unit, BOARDS)
        district = actor.tree.get(unit).kind == "district"
        view = View(unit, streets(actor.tree, unit), district, on or self.today(), self.zone)
        return board(self.pack, fold(events), view), _counted(events)

    def evaluation(self, actor: Actor, unit: str, on: date | None = None) -> list[ReportedFigure]:
        """The figures of the plan's evaluation of `unit` (a district or a street) up to the
        last whole year on `on` (today when not given)."""
        state = fold(self._events(actor, unit, BOARDS))
        return evaluation_figures(self.pack, state, unit, last_year(on or self.today()))

    def rows(self, actor: Actor, unit: str, kind: RecordKind) -> list[dict[str, Any]]:
        """Every record of `kind` in `unit`'s registers and below, as recorded: its fields,
        its unit, who recorded it and when (an export, under `export_columns(kind)`)."""
        return [record_row(e) for e in self.records(actor, unit, kind)]

    def records(self, actor: Actor, unit: str, kind: RecordKind) -> list[Event]:
        """Every record of `kind` in `unit`'s registers and below, in the order recorded."""
        return [e for e in self._events(actor, unit) if e.kind is kind]

    def _events(self, actor: Actor, unit: str, kinds: tuple[str, ...] = KEEPING) -> list[Event]:
        """The events of `unit` and every unit below it, once the actor may read them."""
        readable(actor, unit, self.pack.id, kinds)
        with self._uow() as uow:
            return uow.registers.events(actor.tree.below(unit))


def record_row(event: Event) -> dict[str, Any]:
    """A record as `rows` gives it: its fields, its unit, who recorded it and when."""
    return {
        "unit": event.unit,
        **event.data,
        "recorded_by": event.actor,
        "recorded_at": event.recorded_at.isoformat(),
    }


def _counted(events: Iterable[Event]) -> dict[RecordKind, int]:
    found = dict.fromkeys(RecordKind, 0)
    for event in events:
        found[event.kind] += 1
    return found
