"""Rounds while the server runs: every interval until stopped, in each thread asked for,
outliving a round that fails."""

from __future__ import annotations

import logging
import threading
import time

from govops.platform.rounds import RoundWorker

LOG = logging.getLogger("govops.tests.rounds")


def test_the_worker_runs_rounds_until_stopped_and_outlives_a_failing_round() -> None:
    rounds: list[int] = []
    three = threading.Event()

    def deliver_round() -> None:
        rounds.append(len(rounds))
        if len(rounds) == 1:
            raise RuntimeError("database away")
        if len(rounds) == 3:
            three.set()

    worker = RoundWorker(deliver_round, 0.01, "test-rounds", LOG, "test round")
    worker.start()
    assert three.wait(timeout=10)
    worker.stop()
    done = len(rounds)
    time.sleep(0.05)
    assert done >= 3 and len(rounds) == done  # no round after stop


def test_each_thread_runs_its_own_rounds() -> None:
    names: set[str] = set()
    both = threading.Event()
    lock = threading.Lock()

    def one_round() -> None:
        with lock:
            names.add(threading.current_thread().name)
            if len(names) == 2:
                both.set()
        time.sleep(0.01)

    worker = RoundWorker(one_round, 0.01, "test-rounds", LOG, "test round", threads=2)
    worker.start()
    assert both.wait(timeout=10)
    worker.stop()
    assert names == {"test-rounds-0", "test-rounds-1"}
