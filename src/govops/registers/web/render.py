"""The language a register page is read in, with the helpers its templates call (besides
the `_`, `t` and `tx` every page has): units by their names, an alert's register and
subject in words (a recurring duty and a roster's role by the pack's titles, a hazard or
an item by its code). A visit pairs the reader with the request, and renders."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from markupsafe import Markup

from govops.lawcode.sources.citations import Citation
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.identity.units import UnitTree
from govops.platform.web.markup import marked, said
from govops.platform.web.pages import ReaderVisit, read_page_request
from govops.registers.model.alerts import Alert
from govops.registers.web.words import REGISTER_NAMES


@dataclass(frozen=True, slots=True)
class Reader:
    t: Translator
    pack: Pack
    tree: UnitTree

    def unit(self, code: str) -> Markup:
        """A unit by its name in the reader's language (marked when in another)."""
        if code not in self.tree:
            return Markup("<code>{}</code>").format(code)
        found = self.t.text(self.tree.get(code).names)
        if not found.text:
            return Markup("<code>{}</code>").format(code)
        return Markup(marked(found.text, found.language, self.t.language))

    def unit_name(self, code: str) -> str:
        """A unit's name where no markup can say its language (the page's <title>): in the
        reader's language, else in Latin letters (the English name), else its code."""
        if code not in self.tree:
            return code
        names = self.tree.get(code).names
        shown = self.t.text(names)
        return shown.text if shown.language == self.t.language else names.get("en") or code

    def cite(self, citation: Citation) -> Markup:
        """A place in the plan, as the plan words it (marked with its language)."""
        return marked(citation.article, self.pack.language, self.t.language)

    def told(self, message: Message | str) -> Markup:
        """A message in the reader's language, what it quotes marked with its language."""
        return said(self.t, message, self.pack.language)

    def register(self, code: str) -> Markup:
        """The register an alert comes from: a recurring duty or a key project by the
        pack's title."""
        rules = self.pack.registers
        owed = rules.cadence(code) if rules else None
        project = rules.project(code) if rules else None
        titled = owed.cadence.title if owed else project.title if project else None
        if titled is not None:
            found = self.t.text(titled)
            return Markup(marked(found.text, found.language, self.t.language))
        name = REGISTER_NAMES.get(code)
        return Markup.escape(self.t._(name)) if name else Markup("<code>{}</code>").format(code)

    def subject(self, alert: Alert) -> Markup:
        """What an alert is about: a unit by its name, a role in words, else its code."""
        if alert.subject in self.tree:
            return self.unit(alert.subject)
        reserves = self.pack.registers.reserves if self.pack.registers else None
        need = (
            next((n for n in reserves.needs if n.item == alert.subject), None) if reserves else None
        )
        if alert.register.startswith("reserves") and need is not None and need.title:
            found = self.t.text(need.title)
            return Markup(marked(found.text, found.language, self.t.language))
        duty = self.pack.registers.duty if self.pack.registers else None
        if alert.register == "roster" and duty is not None and alert.subject in duty.titles:
            found = self.t.text(duty.titles[alert.subject])
            return Markup(marked(found.text, found.language, self.t.language))
        return Markup('<code translate="no">{}</code>').format(alert.subject)

    def template_functions(self) -> dict[str, object]:
        return {
            "unit_text": self.unit,
            "unit_name": self.unit_name,
            "cite_text": self.cite,
            "told": self.told,
            "quoted": lambda text: marked(text, self.pack.language, self.t.language),
            "register_text": self.register,
            "subject_text": self.subject,
        }


Visit = ReaderVisit[Reader]


def visit(request: Request, actor: Actor, language: str, pack: Pack) -> Visit:
    page_request = read_page_request(request, language, pack.timezone)
    return ReaderVisit(page_request, Reader(page_request.translator, pack, actor.tree))
