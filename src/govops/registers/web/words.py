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
