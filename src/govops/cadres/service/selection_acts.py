"""Acts a selection case records beside the procedure's steps, as use cases of
`SelectionService` (a base class, so that its module stays small): the superior
organisation department's consent to an exceptional promotion (29 para 2), recorded by the
signed-in user with the department and the reference of its consent; the closing of a
case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from govops.cadres.model.selection import Case, Event, Procedure
from govops.cadres.model.steps import Closing
from govops.cadres.service.selection_inputs import MAX_TEXT, checked_text

Make = Callable[[Procedure, Case, datetime, str], Event]


class RecordedActs:
    def _step(
        self,
        case_id: str,
        actor: str,
        at: datetime | None,
        make: Make,
        then: Callable[..., Event] | None = None,
    ) -> Event:
        raise NotImplementedError  # SelectionService's: read, judge, append

    def consent(
        self,
        case_id: str,
        actor: str,
        *,
        department: str,
        reference: str,
        at: datetime | None = None,
    ) -> Event:
        """SUPERIOR_CONSENT (29 para 2) to the case's exceptional promotion: the superior
        organisation department that consented and the reference of its consent."""
        department = checked_text("department", department)
        reference = checked_text("reference", reference)
        return self._step(
            case_id,
            actor,
            at,
            lambda p, case, when, who: p.consent(
                case, when, who, department=department, reference=reference
            ),
        )

    def close(
        self,
        case_id: str,
        actor: str,
        *,
        outcome: Closing,
        reason: str,
        at: datetime | None = None,
    ) -> Event:
        """CLOSED: the case withdrawn or not appointed, with the reason; nothing follows."""
        reason = checked_text("reason", reason, MAX_TEXT)
        return self._step(
            case_id,
            actor,
            at,
            lambda p, case, when, who: p.close(case, when, who, outcome, reason),
        )
