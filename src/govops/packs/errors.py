"""Pack errors that name the file, the line and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PackProblem:
    file: Path
    line: int | None
    where: str  # the key path inside the file, e.g. outcomes[0].clauses[2].cite
    message: str

    def __str__(self) -> str:
        line = f":{self.line}" if self.line is not None else ""
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}{line}:{where} {self.message}"


class PackError(Exception):
    """A pack that cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in pack:\n{lines}")
