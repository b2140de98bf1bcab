"""Cadres: the adapter that turns a cadre's record (career history, assessments,
sanctions) into the inputs of the pack cn-cadre-selection's eligibility table."""

from __future__ import annotations

from govops.cadres.adapter import cadre_record

__all__ = ["cadre_record"]
