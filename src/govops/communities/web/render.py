"""The language a community page is read in, with the helpers its templates call (besides
the `_`, `t` and `tx` every page has): kinds of organisation, posts, verdicts and kinds of
event in words, units by their names, the pack's labels, figures, and recorded data as
it was recorded. A visit pairs the reader with the request, and renders."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from fastapi import Request
from markupsafe import Markup

from govops.communities.model.words import (
    EVENT_NAMES,
    FIELD_NAMES,
    KIND_NAMES,
    RELATION_NAMES,
    ROLE_NAMES,
    STEP_NAMES,
    VERDICT_NAMES,
)
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree
from govops.platform.web.markup import marked
from govops.platform.web.pages import ReaderVisit, read_page_request


@dataclass(frozen=True, slots=True)
class Reader:
    t: Translator
    pack: Pack
    tree: UnitTree

    @property
    def language(self) -> str:
        return self.t.language

    def named(self, names: Mapping[str, str], code: str) -> Markup:
        """A code in words when it has a name, else the code as written."""
        name = names.get(code)
        return Markup.escape(self.t._(name)) if name else Markup("<code>{}</code>").format(code)

    def unit(self, code: str | None) -> Markup:
        """A unit by its name in the reader's language (marked when in another)."""
        if code is None or code not in self.tree:
            return Markup("<code>{}</code>").format(code or "—")
        found = self.t.text(self.tree.get(code).names)
        return Markup(marked(found.text, found.language, self.language))

    def label(self, labels: Mapping[str, str]) -> Markup:
        """A pack's label (an outcome's) in the reader's language."""
        found = self.t.text(labels)
        return Markup(marked(found.text, found.language, self.language))

    def subcommittee(self, code: str | None) -> Markup:
        """A kind of sub-committee by the pack's vocabulary."""
        for entry in self.pack.vocabularies.get("subcommittee_kinds", ()):
            if entry.code == code:
                return self.label(entry.label)
        return Markup("<code>{}</code>").format(code or "—")

    def breach(self, outcome: str) -> Markup:
        """A breach (an outcome of the pack's composition tables) by its label."""
        for table in ("committee", "bodies"):
            for rule in self.pack.table(table).outcomes:
                if rule.value == outcome:
                    return self.label(rule.labels)
        return Markup("<code>{}</code>").format(outcome)

    def quoted(self, text: str) -> Markup:
        """The textbook's own words, marked with their language."""
        return Markup(marked(text, self.pack.language, self.language))

    def datum(self, value: object) -> Markup:
        """A recorded value as recorded (names not translated: `translate="no"`)."""
        if isinstance(value, str):
            return Markup('<span translate="no">{}</span>').format(value)
        return Markup('<code translate="no">{}</code>').format(
            json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        )

    def recorded(self, data: Mapping[str, object]) -> Markup:
        """A registry event's fields, each named in the reader's language and its value
        as recorded (codes of kinds, posts and relations in words)."""
        worded = {"kind": KIND_NAMES, "role": ROLE_NAMES, "relation": RELATION_NAMES}
        parts = []
        for field, value in data.items():
            label = FIELD_NAMES.get(field)
            name = self.t._(label) if label else field
            if field in worded and isinstance(value, str):
                shown = self.named(worded[field], value)
            elif field == "subcommittee" and isinstance(value, str):
                shown = self.subcommittee(value)
            elif isinstance(value, bool):
                shown = Markup.escape(self.t.value(value))
            else:
                shown = self.datum(value)
            parts.append(Markup("{}: {}").format(name, shown))
        return Markup(self.t.pgettext("list separator", ", ")).join(parts)

    def template_functions(self) -> dict[str, object]:
        return {
            "kind_text": lambda code: self.named(KIND_NAMES, code),
            "role_text": lambda code: self.named(ROLE_NAMES, code),
            "verdict_text": lambda code: self.named(VERDICT_NAMES, code),
            "event_text": lambda code: self.named(EVENT_NAMES, code),
            "step_text": lambda code: self.named(STEP_NAMES, code),
            "recorded_text": self.recorded,
            "unit_text": self.unit,
            "label_text": self.label,
            "subcommittee_text": self.subcommittee,
            "breach_text": self.breach,
            "figure_text": lambda message: self.t.say(
                message if isinstance(message, Message) else str(message)
            ),
            "stored_text": lambda stored: self.t.say(Message(stored["id"], stored["values"])),
            "quoted": self.quoted,
            "datum": self.datum,
            "when": self.t.when,
        }


Visit = ReaderVisit[Reader]


def visit(request: Request, actor: Actor, language: str, pack: Pack) -> Visit:
    page_request = read_page_request(request, language, pack.timezone)
    return ReaderVisit(page_request, Reader(page_request.translator, pack, actor.tree))
