"""Timing a whole process as a user waits for it: interpreter start, imports, reading the
files, the work, writing the results; with its peak resident memory (the kernel's
high-water mark for that process alone, read with wait4)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

GOVOPS = str(Path(sys.executable).with_name("govops"))


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str


@dataclass
class Contender:
    name: str
    command: Sequence[str]
    runs: list[Run] = field(default_factory=list)

    def run(self) -> Run:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            process = subprocess.Popen(self.command, stdout=out, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)  # reaped here, with its own usage
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            if process.returncode != 0:
                said = err.read().decode(errors="replace")[-2000:]
                raise SystemExit(f"{self.name} failed ({process.returncode}): {said}")
            result = Run(seconds, usage.ru_maxrss / 1024, out.read().decode())
        self.runs.append(result)
        return result

    @property
    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def alternate(contenders: Sequence[Contender], rounds: int) -> None:
    """Each round runs every contender once, the order turning each round, so that a warm
    page cache or a busy neighbour favours no one."""
    for round_ in range(rounds):
        turn = round_ % len(contenders)
        for contender in [*contenders[turn:], *contenders[:turn]]:
            run = contender.run()
            print(
                f"  round {round_ + 1}: {contender.name:<28} {run.seconds:7.2f} s "
                f"{run.peak_mb:8.0f} MB",
                flush=True,
            )


def print_table(title: str, govops: Contender, peers: Sequence[Contender]) -> None:
    print(f"\n{title}")
    head = f"{'contender':<30} {'median s':>9} {'peak MB':>8} {'time x':>7} {'memory x':>9}"
    print(head)
    print("-" * len(head))
    for contender in [govops, *peers]:
        time_x = contender.median_seconds / govops.median_seconds
        memory_x = contender.peak_mb / govops.peak_mb
        print(
            f"{contender.name:<30} {contender.median_seconds:>9.2f} {contender.peak_mb:>8.0f}"
            f" {time_x:>7.2f} {memory_x:>9.2f}"
        )
    print(
        "x = contender / govops (time above 1: govops is faster; memory above 1: govops uses less)"
    )


def made_by_a_child(script: str, folder: Path, *options: str) -> None:
    """Run `script --write-only --data FOLDER OPTIONS` to write the benchmark's input files:
    made by a child process, a contender forked from this one does not report this one's
    memory as its own peak (Linux's ru_maxrss keeps the high-water mark across exec)."""
    command = [sys.executable, script, "--write-only", "--data", str(folder), *options]
    subprocess.run(command, check=True)
