"""Work done in rounds while the server runs (delivering an outbox, sending webhooks): a
round called every few seconds in daemon threads until stopped. A round that fails is
logged and the next runs as usual, so a database away for a moment stops nothing. Several
threads, in one process or many, may run the same round: the rounds themselves keep them
from doing the same work twice (leases)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable


class RoundWorker:
    """Runs `one_round` every `interval` seconds in `threads` daemon threads (named after
    `name`) until stopped; a failing round is logged on `log` as `what` failed."""

    def __init__(
        self,
        one_round: Callable[[], object],
        interval: float,
        name: str,
        log: logging.Logger,
        what: str,
        threads: int = 1,
    ) -> None:
        self._round, self._interval, self._log, self._what = one_round, interval, log, what
        self._stopped = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, name=f"{name}-{n}", daemon=True)
            for n in range(threads)
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the threads to stop and wait for the rounds in flight, up to `timeout`."""
        self._stopped.set()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(timeout)

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                self._round()
            except Exception:  # the worker outlives one bad round (database away, ...)
                self._log.exception("%s failed", self._what)
            self._stopped.wait(self._interval)
