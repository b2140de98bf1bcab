"""How the incident pages show what is not their own words: the pack's texts (grades,
clauses, departments, duties, input labels), what people typed (summaries, places, names,
notes), and sentences that hold either. Each is marked with its `lang` when it is in
another language than the page's, and sentences are built as markup, so that a quoted
text keeps its mark inside a translated sentence."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

from govops.lawcode.rules.inputs import unit_name
from govops.lawcode.sources.pack import Pack
from govops.lawcode.texts.messages import Message
from govops.platform.i18n.translator import Translator
from govops.platform.web.markup import joined, marked, said
from govops.platform.web.pages import shown_text

__all__ = ["GRADE_TABLE", "Reader", "joined"]

GRADE_TABLE = "grade"


class Reader:
    """What one reader sees of the pack and of the records, in `t`'s language. The records
    (what duty officers typed) are in `records_language`, the organisation's."""

    def __init__(self, t: Translator, pack: Pack, records_language: str) -> None:
        self.t = t
        self.pack = pack
        self.records_language = records_language
        self.grades = pack.table(GRADE_TABLE)

    def say(self, message: Message | str) -> Markup:
        """A message; what it quotes as typed is marked as being in the records' language."""
        return said(self.t, message, self.records_language)

    def tx(self, texts: Mapping[str, str]) -> Markup:
        """A pack text, marked with the pack's language when the reader's is missing."""
        return shown_text(self.t, texts)

    def document(self, text: str) -> Markup:
        """A text of the plan itself (a clause, an article with its name), in its language."""
        return self.tx({self.pack.document.language: text}) if text else Markup()

    def quoted(self, text: str) -> Markup:
        """What someone typed, shown as written, marked when the page is in another language."""
        return marked(text, self.records_language, self.t.language)

    def grade(self, value: str | None) -> Markup:
        if value is None:
            return escape(self.t._("no grading criterion met"))
        try:
            outcome = self.grades.outcome(value)
        except KeyError:
            return escape(value)
        return self.tx(outcome.labels) if outcome.labels else escape(value)

    def input_label(self, name: str) -> Markup:
        """An input's label in the reader's language when the pack writes it in it."""
        spec = self.grades.inputs.get(name)
        if spec is None or not spec.label:
            return escape(name)
        return self.tx(dict(spec.labels) or {self.pack.language: spec.label})

    def unit(self, word: str | None) -> str:
        """A measure word (人, 小时) in the reader's language."""
        return self.t.say(unit_name(word)) if word else ""

    def figure(self, value: object) -> Markup:
        """A figure of a report: a text as typed (约1200), a number, or yes or no."""
        if isinstance(value, str):
            return self.quoted(value)
        return escape(self.t.value(value))
