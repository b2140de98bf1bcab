"""Build a pack's areas (areas.yaml): codes unique, every parent known and one level up,
every station in one area only."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govops.lawcode.sources.areas import Area, AreaMap
from govops.lawcode.sources.citations import Citation
from govops.packs.schema import AreasFile, Cite
from govops.packs.yamlsource import PathKey, YamlFile

PARENT_LEVEL = {"street": "district"}

CiteFn = Callable[[Cite, list[PathKey], YamlFile | None], Citation]
ReportFn = Callable[[YamlFile, Sequence[PathKey], str], None]


def build_areas(model: AreasFile, source: YamlFile, cite: CiteFn, report: ReportFn) -> AreaMap:
    areas: list[Area] = []
    seen_codes: dict[str, str] = {}
    seen_stations: dict[str, str] = {}
    for index, m in enumerate(model.areas):
        where: list[PathKey] = ["areas", index]
        if m.code in seen_codes:
            report(source, [*where, "code"], f"area {m.code!r} twice")
        seen_codes[m.code] = m.level
        wanted = PARENT_LEVEL.get(m.level)
        if m.parent is None and wanted is not None:
            report(source, where, f"a {m.level} needs the {wanted} it belongs to ('parent')")
        elif m.parent is not None and seen_codes.get(m.parent) != wanted:
            report(
                source,
                [*where, "parent"],
                f"parent {m.parent!r} is not a {wanted or 'level above'} listed before it",
            )
        for s_index, station in enumerate(m.stations):
            if station in seen_stations:
                report(
                    source,
                    [*where, "stations", s_index],
                    f"station {station!r} is already in area {seen_stations[station]!r}",
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
