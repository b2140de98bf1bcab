"""The registers' pages: the boards one may read, and a unit's board on a day (?on=, today
by default). Nothing is decided here: the board is the service's, as the API answers it. A
unit outside the reader's is answered 404, as an unknown one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import Response

from govops.lawcode.plans.indicators import MEASURE_WORDS, STATUS_WORDS
from govops.platform.api.auth import actor_of, permission
from govops.platform.identity.actor import Actor
from govops.registers.model.board import Board
from govops.registers.model.records import RecordKind
from govops.registers.service.access import (
    REGISTER_READ,
    REGISTER_RECORD,
    RegisterNotFoundError,
)
from govops.registers.service.registers import RecordInputError, RegisterService, read_day
from govops.registers.web.chart import trend_chart
from govops.registers.web.render import Visit, visit
from govops.registers.web.words import KIND_NAMES

Reader = Annotated[Actor, Depends(actor_of(permission(REGISTER_READ)))]
Refused = tuple[str, list[str]]  # why a sheet was refused, and each refused row
QUERY_TEXT = 32


class RegisterPages:
    def __init__(self, service: RegisterService, language: str) -> None:
        self.service, self.language = service, language

    def index(self, request: Request, actor: Reader) -> Response:
        v = visit(request, actor, self.language, self.service.pack)
        return v.render(
            "registers/index.html", f"{v.base}/registers", {"boards": self.service.boards(actor)}
        )

    def board(self, request: Request, unit: str, actor: Reader) -> Response:
        return self.show(request, unit, actor)

    def show(
        self, request: Request, unit: str, actor: Actor, refused: Refused | None = None
    ) -> Response:
        """The board; `refused`, a sheet the form sent that was refused (why, each row)."""
        v = visit(request, actor, self.language, self.service.pack)
        url = f"{v.base}/registers/{unit}"
        t = v.reader.t
        asked = (request.query_params.get("on") or "").strip()[:QUERY_TEXT]
        problem = None
        day = self.service.today()
        if asked:
            try:
                day = read_day(asked)
            except RecordInputError as error:
                problem = t.say(error.message)
        try:
            found, counts = self.service.overview(actor, unit, day)
        except RegisterNotFoundError as error:
            said = {"message": t.say(error.message), "back": f"{v.base}/registers"}
            return v.render("registers/error.html", url, said, 404)
        values = {"board": found, "rows": _rows(v, found), "problem": problem, "day": day}
        values["streets"] = [
            s for s in self.service.boards(actor) if actor.tree.get(s).parent == unit
        ]
        values["overdue"] = sum(1 for a in found.alerts if a.overdue)
        values |= self._registers(actor, unit, counts, refused, request)
        page = f"{url}?on={day.isoformat()}" if asked else url
        status = 422 if problem or refused else 200
        return v.render("registers/board.html", page, values, status)

    def _registers(
        self,
        actor: Actor,
        unit: str,
        counts: dict[RecordKind, int],
        refused: Refused | None,
        request: Request,
    ) -> dict[str, object]:
        """The registers' section: each kind with its count, whether the reader may record
        here, what the form last recorded or refused."""
        kinds = [(k.value, KIND_NAMES[k.value], counts[k]) for k in RecordKind]
        recorded = (request.query_params.get("recorded") or "")[:QUERY_TEXT]
        return {
            "kinds": kinds,
            "can_record": actor.acting_unit(REGISTER_RECORD, unit) is not None,
            "refused": refused,
            "recorded": int(recorded) if recorded.isdigit() else None,
        }


def _rows(v: Visit, board: Board) -> list[dict[str, Any]]:
    t = v.reader.t
    rows = []
    for row in board.indicators:
        figures = ", ".join(f"{y}: {t.number(f)}" for y, f in sorted(row.figures.items()))
        label = t._("figures by year: {figures}", figures=figures or t._("none"))
        rows.append(
            {
                "row": row,
                "status": t._(STATUS_WORDS[row.assessment.status]),
                "measure": t._(MEASURE_WORDS[row.indicator.measure]),
                "reason": v.reader.told(row.assessment.reason),
                "chart": trend_chart(row.indicator, row.figures, label),
                "figures": figures,
            }
        )
    return rows
