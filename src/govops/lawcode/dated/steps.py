"""A procedure as steps in their order: each step cited, with the steps it may come right
after (a step that follows none opens the procedure; one may follow itself, or loop back,
as a re-election or a reconsideration does), and steps recorded aside, which do not move
the procedure on (a superior's consent). A pack declares its procedures (procedures.yaml,
`procedures:`); a module's case keeps the steps it has done and asks here which may come
next, so the order of every procedure is kept in one place and read from its document.
The guards that weigh a case's facts (a quorum, a register, a slate, a vote share) stay
with the module that knows those facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from govops.lawcode.dated.procedures import Text
from govops.lawcode.sources.citations import Citation


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    id: str
    title: Text
    cite: Citation
    follows: tuple[str, ...] = ()  # the steps it may come right after; none: it opens
    aside: bool = False  # recorded while the procedure runs, without moving it on


class OrderProblem(Enum):
    UNKNOWN = "unknown"  # the procedure has no such step
    ENDED = "ended"  # nothing may follow the last step
    NOT_NOW = "not_now"  # it may not follow the last step; `open` may


@dataclass(frozen=True, slots=True)
class OrderRefusal:
    """Why a step may not come now; `open` are the steps that may (in the procedure's
    order)."""

    problem: OrderProblem
    step: str
    open: tuple[ProcedureStep, ...] = ()


@dataclass(frozen=True, slots=True)
class Procedure:
    """Steps in the order the document gives them. Built by the pack loader, which
    refuses a `follows` naming no step of the procedure, a step declared twice, and a
    procedure no step opens."""

    id: str
    title: Text
    cite: Citation
    steps: tuple[ProcedureStep, ...]

    def step(self, step_id: str) -> ProcedureStep | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def last(self, done: Sequence[str]) -> str | None:
        """The last step done that moved the procedure on (None: none yet)."""
        aside = {s.id for s in self.steps if s.aside}
        return next((d for d in reversed(done) if d not in aside), None)

    def open_steps(self, done: Sequence[str]) -> tuple[ProcedureStep, ...]:
        """The steps that may be recorded next, in the procedure's order: those that follow
        the last step (or open the procedure), and the steps aside while any does."""
        last = self.last(done)
        moving = [
            s
            for s in self.steps
            if not s.aside and (last in s.follows if last is not None else not s.follows)
        ]
        if not moving or last is None:
            return tuple(moving)
        return tuple(s for s in self.steps if s in moving or s.aside)

    def refusal(self, done: Sequence[str], step_id: str) -> OrderRefusal | None:
        """Why `step_id` may not be recorded after the steps `done`; None when it may."""
        if self.step(step_id) is None:
            return OrderRefusal(OrderProblem.UNKNOWN, step_id)
        open_now = self.open_steps(done)
        if any(s.id == step_id for s in open_now):
            return None
        problem = OrderProblem.NOT_NOW if open_now else OrderProblem.ENDED
        return OrderRefusal(problem, step_id, open_now)

    def expected(self, done: Sequence[str]) -> ProcedureStep | None:
        """The step the procedure waits for: the first that may follow (None: it ended)."""
        return next((s for s in self.open_steps(done) if not s.aside), None)

    def main_line(self) -> tuple[ProcedureStep, ...]:
        """The steps as they come when each expected one is done, from the opening step to
        the end (or to the first that comes again): the procedure's course as a reader
        follows it, without its branches."""
        line: list[ProcedureStep] = []
        following = self.expected([])
        while following is not None and following not in line:
            line.append(following)
            following = self.expected([s.id for s in line])
        return tuple(line)
