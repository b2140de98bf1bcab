"""A district kept at a level by a street silent through a gap: its alert says so, and the
stored trace keeps it."""

from __future__ import annotations

from dataclasses import replace

from govops.platform.i18n.translator import translator
from govops.warnings.model.lifecycle import WarningLifecycle
from govops.warnings.model.wording import description
from govops.warnings.ports import step_from_json, step_to_json
from tests.unit.warnings.model.steps import rain, step

DISTRICT = "110102"
STREET = "110102003"


def test_a_level_held_through_a_street_names_the_street_not_a_station() -> None:
    held = replace(step(0, "red", area=DISTRICT, reading=rain("120")), deciding=())
    held = replace(held, held_via=STREET)
    [event] = WarningLifecycle().feed([held])
    for language, words in (
        ("zh-Hans", "下属区域110102003"),
        ("vi", "khu vực cấp dưới 110102003"),
        ("en", "sub-area 110102003"),
    ):
        text = translator(language).say(description(event, "西城区"))
        assert words in text
        assert "cma-warning-signals-2007 附件 暴雨红色预警信号" in text


def test_the_stored_trace_keeps_the_held_street() -> None:
    held = replace(step(0, "red", area=DISTRICT), held_via=STREET, deciding=())
    assert step_from_json(step_to_json(held)) == held
    old = step_to_json(step(0, "red"))
    del old["held_via"]  # an event stored before the field existed
    assert step_from_json(old).held_via is None
