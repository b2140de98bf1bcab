"""`govops communities alerts`: what needs doing in the communities the user may read (or
those under a street), on a day: terms ending within N months or ended, congresses and
councils overdue, new estates to apply for or elect a committee, households outside the
law's range, sub-committees below three members; each with its articles and figures, in
the reader's language (--json: the API's body)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from govops.cli.context import AsOption
from govops.communities.cli.composition import AsOf
from govops.communities.cli.registry import JsonFlag, print_json, translator_for, with_registry
from govops.lawcode.texts.messages import N_
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import parse_date
from govops.platform.cli.render import listed

if TYPE_CHECKING:
    from govops.communities.service.registry import RegistryService
    from govops.platform.identity.actor import Actor

SEVERITIES = {"refuse": N_("due"), "warn": N_("warning")}


def alerts_command(
    under: Annotated[
        str | None, typer.Option("--under", metavar="STREET", help="Only under this unit.")
    ] = None,
    within: Annotated[
        int, typer.Option("--within", metavar="MONTHS", help="Announce terms ending within.")
    ] = 6,
    as_of: AsOf = None,
    json_out: JsonFlag = False,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """What needs doing, one alert a line: community, organisation, what, articles, figures."""
    from govops.communities.service.access import COMMUNITY_READ, visible  # noqa: PLC0415
    from govops.communities.service.alerts import alerts, told  # noqa: PLC0415

    t = translator_for(lang)
    asked = None if as_of is None else parse_date(as_of, "--as-of", t)

    def find(registry: RegistryService, actor: Actor) -> tuple[date, list[dict[str, Any]]]:
        day = registry.today() if asked is None else asked
        return day, [told(a, t) for a in alerts(registry, visible(actor, under), day, within)]

    day, found = with_registry(find, t, as_user, COMMUNITY_READ)
    if json_out:
        body = {"as_of": day.isoformat(), "within": within, "count": len(found), "alerts": found}
        print_json(body)
        return
    for alert in found:
        what = t._(
            "{severity}: {label}", severity=t._(SEVERITIES[alert["severity"]]), label=alert["label"]
        )
        cite = f" [{listed(t, alert['cite'])}]" if alert["cite"] else ""
        figures = f" ({listed(t, alert['figures'])})" if alert["figures"] else ""
        print(f"{alert['community']}\t{alert['organisation'] or '-'}\t{what}{cite}{figures}")
