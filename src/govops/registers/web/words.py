"""The registers an alert comes from, in words (a recurring duty is named by the pack's
title, a roster's role too)."""

from __future__ import annotations

from govops.lawcode.texts.messages import N_

REGISTER_NAMES = {
    "drill_assessment": N_("Drill assessment"),
    "roster": N_("Duty roster"),
    "hazard": N_("Hazard rectification"),
    "reserves_share": N_("Reserves against the share of residents"),
    "reserves_district": N_("Reserves of the district's depots"),
    "shelters": N_("Shelter coverage"),
}
KIND_NAMES = {
    "figure": N_("Yearly figures"),
    "population": N_("Resident population"),
    "depot": N_("Reserve depots"),
    "movement": N_("Stock card"),
    "shelter": N_("Shelters"),
    "shelter_status": N_("Shelters' status"),
    "enterprise": N_("High-risk enterprises"),
    "occurrence": N_("Recurring duties held"),
    "shift": N_("Duty roster"),
    "training": N_("Training"),
    "hazard": N_("Hazards found"),
    "rectified": N_("Rectifications"),
    "verified": N_("Verifications"),
    "plan_step": N_("Emergency plans' stages"),
    "milestone": N_("Key projects' milestones"),
}
