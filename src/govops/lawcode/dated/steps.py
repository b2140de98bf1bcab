"""A procedure as steps in their order: each step cited, the steps it comes after, and
whether it may be recorded again (a re-election, as often as seats stay empty). A pack
declares its procedures (procedures.yaml, `procedures:`); a module's case keeps the steps
it has done and asks here which may come next, so the order of every procedure is kept in
one place and read from its document. The guards that weigh a case's facts (a quorum, a
register, a slate, a vote share) stay with the module that knows those facts."""

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
    after: tuple[str, ...] = ()  # every one of these is done before this step
    repeats: bool = False  # may be recorded again once done


class OrderProblem(Enum):
    UNKNOWN = "unknown"  # the procedure has no such step
    DONE = "done"  # done already, and not a step that repeats
    WAITING = "waiting"  # a step it comes after is not done yet


@dataclass(frozen=True, slots=True)
class OrderRefusal:
    """Why a step may not come now; `waiting_for` are the steps not yet done that it
    comes after (WAITING), in the procedure's order."""

    problem: OrderProblem
    step: str
    waiting_for: tuple[ProcedureStep, ...] = ()


@dataclass(frozen=True, slots=True)
class Procedure:
    """Steps in the order the document gives them. Built by the pack loader, which
    refuses an `after` naming a step not declared before it (so the order has no cycle)."""

    id: str
    title: Text
    cite: Citation
    steps: tuple[ProcedureStep, ...]

    def step(self, step_id: str) -> ProcedureStep | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def refusal(self, done: Sequence[str], step_id: str) -> OrderRefusal | None:
        """Why `step_id` may not be recorded after the steps `done`; None when it may."""
        step = self.step(step_id)
        if step is None:
            return OrderRefusal(OrderProblem.UNKNOWN, step_id)
        if step_id in done and not step.repeats:
            return OrderRefusal(OrderProblem.DONE, step_id)
        missing = [s for s in step.after if s not in done]
        if missing:
            waiting = tuple(s for s in self.steps if s.id in missing)
            return OrderRefusal(OrderProblem.WAITING, step_id, waiting)
        return None

    def open_steps(self, done: Sequence[str]) -> tuple[ProcedureStep, ...]:
        """The steps that may be recorded next, in the procedure's order."""
        return tuple(s for s in self.steps if self.refusal(done, s.id) is None)
