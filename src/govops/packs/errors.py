"""Pack errors that name the file, the line and what is wrong. The words are messages,
shown in the reader's language (`shown`); str() is English, for logs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from govops.lawcode.texts.messages import Message, Text, msg_n


class Translator(Protocol):
    """What says a message in the reader's language (the platform's translator); packs
    sit below the platform, so they name only what they use of it."""

    def say(self, message: Message | str) -> str: ...

    def pgettext(self, context: str, text: str, /, **values: object) -> str: ...


@dataclass(frozen=True, slots=True)
class PackProblem:
    file: Path
    line: int | None
    where: str  # the key path inside the file, e.g. outcomes[0].clauses[2].cite
    message: Text  # a Message; a plain str is a text the core gave (English)

    def _place(self) -> str:
        line = f":{self.line}" if self.line is not None else ""
        where = f" {self.where}:" if self.where else ""
        return f"{self.file}{line}:{where}"

    def __str__(self) -> str:
        return f"{self._place()} {self.message}"

    def shown(self, t: Translator) -> str:
        return f"{self._place()} {t.say(self.message)}"


class PackError(Exception):
    """A pack that cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{self.heading()}\n{lines}")

    def heading(self) -> Message:
        count = len(self.problems)
        return msg_n("{count} problem in pack:", "{count} problems in pack:", count)

    def shown(self, t: Translator) -> str:
        lines = "".join(f"\n  {p.shown(t)}" for p in self.problems)
        return f"{t.say(self.heading())}{lines}"


class UnknownPackError(LookupError):
    """No pack of that name or folder; `message` says which there are."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
