"""The language a warning page is read in, with the helpers its templates call; a visit
pairs the reader with what the request asks for, and renders the pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from fastapi import Request

from govops.platform.web import languages
from govops.platform.web.pages import ReaderVisit, read_page_request
from govops.warnings.model.wording import millimetres
from govops.warnings.web import labels

BEIJING = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True, slots=True)
class Reader:
    language: str

    def label(self, key: str, **values: object) -> str:
        return labels.label(self.language, key, **values)

    def tx(self, mapping: Mapping[str, str]) -> str:
        return languages.text(mapping, self.language)

    def level(self, level: str | None) -> str:
        """A level in words: 红色预警 / red; 无预警 / no warning."""
        if level is None:
            return self.label("level.none")
        return self.label("level.badge", colour=labels.colour(self.language, level))

    def colour(self, level: str) -> str:
        return labels.colour(self.language, level)

    def when(self, moment: datetime | None, day: bool = False) -> str:
        if moment is None:
            return "—"
        return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M" if day else "%H:%M")

    def mm(self, value: Decimal | None) -> str:
        return "—" if value is None else millimetres(value)

    def template_functions(self) -> dict[str, object]:
        return {
            "label": self.label,
            "tx": self.tx,
            "level_text": self.level,
            "colour": self.colour,
            "when": self.when,
            "mm": self.mm,
        }


Visit = ReaderVisit[Reader]


def visit(request: Request, language: str, timezone: str) -> Visit:
    page_request = read_page_request(request, language, timezone)
    return ReaderVisit(page_request, Reader(page_request.language))
