"""Build a pack's areas (areas.yaml): codes unique, every parent known and one level up,
every station in one area only."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govops.lawcode.sources.areas import Area, AreaMap
from govops.lawcode.sources.citations import Citation
from govops.lawcode.texts.messages import N_, Message, Text, msg
from govops.packs.schema import AreasFile, Cite
from govops.packs.yamlsource import PathKey, YamlFile

PARENT_LEVEL = {"street": "district"}
_LEVELS = {"district": N_("district"), "street": N_("street")}


def _level(code: str | None) -> Message | str:
    """An area level in the reader's words; the level above when none is named."""
    if code is None:
        return Message(N_("level above"))
    return Message(_LEVELS[code]) if code in _LEVELS else code


CiteFn = Callable[[Cite, list[PathKey], YamlFile | None], Citation]
ReportFn = Callable[[YamlFile, Sequence[PathKey], Text], None]


def build_areas(model: AreasFile, source: YamlFile, cite: CiteFn, report: ReportFn) -> AreaMap:
    areas: list[Area] = []
    seen_codes: dict[str, str] = {}
    seen_stations: dict[str, str] = {}
    for index, m in enumerate(model.areas):
        where: list[PathKey] = ["areas", index]
        if m.code in seen_codes:
            report(source, [*where, "code"], msg("area {code} twice", code=repr(m.code)))
        seen_codes[m.code] = m.level
        wanted = PARENT_LEVEL.get(m.level)
        if m.parent is None and wanted is not None:
            report(
                source,
                where,
                msg(
                    "a {level} needs the {wanted} it belongs to ('parent')",
                    level=_level(m.level),
                    wanted=_level(wanted),
                ),
            )
        elif m.parent is not None and seen_codes.get(m.parent) != wanted:
            report(
                source,
                [*where, "parent"],
                msg(
                    "parent {parent} is not a {level} listed before it",
                    parent=repr(m.parent),
                    level=_level(wanted),
                ),
            )
        for s_index, station in enumerate(m.stations):
            if station in seen_stations:
                report(
                    source,
                    [*where, "stations", s_index],
                    msg(
                        "station {station} is already in area {area}",
                        station=repr(station),
                        area=repr(seen_stations[station]),
                    ),
                )
            seen_stations[station] = m.code
        areas.append(
            Area(
                m.code,
                dict(m.name),
                m.level,
                m.parent,
                tuple(m.stations),
                cite(m.cite, [*where, "cite"], source),
            )
        )
    return AreaMap(tuple(areas))
