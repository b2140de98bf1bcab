"""A unit's board as the commands show it: lines of text in the reader's language (with
--json, the API's body: `api.board`)."""

from __future__ import annotations

from govops.lawcode.plans.indicators import MEASURE_WORDS, STATUS_WORDS
from govops.platform.cli.render import text_of
from govops.platform.i18n.translator import Translator
from govops.registers.model.board import Board


def board_lines(board: Board, t: Translator) -> list[str]:
    lines = [
        t._(
            "{unit} on {day}: indicators as of {year}",
            unit=board.unit,
            day=board.on,
            year=str(board.year),
        )
    ]
    for row in board.indicators:
        figures = ", ".join(f"{year}: {value}" for year, value in sorted(row.figures.items()))
        lines.append(
            "  "
            + t._(
                "{title}: {status} (target {target}, {measure}) {reason}",
                title=text_of(t, row.indicator.title, row.indicator.id),
                status=t._(STATUS_WORDS[row.assessment.status]),
                target=row.indicator.target.written,
                measure=t._(MEASURE_WORDS[row.indicator.measure]),
                reason=t.say(row.assessment.reason),
            )
            + (f" [{figures}]" if figures else "")
        )
    overdue = [a for a in board.alerts if a.overdue]
    lines.append(
        t.ngettext(
            "{count} alert, {overdue} overdue",
            "{count} alerts, {overdue} overdue",
            len(board.alerts),
            overdue=len(overdue),
        )
    )
    for alert in board.alerts:
        mark = "!" if alert.overdue else "-"
        lines.append(
            f"  {mark} {alert.unit} {alert.register} {alert.subject}: {t.say(alert.reason)}"
        )
    return lines
