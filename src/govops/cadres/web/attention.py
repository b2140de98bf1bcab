"""What needs attention in the selection cases, for the home page: each case the reader
may see whose procedure has not ended, with the step it expects next (Arts. 10-35), the
latest motion first."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from markupsafe import Markup, escape

from govops.cadres.model.steps import step_name
from govops.cadres.service import access
from govops.cadres.service.selection import SelectionService
from govops.cadres.web.selection_page import next_step
from govops.lawcode.sources.pack import Pack
from govops.platform.i18n.translator import Translator
from govops.platform.identity.actor import Actor
from govops.platform.web.markup import marked
from govops.platform.web.shell import Attention, AttentionOf, at_most_shown


def open_steps(selections: SelectionService, pack: Pack) -> AttentionOf:
    """The selection module's attention function (see the module's docstring)."""

    def attention(request: Request, actor: Actor, t: Translator) -> Sequence[Attention]:
        sentence = Markup(escape(t._("{candidate}, {post}: next, {step}")))
        items = []
        for case in access.visible_cases(selections, actor):
            step = next_step(case)
            if step is None:
                continue
            text = sentence.format(
                candidate=marked(case.candidate, pack.language, t.language),
                post=marked(case.post, pack.language, t.language),
                step=t.say(step_name(step)),
            )
            items.append(Attention(text, f"/selections/{case.id}"))
        return at_most_shown(items, t, "/selections")

    return attention
