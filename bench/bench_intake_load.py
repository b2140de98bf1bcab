"""The intake under load: `govops serve` against a bare FastAPI app doing the same insert.

    python bench/bench_intake_load.py [--clients C] [--seconds S] [--follow-ups N]

Each server runs as its own process on loopback, over a fresh SQLite file with the same
durability settings (WAL, synchronous=FULL). A bounded client (C connections, each sending
its next request when the last is answered) posts first reports for S seconds after a
warm-up, and counts the answers: requests per second, the median and 99th percentile of
the latency, and every answer that is not 201 (a 500 "database is locked" among them).
- govops: `govops serve --demo`, signed in as the demonstration duty officer: each report
  checked, graded, routed, its deadlines started, stored as an event with its idempotency
  key and a notification per department in the outbox, which two workers deliver to the
  log meanwhile; the outbox's backlog is read when the load ends and a few seconds later.
- the peer: intake_bare_app.py, the same JSON inserted as one row (no sign-in, no checks):
  the floor for a service of this shape, which is why it is the fair peer.
Then N follow-ups to one incident, one after another, timed at the first ten and the last
ten (the cost of an incident's history).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from machine import print_header

PEER = str(Path(__file__).with_name("intake_bare_app.py"))
GOVOPS = str(Path(sys.executable).with_name("govops"))
PACKAGES = ("fastapi", "uvicorn", "sqlalchemy", "httpx", "govops")
WARM_UP_SECONDS = 2.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--follow-ups", type=int, default=400)
    return parser.parse_args()


def report(number: int) -> dict[str, object]:
    return {
        "occurred_at": "2026-06-01T09:30:00+08:00",
        "place": f"县政府门前{number}",
        "township": "开通镇",
        "summary": f"征地补偿纠纷,村民聚集{number}",
        "participants": 200 + number % 900,
    }


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self, name: str) -> str:
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000 if ordered else float("nan")
        p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else float("nan")
        rate = len(ordered) / self.seconds if self.seconds else 0.0
        others = {s: n for s, n in self.statuses.items() if s != 201}
        return (
            f"{name:<16} {rate:>9.1f} {p50:>9.1f} {p99:>9.1f} {p99 / p50:>8.1f}   "
            f"{sum(others.values()):>6} {others or ''}"
        )


async def hammer(url: str, headers: dict[str, str], clients: int, seconds: float) -> Load:
    load = Load()
    numbers = iter(range(10**9))
    stop_at = time.monotonic() + WARM_UP_SECONDS + seconds
    measure_from = time.monotonic() + WARM_UP_SECONDS
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(http: httpx.AsyncClient) -> None:
        while (now := time.monotonic()) < stop_at:
            number = next(numbers)
            sent = dict(headers, **{"Idempotency-Key": f"load-{number}"})
            try:
                answer = await http.post(url, json=report(number), headers=sent)
                status = answer.status_code
            except httpx.HTTPError:
                status = 0  # no answer at all
            if now >= measure_from:
                load.latencies.append(time.monotonic() - now)
                load.statuses[status] = load.statuses.get(status, 0) + 1

    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    load.seconds = time.monotonic() - measure_from
    return load


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(base: str, process: subprocess.Popen[str]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the server stopped: {process.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def start_govops(folder: Path) -> tuple[subprocess.Popen[str], str, dict[str, str], Path]:
    database = folder / "govops.db"
    port = free_port()
    environment = {**os.environ, "GOVOPS_DATABASE_URL": f"sqlite:///{database}"}
    process = subprocess.Popen(
        [GOVOPS, "serve", "--demo", "--port", str(port), "--lang", "en"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    password = demo_password(process, "duty")
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base, process)
    form = {"username": "duty", "password": password, "next": "/"}
    signed = httpx.post(f"{base}/login", data=form, follow_redirects=False)
    cookie = signed.headers["set-cookie"].split(";")[0]
    return process, base, {"Cookie": cookie}, database


def demo_password(process: subprocess.Popen[str], username: str) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.split()[:1] == [username]:
            password = line.split()[1]
            break
    else:
        raise SystemExit("serve --demo printed no password for the duty officer")
    drain(process.stdout)
    return password


def drain(stream: IO[str]) -> None:
    """Keep reading the server's output, so that it never blocks on a full pipe."""
    threading.Thread(target=lambda: [None for _ in stream], daemon=True).start()


def start_peer(folder: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, PEER, str(folder / "bare.db"), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base, process)
    return process, base


def backlog(database: Path) -> int:
    with sqlite3.connect(database) as reading:
        found = reading.execute("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")
        return int(found.fetchone()[0])


def follow_ups(base: str, headers: dict[str, str], count: int) -> tuple[float, float]:
    """Median milliseconds of the first ten and of the last ten of `count` follow-ups."""
    url = f"{base}/api/v1/incidents"
    created = httpx.post(url, json=report(1), headers=headers, timeout=60).json()["id"]
    timings: list[float] = []
    with httpx.Client(headers=headers, timeout=60) as http:
        for number in range(count):
            started = time.monotonic()
            answer = http.post(
                f"{url}/{created}/follow-ups",
                json={"participants": 300 + number, "note": f"续报{number}"},
            )
            timings.append(time.monotonic() - started)
            if answer.status_code != 201:
                raise SystemExit(f"follow-up {number}: {answer.status_code} {answer.text[:300]}")
    return statistics.median(timings[:10]) * 1000, statistics.median(timings[-10:]) * 1000


def stopped(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def main() -> int:
    args = parse_args()
    print_header(PACKAGES)
    print(f"{args.clients} clients, {args.seconds:.0f} s after a {WARM_UP_SECONDS:.0f} s warm-up")
    with tempfile.TemporaryDirectory(prefix="govops-load-") as scratch:
        folder = Path(scratch)
        process, base, headers, database = start_govops(folder)
        try:
            ours = asyncio.run(
                hammer(f"{base}/api/v1/incidents", headers, args.clients, args.seconds)
            )
            left_at_end = backlog(database)
            time.sleep(5)
            left_later = backlog(database)
            first, last = follow_ups(base, headers, args.follow_ups)
        finally:
            stopped(process)
        peer_process, peer_base = start_peer(folder)
        try:
            theirs = asyncio.run(
                hammer(f"{peer_base}/api/v1/incidents", {}, args.clients, args.seconds)
            )
        finally:
            stopped(peer_process)
    print(
        f"\n{'server':<16} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'p99/p50':>8}   {'not 201':>6}"
    )
    print(ours.line("govops"))
    print(theirs.line("bare FastAPI"))
    rate = len(ours.latencies) / ours.seconds / (len(theirs.latencies) / theirs.seconds)
    print(f"govops / bare: {rate:.2f} of the requests per second")
    print(f"outbox backlog: {left_at_end} when the load ended, {left_later} five seconds later")
    head = f"follow-ups to one incident ({args.follow_ups} in all):"
    print(head, f"{first:.1f} ms the first ten, {last:.1f} ms the last ten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
