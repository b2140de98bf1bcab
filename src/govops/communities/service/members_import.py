"""Members of a community imported from rows of a sheet (CSV or XLSX, read by the adapter):
one row per member, and optionally the post they hold. Every row is checked on the
community as the rows before it leave it; a refused row is reported with its line, its
column and why, and then nothing is stored (an import is whole or not at all: a half
import would leave the office guessing which rows are in).

Columns: id, name, birth_date (YYYY-MM-DD), retired, party_member, full_time (yes/no),
residence; organisation, role, start, end for a post (role `member` when left empty)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from govops.communities.model.registry import Community, Event, EventKind, RegistryInputError
from govops.communities.model.registry_fold import Folding, member_data
from govops.communities.service.registry import Change, RegistryService
from govops.lawcode.texts.messages import Text, msg

MEMBER_COLUMNS = ("id", "name", "birth_date", "retired", "party_member", "full_time", "residence")
POST_COLUMNS = ("organisation", "role", "start", "end")
FLAGS = ("retired", "party_member", "full_time")
# How a yes or a no is written in the offices' sheets (any case).
YES = frozenset({"yes", "y", "true", "1", "是", "有", "có", "x"})
NO = frozenset({"no", "n", "false", "0", "否", "无", "無", "không"})


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    column: str
    message: Text


class ImportRefusedError(ValueError):
    """Rows that cannot be imported, every one of them: nothing was stored."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} rows refused")
        self.errors = errors


def import_members(
    registry: RegistryService,
    community: str,
    rows: Iterable[tuple[int, Mapping[str, str]]],
    actor: str,
) -> list[Event]:
    """The events stored for the rows (a member, and a post where one is given)."""
    changes: list[tuple[int, Change]] = []
    errors: list[RowError] = []
    for line, cells in rows:
        try:
            changes += [(line, change) for change in row_changes(cells)]
        except RegistryInputError as error:
            errors.append(RowError(line, error.field, error.message))
    if not changes and not errors:
        raise ImportRefusedError([RowError(0, "-", msg("no rows to import"))])
    known = registry.get(community)
    errors += _given_twice(changes)
    changes = [(line, _merged(change, known)) for line, change in changes]
    now = registry.now()
    folding_errors = _check_rows(registry, known, changes, actor, now)
    errors = sorted(errors + folding_errors, key=lambda e: e.line)
    if errors:
        raise ImportRefusedError(errors)
    return registry.record_all(community, [change for _, change in changes], actor)


def row_changes(cells: Mapping[str, str]) -> list[Change]:
    """The member (and post) a row records; RegistryInputError naming its column."""
    unknown = sorted(set(cells) - set(MEMBER_COLUMNS) - set(POST_COLUMNS))
    if unknown:
        known = ", ".join((*MEMBER_COLUMNS, *POST_COLUMNS))
        raise RegistryInputError(unknown[0], msg("unknown column (columns: {known})", known=known))
    member: dict[str, Any] = {c: cells[c] for c in MEMBER_COLUMNS if cells.get(c)}
    for name in FLAGS:
        if name in member:
            member[name] = flag_of(name, member[name])
    changes: list[Change] = [(EventKind.MEMBER.value, member)]
    if any(cells.get(c) for c in POST_COLUMNS):
        post = {c: cells[c] for c in POST_COLUMNS if cells.get(c)}
        post.setdefault("role", "member")
        changes.append((EventKind.POST.value, {"member": cells.get("id", ""), **post}))
    return changes


def _given_twice(changes: list[tuple[int, Change]]) -> list[RowError]:
    """A member is one row of a sheet: a second row with the same id is refused."""
    first: dict[str, int] = {}
    errors = []
    for line, (kind, data) in changes:
        if kind != EventKind.MEMBER.value or not data.get("id"):
            continue
        held = first.setdefault(str(data["id"]), line)
        if held != line:
            said = msg("member {id} is on line {line} already", id=repr(data["id"]), line=held)
            errors.append(RowError(line, "id", said))
    return errors


def _merged(change: Change, known: Community) -> Change:
    """A member already recorded keeps what the sheet does not say of them (a sheet of
    posts alone does not reset their flags to the defaults)."""
    kind, data = change
    held = known.members.get(str(data.get("id", "")))
    if kind != EventKind.MEMBER.value or held is None:
        return change
    return kind, member_data(held) | dict(data)


def flag_of(column: str, text: str) -> bool:
    said = text.strip().lower()
    if said in YES:
        return True
    if said in NO:
        return False
    raise RegistryInputError(column, msg("must be yes or no, got {raw}", raw=repr(text)))


def _check_rows(
    registry: RegistryService,
    known: Community,
    changes: list[tuple[int, Change]],
    actor: str,
    now: datetime,
) -> list[RowError]:
    """Each row's changes checked on the community the rows before leave (a refused row
    leaves it as it was)."""
    folding = Folding(known)
    errors: list[RowError] = []
    for line, change in changes:
        if errors and errors[-1].line == line:
            continue  # the row's post, when its member was refused: one error a row
        try:
            event = registry.event_for(folding.view(), *change, actor, now)
        except RegistryInputError as error:
            errors.append(RowError(line, error.field.removeprefix("data."), error.message))
            continue
        folding.add(event)
    return errors
