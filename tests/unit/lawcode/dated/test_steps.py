"""A procedure's steps in their order: which may come next, and why one may not."""

from __future__ import annotations

from govops.lawcode.dated.steps import OrderProblem, Procedure, ProcedureStep
from govops.lawcode.sources.citations import Citation

CITE = Citation("doc", "42")


def step(id: str, *after: str, repeats: bool = False) -> ProcedureStep:
    return ProcedureStep(id, {"en": id}, CITE, tuple(after), repeats)


VOTE = Procedure(
    "vote",
    {"en": "vote"},
    CITE,
    (
        step("open"),
        step("register", "open"),
        step("count", "register"),
        step("again", "count", repeats=True),
    ),
)


def test_only_the_first_step_is_open_before_anything_is_done() -> None:
    assert [s.id for s in VOTE.open_steps([])] == ["open"]


def test_a_step_waits_for_those_it_comes_after_and_names_them() -> None:
    refusal = VOTE.refusal(["open"], "count")
    assert refusal is not None and refusal.problem is OrderProblem.WAITING
    assert [s.id for s in refusal.waiting_for] == ["register"]
    assert VOTE.refusal(["open", "register"], "count") is None


def test_a_step_done_is_not_done_again_unless_it_repeats() -> None:
    done = ["open", "register", "count"]
    refusal = VOTE.refusal(done, "register")
    assert refusal is not None and refusal.problem is OrderProblem.DONE
    assert VOTE.refusal([*done, "again"], "again") is None
    assert [s.id for s in VOTE.open_steps([*done, "again", "again"])] == ["again"]


def test_a_step_the_procedure_does_not_have_is_unknown() -> None:
    refusal = VOTE.refusal([], "recount")
    assert refusal is not None and refusal.problem is OrderProblem.UNKNOWN
    assert VOTE.step("recount") is None and VOTE.step("open") == step("open")


def test_steps_after_several_wait_for_every_one_of_them() -> None:
    both = Procedure("p", {"en": "p"}, CITE, (step("a"), step("b"), step("c", "a", "b")))
    assert [s.id for s in both.open_steps(["a"])] == ["b"]
    refusal = both.refusal(["b"], "c")
    assert refusal is not None and [s.id for s in refusal.waiting_for] == ["a"]
    assert [s.id for s in both.open_steps(["a", "b"])] == ["c"]
