"""The pack file schema: the shape of every YAML file a pack may contain.

Structure is checked here (pydantic, unknown keys refused); meaning (references resolve,
boundary words declared, dated ranges disjoint) is checked when the pack is built.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from govops.lawcode.texts.messages import Message, msg

Text = dict[str, str]
Scalar = bool | int | Decimal | str


class SchemaValueError(ValueError):
    """What a validator refuses, said as a message (the pack author reads it)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CiteModel(Strict):
    document: str
    article: str


Cite = str | CiteModel


class DocumentModel(Strict):
    id: str
    title: str
    language: str
    in_force_from: date | None = None
    note: str = ""


class BoundaryWordModel(Strict):
    side: Literal["lower", "upper"]
    inclusive: bool
    cite: Cite


class ConventionsModel(Strict):
    boundary_words: dict[str, BoundaryWordModel]


class DatedValueModel(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    valid_from: date | None = Field(default=None, alias="from")
    valid_to: date | None = Field(default=None, alias="to")
    value: Scalar
    cite: Cite


class ParameterModel(Strict):
    unit: str | None = None
    description: str = ""
    # Parameters read by a module's procedure rather than by a table clause (e.g. the
    # quorum of a selection committee); named here so the loader knows they are used.
    used_by: list[Literal["selection-procedure", "alerts", "warnings"]] = []
    values: list[DatedValueModel] = Field(min_length=1)


class ManifestFile(Strict):
    id: str
    version: str
    title: Text
    jurisdiction: Literal["CN", "VN"]
    language: str
    timezone: Literal["Asia/Shanghai", "Asia/Ho_Chi_Minh"]
    document: DocumentModel
    conventions: ConventionsModel
    parameters: dict[str, ParameterModel] = {}
    vocabularies: dict[str, dict[str, Text]] = {}


class InputModel(Strict):
    kind: Literal["count", "quantity", "flag", "set"]
    default: bool | int | Decimal | list[str] | None = None
    label: Text = {}
    vocabulary: str | None = None
    unit: Literal["人", "小时", "元", "毫米"] | None = None


class ClauseModel(Strict):
    id: str
    cite: Cite
    text: str = ""
    when: dict[str, Any]


class OutcomeModel(Strict):
    outcome: str
    label: Text = {}
    match: Literal["any", "all"] = "any"
    severity: Literal["refuse", "warn"] | None = None
    clauses: list[ClauseModel] = Field(min_length=1)


class TableFile(Strict):
    id: str
    title: Text
    cite: Cite
    hit: Literal["first", "collect"]
    adapter: Literal["cadre-record"] | None = None
    inputs: dict[str, InputModel]
    outcomes: list[OutcomeModel] = Field(min_length=1)


class SpanModel(Strict):
    amount: int = Field(ge=0)
    unit: Literal["immediately", "hours", "calendar_days", "working_days"]


class DeadlineModel(Strict):
    id: str
    title: Text
    stage: Literal["warning", "incident"]
    trigger: str
    applies_to: list[str] = Field(min_length=1)
    within: SpanModel
    reporter: Text
    recipient: Text
    cite: Cite


class ChecklistModel(Strict):
    id: str
    applies_to: list[str] = Field(min_length=1)
    actor: Text = {}  # who does it, as the plan names them; empty where it names no one
    text: Text
    cite: Cite


class CatalogueItemModel(Strict):
    id: str
    text: Text
    cite: Cite


class CatalogueModel(Strict):
    title: Text
    items: list[CatalogueItemModel] = Field(min_length=1)


class ProcedureStepModel(Strict):
    id: str
    title: Text
    cite: Cite
    follows: list[str] = []  # the steps it may come right after; none: it opens
    aside: bool = False  # recorded while the procedure runs, without moving it on


class ProcedureModel(Strict):
    title: Text
    cite: Cite
    steps: list[ProcedureStepModel] = Field(min_length=1)


class ProceduresFile(Strict):
    deadlines: list[DeadlineModel] = []
    checklist: list[ChecklistModel] = []
    catalogues: dict[str, CatalogueModel] = {}
    procedures: dict[str, ProcedureModel] = {}  # steps in order (lawcode.dated.steps)


class ExpectModel(Strict):
    outcome: str | list[str] | None = None  # null: no outcome applies
    fired: list[str] | None = None
    why_not: dict[str, list[str]] | None = None
    approximate: list[str] | None = None
    error: str | None = None  # the field a bad input must be reported against
    verdict: Literal["eligible", "eligible_with_warnings", "ineligible"] | None = None

    @model_validator(mode="after")
    def _outcome_or_error(self) -> ExpectModel:
        has_outcome = "outcome" in self.model_fields_set
        if has_outcome == (self.error is not None):
            raise SchemaValueError(
                msg("an expectation gives either 'outcome' (null for none) or 'error'")
            )
        return self


class CaseModel(Strict):
    name: str
    as_of: date | None = None
    input: dict[str, Any]
    expect: ExpectModel


class CasesFile(Strict):
    table: str
    as_of: date
    cases: list[CaseModel] = Field(min_length=1)


class AreaModel(Strict):
    code: str
    name: Text
    level: Literal["district", "street"]
    parent: str | None = None
    stations: list[str] = []
    cite: Cite


class AreasFile(Strict):
    areas: list[AreaModel] = Field(min_length=1)


class ExampleModel(Strict):
    title: Text
    inputs: dict[str, dict[str, Any]]  # rule table id -> record


class ExamplesFile(Strict):
    as_of: date
    examples: list[ExampleModel] = Field(min_length=1)
