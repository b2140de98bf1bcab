"""The helpers a programme page's templates call, in the reader's language; a visit pairs
the reader with what the request asks for, and renders the pages.

Every word of the pages comes from the catalogs (`_()` in the templates); the plan's own
texts come from the pack (`tx()`), and what the plan quotes from its document (articles,
unit words, figures as printed, the total in words) is shown as written, marked with the
document's language when the page is in another one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from fastapi import Request
from markupsafe import Markup, escape

from govops.lawcode.plans.findings import years_text
from govops.lawcode.plans.programme import Budget, Level
from govops.lawcode.sources.citations import Document
from govops.lawcode.texts.messages import N_, Message
from govops.platform.i18n.translator import Translator
from govops.platform.web.markup import marked, said
from govops.platform.web.pages import ReaderVisit, read_page_request, shown_text

# The indicators these pages have words for; another is shown by its name.
INDICATORS = {"srb": N_("sex ratio at birth (boys per 100 girls)")}
# Money units the catalogs name, by how many đồng one unit of a budget table is.
MONEY_UNITS = {Decimal(1): "dong", Decimal(1_000_000): "million-dong"}


@dataclass(frozen=True, slots=True)
class Reader:
    """The reader's translator, and what a citation cites."""

    t: Translator
    documents: Mapping[str, Document]  # by id: to name what a citation cites

    @property
    def language(self) -> str:
        return self.t.language

    def document(self, document_id: str) -> str:
        found = self.documents.get(document_id)
        return document_id if found is None else found.title

    def quoted_in(self, document_id: str) -> str:
        """The language a document's quotes are in (its own)."""
        found = self.documents.get(document_id)
        return self.language if found is None else found.language

    def indicator(self, name: str) -> str:
        """What an indicator measures, for the indicators these pages have words for."""
        return self.t._(INDICATORS[name]) if name in INDICATORS else name

    def level(self, level: Level) -> str:
        """A level of the administration (a row of a table, an output's levels)."""
        if level is Level.PROVINCE:
            return self.t.pgettext("level", "Province")
        if level is Level.DISTRICT:
            return self.t.pgettext("level", "District")
        return self.t.pgettext("level", "Commune")

    def quote(self, text: str, language: str) -> Markup:
        """A text quoted from the document, marked with its language in another page."""
        return marked(text, language, self.language)

    def said(self, message: Message | str, language: str) -> Markup:
        """A message (a finding, say) in the reader's language, what it quotes from the
        document (in `language`) shown as written and marked."""
        return said(self.t, message, language)

    def amount(self, budget: Budget, value: Decimal | None) -> Markup:
        """A figure of a budget table with its unit: 5.444 triệu đồng, VND 5,444 million."""
        if value is None:
            return Markup("")
        unit = MONEY_UNITS.get(budget.unit_dong)
        if unit is not None:
            return escape(self.t.money(value, unit))
        return escape(self.t.number(value)) + Markup(" ") + shown_text(self.t, budget.unit)

    def template_functions(self) -> dict[str, object]:
        return {
            "document": self.document,
            "quoted_in": self.quoted_in,
            "indicator": self.indicator,
            "level": self.level,
            "quote": self.quote,
            "said": self.said,
            "amount": self.amount,
            "year_span": years_text,
        }


Visit = ReaderVisit[Reader]


def visit(request: Request, documents: Mapping[str, Document], language: str) -> Visit:
    page_request = read_page_request(request, language, "Asia/Ho_Chi_Minh")
    return ReaderVisit(page_request, Reader(page_request.translator, documents))
