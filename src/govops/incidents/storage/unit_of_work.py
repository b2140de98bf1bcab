"""The incidents' unit of work (see `transaction.ConnectionUnitOfWork`)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine

from govops.incidents.ports import ConcurrentUpdateError, IncidentRepository, Outbox
from govops.incidents.storage.repositories import SqlIncidentRepository, SqlOutbox
from govops.platform.storage.transaction import ConnectionUnitOfWork


class SqlUnitOfWork(ConnectionUnitOfWork):
    # Typed as the ports (the protocol's attributes are invariant), so that a factory of
    # SqlUnitOfWork is a `Callable[[], UnitOfWork]`.
    incidents: IncidentRepository
    outbox: Outbox
    conflict = ConcurrentUpdateError

    def _attach(self, connection: Connection) -> None:
        self.incidents = SqlIncidentRepository(connection)
        self.outbox = SqlOutbox(connection)


def unit_of_work_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """What `IncidentService` takes: a new unit of work on `engine` for each use."""

    def new_unit_of_work() -> SqlUnitOfWork:
        return SqlUnitOfWork(engine)

    return new_unit_of_work
