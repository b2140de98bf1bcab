"""The alerts of the communities an actor may read (`model.alerts`), on a day, for terms
ending within a number of months; and an alert as a reader is told it (its label and its
figures in the reader's language: the pack's words, or the module's through the
catalogs)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from govops.communities.model.alerts import Alert, community_alerts
from govops.communities.model.registry import RegistryInputError
from govops.communities.service.registry import RegistryService
from govops.lawcode.dated.parameters import ParameterError
from govops.lawcode.texts.messages import Message, Text, msg
from govops.platform.i18n.translator import Translator

DEFAULT_WITHIN = 6  # months ahead a term's end is announced, unless asked otherwise
MAX_WITHIN = 120


def alerts(registry: RegistryService, codes: Iterable[str], day: date, within: int) -> list[Alert]:
    """The alerts of the communities `codes` (each read from the registry), community by
    community; RegistryInputError for a day no rule is in force on, or a bad `within`."""
    if not 0 <= within <= MAX_WITHIN:
        raise RegistryInputError(
            "within", msg("must be from 0 to {limit} months", limit=MAX_WITHIN)
        )
    found: list[Alert] = []
    try:
        for code in codes:
            found += community_alerts(registry.pack, registry.get(code), day, within)
    except ParameterError as error:
        raise RegistryInputError("as_of", error.message) from None
    return found


def told(alert: Alert, t: Translator) -> dict[str, Any]:
    """The alert as data, its label (the pack's, or the module's words) and its figures
    in `t`'s language."""
    label: Text = alert.label if isinstance(alert.label, Message) else t.text(alert.label).text
    return {
        "community": alert.community,
        "kind": alert.kind,
        "severity": alert.severity,
        "organisation": alert.organisation,
        "due": alert.due.isoformat() if alert.due else None,
        "cite": list(alert.cite),
        "label": t.say(label),
        "figures": [t.say(figure) for figure in alert.figures],
    }
