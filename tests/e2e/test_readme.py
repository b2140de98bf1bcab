"""The README's command examples, run: every ```sh block preceded by `<!-- checked -->`
is run line by line as a shell would (each `$ command`, with its continuation lines, in
one scratch directory per block), and what it prints must be what the README shows
below it. The README's `...` (or `…`) stands for anything; line breaks and runs of spaces
count as one space (none at brackets' edges), as the README wraps long JSON lines. So a
README that drifts from what govops does fails here."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
MARK = "<!-- checked -->"
ELLIPSIS = re.compile(r"\.\.\.|…")


@dataclass(frozen=True)
class Example:
    line: int  # of the command in the README
    command: str
    shown: str  # what the README shows it printing


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each checked ```sh block."""
    lines, found = text.splitlines(), []
    for number, line in enumerate(lines):
        if line.strip() == MARK:
            assert lines[number + 1].startswith("```sh"), f"README:{number + 1}: {MARK} on no block"
            end = lines.index("```", number + 2)
            found.append((number + 3, lines[number + 2 : end]))
    return found


def _examples(first: int, lines: list[str]) -> list[Example]:
    examples: list[Example] = []
    command: list[str] = []
    shown: list[str] = []
    start = first
    for offset, line in enumerate(lines):
        if line.startswith("$ ") and not (command and command[-1].endswith("\\")):
            if command:
                examples.append(Example(start, "\n".join(command), "\n".join(shown)))
            command, shown, start = [line[2:]], [], first + offset
        elif command and command[-1].endswith("\\") and not shown:
            command.append(line)
        else:
            shown.append(line)
    if command:
        examples.append(Example(start, "\n".join(command), "\n".join(shown)))
    return examples


BLOCKS = _blocks(README.read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    """Runs of white space as one space, none inside brackets' edges: JSON printed with
    indentation reads as the README's wrapped lines do."""
    flat = " ".join(text.split())
    return re.sub(r" ?([\]}]) ?", r"\1", re.sub(r"([\[{]) ", r"\1", flat))


def _same(shown: str, printed: str) -> bool:
    """Whether `printed` is what the README `shown`s (see the module's docstring)."""
    pieces = [_flat(piece) for piece in ELLIPSIS.split(shown)]
    pattern = ".*?".join(re.escape(piece) for piece in pieces)
    return re.fullmatch(pattern, _flat(printed), flags=re.DOTALL) is not None


def test_some_blocks_are_checked() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("first", "lines"), BLOCKS, ids=[f"README:{b[0]}" for b in BLOCKS])
def test_the_readme_example_prints_what_it_shows(
    first: int, lines: list[str], tmp_path: Path
) -> None:
    bin_dir = str(Path(sys.executable).parent)  # where `govops` is installed
    env = os.environ | {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GOVOPS_DATABASE_URL": f"sqlite:///{tmp_path / 'govops.db'}",
        "LANG": "C.UTF-8",
    }
    env.pop("GOVOPS_USER", None)
    for example in _examples(first, lines):
        done = subprocess.run(
            ["bash", "-c", example.command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        printed = done.stdout + done.stderr
        assert _same(example.shown, printed), (
            f"README:{example.line}: $ {example.command}\n--- shown:\n{example.shown}\n"
            f"--- printed:\n{printed[:3000]}"
        )
