"""Run in child processes by the race tests: each appends the same event seq."""

from __future__ import annotations

from datetime import UTC, datetime
from multiprocessing.synchronize import Barrier
from typing import Any

from govops.incidents.model.incident import Event, EventKind
from govops.incidents.ports import ConcurrentUpdateError
from govops.incidents.storage.incident import unit_of_work_factory
from govops.platform.storage.database import make_engine


def append_seq_2(url: str, name: str, barrier: Barrier, results: Any) -> None:
    """Waits for the others, then appends seq 2 of incident "a" as `name`; puts
    (name, "won", "lost" or "failed: ...") on the results queue."""
    engine = make_engine(url)
    new_uow = unit_of_work_factory(engine)
    event = Event("a", 2, EventKind.FOLLOW_UP, datetime.now(UTC), name, {"by": name})
    barrier.wait(timeout=60)
    try:
        with new_uow() as uow:
            uow.incidents.events("a")
            uow.incidents.append([event])
            uow.commit()
        results.put((name, "won"))
    except ConcurrentUpdateError:
        results.put((name, "lost"))
    except Exception as error:  # the test shows it, rather than waiting for a result
        results.put((name, f"failed: {error!r}"))
    finally:
        engine.dispose()
