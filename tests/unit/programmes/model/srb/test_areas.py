"""The area hierarchy: levels nest commune -> district -> province, and each refusal names
its line."""

from __future__ import annotations

import pytest

from govops.platform.i18n.translator import translator
from govops.programmes.model.srb.areas import parse_areas
from govops.programmes.model.srb.messages import IndicatorError

HEAD = "code,name,level,parent\n"
GOOD = HEAD + "P,Tỉnh,province,\nD,Huyện,district,P\nC,Xã,commune,D\n"


def refusal(text: str) -> IndicatorError:
    with pytest.raises(IndicatorError) as caught:
        parse_areas(text)
    return caught.value


def test_a_commune_knows_its_district_and_province() -> None:
    areas = parse_areas(GOOD)
    assert areas.ancestor("C", "district") == "D"
    assert areas.ancestor("C", "province") == "P"
    assert areas.name_of("C") == "Xã"
    assert areas.links("commune", "province").rows() == [("C", "P")]


def test_several_provinces_and_any_column_order() -> None:
    areas = parse_areas("level,parent,code,name\nprovince,,P1,A\nprovince,,P2,B\ndistrict,P2,D,C\n")
    assert areas.codes("province") == ["P1", "P2"]


@pytest.mark.parametrize(
    ("text", "line", "english"),
    [
        (GOOD + "C,Xã khác,commune,D\n", 5, "code 'C' repeats line 4"),
        (GOOD + "X,Xã,commune,Q\n", 5, "parent 'Q' is not in the list"),
        (GOOD + "X,Xã,commune,P\n", 5, "the parent of a commune must be a district"),
        (GOOD + "X,Huyện,district,D\n", 5, "the parent of a district must be a province"),
        (GOOD + "X,Xã,commune,X\n", 5, "'X' is its own parent"),
        (GOOD + "X,Xã,village,D\n", 5, "level 'village' is not"),
        (GOOD + "Q,Tỉnh,province,P\n", 5, "province 'Q' has no parent"),
        (GOOD + "X,Xã,commune,\n", 5, "commune 'X' has no parent"),
        (GOOD + ",Xã,commune,D\n", 5, "the code is empty"),
        (GOOD + "X,Xã,commune\n", 5, "3 cells where the header has 4"),
        ("code,name,level\nP,T,province\n", 1, "column 'parent' is missing"),
    ],
)
def test_refusals_name_the_line(text: str, line: int, english: str) -> None:
    error = refusal(text)
    assert str(error).startswith(f"line {line}: ")
    assert english in str(error)
    assert translator("vi").say(error.message).startswith(f"dòng {line}: ")
    assert translator("zh-Hans").say(error.message).startswith(f"第 {line} 行：")


def test_a_refusal_reads_in_every_language() -> None:
    error = refusal(GOOD + "X,Xã,commune,P\n")
    assert translator("vi").say(error.message) == (
        "dòng 5: cấp trên của xã phải là huyện; 'P' thuộc cấp 'province'"
    )
    assert translator("zh-Hans").say(error.message) == (
        "第 5 行：社的上级必须是县；'P' 的层级是 'province'"
    )
    assert translator("zh-Hant").say(error.message).startswith("第 5 行：社的上級必須是縣")


def test_a_cycle_cannot_pass_the_level_check() -> None:
    text = HEAD + "P,T,province,\nA,H,district,B\nB,H,district,A\n"
    assert "must be a province" in str(refusal(text))
