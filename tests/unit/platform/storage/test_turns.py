"""Writers of one process take turns on a SQLite file: first come, first served, each woken
as soon as the one before it is done; a turn not come in time is said, not waited for."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from govops.platform.storage.turns import Turns, turns_for


def _wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


def test_turns_come_in_the_order_asked_for() -> None:
    turns = Turns()
    order: list[int] = []
    assert turns.take()
    threads = []
    for number in range(8):  # each starts waiting only once the one before it waits
        thread = threading.Thread(target=_take_and_note, args=(turns, number, order))
        thread.start()
        threads.append(thread)
        _wait_until(lambda n=number: turns.waiting == n + 1)
    turns.give_back()
    for thread in threads:
        thread.join(timeout=10)
    assert order == list(range(8))
    assert turns.waiting == 0


def _take_and_note(turns: Turns, number: int, order: list[int]) -> None:
    assert turns.take(timeout=10)
    order.append(number)
    time.sleep(0.005)  # the next one may not barge in meanwhile
    turns.give_back()


def test_a_turn_that_does_not_come_in_time_is_refused_and_leaves_the_queue() -> None:
    turns = Turns()
    assert turns.take()
    refused: list[bool] = []
    waiter = threading.Thread(target=lambda: refused.append(turns.take(timeout=0.05)))
    started = time.monotonic()
    waiter.start()
    waiter.join(timeout=5)
    assert refused == [False] and time.monotonic() - started < 1
    assert turns.waiting == 0
    turns.give_back()
    assert turns.take(timeout=0)  # free again


def test_the_holder_may_take_its_turn_again() -> None:
    turns = Turns()
    assert turns.take() and turns.take(timeout=0)
    turns.give_back()
    other: list[bool] = []
    thread = threading.Thread(target=lambda: other.append(turns.take(timeout=0.05)))
    thread.start()
    thread.join()
    assert other == [False]  # still held: taken twice, given back once
    turns.give_back()
    thread = threading.Thread(target=lambda: other.append(turns.take(timeout=1)))
    thread.start()
    thread.join()
    assert other == [False, True]


def test_only_the_holder_gives_a_turn_back() -> None:
    turns = Turns()
    with pytest.raises(RuntimeError):
        turns.give_back()


def test_every_engine_on_one_sqlite_file_shares_its_turns(tmp_path: Path) -> None:
    first = create_engine(f"sqlite:///{tmp_path}/a.db")
    second = create_engine(f"sqlite:///{tmp_path}/./a.db")
    other = create_engine(f"sqlite:///{tmp_path}/b.db")
    memory, memory_too = create_engine("sqlite://"), create_engine("sqlite:///:memory:")
    assert turns_for(first) is turns_for(second) is not None
    assert turns_for(other) is not turns_for(first)
    assert turns_for(memory) is not turns_for(memory_too)
    assert turns_for(create_engine("postgresql+psycopg://h/db")) is None
