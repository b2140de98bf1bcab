"""The findings of an investigation as the API and `govops selections` take them (the body
of the `investigation` step's `findings`): the opinions heard and the references of the
audit and the written material (24, 23(3), 25, 27; `govops.cadres.model.selection_findings`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from govops.cadres.model.selection import Audit, Findings
from govops.platform.api.schemas import RequestBody

LongText = Annotated[str, Field(max_length=10_000)]


class AuditIn(RequestBody):
    """The economic-responsibility audit (24): due, with its report, or not, with why."""

    due: bool
    report: LongText = ""
    reason: LongText = ""


class FindingsIn(RequestBody):
    """What the investigation gathered (24, 23(3), 25, 27): opinions and references."""

    discipline_opinion: LongText = Field("", description="The discipline commission's (24)")
    personal_matters: LongText = Field("", description="What the report showed (24)")
    personal_matters_verified: bool = Field(False, description="Verified: 处级 posts (24)")
    audit: AuditIn | None = Field(None, description="Economic-responsibility audit (24)")
    propaganda_opinion: LongText = ""
    family_planning_opinion: LongText = ""
    comprehensive_governance_opinion: LongText = ""
    united_front_opinion: LongText = Field("", description="For a non-Party candidate (23(3))")
    party_organisation_opinion: LongText = Field("", description="Their party's head (23(3))")
    written_report: LongText = Field("", description="The written material's reference (25)")

    def findings(self) -> Findings:
        audit = self.audit
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        kept = None if audit is None else Audit(audit.due, audit.report, audit.reason)
        return Findings(**(fields | {"audit": kept}))
