"""What an investigation gathered (24, 25; 23(3) for a candidate not in the Party), as the
selection tests give it: a `Findings` for the model and the service, and the same as the
JSON body of the API and the command line; and the reason its candidate is its only
subject (18)."""

from __future__ import annotations

from typing import Any

from govops.cadres.model.selection import Audit, Findings, Subjects

FINDINGS_JSON: dict[str, Any] = {
    "discipline_opinion": "校纪委：未发现党风廉政方面的问题",
    "personal_matters": "如实填报，无异常",
    "personal_matters_verified": True,
    "audit": {"due": False, "reason": "未担任经济责任岗位"},
    "propaganda_opinion": "无意见",
    "family_planning_opinion": "符合政策",
    "comprehensive_governance_opinion": "无意见",
    "written_report": "考察材料〔2025〕7号",
}
FINDINGS = Findings(
    **(FINDINGS_JSON | {"audit": Audit(False, reason=FINDINGS_JSON["audit"]["reason"])})
)
# One investigation subject for the post, with 18's reason (意见比较集中).
CONCENTRATED = "个别提拔任职，意见比较集中"
ALONE = Subjects((), CONCENTRATED)
