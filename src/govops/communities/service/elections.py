"""An election's steps (slide 42) as use cases: each step decided by the election's guards
(`model.election_case`) on the community as recorded, and appended to the community's
chained stream as an `election` event carrying the actor and the server's time. Reading an
election, its audit record and who signed in for each round."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from govops.communities.model.election import Step, election_procedure
from govops.communities.model.election_case import (
    ElectionCase,
    decide_step,
    elections,
    who_voted,
)
from govops.communities.model.election_fields import step_of, voters
from govops.communities.model.registry import Community, Event, EventKind, RegistryInputError
from govops.communities.model.registry_fold import Folding
from govops.communities.service.members_import import (
    ImportRefusedError,
    RowError,
    flag_of,
)
from govops.communities.service.registry import RegistryService
from govops.lawcode.texts.messages import msg

VOTER_COLUMNS = ("id", "name", "birth_date", "resident", "deprived")


class UnknownElectionError(LookupError):
    """No election of that id in the community (the API answers 404)."""

    def __init__(self, community: str, election: str) -> None:
        super().__init__(f"{community}/{election}")
        self.message = msg("no election {id} in {community}", id=election, community=community)


def voter_row(line: int, cells: Mapping[str, str]) -> dict[str, Any]:
    """A register row from a sheet's cells, with its line; RegistryInputError names the
    column."""
    unknown = sorted(set(cells) - set(VOTER_COLUMNS))
    if unknown:
        raise RegistryInputError(
            unknown[0],
            msg("is not a column here (columns: {known})", known=", ".join(VOTER_COLUMNS)),
        )
    row: dict[str, Any] = {"line": line}
    for column in ("id", "name", "birth_date"):
        row[column] = cells.get(column, "").strip() or None
    for column in ("resident", "deprived"):
        said = cells.get(column, "").strip()
        if said:
            row[column] = flag_of(column, said)
    try:
        return voters("voter", [row])[0]  # each cell as the step checks it
    except RegistryInputError as error:  # named by its column, the row being the line
        raise RegistryInputError(error.field.removeprefix("voter[1]."), error.message) from None


class ElectionService:
    def __init__(self, registry: RegistryService) -> None:
        self._registry = registry

    def record_step(self, community: str, step: str, data: Mapping[str, Any], actor: str) -> Event:
        """One step; RegistryInputError naming a field, StepRefusedError for a rule."""
        steps = [(step, data)]
        decided = self._registry.append_decided(
            community, lambda current, now: self.step_events(current, steps, actor, now)
        )
        return decided[0]

    def step_events(
        self,
        community: Community,
        steps: Sequence[tuple[str, Mapping[str, Any]]],
        actor: str,
        now: datetime,
    ) -> list[Event]:
        """The events of `steps` taken in turn, each decided on the community the ones
        before it leave (to be appended at once)."""
        folding = Folding(community)
        events: list[Event] = []
        for step, data in steps:
            current = folding.community()
            found = step_of(step)
            decided = decide_step(current, found, data, self._registry.pack, now.date())
            event = Event(
                current.code, current.version + 1, EventKind.ELECTION, decided, actor, now
            )
            folding.add(event)
            events.append(event)
        return events

    def import_voters(
        self,
        community: str,
        election: str,
        rows: Iterable[tuple[int, Mapping[str, str]]],
        actor: str,
    ) -> Event:
        """Step 2 from a sheet's rows (columns id, name, birth_date, resident, deprived:
        yes/no): every row's cells checked first, each refused one reported with its line
        and column, and then nothing is stored; the rows that hold are registered, those
        the law excludes (under 18 on the day, ...) recorded with why."""
        found: list[dict[str, Any]] = []
        errors: list[RowError] = []
        for line, cells in rows:
            try:
                found.append(voter_row(line, cells))
            except RegistryInputError as error:
                errors.append(RowError(line, error.field, error.message))
        if not found and not errors:
            raise ImportRefusedError([RowError(0, "-", msg("no rows to import"))])
        if errors:
            raise ImportRefusedError(errors)
        data = {"election": election, "voters": found}
        return self.record_step(community, Step.VOTER_REGISTRATION.value, data, actor)

    def all(self, community: str) -> dict[str, ElectionCase]:
        procedure = election_procedure(self._registry.pack)
        return elections(self._registry.get(community), procedure)

    def get(self, community: str, election: str) -> ElectionCase:
        found = self.all(community).get(election)
        if found is None:
            raise UnknownElectionError(community, election)
        return found


def election_out(case: ElectionCase) -> dict[str, Any]:
    """An election as JSON: its id, committee, seats, day, steps done, next step, elected."""
    waited = case.next_step()
    return {
        "id": case.id,
        "organisation": case.organisation,
        "seats": case.seats,
        "day": case.day.isoformat(),
        "done": [s.value for s in case.done],
        "next": waited.value if waited else None,
        "voters": len(case.register),
        "slate": list(case.slate),
        "elected": list(case.elected()),
        "unfilled": case.unfilled(),
    }


def voted_csv(case: ElectionCase) -> str:
    """Who signed in for each round, as CSV (id, name, rounds). A cell that a spreadsheet
    would run as a formula (=, +, -, @ first) is written after an apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "rounds"])
    for row in who_voted(case):
        rounds = " ".join(str(r) for r in row["voted"])
        writer.writerow([_inert(row["id"]), _inert(row["name"]), rounds])
    return out.getvalue()


def _inert(cell: str) -> str:
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@") else cell


__all__ = ["ElectionService", "Step", "UnknownElectionError", "election_out", "voted_csv"]
