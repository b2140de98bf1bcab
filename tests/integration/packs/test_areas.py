"""areas.yaml: the district and its streets with their stations, checked when loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govops.packs import PackError, load_builtin_pack, pack_folder
from govops.packs.loader import load_pack

PACK = "cn-xicheng-em-14fyp"


def test_the_district_has_its_15_streets_and_every_station_once() -> None:
    areas = load_builtin_pack(PACK).areas
    assert areas is not None
    district = areas.get("110102")
    assert district.name["zh-Hans"] == "西城区"
    streets = areas.children("110102")
    assert len(streets) == 15
    assert {s.level for s in streets} == {"street"}
    stations = areas.stations_of("110102")
    assert len(stations) == len(set(stations)) == 60
    assert areas.stations_of("110102012") == ("XC0701", "XC0702", "XC0703", "XC0704")
    assert str(district.cite) == "xicheng-em-14fyp 四(三)"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    folder = tmp_path / PACK
    shutil.copytree(pack_folder(PACK), folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("stations: [XC0201,", "stations: [XC0101,", "station 'XC0101' is already in area"),
        (
            'parent: "110102"\n    stations: [XC0301',
            'parent: "999"\n    stations: [XC0301',
            "parent '999'",
        ),
        ('  - code: "110102003"', '  - code: "110102001"', "area '110102001' twice"),
    ],
)
def test_broken_areas_are_refused_with_their_line(
    pack_copy: Path, old: str, new: str, message: str
) -> None:
    path = pack_copy / "areas.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(PackError, match=message) as error:
        load_pack(pack_copy)
    assert all(p.line is not None for p in error.value.problems)
