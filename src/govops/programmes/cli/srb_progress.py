"""`govops srb progress`: one area's births set against the pack's SRB trajectory, year by
year and change by change, saying when the births cannot tell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, NamedTuple, cast

import polars as pl
import typer

from govops.cli.context import load
from govops.lawcode.plans.programme import Comparator, Trajectory
from govops.lawcode.texts.messages import Message
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import to_json
from govops.platform.i18n.translator import Translator
from govops.programmes.cli.srb import read_counts, read_hierarchy, speaking, stop
from govops.programmes.model.srb.areas import AreaHierarchy
from govops.programmes.model.srb.counts import data_level, roll_up
from govops.programmes.model.srb.coverage import areas_listed, change_warning, incomplete_warning
from govops.programmes.model.srb.messages import REASONS, IndicatorError

INDICATOR = "srb"
Entries = list[dict[str, object]]


def _trajectory(pack_name: str, t: Translator) -> Trajectory:
    pack = load(pack_name, t)
    try:
        if pack.programme is None:
            raise KeyError(INDICATOR)
        trajectory = pack.programme.trajectory(INDICATOR)
    except KeyError:
        stop(t._("pack {pack} sets no sex-ratio-at-birth target", pack=pack.id))
    if trajectory.comparator is not Comparator.AT_MOST:
        stop(t._("the SRB target must be a ceiling (<=)"))
    return trajectory


class Coverage(NamedTuple):
    """How many areas below (e.g. communes) reported each year, of how many are listed."""

    below: str
    listed: int
    reporting: dict[int, int]


def _births_of(
    counts: pl.DataFrame, hierarchy: AreaHierarchy | None, area: str | None, t: Translator
) -> tuple[str, dict[int, tuple[int, int]], Coverage | None]:
    """The births by year of `area` (rolled up from the data if it is a district or a
    province, with how many areas reported), or of every row together when no area is
    named."""
    coverage = None
    if area is not None:
        if hierarchy is None:
            counts = counts.filter(pl.col("area") == area)
        else:
            try:
                level, below = hierarchy.level_of(area), data_level(counts, hierarchy)
                if level != below:
                    counts = roll_up(counts, hierarchy, level).filter(pl.col("area") == area)
                    reporting = dict(counts.select("year", "areas").iter_rows())
                    coverage = Coverage(below, areas_listed(hierarchy, below, area), reporting)
            except (IndicatorError, KeyError):
                stop(t._("no area {area}", area=repr(area)))
            counts = counts.filter(pl.col("area") == area)
        if counts.is_empty():
            stop(t._("no births for area {area}", area=repr(area)))
    by_year = counts.group_by("year").agg(pl.col("boys").sum(), pl.col("girls").sum())
    births = {int(y): (int(b), int(g)) for y, b, g in by_year.iter_rows()}
    return area or "*", births, coverage


def _with_coverage(report: dict[str, Entries], coverage: Coverage | None, t: Translator) -> None:
    """Each year's areas_reporting and areas_listed, and a warning on every year and change
    whose sum lacks some area below."""
    if coverage is None:
        return
    below, listed, reporting = coverage
    for year in report["years"]:
        year |= {"areas_reporting": reporting[cast(int, year["year"])], "areas_listed": listed}
        if (warning := incomplete_warning(year, below)) is not None:
            year["warning"] = t.say(warning)
    for change in report["changes"]:
        years = cast(int, change["from_year"]), cast(int, change["to_year"])
        pair = reporting[years[0]], reporting[years[1]]
        if (warning := change_warning(years, pair, listed, below)) is not None:
            change["warning"] = t.say(warning)


def progress_command(
    births_file: Annotated[Path, typer.Argument(metavar="BIRTHS.csv")],
    pack: Annotated[str, typer.Option("--pack", help="The pack whose SRB target applies.")] = (
        "vn-thanhhoa-srb-2016"
    ),
    areas: Annotated[Path | None, typer.Option(help="Area hierarchy CSV.")] = None,
    area: Annotated[str | None, typer.Option(help="The area to assess (default: all).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of CSV files.")] = "utf-8",
    lang: LanguageOption = None,
) -> None:
    """Progress against the target trajectory: each year's exact interval against that
    year's ceiling, each yearly change against the required decrease, and the births a
    year it would take to tell that change from noise (JSON)."""
    t = speaking(lang)
    trajectory = _trajectory(pack, t)
    hierarchy = read_hierarchy(areas, encoding, t)
    name, births, coverage = _births_of(
        read_counts(births_file, hierarchy, encoding, t), hierarchy, area, t
    )
    first, last = trajectory.baseline_year + 1, trajectory.target_year
    ceilings = {
        year: allowed
        for year in range(first, last + 1)
        if (allowed := trajectory.allowed(year)) is not None
    }
    progress = assess_progress_for(births, ceilings, -trajectory.yearly_change.value)
    entries = {
        "years": [_said(y, t) for y in cast(Entries, progress["years"])],
        "changes": [_said(c, t) for c in cast(Entries, progress["changes"])],
    }
    _with_coverage(entries, coverage, t)
    report = {
        "area": name,
        "target": {
            "baseline": trajectory.baseline.value,
            "baseline_year": trajectory.baseline_year,
            "yearly_decrease": -trajectory.yearly_change.value,
            "target": trajectory.target.value,
            "target_year": trajectory.target_year,
            "cites": [str(trajectory.baseline.cite), str(trajectory.target.cite)],
            "reading": t.text(trajectory.reading).text,
        },
        **entries,
    }
    print(to_json(report, indent=2))


def assess_progress_for(
    births: dict[int, tuple[int, int]], ceilings: dict[int, Decimal], decrease: Decimal
) -> dict[str, object]:
    from govops.programmes.model.srb.progress import assess_progress  # noqa: PLC0415 (loads scipy)

    return assess_progress(births, ceilings, decrease).as_dict()


def _said(entry: dict[str, object], t: Translator) -> dict[str, object]:
    """The entry in the reader's language; a null births_needed with its reason in words."""
    statement = entry.get("statement")
    said = t.say(statement) if isinstance(statement, Message | str) else statement
    why = entry.get("births_needed_reason")
    words = {"message": t._(REASONS[why])} if isinstance(why, str) and why in REASONS else {}
    return {**entry, "statement": said, **words}
