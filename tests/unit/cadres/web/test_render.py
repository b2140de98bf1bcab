"""What the cadre pages show of recorded data and of a case's place in the procedure:
names and texts kept as written (marked not to translate), counts written as the reader's
language writes numbers, codes as code; steps done, next and to come."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from govops.cadres.model.selection import Case, Event, fold
from govops.cadres.model.steps import Step, selection_order
from govops.cadres.web.render import Reader
from govops.cadres.web.selection_page import next_step, steps
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator

AT = datetime(2026, 6, 1, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
ORDER = selection_order(load_builtin_pack("cn-cadre-selection"))
LINE = [Step(s.id) for s in ORDER.main_line()]
MOTION = {"candidate": "张三", "post": "教务处副处长", "committee": ["甲"], "team": ["乙"]}


def case_at(last: Step) -> Case:
    """A case whose steps are recorded up to `last` (their data left out: not read here)."""
    done = LINE[: LINE.index(last) + 1]
    events = [Event("c", i + 1, step, AT, "x", MOTION) for i, step in enumerate(done)]
    return fold(events, ORDER)


def test_recorded_values_are_shown_as_recorded() -> None:
    vi = Reader(translator("vi"), "zh-Hans")
    assert vi.datum("教务处") == '<span translate="no">教务处</span>'
    assert vi.datum("Nguyễn Thị Lan") == '<span translate="no">Nguyễn Thị Lan</span>'
    assert vi.datum("section_chief") == "<code>section_chief</code>"
    assert vi.datum(12000) == '<span class="number">12.000</span>'
    assert vi.datum(True) == '<code translate="no">true</code>'
    assert vi.datum(["甲", "乙"]) == '<code translate="no">[&#34;甲&#34;, &#34;乙&#34;]</code>'
    assert vi.datum("<b>") == "<code>&lt;b&gt;</code>"


def test_codes_are_named_in_the_readers_language_or_kept_as_code() -> None:
    zh, en = Reader(translator("zh-Hans"), "zh-Hans"), Reader(translator("en"), "zh-Hans")
    assert zh.rank("deputy_division") == "副处级"
    assert en.verdict("eligible_with_warnings") == "eligible, with points to justify"
    assert en.kind("no_such_kind") == "<code>no_such_kind</code>"
    assert en.quoted("应当") == '<span lang="zh-Hans">应当</span>'
    assert zh.quoted("应当") == "应当"


def test_a_case_stands_at_its_last_step_with_the_next_one_expected() -> None:
    case = case_at(Step.INVESTIGATION)
    assert next_step(case) is Step.DECISION
    states = dict(steps(case))
    assert [states[s] for s in LINE] == ["done"] * 3 + ["next"] + ["later"] * 3
    closed = case_at(Step.PROBATION_END)
    assert next_step(closed) is None
    assert all(state == "done" for _, state in steps(closed))
    assert Reader(translator("en"), "zh-Hans").step(None) == "none (the case is closed)"
