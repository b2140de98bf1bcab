"""`govops cadres alerts` and `govops cadres screen`: reports over the whole cadre registry
(GOVOPS_DATABASE_URL, default ./govops.db), as JSON Lines, for a user holding cadre.screen
where the registry is kept (--as, or GOVOPS_USER; elsewhere the reports are empty); an
alert's `detail` and a screening error's message are in the reader's language (--lang,
default Chinese).

Mapping notes (a relation the alerts cannot use, an ambiguous relative) go to stderr as
`govops: note: ...`; they do not change the exit status.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Any

import typer

from govops.cadres.cli.acting import AsOption
from govops.cadres.cli.registry import translator_for, with_registry
from govops.platform.cli.language import LanguageOption
from govops.platform.cli.output import fail, parse_date, to_json
from govops.platform.i18n.translator import Translator

AsOf = Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD (default: today)")]


def _day(registry: Any, as_of: str | None, t: Translator) -> date:
    return registry.today() if as_of is None else parse_date(as_of, "--as-of", t)


def alerts_command(
    as_of: AsOf = None,
    horizon_days: Annotated[
        int, typer.Option("--horizon-days", min=0, help="Look this many days ahead.")
    ] = 30,
    as_user: AsOption = None,
    lang: LanguageOption = None,
) -> None:
    """Alerts over the registry (rotation, probation, avoidance, bars, training, absence,
    incompetence), soonest first: kind, people, article, start, end, detail."""
    from datetime import timedelta  # noqa: PLC0415

    from govops.bootstrap import CADRE_PACK  # noqa: PLC0415
    from govops.cadres.api.reports import said, screened  # noqa: PLC0415
    from govops.cadres.model.registry_views import alert_rules, registry_alerts  # noqa: PLC0415
    from govops.cadres.service.access import CADRE_SCREEN  # noqa: PLC0415
    from govops.lawcode.dated.parameters import ParameterError  # noqa: PLC0415
    from govops.packs import load_builtin_pack  # noqa: PLC0415

    t = translator_for(lang)

    def report(registry: Any, actor: Any) -> tuple[list[dict[str, Any]], tuple[Any, ...]]:
        day = _day(registry, as_of, t)
        try:
            rules = alert_rules(load_builtin_pack(CADRE_PACK), day)
        except ParameterError as error:
            fail(t.say(error.message))
        everyone = screened(registry, actor)
        return registry_alerts(everyone, day, rules, timedelta(days=horizon_days))

    lines, issues = with_registry(report, t, as_user, CADRE_SCREEN)
    for issue in issues:
        note = t._(
            "note: cadre {cadre} entry {seq}: {problem}",
            cadre=issue.person,
            seq=issue.entry,
            problem=issue.message,
        )
        print(f"govops: {note}", file=sys.stderr)
    for line in lines:
        print(to_json(said(t, line, "detail")))


def screen_command(
    as_of: AsOf = None, as_user: AsOption = None, lang: LanguageOption = None
) -> None:
    """Every cadre's eligibility for the rank above the one held (deputy_section for someone
    holding no post): person, name, held and target rank, verdict, refusals, warnings."""
    from govops.cadres.api.reports import screened, screening_line  # noqa: PLC0415
    from govops.cadres.model.registry_views import screen_registry  # noqa: PLC0415
    from govops.cadres.service.access import CADRE_SCREEN  # noqa: PLC0415

    t = translator_for(lang)

    def screen(registry: Any, actor: Any) -> list[dict[str, Any]]:
        day = _day(registry, as_of, t)
        return screen_registry(screened(registry, actor), day, registry.eligibility)

    for line in with_registry(screen, t, as_user, CADRE_SCREEN):
        print(to_json(screening_line(t, line)))
