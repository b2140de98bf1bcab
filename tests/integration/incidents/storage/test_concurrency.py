"""Writers racing for the same (incident, seq): exactly one wins, on SQLite (writers queue
for the lock: BEGIN IMMEDIATE) and on PostgreSQL (the primary key refuses the second)."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from govops.incidents.model.incident import Event, EventKind
from govops.incidents.ports import ConcurrentUpdateError
from govops.incidents.storage.incident import SqlUnitOfWork
from tests.integration.incidents.storage.racers import append_seq_2

NewUow = Callable[[], SqlUnitOfWork]
RACERS = 4


def _report(new_uow: NewUow) -> None:
    with new_uow() as uow:
        uow.incidents.append([Event("a", 1, EventKind.REPORTED, datetime.now(UTC), "x", {})])
        uow.commit()


def test_threads_racing_for_one_seq_one_wins(new_uow: NewUow) -> None:
    _report(new_uow)
    barrier = threading.Barrier(RACERS)
    outcomes: dict[str, str] = {}

    def race(name: str) -> None:
        event = Event("a", 2, EventKind.FOLLOW_UP, datetime.now(UTC), name, {"by": name})
        barrier.wait(timeout=30)
        try:
            with new_uow() as uow:
                uow.incidents.events("a")
                time.sleep(0.05)  # read, think, then write: the others overlap
                uow.incidents.append([event])
                uow.commit()
            outcomes[name] = "won"
        except ConcurrentUpdateError:
            outcomes[name] = "lost"

    threads = [threading.Thread(target=race, args=(f"t{i}",)) for i in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes.values()) == ["lost"] * (RACERS - 1) + ["won"]
    with new_uow() as uow:
        events = uow.incidents.events("a")
    winner = next(name for name, outcome in outcomes.items() if outcome == "won")
    assert [(e.seq, e.actor) for e in events] == [(1, "x"), (2, winner)]


def test_processes_racing_for_one_seq_one_wins(database_url: str, new_uow: NewUow) -> None:
    _report(new_uow)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(RACERS)
    results = context.Queue()
    processes = [
        context.Process(target=append_seq_2, args=(database_url, f"p{i}", barrier, results))
        for i in range(RACERS)
    ]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert sorted(outcomes.values()) == ["lost"] * (RACERS - 1) + ["won"]
    with new_uow() as uow:
        assert [e.seq for e in uow.incidents.events("a")] == [1, 2]
