"""A plan's worked indicator cases (cases/indicators/*.yaml): yearly figures of one
indicator, the year asked, and the status expected (met, on_track, at_risk, missed,
no_figure), run by `govops pack test` beside the rule tables' cases."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import Field

from govops.lawcode.plans.assessment import assess
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Text, msg
from govops.packs.cases import CaseResult, load_case_files
from govops.packs.schema import Strict

FOLDER = "indicators"


class IndicatorCaseModel(Strict):
    name: str
    indicator: str
    year: int
    figures: dict[int, Decimal] = Field(default_factory=dict)
    expect: Literal["met", "on_track", "at_risk", "missed", "no_figure"]


class IndicatorCasesFile(Strict):
    cases: list[IndicatorCaseModel] = Field(min_length=1)


def run_indicator_cases(pack: Pack, folder: Path) -> Iterator[CaseResult]:
    """Each case's result: failed when the indicator is unknown or stands otherwise."""
    for path, cases in load_case_files(folder, FOLDER, IndicatorCasesFile):
        for case in cases.cases:
            yield CaseResult(path, None, case.indicator, case.name, tuple(_failures(pack, case)))


def _failures(pack: Pack, case: IndicatorCaseModel) -> Iterator[Text]:
    try:
        indicator = pack.indicator(case.indicator)
    except KeyError as error:
        yield str(error.args[0])
        return
    got = assess(indicator, case.figures, case.year)
    if got.status.value != case.expect:
        yield msg(
            "stands {got}, expected {expected} ({reason})",
            got=got.status.value,
            expected=case.expect,
            reason=got.reason,
        )
