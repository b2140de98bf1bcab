"""The language and time zone a page is shown in, with the helpers templates call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from govops.incidents.web import labels as i18n
from govops.lawcode.rules.tables import RuleTable


@dataclass(frozen=True, slots=True)
class Locale:
    language: str
    timezone: str
    grades: RuleTable  # the grading table, for grade and input labels
    pack_language: str = i18n.ZH  # the language of the pack's input labels

    def t(self, key: str, **values: object) -> str:
        return i18n.translate(self.language, key, **values)

    def tx(self, mapping: Mapping[str, str]) -> str:
        return i18n.text(mapping, self.language)

    def when(self, moment: datetime | None) -> str:
        """A time in the pack's time zone, to the minute: 2026-06-01 09:30."""
        if moment is None:
            return ""
        return moment.astimezone(ZoneInfo(self.timezone)).strftime("%Y-%m-%d %H:%M")

    def grade(self, value: str | None) -> str:
        if value is None:
            return self.t("grade.none")
        try:
            return self.grades.outcome(value).label(self.language)
        except KeyError:
            return value

    def input_label(self, name: str) -> str:
        spec = self.grades.inputs.get(name)
        if spec is not None and spec.label and self.language == self.pack_language:
            return spec.label
        return name.replace("_", " ")  # the pack keeps input labels in its language only
