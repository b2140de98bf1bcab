"""How much a reader may give in one field, the same through every interface: the API's
bodies (`platform.api.schemas`) and the pages' forms (each module's `web/forms.py`) refuse
more, naming the field and the limit. A figure typed as text has its own limit, where it
is read (`lawcode.figures.zh.MAX_TEXT`); a request body as a whole, the server's
(GOVOPS_MAX_BODY_BYTES)."""

from __future__ import annotations

NAME = 100  # characters: who files (an actor, a duty officer), a person's name
SHORT_TEXT = 200  # a place, a township, a candidate, a post, an identifier
LONG_TEXT = 10_000  # a summary, a note, an after-action record, a plan, a reason
