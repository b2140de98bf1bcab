"""What needs attention in the incidents of the reader's units, for the home page: each
open incident with a report deadline passed unmet (the plan's 1-hour, 2-hour... reports,
5.2 and 6.1), shown by its longest overdue deadline, the longest overdue first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from fastapi import Request
from markupsafe import Markup, escape

from govops.incidents.model.incident import DeadlineState
from govops.incidents.service import access
from govops.incidents.service.incident import IncidentService
from govops.lawcode.sources.pack import Pack
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.markup import marked
from govops.platform.web.pages import shown_text
from govops.platform.web.shell import Attention, AttentionOf, at_most_shown


def overdue_reports(
    service: IncidentService, pack: Pack, clock: Callable[[], datetime]
) -> AttentionOf:
    """The incidents module's attention function (see the module's docstring)."""

    def attention(request: Request, actor: Actor, t: Translator) -> Sequence[Attention]:
        now = clock()
        found = access.visible(actor, service.search(status="open"), pack.id)
        late = sorted(
            (
                (min(overdue, key=_due), incident)
                for incident in found
                if (overdue := incident.overdue(now))
            ),
            key=lambda pair: pair[0].due,
        )
        sentence = Markup(escape(t._("{summary}: {deadline}, overdue by {span}")))
        items = [
            Attention(
                sentence.format(
                    summary=marked(incident.summary, pack.language, t.language),
                    deadline=shown_text(t, deadline.title),
                    span=t.span(now - deadline.due),
                ),
                f"/incidents/{incident.id}",
            )
            for deadline, incident in late
        ]
        return at_most_shown(items, t, "/incidents?overdue=1")

    return attention


def _due(deadline: DeadlineState) -> datetime:
    return deadline.due
