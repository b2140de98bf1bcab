"""A procedure's steps in their order: which may come next, and why one may not."""

from __future__ import annotations

from govops.lawcode.dated.steps import OrderProblem, Procedure, ProcedureStep
from govops.lawcode.sources.citations import Citation

CITE = Citation("doc", "42")


def step(id: str, *follows: str, aside: bool = False) -> ProcedureStep:
    return ProcedureStep(id, {"en": id}, CITE, tuple(follows), aside)


# A vote: opened, its register, a count, counts again while seats stay empty; a decision
# that may be refused and reconsidered; a consent recorded aside.
VOTE = Procedure(
    "vote",
    {"en": "vote"},
    CITE,
    (
        step("open"),
        step("register", "open"),
        step("count", "register"),
        step("again", "count", "again"),
        step("consent", aside=True),
    ),
)
CASE = Procedure(
    "case",
    {"en": "case"},
    CITE,
    (
        step("motion"),
        step("decision", "motion", "reconsideration"),
        step("refused", "motion", "reconsideration"),
        step("reconsideration", "refused"),
        step("closed", "motion", "refused", "reconsideration"),
    ),
)


def ids(steps: tuple[ProcedureStep, ...]) -> list[str]:
    return [s.id for s in steps]


def test_only_the_steps_that_follow_none_open_the_procedure() -> None:
    assert ids(VOTE.open_steps([])) == ["open"]  # nothing aside before it opens
    refusal = VOTE.refusal([], "count")
    assert refusal is not None and refusal.problem is OrderProblem.NOT_NOW
    assert ids(refusal.open) == ["open"]


def test_a_step_comes_right_after_one_it_follows_and_names_what_may_instead() -> None:
    assert VOTE.refusal(["open"], "register") is None
    refusal = VOTE.refusal(["open"], "count")
    assert refusal is not None and refusal.problem is OrderProblem.NOT_NOW
    assert ids(refusal.open) == ["register", "consent"]
    assert VOTE.expected(["open"]) == step("register", "open")


def test_a_step_that_follows_itself_comes_again_and_one_done_does_not() -> None:
    done = ["open", "register", "count"]
    assert VOTE.refusal(done, "again") is None
    assert VOTE.refusal([*done, "again"], "again") is None
    refusal = VOTE.refusal(done, "register")
    assert refusal is not None and refusal.problem is OrderProblem.NOT_NOW


def test_a_step_aside_does_not_move_the_procedure_on_nor_outlive_it() -> None:
    assert VOTE.refusal(["open", "consent"], "register") is None
    assert VOTE.last(["open", "consent"]) == "open"
    ended = Procedure("p", {"en": "p"}, CITE, (step("a"), step("b", "a"), step("c", aside=True)))
    refusal = ended.refusal(["a", "b"], "c")
    assert refusal is not None and refusal.problem is OrderProblem.ENDED
    assert ended.expected(["a", "b"]) is None


def test_branches_loop_back_and_the_first_declared_is_the_one_expected() -> None:
    assert ids(CASE.open_steps(["motion"])) == ["decision", "refused", "closed"]
    assert CASE.expected(["motion", "refused"]) == step("reconsideration", "refused")
    assert CASE.refusal(["motion", "refused", "reconsideration"], "decision") is None
    assert ids(CASE.open_steps(["motion", "decision"])) == []


def test_a_step_the_procedure_does_not_have_is_unknown() -> None:
    refusal = VOTE.refusal([], "recount")
    assert refusal is not None and refusal.problem is OrderProblem.UNKNOWN
    assert VOTE.step("recount") is None and VOTE.step("open") == step("open")


def test_the_main_line_runs_from_the_opening_step_through_each_expected_one() -> None:
    assert ids(VOTE.main_line()) == ["open", "register", "count", "again"]
    assert ids(CASE.main_line()) == ["motion", "decision"]
