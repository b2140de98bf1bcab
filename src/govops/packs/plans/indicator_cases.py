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
from govops.packs.cases import CASES, CaseResult
from govops.packs.errors import PackError, PackProblem
from govops.packs.schema import Strict
from govops.packs.validation import validate_file
from govops.packs.yamlsource import read_yaml

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
    for path, cases in _load(folder):
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


def _load(folder: Path) -> list[tuple[Path, IndicatorCasesFile]]:
    found: list[tuple[Path, IndicatorCasesFile]] = []
    problems: list[PackProblem] = []
    for path in sorted((folder / CASES / FOLDER).glob("*.yaml")):
        source, read_problems = read_yaml(path)
        problems += read_problems
        if source is None:
            continue
        model, invalid = validate_file(source, IndicatorCasesFile)
        problems += invalid
        if model is not None:
            found.append((path, model))
    if problems:
        raise PackError(problems)
    return found
