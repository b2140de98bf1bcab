"""What needs attention in the communities, for the home page: each alert due (a term run,
a congress overdue, a committee to elect, a sub-committee too small: the pack's refusals)
in the communities the reader may see, community by community."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from markupsafe import Markup, escape

from govops.communities.model.registry import RegistryInputError
from govops.communities.service import access
from govops.communities.service.alerts import DEFAULT_WITHIN, alerts, told
from govops.communities.service.registry import RegistryService
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.markup import marked
from govops.platform.web.shell import Attention, AttentionOf, at_most_shown


def due_alerts(registry: RegistryService) -> AttentionOf:
    """The community module's attention function (see the module's docstring)."""

    def attention(request: Request, actor: Actor, t: Translator) -> Sequence[Attention]:
        try:
            found = alerts(registry, access.visible(actor), registry.today(), DEFAULT_WITHIN)
        except RegistryInputError:  # no rule in force today: nothing can be said due
            return []
        sentence = Markup(escape(t._("{community}: {alert}")))
        items = []
        for alert in found:
            if alert.severity != "refuse":
                continue
            name = t.text(actor.tree.get(alert.community).names)
            text = sentence.format(
                community=marked(name.text, name.language, t.language),
                alert=told(alert, t)["label"],
            )
            items.append(Attention(text, f"/communities/{alert.community}"))
        return at_most_shown(items, t, "/communities")

    return attention
