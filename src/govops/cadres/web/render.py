"""The language a cadre page is read in, with the helpers its templates call (besides the
`_`, `t` and `tx` every page has): steps, ranks, kinds of entry and verdicts in words, and
recorded data as it was recorded. A visit pairs the reader with the request, and renders."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from markupsafe import Markup

from govops.cadres.model.steps import GUARD_NAMES, Step, step_name
from govops.cadres.service import access
from govops.lawcode.texts.messages import N_, Message
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.pages import ReaderVisit, read_page_request

NONE = "—"
# The ranks of the registry and of eligibility (model.record.RANKS), lowest first.
RANK_NAMES = {
    "deputy_section": N_("deputy section level"),
    "section_chief": N_("section chief level"),
    "deputy_division": N_("deputy division level"),
    "division_chief": N_("division chief level"),
}
# The kinds of registry entry (model.registry.EntryKind).
KIND_NAMES = {
    "position": N_("post held"),
    "work_start": N_("start of work"),
    "education": N_("education"),
    "training": N_("training"),
    "party": N_("Party membership"),
    "assessment": N_("annual assessment"),
    "discipline": N_("sanction"),
    "relative": N_("relative"),
    "establishment": N_("establishment"),
    "demotion": N_("demotion"),
    "accountability": N_("accountability"),
    "absence": N_("absence from the post"),
    "retraction": N_("retraction"),
}
# The verdicts of a table of breaches (lawcode.rules.verdict.Verdict).
VERDICT_NAMES = {
    "eligible": N_("eligible"),
    "eligible_with_warnings": N_("eligible, with points to justify"),
    "ineligible": N_("not eligible"),
}


@dataclass(frozen=True, slots=True)
class Reader:
    t: Translator
    document_language: str  # the language of the regulation's own words (clause texts)
    registry_open: bool = False  # the reader may read the registry: the header links it

    @property
    def language(self) -> str:
        return self.t.language

    def step(self, step: Step | None) -> str:
        """A step in words; after the last one, that the case is closed."""
        return self.t.say(step_name(step))

    def guard(self, code: str) -> str:
        """A step's guard (steps.GUARD_NAMES) in words."""
        return self.t.say(Message(GUARD_NAMES[code]))

    def named(self, names: Mapping[str, str], code: str) -> Markup:
        """A code in words when it has a name, else the code as written."""
        name = names.get(code)
        return Markup.escape(self.t._(name)) if name else Markup("<code>{}</code>").format(code)

    def rank(self, code: str) -> Markup:
        return self.named(RANK_NAMES, code)

    def kind(self, code: str) -> Markup:
        return self.named(KIND_NAMES, code)

    def verdict(self, code: str) -> Markup:
        return self.named(VERDICT_NAMES, code)

    def when(self, moment: datetime | None) -> str:
        return NONE if moment is None else self.t.when(moment)

    def datum(self, value: object) -> Markup:
        """A recorded value as recorded: a name or a text as written (not translated:
        `translate="no"`), a count as the language writes numbers, anything else (codes,
        dates, lists) as data."""
        if isinstance(value, str) and not value.isascii():
            return Markup('<span translate="no">{}</span>').format(value)
        if isinstance(value, str):
            return Markup("<code>{}</code>").format(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return Markup('<span class="number">{}</span>').format(self.t.number(value))
        return Markup('<code translate="no">{}</code>').format(
            json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        )

    def quoted(self, text: str) -> Markup:
        """The regulation's own words, marked with their language."""
        if self.document_language == self.language:
            return Markup.escape(text)
        return Markup('<span lang="{}">{}</span>').format(self.document_language, text)

    def template_functions(self) -> dict[str, object]:
        return {
            "step_text": self.step,
            "guard_text": self.guard,
            "rank_text": self.rank,
            "kind_text": self.kind,
            "verdict_text": self.verdict,
            "when": self.when,
            "datum": self.datum,
            "quoted": self.quoted,
            "registry_open": self.registry_open,
        }


Visit = ReaderVisit[Reader]


def visit(
    request: Request, actor: Actor, language: str, timezone: str, document_language: str
) -> Visit:
    page_request = read_page_request(request, language, timezone)
    registry_open = access.acting_unit(actor, access.CADRE_READ) is not None
    reader = Reader(page_request.translator, document_language, registry_open)
    return ReaderVisit(page_request, reader)
