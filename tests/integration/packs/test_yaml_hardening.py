"""Hostile YAML in a pack file is refused with a clear problem, quickly and without a crash.

Packs are plain data, so anchors and aliases are refused before anything expands them (an
alias bomb would otherwise hang the loader), as are oversized files and absurd nesting.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govops.packs import PackError, load_pack, yamlsource
from govops.packs.yamlsource import read_yaml

ALIAS_REFUSED = "YAML aliases (*name) are not allowed in packs"
ANCHOR_REFUSED = "YAML anchors (&name) are not allowed in packs"
FIVE_MB = 5 * 1024 * 1024


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


def problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


def messages(path: Path) -> list[str]:
    source, found = read_yaml(path)
    assert source is None
    return [str(p) for p in found]


def test_an_alias_is_refused_naming_the_file_and_line(tmp_path: Path) -> None:
    manifest = tmp_path / "pack.yaml"
    manifest.write_text("id: p\ntitle: &shared {en: P}\nnote: *shared\n", encoding="utf-8")
    assert problems(tmp_path) == [
        f"{manifest}:2: {ANCHOR_REFUSED}; remove &shared",
        f"{manifest}:3: {ALIAS_REFUSED}; write the value out in full instead of *shared",
    ]


def test_a_lone_anchor_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("id: x\ntitle: &t {en: T}\n", encoding="utf-8")
    assert messages(path) == [f"{path}:2: {ANCHOR_REFUSED}; remove &t"]


def test_every_anchor_and_alias_is_named(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(billion_laughs(levels=3), encoding="utf-8")
    found = messages(path)
    assert len(found) == 4 + 3 * 9  # four anchors, nine aliases on each of three lines
    assert f"{path}:2: {ALIAS_REFUSED}; write the value out in full instead of *lol0" in found


def test_pack_validate_on_an_alias_bomb_ends_promptly(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(billion_laughs(), encoding="utf-8")
    for lang, refused in (("en", ALIAS_REFUSED), ("zh-Hans", "规则包中不允许使用 YAML 别名")):
        done = subprocess.run(
            [sys.executable, "-m", "govops", "pack", "validate", str(tmp_path), "--lang", lang],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 1
        assert refused in done.stderr
        assert "Traceback" not in done.stderr


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_bytes(b"id: x\n#" + "汉".encode() * (FIVE_MB // 3) + b"\xff")
    assert messages(path) == [
        f"{path}: file is larger than 5 MB; a pack file should be far smaller"
    ]


def test_a_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    head = b"id: x\n#"
    path.write_bytes(head + b"x" * (FIVE_MB - len(head) - 1) + b"\n")
    source, found = read_yaml(path)
    assert found == []
    assert source is not None
    assert source.data == {"id": "x"}


@pytest.mark.parametrize(
    "text",
    ["[" * 3000 + "]" * 3000, "x: " + "{a: " * 3000 + "1" + "}" * 3000, "- " * 3000 + "1"],
    ids=["flow-sequence", "flow-mapping", "block-sequence"],
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    found = messages(path)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:1: nested too deeply")


def test_ordinary_nesting_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("x: " + "[" * 50 + "1" + "]" * 50 + "\n", encoding="utf-8")
    source, found = read_yaml(path)
    assert found == []
    assert source is not None
    assert source.line(["x"]) == 1


def test_a_key_written_twice_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("id: x\nnested: {a: 1, a: 2}\nid: y\n", encoding="utf-8")
    source, found = read_yaml(path)
    assert source is not None
    assert [str(p) for p in found] == [
        f"{path}:2: key 'a' is written twice",
        f"{path}:3: key 'id' is written twice",
    ]


def test_a_flood_of_aliases_is_listed_only_up_to_a_limit(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("a: &a 1\nb: [" + ", ".join(["*a"] * 150) + "]\n", encoding="utf-8")
    found = messages(path)
    assert len(found) == 101
    assert found[-1] == f"{path}: 51 more YAML anchors and aliases not listed"


def test_recursion_past_the_depth_check_is_still_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yamlsource, "MAX_DEPTH", 1_000_000)
    path = tmp_path / "pack.yaml"
    path.write_text("[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    # libyaml's own limit (1,000 levels) stops it on line 1; the pure-Python parser, Python's
    # recursion limit, with no line
    assert messages(path) in (
        [f"{path}:1: nested too deeply to read"],
        [f"{path}: nested too deeply to read"],
    )
