"""A unit's board as data (the API's body, and `govops registers board --json`): each
indicator against its target with its yearly figures (exact, as text), each alert; every
title, status and reason in the reader's language."""

from __future__ import annotations

from typing import Any

from govops.lawcode.plans.indicators import STATUS_WORDS
from govops.platform.i18n.translator import Translator
from govops.registers.model.board import Board


def board_body(board: Board, t: Translator) -> dict[str, Any]:
    return {
        "unit": board.unit,
        "on": board.on.isoformat(),
        "year": board.year,
        "indicators": [
            {
                "id": row.indicator.id,
                "title": t.text(row.indicator.title).text or row.indicator.id,
                "target": row.indicator.target.written,
                "measure": row.indicator.measure.value,
                "counted_by_registers": row.counted,
                "figures": {str(y): str(v) for y, v in sorted(row.figures.items())},
                "status": row.assessment.status.value,
                "status_words": t._(STATUS_WORDS[row.assessment.status]),
                "reason": t.say(row.assessment.reason),
                "cite": str(row.indicator.cite),
            }
            for row in board.indicators
        ],
        "projects": [
            {
                "id": row.project.id,
                "title": t.text(row.project.title).text or row.project.id,
                "milestones": row.milestones,
                "done": row.done,
                "overdue": row.overdue,
                "cite": str(row.project.cite),
            }
            for row in board.projects
        ],
        "alerts": [
            {
                "register": a.register,
                "unit": a.unit,
                "subject": a.subject,
                "overdue": a.overdue,
                "reason": t.say(a.reason),
            }
            for a in board.alerts
        ],
    }
