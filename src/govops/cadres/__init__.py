"""Cadres: the adapter that turns a cadre's record (career history, assessments,
sanctions) into the inputs of the pack cn-cadre-selection's eligibility table; batch
screening; the selection procedure with its guards; alerts over the organisation."""

from __future__ import annotations

from govops.cadres.adapter import cadre_record
from govops.cadres.alerts import Alert, AlertKind, AlertRules, alerts
from govops.cadres.procedure import (
    AccessDeniedError,
    Case,
    Motion,
    Procedure,
    ProcedureRules,
    StepRefusedError,
    Vote,
    dossier,
    open_case,
)
from govops.cadres.registry import Cadre, Entry, EntryKind, Person, RegistryInputError
from govops.cadres.registry_service import CadreNotFoundError, RegistryService

__all__ = [
    "AccessDeniedError",
    "Alert",
    "AlertKind",
    "AlertRules",
    "Cadre",
    "CadreNotFoundError",
    "Case",
    "Entry",
    "EntryKind",
    "Motion",
    "Person",
    "Procedure",
    "ProcedureRules",
    "RegistryInputError",
    "RegistryService",
    "StepRefusedError",
    "Vote",
    "alerts",
    "cadre_record",
    "dossier",
    "open_case",
]
