"""The eligibility gate of a selection case: a candidate not in the registry, or whom the
registry cannot decide, is refused (the safe reading); a refusal of the screening blocks
the motion and the decision with its article; warnings are recorded with their articles."""

from __future__ import annotations

from datetime import date

import pytest

from govops.cadres.model.selection_gate import Screening, gate, latest
from govops.cadres.model.steps import Step, StepRefusedError
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import msg

DOC = "wuyi-cadre-regulation-2020"
DAY = date(2025, 9, 1)
WARNING = {
    "id": "posts_at_lower_rank",
    "label": {"zh-Hans": "下一级职位经历", "en": "posts at the rank below"},
    "cite": [f"{DOC} 6(2)"],
    "clauses": ["c1"],
    "text": ["一般应当具有在下一级两个以上职位任职的经历"],
}
DISCIPLINE = {"id": "discipline", "label": {"en": "sanction"}, "cite": [f"{DOC} 17(6)"]}
TRAINING = {"id": "training_party", "label": {"en": "x"}, "cite": [f"{DOC} 6(7)", f"{DOC} 7"]}


def screening(**answer: object) -> Screening:
    found = {"verdict": "eligible", "refusals": [], "warnings": []} | answer
    return Screening(DAY, "p1", "deputy_division", answer=found)


def test_warnings_are_recorded_with_their_articles() -> None:
    data = gate(Step.MOTION, DOC, "张三", screening(verdict="eligible_with_warnings",
                                                     warnings=[WARNING]))  # fmt: skip
    assert data == {
        "cadre": "p1",
        "rank": "deputy_division",
        "party_post": False,
        "exceptional": False,
        "as_of": "2025-09-01",
        "verdict": "eligible_with_warnings",
        "warnings": [{"id": "posts_at_lower_rank", "label": WARNING["label"],
                      "cite": [f"{DOC} 6(2)"]}],
    }  # fmt: skip
    assert latest([{}, {"eligibility": {"a": 1}}, {"x": 2}, {"eligibility": data}]) == data
    assert latest([{}]) is None


@pytest.mark.parametrize("step", [Step.MOTION, Step.DECISION])
def test_a_refusal_blocks_the_step_citing_its_article_and_naming_every_breach(step: Step) -> None:
    with pytest.raises(StepRefusedError) as error:
        gate(step, DOC, "张三", screening(verdict="ineligible", refusals=[DISCIPLINE, TRAINING]))
    assert (error.value.step, error.value.guard) == (step, "eligibility")
    assert error.value.cite == Citation(DOC, "17(6)")
    assert "discipline (17(6)); training_party (6(7), 7)" in str(error.value)
    assert "张三 is not eligible for deputy_division on 2025-09-01" in str(error.value)


def test_a_candidate_not_in_the_registry_is_refused() -> None:
    with pytest.raises(StepRefusedError) as error:
        gate(Step.MOTION, DOC, "李四", Screening(DAY, None, None))
    assert (error.value.guard, error.value.cite) == ("registry", Citation(DOC, "6"))
    assert "李四 is not in the cadre registry, so Arts. 6, 7, 17 and 46 cannot be checked" in str(
        error.value
    )


def test_a_record_the_registry_cannot_decide_is_refused() -> None:
    problem = msg("{field}: {problem}", field="work_start", problem="none recorded")
    with pytest.raises(StepRefusedError) as error:
        gate(Step.DECISION, DOC, "张三", Screening(DAY, "p1", "deputy_division", problem=problem))
    assert (error.value.guard, error.value.cite) == ("registry", Citation(DOC, "6"))
    assert "cannot decide eligibility for deputy_division on 2025-09-01: work_start" in str(
        error.value
    )
