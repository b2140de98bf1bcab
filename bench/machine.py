"""The header every benchmark prints: the command, the date, the machine and the versions
of the packages compared, so a figure in RESULTS.md can be traced to its run."""

from __future__ import annotations

import os
import platform
import shlex
import sys
from collections.abc import Sequence
from datetime import datetime
from importlib import metadata

import polars as pl


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def print_header(packages: Sequence[str]) -> None:
    usable = len(os.sched_getaffinity(0))
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"date:    {datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"cpus:    {os.cpu_count()} (usable {usable}; polars threads {pl.thread_pool_size()})")
    print(f"python:  {platform.python_version()} on {platform.platform()}")
    print("packages: " + ", ".join(f"{name} {version(name)}" for name in packages))
