"""Units from CSV rows: each row checked with its line, the whole checked as a tree with
the units known already; only new or changed units are recorded again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from govops.accounts.model.units import (
    UnitInputError,
    UnitVersion,
    changed,
    current_tree,
    derived,
    units_of_rows,
)
from govops.platform.identity.units import Unit, UnitTree

KNOWN = UnitTree.of([Unit("38", {"vi": "Tỉnh Thanh Hóa"}, "province")])


def rows(*found: dict[str, str]) -> list[tuple[int, dict[str, str]]]:
    return [(line, row) for line, row in enumerate(found, start=2)]


def test_rows_become_units_under_the_known_tree() -> None:
    district = {"code": "380", "parent": "38", "kind": "district", "name_vi": "TP Thanh Hóa"}
    ward = {
        "code": "38001",
        "parent": "380",
        "kind": "community",
        "name_vi": "Phường Hàm Rồng",
        "name_en": "Ham Rong",
        "packs": "vn-thanhhoa-srb-2016",
    }
    units = units_of_rows(rows(district, ward), KNOWN)
    names = {"vi": "Phường Hàm Rồng", "en": "Ham Rong"}
    assert units[1] == Unit("38001", names, "community", "380", ("vn-thanhhoa-srb-2016",))


@pytest.mark.parametrize(
    ("row", "line", "problem"),
    [
        ({"code": "", "kind": "district", "name_vi": "X"}, 2, "code"),
        ({"code": "a b", "kind": "district", "name_vi": "X"}, 2, "code"),
        ({"code": "x", "kind": "galaxy", "name_vi": "X"}, 2, "kind"),
        ({"code": "x", "kind": "district"}, 2, "name"),
        ({"code": "x", "parent": "nowhere", "kind": "district", "name_vi": "X"}, 2, "tree"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(row: dict[str, str], line: int, problem: str) -> None:
    with pytest.raises(UnitInputError, match=problem) as refused:
        units_of_rows(rows(row), KNOWN)
    assert refused.value.line == line


def test_a_unit_given_twice_is_refused() -> None:
    twice = {"code": "380", "parent": "38", "kind": "district", "name_vi": "A"}
    with pytest.raises(UnitInputError, match="twice") as refused:
        units_of_rows(rows(twice, twice), KNOWN)
    assert refused.value.line == 3


def test_only_new_or_changed_units_are_recorded_and_the_latest_version_counts() -> None:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    renamed = Unit("38", {"vi": "Thanh Hóa"}, "province")
    assert changed([KNOWN.get("38")], KNOWN) == []
    assert changed([renamed], KNOWN) == [renamed]
    versions = [UnitVersion(KNOWN.get("38"), 1, at, "system"), UnitVersion(renamed, 2, at, "admin")]
    assert current_tree(versions).get("38").names == {"vi": "Thanh Hóa"}


def test_derived_units_keep_what_the_tree_holds_and_never_replace_another_unit() -> None:
    tree = UnitTree.of(
        [
            Unit("c1", {"zh-Hans": "社区"}, "community"),
            Unit("c1.jw", {"en": "RC"}, "committee", "c1", ("p",)),
            Unit("c1.ob", {"en": "Office"}, "office", "c1"),
        ]
    )
    asked = [
        Unit("c1.jw", {"zh-Hant": "居委會"}, "committee", "c1"),
        Unit("c1.ob", {"zh-Hant": "居委會"}, "committee", "c1"),
        Unit("c1.g1", {"zh-Hant": "小組"}, "resident_group", "c1"),
        Unit("c9.g1", {"zh-Hant": "小組"}, "resident_group", "c9"),
    ]
    assert derived(asked, tree) == [
        Unit("c1.jw", {"en": "RC", "zh-Hant": "居委會"}, "committee", "c1", ("p",)),
        Unit("c1.g1", {"zh-Hant": "小組"}, "resident_group", "c1"),
    ]
