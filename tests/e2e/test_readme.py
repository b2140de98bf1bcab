"""The README's command examples, run. Every ```sh block is either checked or listed in
UNCHECKED with the reason it is not run; a block that is neither fails here, so leaving
an example unchecked is a decision made on purpose.

A checked block is preceded by `<!-- checked -->`. Its commands (each `$ command`, with
the lines that continue it: after a trailing `\\`, or while a quote is open) run one
after the other in one bash, as a reader would type them (with curl and jq at hand), in a
scratch directory holding copies of the files the examples read (README_FILES: the
README's own in examples/readme, and examples/vn-thanhhoa-srb, which the README
names); and what each command prints, standard output and error as they interleave, must
be what the README shows below it. The README's `...` (or `…`) stands for anything; line
breaks and runs of spaces count as one space (none at brackets' edges), as the README
wraps long JSON lines. A command that fails (non-zero exit status) must show the error it
prints (`govops: ...`).

`<!-- checked: demo -->` runs the block where `govops serve --demo` has run, as the
README's examples acting as the demonstration users (`--as orgstaff`) assume: on a copy
of the database it made, with `govops serve` answering on a free port, which stands for
the README's `127.0.0.1:8000` (and `localhost:8000`) in the commands. So a README that
drifts from what govops does fails here."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
README = REPOSITORY / "README.md"
# The files the examples read, copied into each block's scratch directory.
README_FILES = (
    REPOSITORY / "examples" / "readme",
    REPOSITORY / "examples" / "vn-thanhhoa-srb",
)
MARK = re.compile(r"<!-- checked(?:: (?P<given>demo))? -->")
ELLIPSIS = re.compile(r"\.\.\.|…")
SERVED = re.compile(r"(?:127\.0\.0\.1|localhost):8000\b")
STARTUP_SECONDS = 120
# The ```sh blocks not run, by the start of their first line, each with its reason.
UNCHECKED = {
    "bash scripts/start.sh": "installs govops into .venv, then serves until stopped (and "
    "`scripts/test.sh` runs this very suite): what they do is CI's own run",
    ".venv/bin/pip install -e '.[bench]'": "the benchmarks install their contenders and run "
    "for minutes; bench/RESULTS.md holds what they print",
}


@dataclass(frozen=True)
class Block:
    line: int  # of the block's first line in the README
    lines: tuple[str, ...]
    checked: bool
    given: str | None  # what the block runs on: None, an empty system; "demo"


@dataclass(frozen=True)
class Example:
    line: int  # of the command in the README
    command: str
    shown: str  # what the README shows it printing


def _blocks(text: str) -> list[Block]:
    """Every ```sh block of the README, checked or not."""
    lines, found = text.splitlines(), []
    for number, line in enumerate(lines):
        marked = MARK.fullmatch(line.strip())
        if marked:
            assert lines[number + 1].startswith("```sh"), f"README:{number + 1}: mark on no block"
        if line.startswith("```sh"):
            end = lines.index("```", number + 1)
            above = MARK.fullmatch(lines[number - 1].strip()) if number else None
            given = above.group("given") if above else None
            body = tuple(lines[number + 1 : end])
            found.append(Block(number + 2, body, above is not None, given))
    return found


def _unfinished(command: str) -> bool:
    """Whether the command goes on on the next line: after a trailing backslash, or
    while a quote is open."""
    if command.endswith("\\"):
        return True
    try:
        shlex.split(command, comments=True)
    except ValueError:  # no closing quotation
        return True
    return False


def _examples(block: Block) -> list[Example]:
    """The block's commands, each with what the README shows it printing."""
    examples: list[Example] = []
    command: list[str] = []
    shown: list[str] = []
    start = block.line
    for offset, line in enumerate(block.lines):
        if command and not shown and _unfinished("\n".join(command)):
            command.append(line)
        elif line.startswith("$ "):
            if command:
                examples.append(Example(start, "\n".join(command), "\n".join(shown)))
            command, shown, start = [line[2:]], [], block.line + offset
        else:
            shown.append(line)
    if command:
        examples.append(Example(start, "\n".join(command), "\n".join(shown)))
    return examples


BLOCKS = _blocks(README.read_text(encoding="utf-8"))
CHECKED = [block for block in BLOCKS if block.checked]


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


def _unchecked_reason(block: Block) -> str | None:
    first = block.lines[0] if block.lines else ""
    return next((why for start, why in UNCHECKED.items() if first.startswith(start)), None)


def test_some_blocks_are_checked() -> None:
    assert len(CHECKED) >= 5


def test_every_block_is_checked_or_listed_with_its_reason() -> None:
    unlisted = [b.line for b in BLOCKS if not b.checked and _unchecked_reason(b) is None]
    assert unlisted == [], "README lines of ```sh blocks to check, or list in UNCHECKED"
    listed_checked = [b.line for b in CHECKED if _unchecked_reason(b) is not None]
    assert listed_checked == [], "checked blocks still listed in UNCHECKED"
    for start in UNCHECKED:
        matching = [b for b in BLOCKS if b.lines and b.lines[0].startswith(start)]
        assert len(matching) == 1, f"UNCHECKED names {start!r}: {len(matching)} blocks start so"


def test_a_command_goes_on_while_a_quote_is_open() -> None:
    lines = ('$ echo \'{"a": 1,', '  "b": 2}\'', "x", "$ echo \\", "  y # it's", "y")
    assert _examples(Block(1, lines, True, None)) == [
        Example(1, 'echo \'{"a": 1,\n  "b": 2}\'', "x"),
        Example(4, "echo \\\n  y # it's", "y"),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environment(work: Path) -> dict[str, str]:
    """The shell a reader has: govops on the PATH, its database in the directory, and a
    locale that names no language (so each command speaks its own default)."""
    bin_dir = str(Path(sys.executable).parent)  # where `govops` is installed
    unset = ("LANGUAGE", "LC_ALL", "LC_MESSAGES")  # and every GOVOPS_ setting but the database
    kept = {k: v for k, v in os.environ.items() if k not in unset and not k.startswith("GOVOPS_")}
    return kept | {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GOVOPS_DATABASE_URL": f"sqlite:///{work / 'govops.db'}",
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",  # what is printed interleaves as on a terminal
    }


def _serve(work: Path, *options: str) -> tuple[subprocess.Popen[bytes], int]:
    """`govops serve` on a free port in `work`, once it answers."""
    port, log = _free_port(), work.parent / "serve.log"
    with log.open("ab") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "govops",
                "serve",
                "--port",
                str(port),
                "--lang",
                "en",
                *options,
            ],
            cwd=work,
            env=_environment(work),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(log.read_text(encoding="utf-8", errors="replace"))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5):
                return server, port
        except OSError:
            time.sleep(0.2)
    _stop(server)
    raise AssertionError(f"govops serve did not answer within {STARTUP_SECONDS} s")


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database `govops serve --demo` makes, made once: its folder."""
    work = tmp_path_factory.mktemp("demo") / "work"
    work.mkdir()
    server, _ = _serve(work, "--demo")
    _stop(server)
    return work


@pytest.fixture
def given(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, int | None]]:
    """The scratch directory of a block and the port of the server it reaches, if any."""
    block: Block = request.param
    work = tmp_path / "work"
    work.mkdir()
    for folder in README_FILES:
        for source in folder.iterdir():
            assert not (work / source.name).exists(), f"{source.name} twice in README_FILES"
            shutil.copy(source, work / source.name)
    if block.given != "demo":
        yield work, None
        return
    demo: Path = request.getfixturevalue("demo_database")
    for found in demo.glob("govops.db*"):
        shutil.copy(found, work / found.name)
    server, port = _serve(work)
    try:
        yield work, port
    finally:
        _stop(server)


def _run(examples: list[Example], work: Path, port: int | None) -> list[tuple[str, int]]:
    """What each command printed and its exit status, run in one bash in `work`."""
    printed = work.parent / "printed"
    printed.mkdir()
    script = []
    for number, example in enumerate(examples):
        command = example.command
        if port is not None:
            command = SERVED.sub(f"127.0.0.1:{port}", command)
        out, status = (shlex.quote(str(printed / f"{number}.{end}")) for end in ("out", "status"))
        script.append(f"{{\n{command}\n}} >{out} 2>&1 </dev/null\necho $? >{status}\n")
    subprocess.run(
        ["bash", "-c", "".join(script)],
        cwd=work,
        env=_environment(work),
        timeout=900,
        check=False,
    )
    results = []
    for number in range(len(examples)):
        out = (printed / f"{number}.out").read_text(encoding="utf-8", errors="replace")
        results.append((out, int((printed / f"{number}.status").read_text(encoding="utf-8"))))
    return results


@pytest.mark.parametrize(
    ("block", "given"),
    [(block, block) for block in CHECKED],
    ids=[f"README:{block.line}" for block in CHECKED],
    indirect=["given"],
)
def test_the_readme_example_prints_what_it_shows(
    block: Block, given: tuple[Path, int | None]
) -> None:
    work, port = given
    examples = _examples(block)
    for example, (printed, status) in zip(examples, _run(examples, work, port), strict=True):
        where = f"README:{example.line}: $ {example.command}"
        assert _same(example.shown, printed), (
            f"{where}\n--- shown:\n{example.shown}\n--- printed:\n{printed[:3000]}"
        )
        assert status == 0 or "govops:" in example.shown, (
            f"{where}\nexit status {status}, and the README shows no error:\n{printed[:3000]}"
        )
