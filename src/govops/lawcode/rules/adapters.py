"""Adapters: built-in code, named by a table, that turns the record a caller holds (a
cadre's dated career history, say) into the table's inputs (years in rank, ...).

A pack names an adapter; it never carries code. An adapter raises InputError naming the
field of the caller's record that is wrong."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Adapted:
    inputs: dict[str, object]  # the table's inputs, by name
    as_of: date | None  # the date the record speaks of, when it says


Adapter = Callable[[Mapping[str, object]], Adapted]
