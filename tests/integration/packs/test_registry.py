"""A pack is named by its built-in id or by its folder; a folder always wins as a path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govops.packs import open_pack, pack_folder
from govops.packs.registry import BUILTIN, UnknownPackError

PACK = "cn-county-mass-incident"


def _local_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(BUILTIN / PACK, tmp_path / PACK)
    manifest = tmp_path / PACK / "pack.yaml"
    text = manifest.read_text(encoding="utf-8").replace("value: 5000, cite", "value: 6000, cite")
    manifest.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_a_relative_path_to_a_local_copy_loads_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _local_copy(tmp_path, monkeypatch)
    parameter = open_pack(f"./{PACK}").parameters.parameters["participants_level_I"]
    assert parameter.values[0].value == 6000


def test_a_bare_name_that_is_a_local_folder_is_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _local_copy(tmp_path, monkeypatch)
    assert pack_folder(PACK) == Path(PACK)
    assert open_pack(PACK).parameters.parameters["participants_level_I"].values[0].value == 6000


def test_a_built_in_id_loads_the_built_in_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert pack_folder(PACK) == BUILTIN / PACK
    assert open_pack(PACK).parameters.parameters["participants_level_I"].values[0].value == 5000


def test_a_folder_without_manifest_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownPackError, match="no pack manifest"):
        pack_folder(str(tmp_path))
