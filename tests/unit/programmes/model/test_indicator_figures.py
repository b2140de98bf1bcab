"""A plan's yearly figures read row by row (every refusal with its line and column, nothing
kept from a file with one), and each unit's standing as of a year."""

from __future__ import annotations

from decimal import Decimal

from govops.lawcode.plans.evaluation import evaluation_years, standings
from govops.lawcode.plans.indicators import Status
from govops.packs import load_builtin_pack
from govops.platform.i18n.translator import translator
from govops.programmes.model.indicator_figures import read_figures

PLAN = load_builtin_pack("cn-xicheng-em-14fyp").indicators
EN = translator("en")


def row(line: int, unit: str, indicator: str, year: str, value: str, source: str = "年报"):  # type: ignore[no-untyped-def]
    cells = {"unit": unit, "indicator": indicator, "year": year, "value": value, "source": source}
    return line, cells


def test_rows_are_read_into_figures_each_with_its_line() -> None:
    kept, refused = read_figures(
        [
            row(2, "110102", "fire_death_rate", "2021", "0.30"),
            row(3, "s1", "key_incidents_fall", "2020", "120"),
        ],
        PLAN,
    )
    assert refused == []
    assert [(f.line, f.unit, f.indicator, f.year, f.value) for f in kept] == [
        (2, "110102", "fire_death_rate", 2021, Decimal("0.30")),
        (3, "s1", "key_incidents_fall", 2020, Decimal(120)),  # a fall's baseline year
    ]


def test_every_refused_row_is_named_and_nothing_is_kept() -> None:
    kept, refused = read_figures(
        [
            row(2, "110102", "fire_rate", "2021", "0.3"),
            row(3, "110102", "fire_death_rate", "2020", "0.3", ""),
            row(4, "", "fire_death_rate", "21", "-1"),
            row(5, "110102", "fire_death_rate", "2022", "0.3"),
            row(6, "110102", "fire_death_rate", "2022", "0.4"),
            row(7, "110102", "fire_death_rate", "2023", "1,5"),
        ],
        PLAN,
    )
    assert kept == []
    said = [(r.line, r.column, EN.say(r.message)) for r in refused]
    assert said == [
        (2, "indicator", "no indicator 'fire_rate' in the plan"),
        (3, "source", "is required"),
        (3, "year", "2020 is outside 2021-2025"),
        (4, "unit", "is required"),
        (4, "year", "must be a year, got '21'"),
        (4, "value", "must be a plain number, got '-1'"),
        (6, "year", "given twice (also line 5)"),
        (7, "value", "must be a plain number, got '1,5'"),
    ]


def test_each_unit_stands_on_every_indicator_as_of_the_year_asked() -> None:
    kept, _ = read_figures(
        [
            row(2, "110102", "fire_death_rate", "2021", "0.30"),
            row(3, "110102", "fire_death_rate", "2022", "0.42"),
            row(4, "s1", "fire_death_rate", "2021", "0.2"),
        ],
        PLAN,
    )
    district, street = standings(PLAN, kept, 2022)
    assert (district.unit, street.unit) == ("110102", "s1")
    assert len(district.assessments) == len(PLAN)
    fire = next(a for a in district.assessments if a.indicator == "fire_death_rate")
    assert (fire.status, fire.figure) == (Status.AT_RISK, Decimal("0.36"))
    shelters = next(a for a in street.assessments if a.indicator == "earthquake_shelters_each_year")
    assert shelters.status is Status.NO_FIGURE
    assert standings(PLAN, kept, 2021)[0].assessments[3].status is Status.ON_TRACK


def test_the_evaluations_are_the_periods_middle_and_last_years() -> None:
    assert evaluation_years(PLAN) == (2023, 2025)
