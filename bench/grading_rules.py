"""The mass-incident grading table, written once for every vectorised peer.

`clause_conditions` only uses `>=`, `<`, `&` and `|`, so the same definition
builds numpy boolean arrays, polars expressions or openfisca formula arrays,
depending on the `col` accessor it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

LEVELS = ("I", "II", "III")
CLAUSE_IDS = (
    *(f"I-{i}" for i in range(1, 11)),
    *(f"II-{i}" for i in range(1, 9)),
    *(f"III-{i}" for i in range(1, 6)),
)
CLAUSE_LEVEL = {clause: clause.split("-")[0] for clause in CLAUSE_IDS}
LEVEL_CODE = {level: code for code, level in enumerate(LEVELS, start=1)}
CLAUSE_LEVEL_CODES = (0, *(LEVEL_CODE[CLAUSE_LEVEL[c]] for c in CLAUSE_IDS))

Col = Callable[[str], Any]


def _between(x: Any, low: Any, high: Any) -> Any:
    return (x >= low) & (x < high)


def _level_i(c: Col, t: Mapping[str, Any]) -> list[Any]:
    p = c("participants")
    way_blocked = (
        c("blocked_railway_trunk_line")
        | c("blocked_national_road")
        | c("blocked_expressway")
        | c("blocked_transport_hub")
    )
    return [
        (p >= t["participants_level_I"]) & c("seriously_affects_stability"),
        c("attack_on_organs"),
        c("large_scale_violence"),
        ((c("traffic_stopped_hours") >= t["traffic_stopped_hours_level_I"]) & way_blocked)
        | (
            (c("key_project_stopped_hours") >= t["key_project_stopped_hours_level_I"])
            & c("national_key_project")
        ),
        ((c("deaths") >= t["deaths_level_I"]) | (c("injured") >= t["injured_level_I"]))
        & c("seriously_harms_stability"),
        c("campus_unrest_spread"),
        c("armed_fight") & ((p >= t["fight_participants_level_I"]) | c("fight_major_casualties")),
        c("prison_riot") & (p >= t["prison_riot_participants"]),
        c("nationwide_chain_reaction"),
        c("treat_as_level_I"),
    ]


def _level_ii(c: Col, t: Mapping[str, Any]) -> list[Any]:
    p = c("participants")
    fight_crowd = _between(p, t["fight_participants_level_II"], t["fight_participants_level_I"])
    return [
        (
            _between(p, t["participants_level_II"], t["participants_level_I"])
            & c("major_impact_protest")
        )
        | c("petition_wide_reach"),
        _between(c("deaths"), t["deaths_level_II"], t["deaths_level_I"])
        | _between(c("injured"), t["injured_level_II"], t["injured_level_I"]),
        c("campus_network_agitation"),
        c("armed_fight") & (fight_crowd | c("fight_serious_casualties")),
        c("religious_ethnic_unity"),
        c("resource_environment_dispute"),
        c("cross_province_chain_reaction"),
        c("treat_as_level_II"),
    ]


def _level_iii(c: Col, t: Mapping[str, Any]) -> list[Any]:
    p = c("participants")
    deaths, injured = c("deaths"), c("injured")
    site_crowd = _between(
        p, t["important_site_participants_min"], t["important_site_participants_max"]
    )
    return [
        _between(p, t["participants_level_III"], t["participants_level_II"])
        & c("affects_stability"),
        c("important_site") & c("radical_behaviour") & site_crowd,
        c("cross_region_chain_reaction"),
        ((deaths >= 1) | (injured >= 1))
        & (deaths < t["deaths_level_II"])
        & (injured < t["injured_level_II"]),
        c("treat_as_level_III"),
    ]


def clause_conditions(c: Col, t: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Conditions per level, each list in clause priority order."""
    return {"I": _level_i(c, t), "II": _level_ii(c, t), "III": _level_iii(c, t)}


def rule_texts(t: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(clause id, rule-engine expression) in priority order. rule-engine stops at the first
    operand that settles `and` / `or`, so the rarer figure test comes before its flag."""
    texts = [
        f"participants >= {t['participants_level_I']} and seriously_affects_stability",
        "attack_on_organs",
        "large_scale_violence",
        f"(traffic_stopped_hours >= {t['traffic_stopped_hours_level_I']}"
        " and (blocked_railway_trunk_line or blocked_national_road"
        " or blocked_expressway or blocked_transport_hub))"
        f" or (key_project_stopped_hours >= {t['key_project_stopped_hours_level_I']}"
        " and national_key_project)",
        f"(deaths >= {t['deaths_level_I']} or injured >= {t['injured_level_I']})"
        " and seriously_harms_stability",
        "campus_unrest_spread",
        f"armed_fight and (participants >= {t['fight_participants_level_I']}"
        " or fight_major_casualties)",
        f"prison_riot and participants >= {t['prison_riot_participants']}",
        "nationwide_chain_reaction",
        "treat_as_level_I",
        f"({t['participants_level_II']} <= participants and"
        f" participants < {t['participants_level_I']} and major_impact_protest)"
        " or petition_wide_reach",
        f"({t['deaths_level_II']} <= deaths and deaths < {t['deaths_level_I']})"
        f" or ({t['injured_level_II']} <= injured and injured < {t['injured_level_I']})",
        "campus_network_agitation",
        f"armed_fight and (({t['fight_participants_level_II']} <= participants and"
        f" participants < {t['fight_participants_level_I']}) or fight_serious_casualties)",
        "religious_ethnic_unity",
        "resource_environment_dispute",
        "cross_province_chain_reaction",
        "treat_as_level_II",
        f"{t['participants_level_III']} <= participants and"
        f" participants < {t['participants_level_II']} and affects_stability",
        f"important_site and radical_behaviour and"
        f" {t['important_site_participants_min']} <= participants and"
        f" participants < {t['important_site_participants_max']}",
        "cross_region_chain_reaction",
        f"(deaths >= 1 or injured >= 1) and deaths < {t['deaths_level_II']}"
        f" and injured < {t['injured_level_II']}",
        "treat_as_level_III",
    ]
    return list(zip(CLAUSE_IDS, texts, strict=True))
