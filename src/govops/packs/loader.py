"""Load a pack folder: read every file, check structure, build the core objects, check meaning.

Every problem is collected and reported together, each with its file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from govops.lawcode.sources.citations import Document
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import msg
from govops.packs.build import PackBuilder
from govops.packs.errors import PackError, PackProblem
from govops.packs.schema import AreasFile, ManifestFile, ProceduresFile, Strict, TableFile
from govops.packs.validation import Model, validate_file
from govops.packs.yamlsource import YamlFile, read_yaml

MANIFEST = "pack.yaml"
PROCEDURES = "procedures.yaml"
PROGRAMME = "programme.yaml"
INDICATORS = "indicators.yaml"
REGISTERS = "registers.yaml"
AREAS = "areas.yaml"
TABLES = "tables"


def load_pack(folder: Path) -> Pack:
    """Raises PackError listing every problem found."""
    if not (folder / MANIFEST).is_file():
        raise PackError([PackProblem(folder / MANIFEST, None, "", msg("no pack manifest here"))])
    problems: list[PackProblem] = []
    manifest_read = _read(folder / MANIFEST, ManifestFile, problems)
    if manifest_read is None:
        raise PackError(problems)
    manifest, source = manifest_read
    document = Document(
        manifest.document.id,
        manifest.document.title,
        manifest.document.language,
        manifest.document.in_force_from,
    )
    builder = PackBuilder(manifest, document, source, problems)
    for path in sorted((folder / TABLES).glob("*.yml")):
        problems.append(PackProblem(path, None, "", msg("pack files end in .yaml")))
    for path in sorted((folder / TABLES).glob("*.yaml")):
        table_read = _read(path, TableFile, problems)
        if table_read is None:
            builder.table_unreadable()
        else:
            builder.add_table(*table_read)
    _read_optional_files(folder, builder, problems)
    pack = builder.finish()
    if problems:
        raise PackError(problems)
    return pack


def _read_optional_files(folder: Path, builder: PackBuilder, problems: list[PackProblem]) -> None:
    optional: list[tuple[str, Callable[[], type[Strict]], Callable[[Any, YamlFile], None]]] = [
        (PROCEDURES, lambda: ProceduresFile, builder.add_procedures),
        (PROGRAMME, _programme_file, builder.add_programme),
        (INDICATORS, _indicators_file, builder.add_indicators),
        (REGISTERS, _registers_file, builder.add_registers),
        (AREAS, lambda: AreasFile, builder.add_areas),
    ]
    for name, model, add in optional:
        if (folder / name).is_file():
            read = _read(folder / name, model(), problems)
            if read is not None:
                add(*read)


# A plan's parts (programme, indicators, registers) are read by modules loaded only for a
# pack that has them: a command on another pack starts without them.
def _programme_file() -> type[Strict]:
    from govops.packs.plans.schema import ProgrammeFile  # noqa: PLC0415

    return ProgrammeFile


def _indicators_file() -> type[Strict]:
    from govops.packs.plans.indicators import IndicatorsFile  # noqa: PLC0415

    return IndicatorsFile


def _registers_file() -> type[Strict]:
    from govops.packs.plans.registers import RegistersFile  # noqa: PLC0415

    return RegistersFile


def _read(
    path: Path, model: type[Model], problems: list[PackProblem]
) -> tuple[Model, YamlFile] | None:
    """The file checked against its schema model; None (with problems noted) if it fails."""
    source, found = read_yaml(path)
    problems += found
    if source is None:
        return None
    checked, found = validate_file(source, model)
    problems += found
    return None if checked is None else (checked, source)
