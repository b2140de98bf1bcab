"""Checking a chained stream, as pure computation over rows already read: each row is fed
in chain order to a `ChainCheck`, which recomputes its hash and follows its link, then sets
the whole against what was recorded of the stream (its head in the register, its entries
in the checkpoint log, a signed checkpoint) and names the first broken link, if any.

What a reader is told (`Problem`):
- content altered: the row's hash is not the hash of its content (a field was edited);
- link broken: the row's prev_hash is not the hash of the row before it;
- row missing: a chain_seq is skipped (a row was deleted);
- row out of place: a chain_seq repeats or goes back, or a surrogate id does not rise with
  chain_seq (a row inserted, or rows reordered);
- rewritten: the row's hash is not the head recorded for it (the checkpoint log or a signed
  checkpoint), though the chain holds: its hashes were recomputed after an edit;
- shorter than its head says: a head records more rows than there are (rows cut off the
  end, or the stream deleted whole);
- longer than its head says: rows after the recorded head (appended outside the chain);
- head register altered: the register's row disagrees with a stream the checkpoint log
  agrees with, or is missing for a stream with rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from govops.platform.storage.canonical import GENESIS, link_hash


class Head(NamedTuple):
    length: int  # rows in the stream
    hash: str  # the last row's hash (GENESIS for none)


EMPTY = Head(0, GENESIS)
Key = tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Link:
    """One stored row of a stream, as the chain sees it."""

    chain_seq: int
    prev_hash: str
    hash: str
    content: Mapping[str, object]
    key: Key  # the row's own key: (column, value) pairs (an incident and its seq)
    number: int | None = None  # a surrogate id, rising with chain_seq


class Problem(StrEnum):
    CONTENT_ALTERED = "content-altered"
    LINK_BROKEN = "link-broken"
    ROW_MISSING = "row-missing"
    ROW_OUT_OF_PLACE = "row-out-of-place"
    REWRITTEN = "rewritten"
    SHORTER = "shorter-than-head"
    LONGER = "longer-than-head"
    HEAD_ALTERED = "head-altered"


class Source(StrEnum):
    """Which record of a head a stream disagrees with."""

    REGISTER = "register"
    LOG = "log"
    SIGNED = "signed"


@dataclass(frozen=True)
class Break:
    problem: Problem
    chain_seq: int
    key: Key | None = None  # the row's key, when the row is there
    source: Source | None = None
    recorded: Head | None = None  # what that source recorded


@dataclass(frozen=True)
class StreamReport:
    stream: str
    length: int  # rows read
    head: str  # the hash stored in the last row read
    broken: Break | None

    @property
    def whole(self) -> bool:
        return self.broken is None


class Witness(NamedTuple):
    hash: str
    source: Source


@dataclass
class Recorded:
    """What was recorded of each stream's heads: every checkpoint (of the log, or signed)
    by stream and length, and the log's latest entry per stream."""

    witnesses: dict[str, dict[int, list[Witness]]] = field(default_factory=dict)
    logged: dict[str, Head] = field(default_factory=dict)

    def note_logged(self, content: Mapping[str, object]) -> None:
        """A row of the checkpoint log (stream, length, head), in chain order."""
        stream, length, hashed = content.get("stream"), content.get("length"), content.get("head")
        if isinstance(stream, str) and isinstance(length, int) and isinstance(hashed, str):
            self._witness(stream, Head(length, hashed), Source.LOG)
            self.logged[stream] = Head(length, hashed)

    def note_signed(self, heads: Mapping[str, Head]) -> None:
        for stream, signed in heads.items():
            self._witness(stream, signed, Source.SIGNED)

    def of(self, stream: str) -> dict[int, list[Witness]]:
        return self.witnesses.get(stream, {})

    def _witness(self, stream: str, recorded: Head, source: Source) -> None:
        if recorded.length > 0:
            by_length = self.witnesses.setdefault(stream, {})
            by_length.setdefault(recorded.length, []).append(Witness(recorded.hash, source))


class ChainCheck:
    """Feed a stream's rows in chain_seq order, then `finish` for its report."""

    def __init__(
        self,
        stream: str,
        register: Head | None,
        logged: Head | None = None,
        witnesses: Mapping[int, list[Witness]] | None = None,
    ) -> None:
        self.stream = stream
        self._register, self._logged = register, logged
        self._witnesses = witnesses or {}
        # The first rows past a recorded head: their keys name rows added outside the chain.
        self._past = {h.length + 1 for h in (register, logged) if h is not None}
        self._keys: dict[int, Key] = {}
        self._length, self._prev = 0, GENESIS
        self._number: int | None = None
        self._broken: Break | None = None

    def feed(self, link: Link) -> None:
        self._length += 1
        if link.chain_seq in self._past:
            self._keys[link.chain_seq] = link.key
        if self._broken is None:
            self._broken = self._check(link)
        self._prev, self._number = link.hash, link.number

    def feed_all(self, links: Iterable[Link]) -> StreamReport:
        for link in links:
            self.feed(link)
        return self.finish()

    def finish(self) -> StreamReport:
        actual = Head(self._length, self._prev)
        broken = (
            self._broken
            or self._against_register(actual)
            or self._beyond(actual)
            or self._against_log(actual)
        )
        return StreamReport(self.stream, actual.length, actual.hash, broken)

    def _check(self, link: Link) -> Break | None:
        expected = self._length  # this row's place, if no row is missing or out of place
        if link.chain_seq < expected:
            return Break(Problem.ROW_OUT_OF_PLACE, link.chain_seq, link.key)
        if link.chain_seq > expected:
            return Break(Problem.ROW_MISSING, expected)
        if link.prev_hash != self._prev:
            return Break(Problem.LINK_BROKEN, link.chain_seq, link.key)
        if link_hash(self.stream, link.chain_seq, link.prev_hash, link.content) != link.hash:
            return Break(Problem.CONTENT_ALTERED, link.chain_seq, link.key)
        return self._in_order(link) or self._as_recorded(link)

    def _in_order(self, link: Link) -> Break | None:
        """A surrogate id rises with chain_seq: rows renumbered are out of place."""
        if link.number is not None and self._number is not None and link.number <= self._number:
            return Break(Problem.ROW_OUT_OF_PLACE, link.chain_seq, link.key)
        return None

    def _as_recorded(self, link: Link) -> Break | None:
        """The row's hash is the head every checkpoint at its place recorded."""
        for witness in self._witnesses.get(link.chain_seq, []):
            if witness.hash != link.hash:
                recorded = Head(link.chain_seq, witness.hash)
                return Break(Problem.REWRITTEN, link.chain_seq, link.key, witness.source, recorded)
        return None

    def _beyond(self, actual: Head) -> Break | None:
        """A checkpoint recording more rows than there are: rows cut off, or all of them."""
        beyond = sorted(length for length in self._witnesses if length > actual.length)
        if not beyond:
            return None
        witness = self._witnesses[beyond[0]][0]
        recorded = Head(beyond[0], witness.hash)
        return Break(Problem.SHORTER, actual.length + 1, None, witness.source, recorded)

    def _against_register(self, actual: Head) -> Break | None:
        register = self._register or EMPTY
        if register == actual:
            return None
        if self._register is None or self._logged == actual:
            # The rows agree with the checkpoint log: it is the register that changed.
            return Break(Problem.HEAD_ALTERED, actual.length, None, Source.REGISTER, self._register)
        if register.length > actual.length:
            return Break(Problem.SHORTER, actual.length + 1, None, Source.REGISTER, register)
        if register.length < actual.length:
            return self._past_head(Problem.LONGER, register, Source.REGISTER)
        return Break(Problem.HEAD_ALTERED, actual.length, None, Source.REGISTER, register)

    def _against_log(self, actual: Head) -> Break | None:
        logged = self._logged
        if logged is None or logged == actual:
            return None
        # A log head longer than the stream, or another hash at its length, was found
        # already (`_beyond`, `_check`): what is left is rows past the log's last entry.
        return self._past_head(Problem.LONGER, logged, Source.LOG)

    def _past_head(self, problem: Problem, recorded: Head, source: Source) -> Break:
        place = recorded.length + 1
        return Break(problem, place, self._keys.get(place), source, recorded)
