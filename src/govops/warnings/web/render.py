"""The language a warning page is read in, with the helpers its templates call (besides the
`_`, `t` and `tx` every page has); a visit pairs the reader with what the request asks for,
and renders the pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from fastapi import Request
from markupsafe import Markup

from govops.lawcode.sources.citations import Citation
from govops.platform.i18n.translator import Translator
from govops.platform.web.pages import ReaderVisit, read_page_request
from govops.warnings.model.warning import EventKind
from govops.warnings.model.wording import event_kind, level_name

NONE = "—"


@dataclass(frozen=True, slots=True)
class Reader:
    t: Translator
    document_language: str  # the language the pack's documents are written in

    @property
    def language(self) -> str:
        return self.t.language

    def level(self, level: str | None) -> str:
        """A level in words: 红色预警 / red warning; 无预警 / no warning."""
        return self.t.say(level_name(level))

    def kind(self, kind: EventKind) -> str:
        return self.t.say(event_kind(kind))

    def when(self, moment: datetime | None) -> str:
        return NONE if moment is None else self.t.when(moment)

    def time(self, moment: datetime | None) -> str:
        return NONE if moment is None else self.t.time(moment)

    def mm(self, value: Decimal | None) -> str:
        """An accumulation with its unit: 139.7毫米, 139.7 mm."""
        return NONE if value is None else self.t._("{mm} mm", mm=value)

    def window(self, hours: int | str) -> str:
        """A window's length: 3小时, 3 h."""
        return self.t._("{n} h", n=int(hours))

    def plain_name(self, names: Mapping[str, str], code: str) -> str:
        """A pack name where no markup can say its language (the page's <title>): in the
        reader's language, else in Latin letters (the English name), else as written."""
        shown = self.t.text(names)
        if shown.language == self.language:
            return shown.text
        return names.get("en") or shown.text or code

    def cite(self, citation: Citation | None) -> Markup:
        """A clause's citation: the document's id, and the place in it as the document
        words it (marked with its language)."""
        if citation is None:
            return Markup(NONE)
        return Markup('<code>{}</code> <span class="cite" lang="{}">{}</span>').format(
            citation.document, self.document_language, citation.article
        )

    def template_functions(self) -> dict[str, object]:
        return {
            "level_text": self.level,
            "kind_text": self.kind,
            "when": self.when,
            "time": self.time,
            "mm": self.mm,
            "window": self.window,
            "plain_name": self.plain_name,
            "cite": self.cite,
        }


Visit = ReaderVisit[Reader]


def visit(request: Request, language: str, timezone: str, document_language: str) -> Visit:
    page_request = read_page_request(request, language, timezone)
    return ReaderVisit(page_request, Reader(page_request.translator, document_language))
