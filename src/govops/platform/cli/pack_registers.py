"""A pack's registers as `govops pack show` lists them: each recurring duty with its
cadence and who owes it, the duty roster's roles, the reserves' coverage with the
quantities per person (cited, or the office's own choice)."""

from __future__ import annotations

from govops.lawcode.registers.rules import RegisterRules, ReserveRule
from govops.lawcode.texts.messages import N_
from govops.platform.cli.render import listed, text_of
from govops.platform.i18n.translator import Translator

OWED_BY = {
    "district": N_("owed by the district"),
    "street": N_("owed by each street"),
    "enterprise": N_("owed by each enterprise listed"),
}
COUNTED = {
    "windows": N_("once in every {months} months from the plan's start"),
    "since_last": N_("within {months} months of the last"),
}


def register_lines(t: Translator, registers: RegisterRules | None) -> list[str]:
    if registers is None:
        return []
    lines = []
    if registers.cadences:
        lines.append("  " + t._("recurring duties:"))
    for owed in registers.cadences:
        cadence = owed.cadence
        said = {
            "title": text_of(t, cadence.title),
            "cadence": t._(COUNTED[cadence.counted.value], months=cadence.months),
            "owed": t._(OWED_BY[owed.owed_by]),
            "article": cadence.cite.article,
        }
        line = (
            t._("{title}: {cadence} (a reading), {owed} [{article}]", **said)
            if cadence.reading
            else t._("{title}: {cadence}, {owed} [{article}]", **said)
        )
        lines.append(f"    {cadence.id}: {line}")
    if registers.duty is not None:
        duty = registers.duty
        roles = listed(t, [text_of(t, duty.titles.get(r, {}), r) for r in duty.roles])
        said_duty = t._(
            "duty roster: {roles} at every hour [{article}]",
            roles=roles,
            article=registers.duty.cite.article,
        )
        lines.append("  " + said_duty)
    if registers.reserves is not None:
        lines += _reserve_lines(t, registers.reserves)
    return lines


def _reserve_lines(t: Translator, rule: ReserveRule) -> list[str]:
    share = t.number((rule.population_share * 100).normalize()) + "%"
    lines = [
        "  "
        + t._(
            "reserves: living supplies for {share} of the residents [{share_article}], and "
            "for {people} people in the district's depots [{people_article}]",
            share=share,
            share_article=rule.share_cite.article,
            people=rule.district_people,
            people_article=rule.people_cite.article,
        )
    ]
    for need in rule.needs:
        said = {"quantity": need.per_person, "unit": need.unit}
        if need.cite is None:
            quantity = t._("{quantity} {unit} a person (the office's own choice)", **said)
        else:
            cited = f"{need.cite.document} {need.cite.article}"
            quantity = t._("{quantity} {unit} a person [{cite}]", cite=cited, **said)
        lines.append(f"    {need.item} ({text_of(t, need.title or {}, need.item)}): {quantity}")
    return lines
