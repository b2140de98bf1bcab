"""The community registry ports on SQLAlchemy Core: a repository on the unit of work's
connection, and the unit of work itself (one connection, one transaction, committed only
by `commit()`), on the same engine as the other modules.

Events are append-only: a taken (community, seq) pair is refused by the primary key inside
`append` itself, as RegistryConflictError, in a savepoint so the unit of work stays usable.
They are a chained stream (`platform.storage.chain.append` links them in that savepoint).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Row, select

from govops.communities.model.registry import Event, EventKind
from govops.communities.ports import CommunityRepository, RegistryConflictError
from govops.communities.storage.tables import community_events
from govops.platform.storage.chain import append
from govops.platform.storage.transaction import ConnectionUnitOfWork, key_taken_as


class SqlCommunityRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def append(self, events: list[Event]) -> None:
        if not events:
            return
        rows = [
            {
                "community": e.community,
                "seq": e.seq,
                "kind": e.kind.value,
                "data": e.data,
                "actor": e.actor,
                "recorded_at": e.recorded_at,
            }
            for e in events
        ]
        taken = ", ".join(f"{e.community} seq {e.seq}" for e in events)
        conflict = RegistryConflictError(f"already taken: {taken}")
        with key_taken_as(self._connection, conflict):
            append(self._connection, community_events, rows)

    def events(self, community: str) -> list[Event]:
        query = (
            select(community_events)
            .where(community_events.c.community == community)
            .order_by(community_events.c.seq)
        )
        return [_event(row) for row in self._connection.execute(query)]

    def communities(self) -> list[str]:
        code = community_events.c.community
        query = select(code).distinct().order_by(code)
        return list(self._connection.scalars(query))


class SqlCommunityUnitOfWork(ConnectionUnitOfWork):
    # Typed as the port, so a factory of this unit of work is the port's factory.
    communities: CommunityRepository
    conflict = RegistryConflictError

    def _attach(self, connection: Connection) -> None:
        self.communities = SqlCommunityRepository(connection)


def community_unit_of_work_factory(engine: Engine) -> Callable[[], SqlCommunityUnitOfWork]:
    """What the community use cases take: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlCommunityUnitOfWork:
        return SqlCommunityUnitOfWork(engine)

    return new_unit_of_work


def _event(row: Row[Any]) -> Event:
    return Event(
        community=row.community,
        seq=row.seq,
        kind=EventKind(row.kind),
        data=row.data,
        actor=row.actor,
        recorded_at=row.recorded_at,
    )
