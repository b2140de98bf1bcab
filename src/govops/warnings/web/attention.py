"""What needs attention in the rainstorm warnings, for the home page: each area the reader
reads that is under a warning now (issued, raised or lowered, not yet cancelled), the
highest level first."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from markupsafe import Markup, escape

from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.pages import shown_text
from govops.platform.web.shell import Attention, AttentionOf, at_most_shown
from govops.warnings.model.warning import rank
from govops.warnings.model.wording import level_name
from govops.warnings.service.access import sees_area
from govops.warnings.service.warning import WarningService


def active_warnings(warnings: WarningService) -> AttentionOf:
    """The warnings module's attention function (see the module's docstring)."""

    def attention(request: Request, actor: Actor, t: Translator) -> Sequence[Attention]:
        active = [
            current
            for current in warnings.current()
            if current.level is not None and sees_area(actor, current.area)
        ]
        active.sort(key=lambda current: -rank(current.level))
        sentence = Markup(escape(t._("{area}: {level}")))
        items = [
            Attention(
                sentence.format(
                    area=shown_text(t, current.name) if current.name else current.area,
                    level=t.say(level_name(current.level)),
                ),
                f"/warnings/areas/{current.area}",
            )
            for current in active
        ]
        return at_most_shown(items, t, "/warnings")

    return attention
