"""The Thanh Hóa plan pack as files: a wrong figure in the appendix is caught by the budget
check, and a malformed programme.yaml is refused with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govops.lawcode.plans.check import check_plan
from govops.lawcode.plans.findings import FindingSeverity
from govops.packs import PackError, pack_folder
from govops.packs.loader import load_pack
from govops.platform.i18n.translator import translator

PACK = "vn-thanhhoa-srb-2016"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    folder = tmp_path / PACK
    shutil.copytree(pack_folder(PACK), folder)
    return folder


def _edit(folder: Path, old: str, new: str, count: int = 1) -> None:
    path = folder / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _errors(folder: Path) -> list[tuple[str, list[str]]]:
    checked = check_plan(load_pack(folder).programme)  # type: ignore[arg-type]
    return [
        (f.code, [c.article for c in f.places])
        for f in checked.findings
        if f.severity is FindingSeverity.ERROR
    ]


def test_the_pack_as_shipped_adds_up(pack_copy: Path) -> None:
    assert _errors(pack_copy) == []


def test_a_wrong_yearly_total_is_an_error(pack_copy: Path) -> None:
    _edit(pack_copy, '2017: "1,266"', '2017: "1,276"')
    assert _errors(pack_copy) == [
        ("year-total", ["PL Tổng"]),
        ("grand-total", ["PL Tổng"]),
    ]


def test_a_unit_cost_that_no_longer_gives_the_row_is_an_error_each_year(pack_copy: Path) -> None:
    _edit(
        pack_copy, 'unit_cost: {text: "650.000", per: xã}', 'unit_cost: {text: "600.000", per: xã}'
    )
    errors = _errors(pack_copy)
    assert errors == [("line-recomputed", ["PL 2.1"])] * 5


def test_a_total_in_words_that_says_another_amount_is_an_error(pack_copy: Path) -> None:
    _edit(pack_copy, "bốn bốn triệu", "bốn lăm triệu")
    assert _errors(pack_copy) == [("words-total", ["IV.3", "PL Tổng"])]


def test_an_unreadable_figure_is_refused_with_its_line(pack_copy: Path) -> None:
    _edit(pack_copy, 'grand_total: "5,444"', 'grand_total: "5,44,4"')
    with pytest.raises(PackError) as error:
        load_pack(pack_copy)
    [problem] = error.value.problems
    assert problem.file.name == "programme.yaml"
    assert problem.line is not None
    assert "cannot read '5,44,4' as a number" in str(problem)
    assert "không đọc được '5,44,4' thành số" in problem.shown(translator("vi"))
    assert "无法将 '5,44,4' 读作数字" in problem.shown(translator("zh-Hans"))


def test_funding_that_names_no_budget_item_is_refused(pack_copy: Path) -> None:
    _edit(pack_copy, "funded_by: [leaflets]", "funded_by: [flyers]")
    with pytest.raises(PackError, match="'flyers' is neither a cost component"):
        load_pack(pack_copy)


def test_a_component_year_outside_the_budget_is_refused(pack_copy: Path) -> None:
    _edit(
        pack_copy,
        'years: [2016, 2017, 2018, 2019, 2020]\n          level: commune\n    - id: "3-handbooks"',
        'years: [2016, 2021]\n          level: commune\n    - id: "3-handbooks"',
    )
    with pytest.raises(PackError, match="2021 is not a year of the budget"):
        load_pack(pack_copy)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('unit_dong: "1.000.000"', 'unit_dong: "0"', "unit_dong must be a positive number"),
        ('yearly_step: {text: "0,4"', 'yearly_step: {text: "0"', "yearly step must be a positive"),
        ('funded_by: ["7.1"]', 'funded_by: ["7"]', "'7' is neither a cost component"),
        (
            "            - id: talks\n",
            '            - id: "6"\n',
            "budget line '6' has the id of a component",
        ),
    ],
)
def test_values_that_would_break_the_checks_are_refused(
    pack_copy: Path, old: str, new: str, message: str
) -> None:
    _edit(pack_copy, old, new)
    with pytest.raises(PackError, match=message):
        load_pack(pack_copy)
